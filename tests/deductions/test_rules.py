"""The law as data: which rule applies to which levy country and year, what it lists,
and one worked example per country computed by hand."""

import datetime
from decimal import Decimal

import pytest

from marketplace.deductions.rules import DE_223, FR_OETH, RULES, STATUS_COUNTRY, Status, rule_for, statuses_of
from marketplace.deductions.selectors import line_deduction


@pytest.mark.parametrize(
    "country,year,expected",
    [
        ("FR", 2020, FR_OETH),  # the OETH reform: from 1 January 2020
        ("FR", 2026, FR_OETH),
        ("FR", 2019, None),  # the former rule (units of employment) is not recorded
        ("DE", 2018, DE_223),  # § 223 SGB IX since the BTHG, 1 January 2018
        ("DE", 2026, DE_223),
        ("DE", 2017, None),
        ("LU", 2026, None),
        ("BE", 2026, None),
        ("NL", 2026, None),
        ("RS", 2026, None),
    ],
)
def test_the_rule_of_a_levy_country_and_year(country, year, expected):
    assert rule_for(country, year) is expected


@pytest.mark.parametrize(
    "rule,country,rate,statuses,reference",
    [
        (
            FR_OETH,
            "FR",
            Decimal("0.30"),
            {Status.FR_EA, Status.FR_ESAT, Status.FR_TIH},
            "Code du travail, art. L. 5212-10-1 et D. 5212-22",
        ),
        (DE_223, "DE", Decimal("0.50"), {Status.DE_WFBM, Status.DE_BLIND}, "§ 223 SGB IX"),
    ],
)
def test_each_rule_as_the_law_states_it(rule, country, rate, statuses, reference):
    assert (rule.country, rule.rate, set(rule.statuses)) == (country, rate, statuses)
    assert rule.reference.startswith(reference)
    assert all(STATUS_COUNTRY[status] == country for status in rule.statuses)
    assert rule.valid_until is None


def test_work_integration_and_inclusion_firms_give_no_deduction():
    """SIAE are not in art. L. 5212-10-1; Inklusionsbetriebe are not in § 223 SGB IX."""
    listed = {status for rule in RULES for status in rule.statuses}
    assert Status.FR_SIAE not in listed and Status.DE_INKLUSION not in listed


@pytest.mark.parametrize(
    "country,statuses",
    [
        ("FR", [Status.FR_EA, Status.FR_ESAT, Status.FR_SIAE, Status.FR_TIH]),
        ("DE", [Status.DE_WFBM, Status.DE_BLIND, Status.DE_INKLUSION]),
        ("BE", [Status.BE_ETA, Status.BE_MAATWERK]),
        ("LU", [Status.LU_SIS]),
        ("NL", [Status.NL_SW]),
        ("RS", [Status.RS_REHAB]),
    ],
)
def test_the_statuses_of_each_country(country, statuses):
    assert statuses_of(country) == statuses


def test_a_rule_period_within_a_year():
    assert FR_OETH.period_in(2024) == (datetime.date(2024, 1, 1), datetime.date(2024, 12, 31))
    assert FR_OETH.period_in(2019) is None
    assert FR_OETH.in_force_on(datetime.date(2020, 1, 1)) and not FR_OETH.in_force_on(datetime.date(2019, 12, 31))
    assert (FR_OETH.rate_percent, DE_223.rate_percent) == ("30 %", "50 %")


def test_worked_example_france():
    # An ESAT invoices 1,234.56 € excl. VAT; it states that 45 % of the price is its own
    # labour (the rest: materials, bought-in products, subcontracting, sales costs).
    #   labour base = 1,234.56 × 45 % = 555.552      → 555.55 (half up, to the cent)
    #   deductible  = 30 % × 555.55   = 166.665      → 166.67 (half up: the 5 rounds up)
    line = line_deduction({"net": "1234.56", "description": "Mailing", "quantity": 1}, Decimal("45"), FR_OETH.rate)
    assert (line.labour_base, line.deductible) == (Decimal("555.55"), Decimal("166.67"))


def test_worked_example_germany():
    # A WfbM invoices 2,000.00 € net, of which 1,500.00 € is the workshop's labour (75 %):
    #   anrechenbar = 50 % × 1,500.00 = 750.00
    line = line_deduction({"net": "2000.00", "description": "Montage", "quantity": 1}, Decimal("75"), DE_223.rate)
    assert (line.labour_base, line.deductible) == (Decimal("1500.00"), Decimal("750.00"))
    # And with rounding: 99.99 € at 33.33 % labour:
    #   99.99 × 33.33 % = 33.326667 → 33.33;  50 % × 33.33 = 16.665 → 16.67
    line = line_deduction({"net": "99.99", "description": "Kleinteile", "quantity": 3}, Decimal("33.33"), DE_223.rate)
    assert (line.labour_base, line.deductible) == (Decimal("33.33"), Decimal("16.67"))


def test_a_line_without_a_stated_share_counts_zero():
    line = line_deduction({"net": "500.00"}, None, FR_OETH.rate)
    assert (line.stated, line.labour_base, line.deductible) == (False, Decimal("0.00"), Decimal("0.00"))
