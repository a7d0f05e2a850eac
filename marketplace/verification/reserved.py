"""The law as data: reserved contracts. Directive 2014/24/EU, art. 20(1), lets a buyer
reserve a contract for sheltered workshops and economic operators whose main aim is the
social and professional integration of disabled or disadvantaged persons, provided that
at least 30 % of their employees are such persons. Each country's transposition is one
rule here: the statuses of its own law that qualify, the share of such employees the
law asks for (None where the status alone qualifies), its article and its dates.

Which rule applies: the one of the contract's country, which is the buyer's country
(the law the buyer procures under), not the supplier's. A supplier established in
another country qualifies as an "equivalent structure" (the directive speaks of
economic operators, not of national statuses) when it holds a verified status that
qualifies under its own country's rule and its verified workforce has at least the
share the applying rule asks of equivalent structures.

Only what is verified and unexpired counts: the legal statuses and the workforce
figures come from verified claims (marketplace.verification)."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from marketplace.deductions.rules import Status

DIRECTIVE = "Directive 2014/24/EU, art. 20"


@dataclass(frozen=True)
class ReservedRule:
    country: str
    statuses: frozenset  # the country's own statuses that qualify
    share: Decimal | None  # % of disabled or disadvantaged employees its own statuses must show (None: none)
    equivalent_share: Decimal  # % an equivalent structure from another country must show
    reference: str
    valid_from: datetime.date
    valid_to: datetime.date | None = None

    def in_force_on(self, day: datetime.date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


RULES = (
    # Code de la commande publique (in force since 1 April 2019): L. 2113-12 for entreprises
    # adaptées, ESAT and equivalent structures, L. 2113-13 for SIAE and equivalent
    # structures; R. 2113-7 and R. 2113-8 set the minimum share of equivalent structures at
    # 50 %. L. 2113-15 (ESS enterprises, some health, social and cultural services) is not
    # modelled: it does not depend on a status or a workforce share we record.
    ReservedRule(
        country="FR",
        statuses=frozenset({Status.FR_EA, Status.FR_ESAT, Status.FR_SIAE}),
        share=None,
        equivalent_share=Decimal("50"),
        reference="Code de la commande publique, art. L. 2113-12, L. 2113-13 (R. 2113-7, R. 2113-8)",
        valid_from=datetime.date(2019, 4, 1),
    ),
    # § 118 GWB (since the Vergaberechtsmodernisierungsgesetz, 18 April 2016): Werkstätten
    # für Menschen mit Behinderungen and enterprises integrating disabled or disadvantaged
    # persons; Abs. 2 asks at least 30 % of such employees of every one of them.
    ReservedRule(
        country="DE",
        statuses=frozenset({Status.DE_WFBM, Status.DE_BLIND, Status.DE_INKLUSION}),
        share=Decimal("30"),
        equivalent_share=Decimal("30"),
        reference="§ 118 GWB",
        valid_from=datetime.date(2016, 4, 18),
    ),
    # Loi du 17 juin 2016 relative aux marchés publics, art. 15 (in force 30 June 2017):
    # entreprises de travail adapté / maatwerkbedrijven and social-economy integration
    # enterprises, at least 30 % of disabled or disadvantaged workers.
    ReservedRule(
        country="BE",
        statuses=frozenset({Status.BE_ETA, Status.BE_MAATWERK}),
        share=Decimal("30"),
        equivalent_share=Decimal("30"),
        reference="Loi du 17 juin 2016 relative aux marchés publics, art. 15",
        valid_from=datetime.date(2017, 6, 30),
    ),
    # Loi du 8 avril 2018 sur les marchés publics: its reserved-contracts article
    # transposes art. 20 word for word (30 %). Its article number is not checked here,
    # so the directive is cited; SIS are the status on record that can have such an aim.
    ReservedRule(
        country="LU",
        statuses=frozenset({Status.LU_SIS}),
        share=Decimal("30"),
        equivalent_share=Decimal("30"),
        reference=f"Loi du 8 avril 2018 sur les marchés publics ({DIRECTIVE})",
        valid_from=datetime.date(2018, 4, 20),
    ),
    # Aanbestedingswet 2012, art. 2.82 (as amended on 1 July 2016): sociale werkplaatsen
    # and undertakings integrating disabled or disadvantaged persons, at least 30 %.
    ReservedRule(
        country="NL",
        statuses=frozenset({Status.NL_SW}),
        share=Decimal("30"),
        equivalent_share=Decimal("30"),
        reference="Aanbestedingswet 2012, art. 2.82",
        valid_from=datetime.date(2016, 7, 1),
    ),
    # Zakon o javnim nabavkama (Službeni glasnik RS 91/2019, applied from 1 July 2020):
    # its reserved-procurement article follows art. 20 (30 %). Its number is not checked
    # here, so the directive is cited.
    ReservedRule(
        country="RS",
        statuses=frozenset({Status.RS_REHAB}),
        share=Decimal("30"),
        equivalent_share=Decimal("30"),
        reference=f"Zakon o javnim nabavkama, Sl. glasnik RS 91/2019 ({DIRECTIVE})",
        valid_from=datetime.date(2020, 7, 1),
    ),
)

QUALIFYING_STATUSES = frozenset().union(*(rule.statuses for rule in RULES))


def rule_for(country, day: datetime.date) -> ReservedRule | None:
    """The rule of the contract's country in force on `day`, if that country has one."""
    return next((rule for rule in RULES if rule.country == str(country) and rule.in_force_on(day)), None)


@dataclass(frozen=True)
class Eligibility:
    rule: ReservedRule
    status: str  # the qualifying status (a Status value)
    equivalent: bool  # qualifies as an equivalent structure from another country


def eligibility(country, *, statuses, share, day: datetime.date) -> Eligibility | None:
    """Whether a supplier holding the verified, unexpired `statuses` (Status values) and
    whose verified share of employees in a vulnerable situation is `share` (a percentage,
    None when not verified) may take a contract reserved in `country` on `day`."""
    rule = rule_for(country, day)
    if rule is None:
        return None
    for status in sorted(statuses):
        if status in rule.statuses:
            if rule.share is None or (share is not None and share >= rule.share):
                return Eligibility(rule, status, equivalent=False)
        elif status in QUALIFYING_STATUSES and share is not None and share >= rule.equivalent_share:
            return Eligibility(rule, status, equivalent=True)
    return None


def eligible_countries(*, statuses, share, day: datetime.date) -> list[str]:
    """The countries in whose reserved contracts such a supplier may take part."""
    return [rule.country for rule in RULES if eligibility(rule.country, statuses=statuses, share=share, day=day)]
