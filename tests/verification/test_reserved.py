"""Reserved contracts (Directive 2014/24/EU art. 20) as each country's law reads them:
hand-worked cases of who may take a contract reserved in a country, on a day."""

import datetime
from decimal import Decimal

import pytest

from marketplace.deductions.rules import Status
from marketplace.verification.reserved import RULES, eligibility, eligible_countries, rule_for

DAY = datetime.date(2026, 6, 1)

CASES = [
    # contract country, verified statuses, verified share (%), eligible, as an equivalent structure
    # France: the status alone qualifies (L. 2113-12, L. 2113-13)…
    ("FR", {Status.FR_ESAT}, None, True, False),
    ("FR", {Status.FR_EA}, 10, True, False),
    ("FR", {Status.FR_SIAE}, None, True, False),
    # … a TIH is not among them (it is a deduction status, not a reserved-contract one).
    ("FR", {Status.FR_TIH}, 90, False, False),
    # An equivalent structure from Germany needs 50 % in France (R. 2113-7): 49 no, 50 yes.
    ("FR", {Status.DE_WFBM}, 49, False, False),
    ("FR", {Status.DE_WFBM}, 50, True, True),
    ("FR", {Status.DE_WFBM}, None, False, False),
    # Germany: § 118 GWB asks 30 % of everyone, its own statuses included.
    ("DE", {Status.DE_INKLUSION}, 30, True, False),
    ("DE", {Status.DE_INKLUSION}, Decimal("29.9"), False, False),
    ("DE", {Status.DE_WFBM}, None, False, False),
    ("DE", {Status.FR_ESAT}, 30, True, True),
    # Belgium, Luxembourg, the Netherlands, Serbia: 30 %.
    ("BE", {Status.BE_ETA}, 30, True, False),
    ("BE", {Status.NL_SW}, 35, True, True),
    ("LU", {Status.LU_SIS}, 31, True, False),
    ("LU", {Status.LU_SIS}, 20, False, False),
    ("NL", {Status.NL_SW}, 30, True, False),
    ("RS", {Status.RS_REHAB}, 40, True, False),
    ("RS", {Status.BE_ETA}, 29, False, False),
    # No legal status at all: a high share alone does not make a workshop.
    ("FR", set(), 80, False, False),
    # A country without a rule on record.
    ("IT", {Status.FR_ESAT}, 80, False, False),
]


@pytest.mark.parametrize("country,statuses,share,eligible,equivalent", CASES)
def test_eligibility_under_each_countrys_law(country, statuses, share, eligible, equivalent):
    found = eligibility(country, statuses=statuses, share=share, day=DAY)
    assert (found is not None) == eligible
    if found:
        assert found.equivalent == equivalent
        assert found.rule.country == country


def test_a_rule_applies_only_within_its_dates():
    assert rule_for("RS", datetime.date(2020, 6, 30)) is None  # the 2019 law applied from 1 July 2020
    assert rule_for("RS", datetime.date(2020, 7, 1)).reference.startswith("Zakon o javnim nabavkama")
    assert rule_for("FR", datetime.date(2019, 3, 31)) is None
    assert eligibility("FR", statuses={Status.FR_ESAT}, share=None, day=datetime.date(2019, 3, 31)) is None


def test_every_rule_cites_its_article_and_a_share_of_at_least_the_directives():
    for rule in RULES:
        assert rule.reference
        assert rule.equivalent_share >= 30
        assert rule.share is None or rule.share >= 30


def test_the_countries_a_supplier_may_take_reserved_contracts_in():
    # An ESAT with 55 %: France by status; DE, BE, LU, NL, RS as an equivalent structure.
    assert eligible_countries(statuses={Status.FR_ESAT}, share=55, day=DAY) == ["FR", "DE", "BE", "LU", "NL", "RS"]
    # An ESAT whose workforce is not verified: France only.
    assert eligible_countries(statuses={Status.FR_ESAT}, share=None, day=DAY) == ["FR"]
    # A WfbM with 40 %: everywhere but France (50 % for equivalent structures).
    assert eligible_countries(statuses={Status.DE_WFBM}, share=40, day=DAY) == ["DE", "BE", "LU", "NL", "RS"]
