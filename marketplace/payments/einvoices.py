"""Invoices and credit notes as e-invoices (EN 16931): UBL 2.1 following Peppol BIS Billing
3.0, and CII embedded in the PDF as Factur-X / ZUGFeRD (EN 16931 profile).

One description of the document in the semantic model of EN 16931 (its business terms,
"BT-…", and groups, "BG-…") is written by `en16931_terms` from the issued invoice alone,
which never changes; the maintained `factur-x` library turns it into CII or UBL and
checks the XML against the official schemas. The business rules (schematron) are run in
the test suite, offline (tests/payments/test_einvoices.py).

Sending them over the Peppol network needs a certified access point: see `EInvoiceTransport`."""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

import facturx
from django.conf import settings
from django.utils import translation
from django.utils.module_loading import import_string
from lxml import etree

from marketplace.partner import vat_rules

from .invoices import invoice_lines, invoice_pdf, payment_reference
from .models import Invoice

PEPPOL_CUSTOMIZATION = "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0"
PEPPOL_PROFILE = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0"

# VAT category (UNCL 5305 as EN 16931 restricts it) and exemption reason code (VATEX) of
# each treatment of marketplace.partner.vat_rules; charged VAT is S, or Z at a zero rate.
CATEGORIES = {
    vat_rules.INTRA_COMMUNITY_SUPPLY.code: ("K", "VATEX-EU-IC"),
    vat_rules.REVERSE_CHARGE.code: ("AE", "VATEX-EU-AE"),
    vat_rules.REVERSE_CHARGE_FROM_SERBIA.code: ("AE", "VATEX-EU-AE"),
    vat_rules.EXPORT.code: ("G", "VATEX-EU-G"),
    vat_rules.EXPORT_FROM_SERBIA.code: ("G", "VATEX-EU-G"),
    vat_rules.OUTSIDE_EU_SCOPE.code: ("O", "VATEX-EU-O"),
}

# Peppol Electronic Address Scheme (EAS) of a party's VAT ID, by country: the address a
# Peppol access point delivers to. A party of another country gets no Peppol address (the
# UBL then fails Peppol's R010/R020): it downloads its invoices.
VAT_ID_SCHEMES = {"BE": "9925", "DE": "9930", "FR": "9957", "LU": "9938", "NL": "9944", "RS": "9948"}

# Units of our lines (catalogue.attributes.unit_stored) as UN/ECE Recommendation 20 codes
# (21 for packages, with an X); any other unit is counted in ones (C62).
UNIT_CODES = {
    "piece": "H87", "kg": "KGM", "litre": "LTR", "m²": "MTK", "m2": "MTK", "m³": "MTQ", "m3": "MTQ",
    "box": "XBX", "pack": "XPK", "pallet": "XPX", "hour": "HUR", "day": "DAY", "month": "MON", "set": "SET",
}  # fmt: skip

# UNCL 4461 payment means.
SEPA_CREDIT_TRANSFER, BANK_CARD, NOT_DEFINED = "58", "48", "1"


def _category(line) -> tuple[str, str]:
    if line.vat_treatment in CATEGORIES:
        return CATEGORIES[line.vat_treatment]
    return ("S", "") if line.vat_rate else ("Z", "")


def _exemption_text(line) -> str:
    treatment = vat_rules.TREATMENTS.get(line.vat_treatment)
    return str(treatment.mention) if treatment and treatment.mention else ""


def vat_id_prefixed(party: dict) -> str:
    """The party's VAT ID with its country prefix (BR-CO-09): a Serbian PIB is stored without."""
    vat_id = party.get("vat_id", "")
    return vat_id if vat_id[:2].isalpha() else f"{party.get('country', '')}{vat_id}"


