"""The query a person types and clicks becomes one SupplierQuery, whatever the backend."""

import pytest
from django.http import QueryDict

from search.interface import MAX_QUERY_LENGTH, InvalidQuery, SupplierQuery, words


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Réemploi", ["reemploi"]),
        ("KÜCHE & Co.", ["kuche", "co"]),
        ("Rénov'Insertion", ["renov", "insertion"]),
        ("Građevinski centar", ["gradevinski", "centar"]),
        ("Blanchisserie du Cœur", ["blanchisserie", "du", "coeur"]),
        ("  ", []),
    ],
)
def test_words_fold_case_accents_and_punctuation(typed, expected):
    assert words(typed) == expected


def test_repeated_parameters_select_several_values_of_one_facet():
    query = SupplierQuery.from_params(QueryDict("sector=food&country=FR&country=LU&country=FR&q=+catering+"))

    assert query.filters == {"sector": ("food",), "country": ("FR", "LU")}
    assert query.text == "catering"
    assert query.effective_sort == "relevance"
    assert SupplierQuery.from_params(QueryDict("country=FR")).effective_sort == "name"


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ("q=" + "a" * (MAX_QUERY_LENGTH + 1), "The search text is too long"),
        ("page=abc", "page must be a whole number"),
        ("page=0", "page must be 1 or more"),
        ("page_size=7", "page_size must be one of 10, 24, 50, 100"),
        ("sort=cheapest", "Unknown sort order “cheapest”"),
        ("country=" + "&country=".join(f"C{n}" for n in range(51)), "Too many values for country"),
    ],
)
def test_bad_parameters_are_refused_with_a_message_to_act_on(params, message):
    with pytest.raises(InvalidQuery, match=message):
        SupplierQuery.from_params(QueryDict(params))


def test_toggling_a_value_adds_or_removes_it_and_returns_to_page_one():
    query = SupplierQuery(filters={"country": ("FR",)}, page=3)

    added = query.toggled("country", "LU")
    removed = added.toggled("country", "FR")

    assert added.filters == {"country": ("FR", "LU")} and added.page == 1
    assert removed.filters == {"country": ("LU",)}
    assert removed.toggled("country", "LU").filters == {}


def test_a_facet_counts_every_other_facets_selection_but_not_its_own():
    query = SupplierQuery(filters={"country": ("FR",), "sector": ("food",), "impact": ()})

    assert query.without("country") == {"sector": ("food",)}
    assert query.without("region") == {"country": ("FR",), "sector": ("food",)}


def test_parameters_round_trip_through_the_url():
    query = SupplierQuery(text="réemploi", filters={"region": ("lorraine",)}, sort="newest", page=2, page_size=50)

    assert SupplierQuery.from_params(_querydict(query.to_params())) == query


def _querydict(pairs):
    data = QueryDict(mutable=True)
    for name, value in pairs:
        data.appendlist(name, value)
    return data
