"""Which VAT applies to a line of a supplier's order part: the law as data.

Decided per line from where the supplier and the buyer are established, whether the
buyer is registered for VAT (a VAT ID that is usable: well formed and not refused by
VIES) and whether the line is goods or a service. Every buyer here is a business
(B2B), so the rules are those between taxable persons:

- same country: the supplier's VAT, at the product's rate (partner/vat.py);
- goods between two EU countries to a registered buyer: exempt intra-Community supply
  (Directive 2006/112/EC art. 138), the buyer declares the acquisition;
- services between two EU countries to a registered buyer: the place of supply is the
  buyer's country (art. 44) and the buyer accounts for the VAT (reverse charge, art. 196);
- goods leaving the EU: exempt export (art. 146); goods leaving Serbia: exempt export
  under Serbia's VAT law (art. 24), import VAT is paid by the buyer at customs;
- services from the EU to a Serbian business: outside the scope of EU VAT (art. 44);
  from Serbia to an EU business: not taxable in Serbia (Serbian VAT law art. 12), the
  buyer accounts for the VAT (art. 196);
- a buyer in another EU country without a usable VAT ID: none of the exemptions apply,
  the supplier charges its own VAT (arts. 32, 45 and 138(1), which requires the ID).

Not modelled: services tied to a building (art. 47) or catering on site (art. 55) are
taxable where they happen; between registered businesses the buyer's country applies
reverse charge to a non-established supplier (art. 194), so the outcome shown is the
same. The invoice mentions of art. 226(11) and (11a) come from here too.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from catalogue.attributes import SERVICE

from .vat import standard_rate

# The member states (ISO codes; Greece is GR here, EL only in VAT IDs).
EU = frozenset({
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
    "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
})  # fmt: skip
SERBIA = "RS"


@dataclass(frozen=True)
class Treatment:
    code: str
    name: str  # what the buyer reads in the basket and on the invoice
    charges_vat: bool  # the supplier adds its country's VAT at the product's rate
    mention: str  # the invoice's legal mention (art. 226(11), (11a)); "" when VAT is charged
    reference: str  # the provisions it implements (not translated: the law's own words)
    valid_from: date
    valid_until: date | None = None

    def rate(self, supplier_rate: Decimal) -> Decimal:
        """The VAT rate (percent) on the invoice: the supplier's, or none."""
        return supplier_rate if self.charges_vat else Decimal("0")

    def valid_on(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_until is None or day <= self.valid_until)


DIRECTIVE_START = date(2007, 1, 1)  # Directive 2006/112/EC applies from 1 January 2007
SERBIAN_LAW_START = date(2005, 1, 1)  # Zakon o porezu na dodatu vrednost, in force since 2005

DOMESTIC = Treatment(
    "domestic", _("VAT of the supplier's country"), True, "",
    "Directive 2006/112/EC arts. 2(1)(a), 2(1)(c), 31-32 and 44 (place of supply in the country of both); "
    "Zakon o PDV čl. 11-12 for Serbia", DIRECTIVE_START,
)  # fmt: skip
NOT_REGISTERED = Treatment(
    "not_registered", _("VAT of the supplier's country: no valid VAT ID"), True, "",
    "Directive 2006/112/EC arts. 32, 45 and 138(1): the exemption and the reverse charge need the buyer's VAT ID",
    DIRECTIVE_START,
)  # fmt: skip
INTRA_COMMUNITY_SUPPLY = Treatment(
    "intra_community_supply", _("Exempt intra-Community supply"), False,
    _("Exempt intra-Community supply of goods, Article 138 of Directive 2006/112/EC."),
    "Directive 2006/112/EC art. 138(1); art. 226(11)", DIRECTIVE_START,
)  # fmt: skip
REVERSE_CHARGE = Treatment(
    "reverse_charge", _("Reverse charge: you account for the VAT"), False,
    _("Reverse charge: VAT to be accounted for by the customer, Article 196 of Directive 2006/112/EC."),
    "Directive 2006/112/EC arts. 44 and 196; art. 226(11a)", DIRECTIVE_START,
)  # fmt: skip
REVERSE_CHARGE_FROM_SERBIA = Treatment(
    "reverse_charge_from_serbia", _("Reverse charge: you account for the VAT"), False,
    _("Not subject to Serbian VAT (Article 12 of the Law on VAT); VAT to be accounted for by the customer, "
      "Article 196 of Directive 2006/112/EC."),
    "Zakon o PDV čl. 12 st. 4 (place of supply where the recipient is established); "
    "Directive 2006/112/EC arts. 44 and 196", SERBIAN_LAW_START,
)  # fmt: skip
EXPORT = Treatment(
    "export", _("Exempt export outside the EU"), False,
    _("Exempt export of goods outside the European Union, Article 146 of Directive 2006/112/EC."),
    "Directive 2006/112/EC art. 146(1)(a); art. 226(11)", DIRECTIVE_START,
)  # fmt: skip
EXPORT_FROM_SERBIA = Treatment(
    "export_from_serbia", _("Exempt export from Serbia: import VAT at customs"), False,
    _("Export of goods exempt from Serbian VAT, Article 24 of the Law on VAT; import VAT is due in the "
      "customer's country."),
    "Zakon o PDV čl. 24 st. 1 tač. 2", SERBIAN_LAW_START,
)  # fmt: skip
OUTSIDE_EU_SCOPE = Treatment(
    "outside_eu_scope", _("Outside the scope of EU VAT"), False,
    _("Not subject to VAT in the EU: place of supply outside the EU, Article 44 of Directive 2006/112/EC."),
    "Directive 2006/112/EC art. 44; the Serbian customer accounts for Serbian VAT (Zakon o PDV čl. 10 st. 2)",
    DIRECTIVE_START,
)  # fmt: skip

