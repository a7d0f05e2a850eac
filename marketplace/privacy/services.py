"""Writes: a person's export file, erasing a person, purging what is no longer needed."""

import csv
import io
import json
import zipfile
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.accounts.sessions import sessions_sign_out_all
from marketplace.audit import services as audit
from marketplace.sourcing.exports import csv_cell

from .selectors import personal_data, personal_files

User = get_user_model()


class _Encoder(DjangoJSONEncoder):
    """Dates, decimals and the like as Django writes them; other values (a country) as their text."""

    def default(self, o):
        try:
            return super().default(o)
        except TypeError:
            return str(o)


def personal_data_zip(*, user) -> bytes:
    """The person's data as a ZIP: everything in `personal-data.json`, one CSV per
    category for people (spreadsheet formulas neutralised), and their uploads."""
    data = personal_data(user=user)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("personal-data.json", json.dumps(data, cls=_Encoder, indent=2, ensure_ascii=False))
        for category, rows in data.items():
            out = io.StringIO()
            writer = csv.DictWriter(out, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows({key: csv_cell(value) for key, value in row.items()} for row in rows)
            archive.writestr(f"{category}.csv", "\ufeff" + out.getvalue())
        for name, upload in personal_files(user=user):
            with upload.open("rb") as handle:
                archive.writestr(name, handle.read())
    return buffer.getvalue()


def _traces_delete(*, emails) -> None:
    """Copies of the address outside the links to the person: invitations sent to it,
    e-mails that could not be sent to it, sign-in attempts made with it."""
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    from marketplace.core.models import EmailFailure
    from marketplace.organisations.models import Invitation

    for email in emails:
        Invitation.objects.filter(email__iexact=email).delete()
        EmailFailure.objects.filter(recipients__icontains=email).delete()
        for model in (AccessAttempt, AccessLog, AccessFailureLog):
            model.objects.filter(username__iexact=email).delete()


@transaction.atomic
def account_erase(*, user) -> None:
    """Erase a person: their own rows go (registry: DELETE), organisations' rows lose the
    link to them (DETACH), invoices, credit notes, purchases and order parts stay with the
    copies the law requires (RETAIN, retention.py). Refused while an organisation would be
    left without an administrator: they hand over first."""
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
    # Sessions are recorded at every sign-in (accounts.UserSession), so they end in any session store.
    sessions_sign_out_all(user=user)
    _traces_delete(emails=[user.email])
    audit.person_forget(user=user)
    # Foreign keys carry out the registry: DELETE links cascade, DETACH and RETAIN links
    # are SET_NULL (tests/privacy check that each declaration matches its on_delete).
    user.delete()


@transaction.atomic
def purge(*, now=None) -> dict[str, int]:
    """Delete what is no longer needed, by the periods in settings; safe to run again."""
    from oscar.core.loading import get_model

    from marketplace.core.models import EmailFailure
    from marketplace.organisations.models import Invitation

    Basket = get_model("basket", "Basket")
    now = now or timezone.now()

    def before(days):
        return now - timedelta(days=days)

    unconfirmed = User.objects.filter(
        is_active=False, last_login__isnull=True, date_joined__lt=before(settings.PRIVACY_UNCONFIRMED_ACCOUNT_DAYS)
    )
    counts = {"unconfirmed accounts": 0}
    for user in unconfirmed:
        _traces_delete(emails=[user.email])
        user.delete()
        counts["unconfirmed accounts"] += 1
    # A basket that became a purchase is the purchase's record; an open one left alone is abandoned.
    counts["abandoned baskets"] = (
        Basket.objects.filter(
            status=Basket.OPEN, date_created__lt=before(settings.PRIVACY_BASKET_DAYS), purchase__isnull=True
        )
        .delete()[1]
        .get(Basket._meta.label, 0)
    )
    counts["expired invitations"] = Invitation.objects.filter(
        accepted_at__isnull=True, created_at__lt=before(settings.PRIVACY_INVITATION_DAYS)
    ).delete()[0]
    counts["e-mail failures"] = EmailFailure.objects.filter(
        created_at__lt=before(settings.PRIVACY_EMAIL_FAILURE_DAYS)
    ).delete()[0]
    # Sessions of erased people are deleted at erasure; expired ones hold nobody's visit any longer.
    counts["expired sessions"] = Session.objects.filter(expire_date__lt=now).delete()[0]
    return counts


@transaction.atomic
def organisation_erase(*, organisation) -> None:
    """An organisation leaves: its memberships and invitations go, its profile loses the
    contact persons' details and photos, a supplier's products are withdrawn and it
    leaves the directory. Its name, address and VAT ID stay: its invoices, credit notes
    and order parts name it for their legal period (retention.py). The people keep their
    accounts (they may belong to other organisations) and erase them themselves."""
    from oscar.core.loading import get_model

    from marketplace.organisations.models import Invitation, Membership, Supplier, SupplierPhoto
    from marketplace.organisations.services import organisation_members_changed

    Product = get_model("catalogue", "Product")

    Membership.objects.filter(organisation=organisation).delete()
    Invitation.objects.filter(organisation=organisation).delete()
    organisation.email = organisation.phone = ""
    organisation.save()
    supplier = Supplier.objects.filter(pk=organisation.pk).select_related("partner").first()
    if supplier is not None:
        SupplierPhoto.objects.filter(supplier=supplier).delete()
        supplier.contact_name = ""
        supplier.verified = False
        supplier.save()
        # One by one, so that the search index drops each product (search/signals.py).
        for product in Product.objects.filter(stockrecords__partner=supplier.partner, is_public=True).distinct():
            product.is_public = False
            product.save()
    organisation_members_changed(organisation=organisation)
