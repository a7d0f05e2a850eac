"""Writes of declared spend: import a file, decide on doubtful matches, invite a supplier
that is not on the platform, delete an import."""

import hashlib

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from catalogue.imports import ImportFileError, spreadsheet_table
from marketplace.core import l10n
from marketplace.core.mail import absolute_url, templated_mail_send
from marketplace.organisations.models import Buyer, Supplier

from . import reading
from .models import MatchMethod, MatchStatus, SpendImport, SpendLine, SupplierInvitation
from .names import SupplierIndex, name_key, vat_keys
from .selectors import matchable_suppliers


class AlreadyDone(Exception):
    """The request repeats what was done before; the message says when."""


def row_key(values: dict) -> str:
    supplier = vat_keys(values["vat_id"])[1] if values["vat_id"] else name_key(values["supplier_name"])
    facts = "|".join([supplier, values["spent_on"].isoformat(), str(values["amount"]), values["reference"].casefold()])
    return hashlib.sha256(facts.encode()).hexdigest()


def _earlier_decisions(buyer: Buyer, keys) -> dict[str, tuple[str, int | None]]:
    """name_key -> (status, supplier id) of what the buyer decided for that name before."""
    decided = (
        SpendLine.objects.filter(buyer=buyer, name_key__in=keys, method=MatchMethod.BUYER)
        .order_by("spend_import__uploaded_at", "pk")
        .values_list("name_key", "status", "supplier_id")
    )
    return {key: (status, supplier_id) for key, status, supplier_id in decided}


@transaction.atomic
def spend_import(*, buyer: Buyer, by, filename: str, content: bytes) -> SpendImport:
    """Reads the file and stores its readable rows, matched; rows that cannot be read are
    kept as problems of the import, rows already counted are skipped. ValidationError
    when the file as a whole cannot be read or was imported before."""
    fingerprint = hashlib.sha256(content).hexdigest()
    earlier = SpendImport.objects.filter(buyer=buyer, fingerprint=fingerprint).first()
    if earlier is not None:
        raise ValidationError(
            _("This file was already imported on %(date)s (%(name)s): its spend is counted once.")
            % {"date": l10n.date_short(timezone.localdate(earlier.uploaded_at)), "name": earlier.filename}
        )
    try:
        table = spreadsheet_table(filename=filename, content=content)
        columns, ignored = reading.columns_find(table[0][1])
    except ImportFileError as error:
        raise ValidationError(str(error)) from None
    today = timezone.localdate()
    rows, errors = [], []
    for line, cells in table[1:]:
        if all(cell in (None, "") for cell in cells):
            continue
        values, problem = reading.row_read(cells, columns, today=today)
        if problem:
            errors.append({"line": line, "problem": problem, **values})
        else:
            rows.append((line, values))
    if not rows and not errors:
        raise ValidationError(_("The file has a header but no spend rows."))
    counted = set(SpendLine.objects.filter(buyer=buyer).values_list("row_key", flat=True))
    fresh, duplicates = [], 0
    for line, values in rows:
        key = row_key(values)
        if key in counted:
            duplicates += 1
            continue
        counted.add(key)
        fresh.append((line, values, key))
    spend = SpendImport(
        buyer=buyer, uploaded_by=by, filename=filename[:255], fingerprint=fingerprint,
        errors=errors, duplicates=duplicates, ignored_columns=ignored,
    )  # fmt: skip
    index = SupplierIndex(matchable_suppliers().values_list("pk", "name", "vat_id"))
    decisions = _earlier_decisions(buyer, {name_key(values["supplier_name"]) for _line, values, _key in fresh})
    lines = []
    for line, values, key in fresh:
        spend_line = SpendLine(spend_import=spend, buyer=buyer, line=line, row_key=key, **values)
        spend_line.name_key = name_key(values["supplier_name"])
        match = index.match(name=values["supplier_name"], vat_id=values["vat_id"])
        if match.method != MatchMethod.VAT_ID and spend_line.name_key in decisions:
            status, supplier_id = decisions[spend_line.name_key]
            match.status, match.method, match.supplier_id = status, MatchMethod.BUYER, supplier_id
        spend_line.status, spend_line.method = match.status, match.method
        spend_line.supplier_id, spend_line.candidate_id, spend_line.score = (
            match.supplier_id, match.candidate_id, match.score
        )  # fmt: skip
        lines.append(spend_line)
    try:
        with transaction.atomic():
            spend.save()
            SpendLine.objects.bulk_create(lines)
    except IntegrityError:
        # Another upload of the same file or rows committed in the meantime.
        raise ValidationError(
            _("This file, or some of its rows, was imported at the same moment: see the list of imports.")
        ) from None
    return spend


class Decision:
    CONFIRM = "confirm"
    PICK = "pick"
    NOT_ON_PLATFORM = "not_on_platform"


@transaction.atomic
def match_decide(*, spend: SpendImport, name_key: str, decision: str, supplier: Supplier | None = None) -> int:
    """The buyer's answer for one supplier name of an import (all its rows, as yet not
    matched): the suggested supplier, another one, or not on the platform. Remembered for
    later imports. Returns the number of rows changed."""
    lines = spend.lines.filter(name_key=name_key).exclude(status=MatchStatus.MATCHED)
    if decision == Decision.CONFIRM:
        changed = 0
        for candidate_id in set(lines.filter(status=MatchStatus.REVIEW).values_list("candidate_id", flat=True)):
            changed += lines.filter(candidate_id=candidate_id).update(
                status=MatchStatus.MATCHED, method=MatchMethod.BUYER, supplier_id=candidate_id
            )
        return changed
    if decision == Decision.PICK:
        return lines.update(status=MatchStatus.MATCHED, method=MatchMethod.BUYER, supplier=supplier)
    return lines.update(status=MatchStatus.UNMATCHED, method=MatchMethod.BUYER, supplier=None, candidate=None)


def supplier_invite(*, buyer: Buyer, by, supplier_name: str, email: str, language: str) -> SupplierInvitation:
    """E-mails `email` an invitation to join the platform as a social enterprise, in
    `language`, once per supplier name and buyer (AlreadyDone otherwise)."""
    key = name_key(supplier_name)
    with transaction.atomic():
        invitation, created = SupplierInvitation.objects.select_for_update().get_or_create(
            buyer=buyer, name_key=key,
            defaults={"supplier_name": supplier_name, "email": email, "language": language, "invited_by": by},
        )  # fmt: skip
        if not created:
            raise AlreadyDone(
                _("%(supplier)s was invited on %(date)s (to %(email)s).")
                % {
                    "supplier": invitation.supplier_name,
                    "date": l10n.date_short(timezone.localdate(invitation.invited_at)),
                    "email": invitation.email,
                }
            )
        with translation.override(language):
            join = absolute_url(reverse("organisations:supplier-register"))
        templated_mail_send(
            to=email,
            template="spend/email/invitation",
            context={"buyer": buyer, "supplier_name": supplier_name, "join_url": join},
            language=language,
        )
    return invitation


def import_delete(*, spend: SpendImport) -> None:
    """The import and its rows go: their spend leaves the report."""
    spend.delete()
