"""Invoice numbering, dates and the PDF of a supplier's part of a shared purchase."""

import datetime
import io
from decimal import Decimal

import pytest
from pypdf import PdfReader
from stdnum import iso11649

from marketplace.order.models import PartStatus
from marketplace.order.services import part_status_set
from marketplace.payments.invoices import epc_qr_payload, invoice_pdf, payment_reference
from marketplace.payments.models import CreditReason, Invoice, IssuedInvoiceChanged
from marketplace.payments.services import invoice_mark_paid
from tests.factories import SupplierFactory, goods_for_supplier
from tests.order.fixtures import accept, part_of
from tests.order.helpers import basket_with, checkout_details

pytestmark = pytest.mark.django_db


def pdf_text(invoice) -> str:
    content = invoice_pdf(invoice)
    assert content.startswith(b"%PDF")
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def place_another(buyer, buyer_admin, *items):
    from marketplace.order.services import purchase_place

    return purchase_place(
        basket=basket_with(buyer_admin, *items),
        user=buyer_admin,
        buyer=buyer,
        details=checkout_details(purchase_order_reference="PO-2"),
        payment_method="invoice",
    )


def test_accepting_a_part_issues_its_invoice_due_in_30_days(crates_invoice, crates):
    assert crates_invoice.supplier == crates
    assert crates_invoice.status == Invoice.Status.OPEN
    assert crates_invoice.due_on == crates_invoice.issued_on + datetime.timedelta(days=30)
    assert (crates_invoice.total_excl_tax, crates_invoice.total_tax, crates_invoice.total_incl_tax) == (
        Decimal("35.00"),
        Decimal("4.10"),
        Decimal("39.10"),
    )


def test_numbers_are_gapless_per_supplier_and_year_and_independent_between_suppliers(
    buyer, buyer_admin, shared_purchase, crates, yard, crates_invoice
):
    year = crates_invoice.issued_on.year
    assert crates_invoice.number == f"INV-{crates.pk}-{year}-00001"
    # Reuse Yard's first invoice is its own number 1, whatever Green Crates issued.
    assert accept(shared_purchase, yard).number == f"INV-{yard.pk}-{year}-00001"

    pears = goods_for_supplier(supplier=crates, title="Pears")
    second = place_another(buyer, buyer_admin, (pears, 1))
    rejected = place_another(buyer, buyer_admin, (pears, 1))
    part_status_set(part=part_of(rejected, crates), status=PartStatus.REJECTED)  # a rejected part takes no number
    third = place_another(buyer, buyer_admin, (pears, 1))
    assert accept(third, crates).number == f"INV-{crates.pk}-{year}-00002"
    assert accept(second, crates).number == f"INV-{crates.pk}-{year}-00003"


def test_suppliers_whose_names_start_alike_never_share_a_number(buyer, buyer_admin):
    first, second = (SupplierFactory(name=f"Panier Solidaire Esch {town}") for town in ("Nord", "Sud"))
    purchase = place_another(
        buyer, buyer_admin, (goods_for_supplier(supplier=first), 1), (goods_for_supplier(supplier=second), 1)
    )
    assert accept(purchase, first).number != accept(purchase, second).number


def test_pdf_holds_the_parts_own_lines_parties_and_totals(crates_invoice):
    text = pdf_text(crates_invoice)
    for expected in (
        f"Invoice {crates_invoice.number}",
        # the supplier
        "Green Crates",
        "4 rue des Jardins",
        "57000 Metz",
        "France",
        "FR46401234562",
        # the buyer's billing entity (from the purchase)
        "Acme Procurement SA",
        "1 rue du Marché",
        "FR11123456782",
        # the purchase, its reference and delivery
        crates_invoice.order.purchase.number,
        "PO-2026-17",
        "2 rue du Port",
        f"{crates_invoice.issued_on:%d/%m/%Y}",
        f"{crates_invoice.due_on:%d/%m/%Y}",
        # lines: description, quantity, unit price, VAT rate, net
        "Organic apples",
        "€10.00",
        "5.5 %",
        "€20.00",
        "Crate hire",
        "20 %",
        "€15.00",
        # VAT grouped by rate, then the totals
        "VAT 5.5 % on €20.00",
        "VAT 20 % on €15.00",
        "€35.00",
        "€4.10",
        "€39.10",
        "Pay by bank transfer within 30 days, quoting the invoice number",
    ):
        assert expected in text, expected
    assert "PAID" not in text and "VOID" not in text


def test_pdf_of_a_shared_purchase_shows_nothing_of_the_other_supplier(crates_invoice, yard_invoice):
    text = pdf_text(crates_invoice)
    assert "Reused bricks" not in text
    assert "Reuse Yard" not in text
    assert "17 %" not in text
    assert "100.00" not in text and "Article 138" not in text  # French VAT: a domestic sale
    other = pdf_text(yard_invoice)
    # Reuse Yard is in Luxembourg, the buyer billed in France: exempt, with the mention the law asks for.
    assert "Reused bricks" in other and "€100.00" in other and "€117.20" not in other
    assert "Exempt intra-Community supply of goods, Article 138 of Directive 2006/112/EC." in " ".join(other.split())
    assert "Organic apples" not in other and "Crate hire" not in other and "Green Crates" not in other


def test_pdf_says_paid_once_marked_paid(crates_invoice, crates_admin):
    invoice_mark_paid(invoice=crates_invoice, by=crates_admin)
    crates_invoice.refresh_from_db()
    assert f"PAID on {crates_invoice.paid_on:%d/%m/%Y}" in pdf_text(crates_invoice)


