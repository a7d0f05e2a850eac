"""Every invoice and credit note is also an e-invoice: UBL 2.1 (Peppol BIS Billing 3.0)
and the CII inside the Factur-X PDF, valid against the schemas and the business rules of
EN 16931 and Peppol, for each VAT treatment across LU/FR/DE/RS."""

import io
from decimal import Decimal

import facturx
import pytest
from django.urls import reverse
from lxml import etree
from pypdf import PdfReader

from marketplace.order.models import PartStatus
from marketplace.order.services import part_status_set, purchase_place
from marketplace.organisations import vat_ids
from marketplace.payments import einvoices
from marketplace.payments.einvoices import invoice_cii, invoice_facturx_pdf, invoice_ubl
from tests.factories import BuyerFactory, SupplierFactory, goods_for_supplier, service_for_supplier
from tests.order.fixtures import accept
from tests.order.helpers import basket_with, checkout_details
from tests.payments.einvoice_rules import CII_RULES, UBL_RULES, broken_rules

pytestmark = pytest.mark.django_db

UBL = {
    "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
    "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
}
VAT_IDS = {**vat_ids.EXAMPLES, "RS": "101134702", "LU": "LU20123405"}  # a Serbian PIB with its check digit
BILLING = {
    "LU": {"billing_country": "LU", "vat_id": "LU20123405"},
    "FR": {"billing_country": "FR", "vat_id": "FR11123456782"},
    "RS": {"billing_country": "RS", "vat_id": "101134719"},
}


def invoice_of(buyer_admin, *, supplier_country: str, billing: str, make=goods_for_supplier, iban=True):
    """An invoice a supplier of `supplier_country` issues to a buyer billed in `billing`."""
    supplier = SupplierFactory(
        name=f"Atelier {supplier_country}", country=supplier_country, vat_id=VAT_IDS[supplier_country]
    )
    if iban:
        supplier.iban, supplier.bic = "FR7630006000011234567890189", "AGRIFRPPXXX"
        supplier.save()
    country = BILLING[billing]["billing_country"]
    buyer = BuyerFactory(name="Kredit Mosel", country=country, vat_id=VAT_IDS.get(country, ""), created_by=buyer_admin)
    purchase = purchase_place(
        basket=basket_with(buyer_admin, (make(supplier=supplier, title="Jam jars", price=Decimal("4.25")), 7)),
        user=buyer_admin,
        buyer=buyer,
        details=checkout_details(purchase_order_reference="PO-117", **BILLING[billing]),
        payment_method="invoice",
    )
    return accept(purchase, supplier)


def categories(ubl: bytes) -> set[str]:
    root = etree.fromstring(ubl)
    return {node.text for node in root.findall("cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:ID", UBL)}


@pytest.mark.parametrize(
    ("supplier_country", "billing", "make", "category", "vat"),
    [
        ("FR", "FR", goods_for_supplier, "S", "5.95"),  # 7 × 4.25 = 29.75, French VAT 20 %
        ("FR", "LU", goods_for_supplier, "K", "0.00"),  # exempt intra-Community supply
        ("DE", "LU", service_for_supplier, "AE", "0.00"),  # reverse charge
        ("RS", "LU", goods_for_supplier, "G", "0.00"),  # export from Serbia
        ("FR", "RS", service_for_supplier, "O", "0.00"),  # a service outside the scope of EU VAT
    ],
)
def test_each_vat_treatment_gives_a_valid_ubl_and_cii(buyer_admin, supplier_country, billing, make, category, vat):
    invoice = invoice_of(buyer_admin, supplier_country=supplier_country, billing=billing, make=make)
    ubl, cii = invoice_ubl(invoice), invoice_cii(invoice)

    assert broken_rules(ubl, UBL_RULES) == []
    assert broken_rules(cii, CII_RULES) == []
    assert categories(ubl) == {category}
    root = etree.fromstring(ubl)
    assert root.findtext("cbc:CustomizationID", namespaces=UBL) == einvoices.PEPPOL_CUSTOMIZATION
    assert root.findtext("cbc:ID", namespaces=UBL) == invoice.number
    assert root.findtext("cac:OrderReference/cbc:ID", namespaces=UBL) == "PO-117"
    assert root.findtext("cac:TaxTotal/cbc:TaxAmount", namespaces=UBL) == vat
    assert root.findtext("cac:LegalMonetaryTotal/cbc:TaxExclusiveAmount", namespaces=UBL) == "29.75"
    line = root.find("cac:InvoiceLine", UBL)
    assert line.findtext("cbc:InvoicedQuantity", namespaces=UBL) == "7"
    assert line.findtext("cac:Price/cbc:PriceAmount", namespaces=UBL) == "4.25"
    if category != "O":  # a document not subject to VAT names no VAT ID (BR-O-02)
        assert root.findtext(
            "cac:AccountingSupplierParty/cac:Party/cbc:EndpointID", namespaces=UBL
        ) == einvoices.vat_id_prefixed(invoice.seller)


