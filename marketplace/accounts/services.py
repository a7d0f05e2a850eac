"""Writes about people's roles on the platform."""

from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

OPERATORS = "Operators"
# What operators run: the shop through Oscar's dashboard (which asks staff for model
# permissions, not staff status alone), the organisations they verify, the needs
# they moderate, payments and invoices, e-mails that could not be sent. Every permission of these apps.
OPERATOR_APPS = (
    "analytics",
    "axes",
    "catalogue",
    "communication",
    "core",
    "flatpages",
    "offer",
    "order",
    "organisations",
    "partner",
    "payments",
    "reviews",
    "shipping",
    "sourcing",
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


@transaction.atomic
def account_delete(*, user) -> None:
    """Delete a person's account, unless an organisation would be left without an
    administrator: they hand over first (make a colleague administrator)."""
    from marketplace.organisations.selectors import organisations_only_administered_by

    sole = organisations_only_administered_by(user=user)
    if sole:
        raise ValidationError(
            _(
                "You are the only administrator of %(organisations)s. Make a colleague administrator "
                "on its Colleagues page first, then delete your account."
            )
            % {"organisations": ", ".join(organisation.name for organisation in sole)}
        )
    user.delete()
