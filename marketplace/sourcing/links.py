"""The link in an invitation to quote (and its reminder) that declines it from the
e-mail, without signing in: suppliers read these on the phone, between jobs, and a
decline is harmless (the buyer sees it with its reason; a member can change the answer
from the need's page until the deadline). The link names the invitation and the member
it was sent to, signed with SECRET_KEY; it works while that person is a member of the
supplier and the need takes answers (services.invitation_decline)."""

from django.contrib.auth import get_user_model
from django.core import signing
from django.urls import reverse

from marketplace.core.mail import absolute_url
from marketplace.organisations.selectors import is_member

from .models import Invitation

SALT = "sourcing.invitation-decline"


class LinkInvalid(Exception):
    pass


def decline_url(*, invitation: Invitation, user) -> str:
    token = signing.dumps({"i": invitation.pk, "u": user.pk}, salt=SALT)
    return absolute_url(reverse("sourcing:invitation-decline", kwargs={"token": token}))


def decline_read(token: str) -> tuple[Invitation, object]:
    """(invitation, member) of a link; LinkInvalid when it was changed, or its person has
    left the supplier."""
    try:
        data = signing.loads(token, salt=SALT)
        invitation = Invitation.objects.select_related("need__buyer", "supplier").get(pk=data["i"])
        user = get_user_model().objects.get(pk=data["u"], is_active=True)
    except (signing.BadSignature, Invitation.DoesNotExist, get_user_model().DoesNotExist, KeyError, TypeError):
        raise LinkInvalid from None
    if not is_member(user=user, organisation=invitation.supplier):
        raise LinkInvalid
    return invitation, user