def test_the_payment_instructions_carry_the_iban_and_the_structured_reference(buyer_admin):
    invoice = invoice_of(buyer_admin, supplier_country="FR", billing="LU")
    means = etree.fromstring(invoice_ubl(invoice)).find("cac:PaymentMeans", UBL)
    assert means.findtext("cbc:PaymentMeansCode", namespaces=UBL) == "58"  # SEPA credit transfer
    assert means.findtext("cac:PayeeFinancialAccount/cbc:ID", namespaces=UBL) == "FR7630006000011234567890189"
    assert means.findtext("cbc:PaymentID", namespaces=UBL).startswith("RF")


def test_a_credit_note_points_to_its_invoice_and_is_valid(buyer_admin):
    invoice = invoice_of(buyer_admin, supplier_country="FR", billing="LU")
    part_status_set(part=invoice.order, status=PartStatus.CANCELLED)
    credit_note = invoice.credit_notes.get()
    ubl, cii = invoice_ubl(credit_note), invoice_cii(credit_note)

    assert broken_rules(ubl, UBL_RULES) == []
    assert broken_rules(cii, CII_RULES) == []
    root = etree.fromstring(ubl)
    assert etree.QName(root).localname == "CreditNote"
    assert root.findtext("cbc:CreditNoteTypeCode", namespaces=UBL) == "381"
    assert root.findtext("cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID", namespaces=UBL) == (invoice.number)
    assert root.findtext("cac:CreditNoteLine/cbc:CreditedQuantity", namespaces=UBL) == "7"


def test_the_rules_catch_a_broken_total(buyer_admin):
    """The validation is real: a total that does not add up is refused."""
    ubl = invoice_ubl(invoice_of(buyer_admin, supplier_country="FR", billing="FR"))
    broken = ubl.replace(b'<cbc:PayableAmount currencyID="EUR">35.70', b'<cbc:PayableAmount currencyID="EUR">35.71')
    assert broken != ubl
    assert any(rule.startswith("BR-CO-16") for rule in broken_rules(broken, UBL_RULES))


def test_the_pdf_is_factur_x_with_the_cii_inside(buyer_admin):
    invoice = invoice_of(buyer_admin, supplier_country="FR", billing="LU")
    content = invoice_facturx_pdf(invoice)
    filename, xml = facturx.get_xml_from_pdf(io.BytesIO(content), check_xsd=True)
    assert filename == "factur-x.xml"
    assert etree.fromstring(xml).findtext(".//{*}ExchangedDocument/{*}ID") == invoice.number
    assert f"Invoice {invoice.number}" in PdfReader(io.BytesIO(content)).pages[0].extract_text()


def test_buyers_and_suppliers_download_the_ubl_others_never_see_it(
    client, crates_invoice, buyer_admin, crates_admin, other_buyer_member
):
    url = reverse("payments:invoice-ubl", args=[crates_invoice.pk])
    for person in (buyer_admin, crates_admin):
        client.force_login(person)
        response = client.get(url)
        assert response.status_code == 200 and response["Content-Type"] == "application/xml"
        assert f'filename="invoice-{crates_invoice.number}.xml"' in response["Content-Disposition"]
        assert response["Cache-Control"] == "private, no-store"
        assert etree.fromstring(response.content).findtext("cbc:ID", namespaces=UBL) == crates_invoice.number
    client.force_login(other_buyer_member)
    assert client.get(url).status_code == 404
    pdf = client.get(reverse("payments:invoice-pdf", args=[crates_invoice.pk]))
    assert pdf.status_code == 404
    client.force_login(buyer_admin)
    pdf = client.get(reverse("payments:invoice-pdf", args=[crates_invoice.pk]))
    assert facturx.get_xml_from_pdf(io.BytesIO(pdf.content), check_xsd=False)[0] == "factur-x.xml"


def test_the_default_transport_sends_nothing_and_says_so(crates_invoice, settings):
    settings.EINVOICE_TRANSPORT = "marketplace.payments.einvoices.DownloadOnly"
    receipt = einvoices.einvoice_send(crates_invoice)
    assert not receipt.sent and "Download only" in receipt.note