def _party(party: dict, *, with_vat_id: bool) -> dict:
    terms = {
        "name": party["name"],
        "addr_l1": party.get("street", ""),
        "postcode": party.get("postcode", ""),
        "city": party.get("city", ""),
        "country_code": party.get("country", ""),
    }
    vat_id = vat_id_prefixed(party) if party.get("vat_id") else ""
    scheme = VAT_ID_SCHEMES.get(party.get("country", ""))
    if vat_id and scheme:
        terms |= {"einvoicing_addr": vat_id, "einvoicing_addr_schemeid": scheme}
    if vat_id and with_vat_id:
        terms["vat_identifier"] = vat_id
    if party.get("email"):
        terms["contacts"] = [{"email": party["email"], "phone": party.get("phone", "")}]
    return {key: value for key, value in terms.items() if value}


def en16931_terms(invoice: Invoice) -> dict:
    """The invoice in the business terms of EN 16931, as the factur-x library reads them.
    Written in English: the XML is for the buyer's systems; its people read the PDF."""
    with translation.override("en"):
        return _figures_as_text(_terms(invoice))


def _figures_as_text(terms):
    # The library takes amounts, prices, quantities and rates as text ("12.50").
    if isinstance(terms, Decimal):
        return format(terms, "f")
    if isinstance(terms, dict):
        return {key: _figures_as_text(value) for key, value in terms.items()}
    if isinstance(terms, list):
        return [_figures_as_text(value) for value in terms]
    return terms


def _terms(invoice: Invoice) -> dict:
    lines = invoice_lines(invoice)
    seller, buyer = invoice.seller, invoice.buyer
    categories = [_category(line) for line in lines]
    # EN 16931 BR-O-02: a document "not subject to VAT" names no VAT ID.
    with_vat_ids = not any(category == "O" for category, _code in categories)
    prepaid = invoice.total_incl_tax if invoice.paid_by_card and not invoice.is_credit_note else Decimal("0")
    reference = buyer.get("purchase_order_reference") or buyer.get("purchase") or invoice.number
    terms = {
        "BT-1": invoice.number,
        "BT-2": invoice.issued_on,
        "BT-3": "381" if invoice.is_credit_note else "380",
        "BT-5": invoice.currency,
        "BT-10": reference,
        "BT-23": PEPPOL_PROFILE,
        "BT-72": invoice.supplied_on,
        # The seller's identifier on the platform (BT-29), so that a document without VAT IDs still names it.
        "BG-4": _party(seller, with_vat_id=with_vat_ids)
        | {"identifiers": {None: f"RESPONSIBLE-{invoice.supplier_id}"}},
        "BG-7": _party(buyer, with_vat_id=with_vat_ids),
        "BG-13": _party(invoice.delivery, with_vat_id=False),
        "BT-106": invoice.total_excl_tax,
        "BT-109": invoice.total_excl_tax,
        "BT-110": invoice.total_tax,
        "BT-112": invoice.total_incl_tax,
        "BT-113": prepaid,
        "BT-115": invoice.total_incl_tax - prepaid,
        "BG-25": [
            {
                "BT-126": str(index),
                "BT-129": Decimal(line.quantity),
                "BT-130": UNIT_CODES.get(line.unit, "C62"),
                "BT-131": line.net,
                "BT-146": line.unit_price_excl_tax,
                "BT-151": category,
                "BT-153": line.description[:255],
            }
            # A line "not subject to VAT" has no rate at all (BR-O-05).
            | ({} if category == "O" else {"BT-152": line.vat_rate})
            for index, (line, (category, _code)) in enumerate(zip(lines, categories, strict=True), start=1)
        ],
        "BG-23": _vat_breakdown(lines, categories),
    }
    if buyer.get("purchase_order_reference"):
        terms["BT-13"] = buyer["purchase_order_reference"]
    if invoice.is_credit_note:
        terms["BG-3"] = [{"BT-25": invoice.corrects.number, "BT-26": invoice.corrects.issued_on}]
    else:
        terms["BT-9"] = invoice.due_on
    terms |= _payment(invoice)
    return terms


