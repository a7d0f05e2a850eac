"""A buyer's deductions computed from the invoices: the hand-computed oracle for Green
Crates' invoice, and what must not count (a credit-noted invoice, an unverified or expired
status, a status the rule does not list, another buyer's invoices)."""

import datetime
from decimal import Decimal

from django.utils import timezone

from marketplace.deductions.models import InvoiceLabourShare, LegalStatus, ProductLabourShare
from marketplace.deductions.rules import DE_223, FR_OETH, Status
from marketplace.deductions.selectors import deductions_for
from marketplace.organisations.models import Buyer, Supplier
from marketplace.payments.models import CreditReason
from marketplace.payments.services import credit_note_issue
from marketplace.verification.models import Decision
from tests.deductions.conftest import shares, status_of
from tests.order.fixtures import accept

YEAR = timezone.localdate().year


def test_the_deduction_equals_the_hand_computed_oracle(buyer, crates, esat_invoice, yard_invoice):
    # Green Crates (verified ESAT) invoiced 2 boxes of apples (net 20.00, labour 40 %) and
    # 5 crate hires (net 15.00, labour 62.5 %); Reuse Yard (no status) does not count.
    #   apples: base 20.00 × 40 %   = 8.00;              deductible 30 % × 8.00 = 2.40
    #   hire:   base 15.00 × 62.5 % = 9.375 → 9.38;      deductible 30 % × 9.38 = 2.814 → 2.81
    #   total:  net 35.00, labour base 17.38, deductible 5.21
    deductions = deductions_for(buyer, YEAR)
    assert deductions.rule is FR_OETH
    [row] = deductions.suppliers
    assert row.supplier == crates and row.status.status == Status.FR_ESAT
    [item] = row.invoices
    assert item.invoice == esat_invoice
    assert [(line.net, line.percent, line.labour_base, line.deductible) for line in item.lines] == [
        (Decimal("20.00"), Decimal("40.00"), Decimal("8.00"), Decimal("2.40")),
        (Decimal("15.00"), Decimal("62.50"), Decimal("9.38"), Decimal("2.81")),
    ]
    assert (row.net, row.labour_base, row.deductible) == (Decimal("35.00"), Decimal("17.38"), Decimal("5.21"))
    assert deductions.total == Decimal("5.21")


def test_the_share_is_the_one_recorded_when_the_invoice_was_issued(buyer, esat_invoice):
    assert list(InvoiceLabourShare.objects.filter(invoice=esat_invoice).values_list("line_index", "percent")) == [
        (0, Decimal("40.00")),
        (1, Decimal("62.50")),
    ]
    ProductLabourShare.objects.update(percent=100)
    assert deductions_for(buyer, YEAR).total == Decimal("5.21")


def test_a_line_without_a_stated_share_is_listed_and_counts_zero(buyer, esat, shared_purchase, crates):
    shares(apples="40")  # nothing stated for the crate hire
    accept(shared_purchase, crates)
    [row] = deductions_for(buyer, YEAR).suppliers
    [item] = row.invoices
    assert item.unstated == 1
    assert [line.stated for line in item.lines] == [True, False]
    assert row.deductible == Decimal("2.40")


def test_an_invoice_cancelled_by_a_credit_note_does_not_count(buyer, esat_invoice):
    credit_note_issue(invoice=esat_invoice, reason=CreditReason.CANCELLED)
    assert deductions_for(buyer, YEAR).suppliers == []


def test_an_unverified_status_does_not_count(buyer, esat_invoice, esat):
    LegalStatus.objects.filter(pk=esat.pk).update(decision=Decision.PENDING, decided_at=None)
    assert deductions_for(buyer, YEAR).suppliers == []


def test_a_status_expired_before_the_invoice_does_not_count(buyer, esat_invoice, esat):
    LegalStatus.objects.filter(pk=esat.pk).update(valid_until=esat_invoice.issued_on - datetime.timedelta(days=1))
    assert deductions_for(buyer, YEAR).suppliers == []
    LegalStatus.objects.filter(pk=esat.pk).update(valid_until=esat_invoice.issued_on)
    assert deductions_for(buyer, YEAR).total == Decimal("5.21")


def test_a_status_the_rule_does_not_list_does_not_count(buyer, crates, shared_purchase):
    status_of(crates, Status.FR_SIAE)  # work integration: no OETH deduction
    status_of(crates, Status.DE_WFBM)  # a German status: not the French rule's
    shares(apples="40", hire="62.5")
    accept(shared_purchase, crates)
    assert deductions_for(buyer, YEAR).suppliers == []


def test_another_year_and_another_buyer_see_nothing(buyer, esat_invoice, other_buyer_member):
    assert deductions_for(buyer, YEAR - 1).suppliers == []
    other = Buyer.objects.get(name="Other Firm")
    Buyer.objects.filter(pk=other.pk).update(country="FR")
    other.refresh_from_db()
    assert deductions_for(other, YEAR).suppliers == []


def test_a_german_buyer_deducts_under_section_223(buyer, crates, shared_purchase):
    # The same invoice for a German buyer from a recognised WfbM:
    #   apples 8.00 × 50 % = 4.00; hire 9.38 × 50 % = 4.69; total 8.69
    Buyer.objects.filter(pk=buyer.pk).update(country="DE")
    Supplier.objects.filter(pk=crates.pk).update(country="DE")
    status_of(crates, Status.DE_WFBM)
    shares(apples="40", hire="62.5")
    accept(shared_purchase, crates)
    buyer.refresh_from_db()
    deductions = deductions_for(buyer, YEAR)
    assert deductions.rule is DE_223
    assert deductions.total == Decimal("8.69")