TREATMENTS = {
    treatment.code: treatment
    for treatment in (
        DOMESTIC, NOT_REGISTERED, INTRA_COMMUNITY_SUPPLY, REVERSE_CHARGE, REVERSE_CHARGE_FROM_SERBIA, EXPORT,
        EXPORT_FROM_SERBIA, OUTSIDE_EU_SCOPE,
    )
}  # fmt: skip


@dataclass(frozen=True)
class BuyerVat:
    """What the rules need of the buyer: where it is established (its billing country)
    and whether it is registered for VAT there."""

    country: str
    registered: bool

    @property
    def basis(self) -> str:
        """What the VAT shown was computed for, as a checkout form carries it ("LU:registered")."""
        return f"{self.country}:{'registered' if self.registered else 'unregistered'}"


def buyer_vat_of(buyer, *, country: str = "", vat_id: str | None = None) -> BuyerVat:
    """The rules' view of a buyer organisation: its billing country (or `country`, as typed
    at checkout) and whether it is registered: a usable VAT ID, its stored one (checked
    with VIES) or `vat_id` as typed at checkout (its format checked by the form)."""
    from marketplace.organisations.selectors import vat_id_usable

    country = country or buyer.billing_country.code or buyer.country.code
    if vat_id is None or vat_id == buyer.vat_id:
        return BuyerVat(country=country, registered=vat_id_usable(buyer))
    return BuyerVat(country=country, registered=bool(vat_id))


def treatment(*, supplier_country: str, buyer: BuyerVat | None, kind: str) -> Treatment:
    """The VAT treatment of a line of `kind` (catalogue.attributes.GOODS or SERVICE) sold by a supplier of
    `supplier_country` to `buyer`; the supplier's own VAT when the buyer is not known yet
    (a visitor's catalogue, prices excluding VAT)."""
    seller = str(supplier_country or "").upper()
    if buyer is None or str(buyer.country or "").upper() in ("", seller):
        return DOMESTIC
    customer = str(buyer.country).upper()
    goods = kind != SERVICE
    if seller in EU:
        if customer not in EU:
            return EXPORT if goods else (OUTSIDE_EU_SCOPE if buyer.registered else NOT_REGISTERED)
        if not buyer.registered:
            return NOT_REGISTERED
        return INTRA_COMMUNITY_SUPPLY if goods else REVERSE_CHARGE
    if seller == SERBIA:
        if goods:
            return EXPORT_FROM_SERBIA
        return REVERSE_CHARGE_FROM_SERBIA if buyer.registered else NOT_REGISTERED
    # A supplier outside the EU and Serbia: no rules written here; its own VAT, as before.
    return DOMESTIC


def line_rate(*, supplier_country: str, buyer: BuyerVat | None, kind: str, product_rate: Decimal | None) -> Decimal:
    """The VAT rate (percent) of a line: the product's own rate (or its supplier country's
    standard one) when VAT is charged, else 0."""
    rate = product_rate if product_rate is not None else standard_rate(supplier_country)
    return treatment(supplier_country=supplier_country, buyer=buyer, kind=kind).rate(rate)
