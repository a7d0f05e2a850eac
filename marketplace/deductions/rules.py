"""The law as data: the legal statuses of sheltered and adapted workshops in each
country, and the rules that let a firm paying a disability-employment levy deduct part
of what it buys from them. Everything a computation, a page or a certificate says about
the law comes from here; a change of law is a new rule with its own dates.

France — the OETH contribution (Code du travail, since 1 January 2020, the reform of the
loi n° 2018-771 du 5 septembre 2018 and the décret n° 2019-523 du 27 mai 2019):
  * art. L. 5212-10-1 lets a firm deduct what it spends on contracts for supplies,
    subcontracting or services with entreprises adaptées (EA), établissements ou services
    d'accompagnement par le travail (ESAT, "d'aide par le travail" until the loi
    n° 2023-1196 du 18 décembre 2023), travailleurs indépendants handicapés (TIH) and,
    for a ported disabled employee, portage companies (not a status here);
  * art. D. 5212-22: the deduction is 30 % of the price excluding VAT, less the costs of
    raw materials, products, materials, subcontracting, intermediate consumption and
    sales costs; it is capped at 50 % of the contribution, raised to 75 % when the firm
    employs at least half the 6 % rate of art. L. 5212-2 (so at least 3 %, not 3.5 %)
    of beneficiaries of the employment obligation.
  SIAE (work-integration structures) are not listed: purchases from them give no deduction.

Germany — the Ausgleichsabgabe (§ 223 SGB IX, numbered so since the Bundesteilhabegesetz
on 1 January 2018; the same rule was § 140 SGB IX before):
  * an employer may set 50 % of the part of the invoice attributable to the workshop's
    labour (the total invoice amount less material costs) against the levy, for orders
    to recognised Werkstätten für behinderte Menschen (Abs. 1), their associations
    (Abs. 3) and recognised Blindenwerkstätten (Abs. 4);
  * the workshop confirms in the invoice that the conditions are met and states the
    amount (Abs. 1 Satz 4); the order must be carried out in the levy year and paid by
    31 March of the following year (Abs. 2 Nr. 1);
  * no ceiling other than the levy itself ("ganz oder teilweise"): the 50 % ceiling of the
    French rule has no German counterpart. Inklusionsbetriebe are not covered (the
    Bundesrat's request to add them was not followed in the BTHG).

Other countries (BE, LU, NL, RS) have statuses that suppliers may declare and buyers see
on profiles, but no deduction rule is recorded here."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    """A legal status of a sheltered or adapted workshop, named in its country's own words."""

    FR_EA = "fr_ea", _("Entreprise adaptée (EA)")
    FR_ESAT = "fr_esat", _("Établissement ou service d'accompagnement par le travail (ESAT)")
    FR_SIAE = "fr_siae", _("Structure d'insertion par l'activité économique (SIAE)")
    FR_TIH = "fr_tih", _("Travailleur indépendant handicapé (TIH)")
    DE_WFBM = "de_wfbm", _("Anerkannte Werkstatt für behinderte Menschen (WfbM)")
    DE_BLIND = "de_blind", _("Anerkannte Blindenwerkstatt")
    DE_INKLUSION = "de_inklusion", _("Inklusionsbetrieb")
    BE_ETA = "be_eta", _("Entreprise de travail adapté (ETA)")
    BE_MAATWERK = "be_maatwerk", _("Maatwerkbedrijf")
    LU_SIS = "lu_sis", _("Société d'impact sociétal (SIS)")
    NL_SW = "nl_sw", _("SW-bedrijf (sociale werkvoorziening)")
    RS_REHAB = "rs_rehab", _("Предузеће за професионалну рехабилитацију и запошљавање особа са инвалидитетом")


# The country whose law each status belongs to.
STATUS_COUNTRY = {status: status.value[:2].upper() for status in Status}


def statuses_of(country: str) -> list[Status]:
    return [status for status in Status if STATUS_COUNTRY[status] == country]


@dataclass(frozen=True)
class DeductionRule:
    """How a levy-paying firm of `country` deducts purchases from workshops of `statuses`:
    `rate` × the labour base (the net price less materials, products, subcontracting and
    sales costs), for invoices issued from `valid_from` to `valid_until` (None: still in force)."""

    country: str
    levy: Promise
    statuses: frozenset
    rate: Decimal
    base: Promise
    ceiling: Promise
    conditions: Promise
    reference: str
    certificate_title: Promise
    valid_from: datetime.date
    valid_until: datetime.date | None = None

    @property
    def rate_percent(self) -> str:
        return f"{format((self.rate * 100).normalize(), 'f')} %"

    def in_force_on(self, day: datetime.date) -> bool:
        return self.valid_from <= day and (self.valid_until is None or day <= self.valid_until)

    def period_in(self, year: int) -> tuple[datetime.date, datetime.date] | None:
        """The days of `year` on which the rule is in force (first, last), or None."""
        first = max(datetime.date(year, 1, 1), self.valid_from)
        last = min(datetime.date(year, 12, 31), self.valid_until or datetime.date(year, 12, 31))
        return (first, last) if first <= last else None


FR_OETH = DeductionRule(
    country="FR",
    levy=_("OETH contribution (employment obligation for disabled workers)"),
    statuses=frozenset({Status.FR_EA, Status.FR_ESAT, Status.FR_TIH}),
    rate=Decimal("0.30"),
    base=_(
        "the price excluding VAT less the costs of raw materials, products, materials, subcontracting, "
        "intermediate consumption and sales costs"
    ),
    ceiling=_(
        "at most 50 % of the contribution; 75 % when the firm employs at least 3 % of beneficiaries of the "
        "employment obligation (half the 6 % rate)"
    ),
    conditions=_("The amount of the labour base is the one stated by the workshop for each product."),
    reference="Code du travail, art. L. 5212-10-1 et D. 5212-22 (décret n° 2019-523 du 27 mai 2019)",
    certificate_title=_("Annual certificate for the deduction from the OETH contribution"),
    valid_from=datetime.date(2020, 1, 1),
)

DE_223 = DeductionRule(
    country="DE",
    levy=_("compensatory levy (Ausgleichsabgabe)"),
    statuses=frozenset({Status.DE_WFBM, Status.DE_BLIND}),
    rate=Decimal("0.50"),
    base=_("the invoice amount attributable to the workshop's labour (total invoice amount less material costs)"),
    ceiling=_("at most the levy owed for the year (no other ceiling)"),
    conditions=_(
        "The order must be carried out in the levy year and paid by 31 March of the following year; "
        "the workshop confirms the conditions and the amount."
    ),
    reference="§ 223 SGB IX (Anrechnung von Aufträgen auf die Ausgleichsabgabe)",
    certificate_title=_("Certificate under § 223 SGB IX"),
    valid_from=datetime.date(2018, 1, 1),
)

RULES = (FR_OETH, DE_223)


def rule_for(country, year: int) -> DeductionRule | None:
    """The rule of the levy of `country` in force during `year`, if any."""
    for rule in RULES:
        if rule.country == str(country) and rule.period_in(year):
            return rule
    return None