def test_cancelling_an_accepted_part_issues_a_credit_note_that_cancels_its_invoice(
    shared_purchase, crates, crates_invoice
):
    part_status_set(part=part_of(shared_purchase, crates), status=PartStatus.CANCELLED)
    crates_invoice.refresh_from_db()
    credit_note = crates_invoice.credit_notes.get()
    year = credit_note.issued_on.year
    assert credit_note.number == f"CN-{crates.pk}-{year}-00001"  # its own series, gapless
    assert (credit_note.kind, credit_note.reason) == (Invoice.Kind.CREDIT_NOTE, CreditReason.CANCELLED)
    assert credit_note.lines == crates_invoice.lines and credit_note.total_incl_tax == Decimal("39.10")
    # Nothing had been paid: the credit note settles it, the invoice asks for nothing more.
    assert (credit_note.status, crates_invoice.status) == (Invoice.Status.PAID, Invoice.Status.VOID)
    assert f"CANCELLED by credit note {credit_note.number}" in pdf_text(crates_invoice)
    text = " ".join(pdf_text(credit_note).split())
    for expected in (
        f"Credit note {credit_note.number}",
        f"Cancels invoice {crates_invoice.number}",
        "The order was cancelled",
        "Organic apples",
        "Total credited €39.10",
        "Nothing is to be paid: the cancelled invoice had not been paid.",
    ):
        assert expected in text
    # A cancelled invoice cannot be paid afterwards.
    assert invoice_mark_paid(invoice=crates_invoice, by=None).status == Invoice.Status.VOID


def test_cancelling_after_a_transfer_leaves_the_repayment_to_make(
    shared_purchase, crates, crates_invoice, crates_admin
):
    invoice_mark_paid(invoice=crates_invoice, by=crates_admin)
    part_status_set(part=part_of(shared_purchase, crates), status=PartStatus.CANCELLED)
    crates_invoice.refresh_from_db()
    credit_note = crates_invoice.credit_notes.get()
    assert crates_invoice.status == Invoice.Status.PAID  # it was paid: that stays true
    assert credit_note.status == Invoice.Status.OPEN
    assert "Green Crates pays the amount back to the buyer by bank transfer." in " ".join(pdf_text(credit_note).split())
    assert invoice_mark_paid(invoice=credit_note, by=crates_admin).status == Invoice.Status.PAID


def test_an_issued_invoice_never_changes(crates, crates_invoice):
    crates.name, crates.street_address = "Green Crates renamed", "1 new street"
    crates.save()
    assert "Green Crates renamed" not in pdf_text(crates_invoice)
    crates_invoice.total_incl_tax = Decimal("1.00")
    with pytest.raises(IssuedInvoiceChanged):
        crates_invoice.save()
    crates_invoice.refresh_from_db()
    assert crates_invoice.total_incl_tax == Decimal("39.10")


def test_marking_paid_twice_keeps_the_first_date_and_person(crates_invoice, crates_admin, crates_member):
    invoice_mark_paid(invoice=crates_invoice, by=crates_admin)
    invoice_mark_paid(invoice=crates_invoice, by=crates_member)
    crates_invoice.refresh_from_db()
    assert crates_invoice.status == Invoice.Status.PAID
    assert crates_invoice.marked_paid_by == crates_admin


def test_names_with_letters_beyond_latin_1_print(buyer, buyer_admin):
    supplier = SupplierFactory(name="Zadruga Čačak đak", country="RS", city="Čačak")
    purchase = place_another(buyer, buyer_admin, (goods_for_supplier(supplier=supplier, title="Šljivovo pekmez"), 1))
    text = pdf_text(accept(purchase, supplier))
    assert "Zadruga Čačak đak" in text and "Šljivovo pekmez" in text


@pytest.fixture
def banked_invoice(shared_purchase, crates):
    """Green Crates' invoice, issued once it gave its bank account."""
    crates.iban, crates.bic = "FR7630006000011234567890189", "AGRIFRPPXXX"
    crates.save()
    return accept(shared_purchase, crates)


def test_pdf_tells_the_buyer_which_account_to_pay(banked_invoice):
    crates_invoice = banked_invoice
    text = pdf_text(crates_invoice)
    assert "IBAN: FR76 3000 6000 0112 3456 7890 189" in text and "BIC: AGRIFRPPXXX" in text
    reference = payment_reference(crates_invoice)
    assert iso11649.is_valid(reference) and crates_invoice.number.replace("-", "") in reference
    assert (
        f"FR76 3000 6000 0112 3456 7890 189 (BIC AGRIFRPPXXX), with the payment reference {iso11649.format(reference)}"
        in " ".join(text.split())
    )


def test_the_qr_code_fills_in_the_transfer_in_a_bank_app(banked_invoice):
    """EPC069-12 ("GiroCode"), version 002, line by line."""
    crates_invoice = banked_invoice

    lines = epc_qr_payload(crates_invoice).split("\n")

    assert lines[:7] == ["BCD", "002", "1", "SCT", "AGRIFRPPXXX", "Green Crates", "FR7630006000011234567890189"]
    assert lines[7] == "EUR39.10"  # 35.00 net + 4.10 VAT, as the invoice's total to pay
    assert lines[9] == payment_reference(crates_invoice)
    assert len("\n".join(lines).encode()) <= 331  # the standard's limit
