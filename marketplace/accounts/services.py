"""Writes about people: their roles on the platform, signing up, their language, deleting an account."""

from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils.encoding import force_bytes, force_str
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode

from marketplace.core import languages
from marketplace.core.mail import absolute_url, templated_mail_send

User = get_user_model()

OPERATORS = "Operators"
# What operators run: the shop through Oscar's dashboard (which asks staff for model
# permissions, not staff status alone), the organisations they verify, the needs
# they moderate, payments and invoices, e-mails that could not be sent. Every permission of these apps.
OPERATOR_APPS = (
    "analytics",
    "audit",
    "axes",
    "catalogue",
    "communication",
    "core",
    "deductions",
    "flatpages",
    "networks",
    "offer",
    "order",
    "organisations",
    "partner",
    "payments",
    "reviews",
    "shipping",
    "sourcing",
    "verification",
    "voucher",
)
# People they may look at (Oscar's customer pages) but not change: whoever may change
# a user in the Django admin may also make them a superuser.
OPERATOR_PERMISSIONS = (("accounts", "view_user"),)


@transaction.atomic
def operator_role_ensure() -> Group:
    """The Operators group with its rights, topped up when new models bring new
    permissions. Safe to run again. Operators are staff users in this group."""
    group, _created = Group.objects.get_or_create(name=OPERATORS)
    looked_at = Q()
    for app_label, codename in OPERATOR_PERMISSIONS:
        looked_at |= Q(content_type__app_label=app_label, codename=codename)
    group.permissions.add(*Permission.objects.filter(Q(content_type__app_label__in=OPERATOR_APPS) | looked_at))
    return group


@transaction.atomic
def operator_make(*, user) -> None:
    """Give a person the operator role: staff (the admin and dashboard let them in)
    with the Operators group's rights."""
    user.is_staff = True
    user.save(update_fields=["is_staff"])
    user.groups.add(operator_role_ensure())


def account_delete(*, user) -> None:
    """Deleting an account is erasing it (marketplace.privacy.services.account_erase)."""
    from marketplace.privacy.services import account_erase

    account_erase(user=user)


def user_language_set(*, user, language: str) -> None:
    """Remember the language a person chose, for the site and for what is sent to them
    later (marketplace.core.languages); a code outside settings.LANGUAGES changes nothing."""
    language = languages.supported(language)
    if language and language != user.language:
        user.language = language
        user.save(update_fields=["language"])


def sign_up(*, form):
    """A sign-up, whose answer must be the same whether or not the address has an account:
    a new address gets an inactive account (returned; the caller sends the link that
    confirms it, `confirmation_send`), while the owner of a known address is told by
    e-mail that someone tried, with the ways in (None is returned)."""
    email = form.cleaned_data["email"]
    existing = User.objects.filter(email__iexact=email).first()
    if existing is not None:
        _mail(existing, "account_exists", {"user": existing})
        return None
    user = form.save(commit=False)
    user.is_active = False
    user.save()
    return user


def confirmation_send(*, user, next_path: str = "") -> None:
    path = reverse(
        "accounts:confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    query = f"?{urlencode({'next': next_path})}" if next_path else ""
    _mail(user, "confirm", {"user": user, "url": absolute_url(path + query)})


def confirmation_accept(*, uidb64: str, token: str):
    """The account whose address the link confirms, now active; None for a link that is
    wrong, expired or already used (signing in changes what the token was made from)."""
    try:
        user = User.objects.get(pk=force_str(urlsafe_base64_decode(uidb64)))
    except (User.DoesNotExist, ValueError, TypeError, OverflowError):
        return None
    if not default_token_generator.check_token(user, token):
        return None
    if not user.is_active:
        user.is_active = True
        user.save(update_fields=["is_active"])
    return user


def _mail(user, template: str, context: dict) -> None:
    """An e-mail to `user`, in their language (whoever asked for it: someone signing up
    with their address writes in whatever language, the owner reads theirs)."""
    context = {
        **context,
        "sign_in_url": absolute_url(reverse("accounts:login")),
        "reset_url": absolute_url(reverse("password-reset")),
    }
    templated_mail_send(
        to=user.email, template=f"accounts/email/{template}", context=context, language=languages.of(user)
    )
