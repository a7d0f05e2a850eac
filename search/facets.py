"""Every search facet, declared once.

A facet's declaration gives its name (the URL parameter, the API field, the
document key and Elasticsearch's keyword field), its label, the values a
document takes (read from the facts gathered once per supplier or product:
search.documents.SupplierFacts, search.product_documents.ProductFacts), and the
values it can take with their labels (its vocabulary). The documents of every
backend, the directory's and the shop's filters, the API's parameters and
schema and the selectors' labels all read these tuples: adding a facet is one
entry here, then `manage.py search_index rebuild` so that documents carry it.
The database backend keeps facet values as rows (search.models), so no
migration is needed unless the facts need a new column."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from catalogue.cards import KIND_LABELS
from marketplace.organisations.models import ImpactArea, Label, Network, Region, Sector, Supplier
from marketplace.verification.reserved import RULES as RESERVED_RULES

CHARTER_PREFIX = "charter-"  # label facet value for "signed the charter of <network>"

Vocabulary = dict  # value -> (label, parent value or "")


@dataclass(frozen=True)
class Facet:
    name: str
    label: str
    values: Callable[[Any], list[str]]  # a document's values, from its facts
    vocabulary: Callable[[], Vocabulary]  # every value it can take, labelled in the active language
    tree: bool = False  # values name their parent (sub-sectors, regions): shown under it
    # A closed set, known without the database: other values are refused as bad input.
    choices: tuple[str, ...] = ()
    # The API schema lists the values (read when the schema is asked for): small, stable sets only.
    listed: bool = False


def _labelled(choices: dict) -> Callable[[], Vocabulary]:
    return lambda: {value: (str(label), "") for value, label in choices.items()}


def _yes_no(flag: bool) -> list[str]:
    return ["yes" if flag else "no"]


# Vocabularies ---------------------------------------------------------------------


def _sectors() -> Vocabulary:
    return {s.slug: (s.name, s.parent.slug if s.parent_id else "") for s in Sector.objects.select_related("parent")}


def _countries() -> Vocabulary:
    return {code: (name, "") for code, name in countries}


def _regions() -> Vocabulary:
    return {slug: (name, "") for slug, name in Region.objects.values_list("slug", "name")}


def _places() -> Vocabulary:
    """Countries, and regions under their country."""
    regions = Region.objects.values_list("slug", "name", "country")
    return {**_countries(), **{slug: (name, country) for slug, name, country in regions}}


def _impact_areas() -> Vocabulary:
    return {slug: (name, "") for slug, name in ImpactArea.objects.values_list("slug", "name")}


def _networks() -> Vocabulary:
    return {slug: (name, "") for slug, name in Network.objects.values_list("slug", "name")}


def _labels() -> Vocabulary:
    labels = {slug: (name, "") for slug, name in Label.objects.values_list("slug", "name")}
    for slug, (name, _parent) in _networks().items():
        labels[CHARTER_PREFIX + slug] = (gettext("Charter of %(network)s") % {"network": name}, "")
    return labels


def _reserved_countries() -> Vocabulary:
    return {rule.country: (countries.name(rule.country), "") for rule in RESERVED_RULES}


def _categories() -> Vocabulary:
    from .product_documents import CategoryTree  # it reads search.interface, which reads this module

    return CategoryTree().vocabulary()


# Documents' values ------------------------------------------------------------------


def served_places(areas, regions_by_country) -> list[str]:
    """The `serves` facet values of a supplier's areas served: every country it
    works in (its code), and every region it works in (its slug): the regions
    of the countries it serves whole, and those it serves alone. So a place's
    value finds everyone who can work there."""
    places = set()
    for country, region in areas:
        places.add(country)
        places.update([region] if region else regions_by_country.get(country, ()))
    return sorted(places)


def _supplier_labels(facts) -> list[str]:
    labels = [label.slug for label in facts.supplier.labels.all()]  # verified ones (verification.services)
    labels += [CHARTER_PREFIX + m.network.slug for m in facts.memberships if m.signed_charter]
    return sorted(labels)


def _impact(facts) -> list[str]:
    return sorted(area.slug for area in facts.supplier.impact_areas.all())


def _network(facts) -> list[str]:
    return sorted(m.network.slug for m in facts.memberships)


def _country(facts) -> list[str]:
    return [facts.supplier.country.code]


SUPPLIER_FACETS = (
    Facet(
        "sector",
        _("Sector"),
        lambda facts: sorted({s.slug for s in facts.sectors} | {s.parent.slug for s in facts.sectors if s.parent_id}),
        _sectors,
        tree=True,
    ),
    Facet("country", _("Country"), _country, _countries),
    Facet(
        "region",
        _("Region"),
        lambda facts: [facts.supplier.region.slug] if facts.supplier.region_id else [],
        _regions,
    ),
    # Where a supplier works: a country code (somewhere in it) or a region slug.
    Facet(
        "serves",
        _("Area served"),
        lambda facts: served_places(facts.served_areas, facts.regions_by_country),
        _places,
        tree=True,
    ),
    Facet("impact", _("Impact"), _impact, _impact_areas, listed=True),
    Facet("label", _("Label or charter"), _supplier_labels, _labels),
    Facet(
        "legal_form",
        _("Legal form"),
        lambda facts: [facts.supplier.legal_form],
        _labelled(dict(Supplier.LegalForm.choices)),
        listed=True,
    ),
    Facet("network", _("Network"), _network, _networks),
    Facet(
        "sells_online",
        _("Sells online"),
        lambda facts: _yes_no(bool(facts.product_titles)),
        _labelled({"yes": _("Sells online"), "no": _("Does not sell online")}),
        listed=True,
    ),
    # Countries whose reserved contracts (Directive 2014/24/EU art. 20) it may take.
    Facet("reserved", _("May take reserved contracts in"), lambda facts: facts.reserved, _reserved_countries),
)

PRODUCT_FACETS = (
    Facet("category", _("Category"), lambda facts: facts.categories, _categories, tree=True),
    Facet(
        "kind",
        _("Goods or service"),
        lambda facts: [facts.kind] if facts.kind else [],
        _labelled(KIND_LABELS),
        choices=tuple(KIND_LABELS),
        listed=True,
    ),
    # The supplier's facets, for its products.
    Facet("country", _("Supplier country"), _country, _countries),
    Facet("impact", _("Supplier impact"), _impact, _impact_areas, listed=True),
    Facet("network", _("Supplier network"), _network, _networks),
    Facet(
        "in_stock",
        _("Availability"),
        lambda facts: _yes_no(facts.in_stock),
        _labelled({"yes": _("In stock"), "no": _("Out of stock")}),
        choices=("yes", "no"),
        listed=True,
    ),
)


def document_facets(facets, facts) -> dict:
    """A document's facet values: facet name -> list of values."""
    return {facet.name: facet.values(facts) for facet in facets}


def vocabularies(facets) -> dict:
    """facet name -> {value: (label, parent value)}, in the active language."""
    return {facet.name: facet.vocabulary() for facet in facets}
