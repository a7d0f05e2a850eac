"""Signed links in notification e-mails: one-click unsubscribe from some kinds, for one
person, without signing in. The link names the person and the kinds and is signed with
SECRET_KEY (django.core.signing), so changing any part of it makes it worthless. It does
not expire: an old e-mail's link must still work (RFC 8058)."""

from django.contrib.auth import get_user_model
from django.core import signing
from django.urls import reverse

from marketplace.core.mail import absolute_url

from .kinds import KINDS

SALT = "notifications.unsubscribe"


class LinkInvalid(Exception):
    pass


def unsubscribe_token(*, user, kinds: list[str]) -> str:
    return signing.dumps({"u": user.pk, "k": sorted(set(kinds))}, salt=SALT, compress=True)


def unsubscribe_read(token: str):
    """(user, kind keys) named by a token; LinkInvalid when it was changed or its person is gone."""
    try:
        data = signing.loads(token, salt=SALT)
        user = get_user_model().objects.get(pk=data["u"], is_active=True)
        kinds = [key for key in data["k"] if key in KINDS and not KINDS[key].required]
    except (signing.BadSignature, get_user_model().DoesNotExist, KeyError, TypeError):
        raise LinkInvalid from None
    if not kinds:
        raise LinkInvalid
    return user, kinds


def unsubscribe_url(*, user, kinds: list[str]) -> str:
    """The link, in the active language (the reader's, while their e-mail is written)."""
    return absolute_url(
        reverse("notifications:unsubscribe", kwargs={"token": unsubscribe_token(user=user, kinds=kinds)})
    )


def settings_url() -> str:
    return absolute_url(reverse("notifications:settings"))
