"""How long the law makes sellers and buyers keep their accounting records, which hold
copies of people's names and addresses (invoices, credit notes, order parts and purchases).

Law is data with references: each rule names its source and the date it applies from, so a
change of law is a new row, not an edit of code. Erasing an account or an organisation
leaves these records as they are and `privacy_purge` never touches them: the longest period
below (10 years) runs from the end of the financial year of the record.
"""

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class RetentionRule:
    country: str
    years: int
    reference: str
    valid_from: date


ACCOUNTING_RECORDS = (
    RetentionRule("FR", 10, "Code de commerce, art. L123-22", date(2000, 9, 21)),
    RetentionRule("DE", 10, "HGB § 257 (4); AO § 147 (3)", date(1977, 1, 1)),
    RetentionRule("BE", 7, "Code de droit économique, art. III.86", date(2019, 1, 1)),
    RetentionRule("NL", 7, "Burgerlijk Wetboek 2:10 (3); AWR art. 52 (4)", date(1994, 1, 1)),
    RetentionRule("LU", 10, "Code de commerce, art. 16", date(2002, 12, 19)),
    RetentionRule("RS", 10, "Zakon o računovodstvu, čl. 28", date(2021, 1, 1)),
)


def rules_in_force(*, on: date) -> list[RetentionRule]:
    """The rule of each country in force on `on` (the latest that started by then)."""
    latest: dict[str, RetentionRule] = {}
    for rule in ACCOUNTING_RECORDS:
        if rule.valid_from <= on and (rule.country not in latest or latest[rule.country].valid_from < rule.valid_from):
            latest[rule.country] = rule
    return sorted(latest.values(), key=lambda rule: rule.country)
