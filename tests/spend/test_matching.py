"""The matching oracle: each row of tests/spend/files/spend.csv (and of the same rows as
an XLSX workbook) with the outcome written by hand — exact VAT ID, VAT ID in another
format, a Serbian PIB with its prefix, exact name, names with other accents, legal forms,
a typo, Cyrillic letters, an ambiguous name, a doubtful one, an unverified and an
unknown supplier — plus the rows that cannot be read and the repeated row."""

import pytest

from marketplace.spend.models import MatchMethod, MatchStatus
from marketplace.spend.names import name_key
from marketplace.spend.services import spend_import
from tests.spend.conftest import spend_csv, spend_xlsx

pytestmark = pytest.mark.django_db

MATCHED, REVIEW, UNMATCHED = MatchStatus.MATCHED, MatchStatus.REVIEW, MatchStatus.UNMATCHED
VAT, NAME = MatchMethod.VAT_ID, MatchMethod.NAME
# line -> (status, supplier matched or suggested, how)
EXPECTED = {
    2: (MATCHED, "vert", VAT),  # exact VAT ID
    3: (MATCHED, "vert", VAT),  # the same VAT ID in lower case with spaces, under another name
    4: (MATCHED, "bati", NAME),  # capitals, no accents, legal form S.A.
    5: (MATCHED, "werkstatt", NAME),  # no umlaut, GmbH for gGmbH, a letter missing
    6: (MATCHED, "srca", VAT),  # the PIB with the RS prefix the platform does not store
    7: (MATCHED, "srca", NAME),  # the same name in Cyrillic, д.о.о.
    8: (REVIEW, ("cafe_fr", "cafe_be"), ""),  # two suppliers of that name
    9: (REVIEW, "caterers", ""),  # "Catering" for "Caterers": close, not sure
    10: (UNMATCHED, None, ""),  # exists, but not verified: not on the platform for buyers
    11: (UNMATCHED, None, ""),
    19: (MATCHED, "vert", NAME),  # exact name, lower case
}


def outcome(line, suppliers):
    supplier = line.supplier or line.candidate
    names = {getattr(suppliers, attr).pk: attr for attr in vars(suppliers)}
    return line.status, names.get(supplier.pk) if supplier else None, line.method


@pytest.mark.parametrize(
    "filename,content,formula_problem",
    [("spend.csv", spend_csv, "amount"), ("spend.xlsx", spend_xlsx, "supplier_name")],
)
def test_every_row_of_the_file_matches_as_written_by_hand(
    suppliers, buyer, buyer_admin, filename, content, formula_problem
):
    spend = spend_import(buyer=buyer, by=buyer_admin, filename=filename, content=content())
    lines = {line.line: line for line in spend.lines.select_related("supplier", "candidate")}
    assert set(lines) == set(EXPECTED)
    for number, (status, who, method) in EXPECTED.items():
        got = outcome(lines[number], suppliers)
        if isinstance(who, tuple):
            assert got[0] == status and got[1] in who, (number, got)
        else:
            assert got == (status, who, method), (number, got)
    assert lines[8].line == 8 and lines[2].amount == 1200 and str(lines[4].amount) == "450.50"
    # Unreadable rows are listed with what is wrong; a formula is neither run nor kept as a value.
    problems = {error["line"]: error["problem"] for error in spend.errors}
    assert problems == {12: "supplier_name", 13: "amount", 14: "date", 15: "currency", 16: formula_problem}
    assert spend.duplicates == 1  # line 17 repeats line 2
    assert spend.ignored_columns == ["Centre de coût"]


def test_names_are_compared_without_case_accents_punctuation_and_legal_forms():
    assert name_key("ATELIER VERT s.a.r.l.") == name_key("Atelier Vert SARL") == "atelier vert"
    assert name_key("Ressourcerie du Pays, ASBL") == "ressourcerie du pays"
    assert name_key("Stichting Groen Werk B.V.") == "groen werk"
    assert name_key("Fairtrade SCOP") == "fairtrade"
    assert name_key("Đurđevak d.o.o.") == "djurdjevak"
    assert name_key("asbl") == "asbl"  # a name that is only a legal form stays a name


def test_the_buyers_answer_is_remembered_for_later_imports(suppliers, buyer, buyer_admin):
    from marketplace.spend.services import Decision, match_decide

    first = spend_import(buyer=buyer, by=buyer_admin, filename="spend.csv", content=spend_csv())
    match_decide(spend=first, name_key="lorraine catering", decision=Decision.CONFIRM)
    match_decide(spend=first, name_key="repair cafe", decision=Decision.NOT_ON_PLATFORM)
    later = b"Supplier name;Amount;Date\nLorraine Catering;20;2025-05-01\nRepair Cafe;30;2025-05-02\n"
    second = spend_import(buyer=buyer, by=buyer_admin, filename="may.csv", content=later)
    by_name = {line.supplier_name: line for line in second.lines.all()}
    assert (by_name["Lorraine Catering"].status, by_name["Lorraine Catering"].supplier) == (
        MATCHED,
        suppliers.caterers,
    )
    assert by_name["Repair Cafe"].status == UNMATCHED