def _vat_breakdown(lines, categories) -> list[dict]:
    groups = defaultdict(lambda: [Decimal("0"), Decimal("0"), None])
    for line, (category, code) in zip(lines, categories, strict=True):
        group = groups[category, line.vat_rate]
        group[0] += line.net
        group[1] += line.vat
        group[2] = (code, _exemption_text(line))
    breakdown = []
    for (category, rate), (net, vat, (code, text)) in groups.items():
        entry = {"BT-116": net, "BT-117": vat, "BT-118": category}
        if category != "O":  # BR-O-10
            entry["BT-119"] = rate
        if code:
            entry |= {"BT-120": text or code, "BT-121": code}
        breakdown.append(entry)
    return breakdown


def _payment(invoice: Invoice) -> dict:
    seller = invoice.seller
    if invoice.paid_by_card:
        return {"BT-81": BANK_CARD, "BT-20": "Paid by card when the purchase was placed."}
    if invoice.is_credit_note:
        return {"BT-81": NOT_DEFINED}
    days = invoice.payment_days
    if not seller.get("iban"):
        return {"BT-81": NOT_DEFINED, "BT-83": invoice.number, "BT-20": f"Bank transfer within {days} days."}
    terms = {
        "BT-81": SEPA_CREDIT_TRANSFER,
        "BT-83": payment_reference(invoice),
        "BT-84": seller["iban"],
        "BT-20": f"Bank transfer within {days} days, quoting the payment reference.",
    }
    if seller.get("bic"):
        terms["BT-86"] = seller["bic"]
    return terms


def invoice_cii(invoice: Invoice) -> bytes:
    """The invoice as UN/CEFACT CII (Factur-X, EN 16931 profile), checked against its schema."""
    return facturx.generate_cii_xml(en16931_terms(invoice), level="en16931", check_schematron=False)


def invoice_ubl(invoice: Invoice) -> bytes:
    """The invoice (or credit note) as UBL 2.1 following Peppol BIS Billing 3.0, checked
    against the UBL schema. The library writes plain EN 16931; Peppol names itself in
    the CustomizationID."""
    xml = facturx.generate_ubl_xml(en16931_terms(invoice), level="en16931", check_schematron=False)
    root = etree.fromstring(xml)
    namespace = {"cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"}
    root.find("cbc:CustomizationID", namespace).text = PEPPOL_CUSTOMIZATION
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def invoice_facturx_pdf(invoice: Invoice) -> bytes:
    """The invoice's PDF with its CII embedded (factur-x.xml), as Factur-X / ZUGFeRD asks:
    a buyer's accounts software reads the figures, a person reads the page."""
    return facturx.generate_from_binary(
        invoice_pdf(invoice),
        invoice_cii(invoice),
        flavor="factur-x",
        level="en16931",
        check_xsd=False,  # invoice_cii checked it
        check_schematron=False,
        pdf_metadata={
            "author": invoice.seller["name"],
            "keywords": "Factur-X",
            "title": invoice.number,
            "subject": invoice.number,
        },
        lang=translation.get_language() or settings.LANGUAGE_CODE,
    )


@dataclass(frozen=True)
class TransportReceipt:
    sent: bool
    reference: str = ""  # the access point's message id, when sent
    note: str = ""


class EInvoiceTransport:
    """Delivers an issued invoice or credit note to the buyer's systems. The default sends
    nothing: buyers download the Factur-X PDF and the UBL from their invoice list.

    A transport over Peppol implements `send` with a certified access point's API (the
    access point signs and delivers the UBL of `invoice_ubl` over AS4 to the buyer's
    endpoint, `BG-7`'s einvoicing address); one for Serbia's SEF posts the UBL to the SEF
    API with the supplier's API key. Choose one with the EINVOICE_TRANSPORT setting."""

    def send(self, invoice: Invoice) -> TransportReceipt:
        raise NotImplementedError


class DownloadOnly(EInvoiceTransport):
    def send(self, invoice: Invoice) -> TransportReceipt:
        return TransportReceipt(sent=False, note="Download only: no access point is configured.")


def einvoice_transport() -> EInvoiceTransport:
    return import_string(settings.EINVOICE_TRANSPORT)()


def einvoice_send(invoice: Invoice) -> TransportReceipt:
    return einvoice_transport().send(invoice)
