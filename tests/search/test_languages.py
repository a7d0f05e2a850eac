"""Search in the languages suppliers write in and visitors read: a supplier or a
product is found by words of any of its languages (and of either Serbian script),
ignoring case and accents, on every backend; facet labels and result cards come
in the visitor's language, whatever the language active when they were indexed."""

import pytest
from django.urls import reverse
from django.utils import translation
from oscar.apps.catalogue.categories import create_from_breadcrumbs
from oscar.core.loading import get_model

from marketplace.core.content import written
from marketplace.organisations.models import Sector, Supplier
from search.documents import supplier_documents
from search.interface import ProductQuery, SupplierQuery, fold
from search.selectors import product_search, supplier_search
from tests.factories import (
    ImpactAreaFactory,
    RegionFactory,
    SectorFactory,
    SupplierFactory,
    goods_for_supplier,
    service_for_supplier,
)
from tests.search.test_contract import available_backends

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")
ProductCategory = get_model("catalogue", "ProductCategory")


@pytest.fixture(autouse=True)
def english_around():
    """Each test starts in English and leaves English behind: a request's
    Accept-Language stays active in the thread after the test client returns."""
    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture
def world(reindex):
    """A German cleaning firm, a Serbian cooperative writing in Cyrillic, another in
    Latin script, and a French one; indexed once, with English active."""
    cleaning = SectorFactory(
        slug="cleaning", name_en="Cleaning", name_fr="Nettoyage", name_de="Reinigung", name_sr="Чишћење"
    )
    disability = ImpactAreaFactory(
        slug="disability",
        name_en="Disability employment",
        name_fr="Emploi de personnes handicapées",
        name_de="Beschäftigung von Menschen mit Behinderung",
    )
    blitz = SupplierFactory(
        name="Blitzblank eG",
        country="DE",
        legal_form="cooperative",
        description_en="",
        description_de="Wir reinigen Büros und Werkstätten im Saarland.",
        description_fr="Nous nettoyons des bureaux et des ateliers en Sarre.",
        sectors=[cleaning],
        impact_areas=[disability],
    )
    SupplierFactory(
        name="Zadruga Sloga",
        country="RS",
        description_en="",
        impact_statement_sr="Запошљавамо људе са инвалидитетом у Нишу.",
    )
    SupplierFactory(name="Građevinar Niš", country="RS", description_en="", description_sr="Čišćenje gradilišta.")
    SupplierFactory(name="Cycles Solidaires", country="FR", description_en="", description_fr="Acteur de l'économie.")
    floor = create_from_breadcrumbs("Floor care")
    floor.name_fr, floor.name_de = "Entretien des sols", "Bodenpflege"
    floor.save()
    cleaner = goods_for_supplier(
        supplier=blitz, title="Floor cleaner", title_fr="Nettoyant pour sols", title_de="Bodenreiniger"
    )
    ProductCategory.objects.create(product=cleaner, category=floor)
    reindex()


@pytest.fixture(params=available_backends())
def backend(request, world):
    backend = request.param()
    if backend.name != "database":
        backend.rebuild([list(supplier_documents())])
    return backend


def found(backend, text):
    ids = backend.search(SupplierQuery(text=text)).ids
    return set(Supplier.objects.filter(pk__in=ids).values_list("name", flat=True))


@pytest.mark.parametrize(
    "text",
    [
        "Nettoyage",  # its sector, in French
        "reinigen",  # a German word of its description
        "Reinigung",  # its sector, in German
        "чишћење",  # its sector, in Serbian Cyrillic
        "cisc",  # ... typed in Latin script without diacritics
        "bureaux",  # its description in French
        "Bodenreiniger",  # its product, in German
        "BÜROS",
    ],
)
def test_a_supplier_written_in_german_is_found_by_words_of_any_of_its_languages(backend, text):
    with translation.override("fr"):
        assert "Blitzblank eG" in found(backend, text)


@pytest.mark.parametrize("text", ["zapošljavamo", "zaposljavamo", "ZAPOŠLJAVAMO", "запошљавамо"])
def test_serbian_cyrillic_text_is_found_by_either_script(backend, text):
    assert found(backend, text) == {"Zadruga Sloga"}


@pytest.mark.parametrize("text", ["чишћење гради", "čišćenje", "ciscenje gradilista", "ГРАЂЕВИНАР"])
def test_serbian_latin_text_is_found_by_either_script(backend, text):
    assert "Građevinar Niš" in found(backend, text)


@pytest.mark.parametrize("text", ["ECONOMIE", "économie", "Économie", "econ"])
def test_case_and_accents_do_not_matter(backend, text):
    assert found(backend, text) == {"Cycles Solidaires"}


def test_folding_reads_serbian_and_every_case_alike():
    assert fold("ЧИШЋЕЊЕ") == fold("čišćenje") == fold("ČIŠĆENJE") == "ciscenje"
    assert fold("Ђорђе Џајић ЉУБА") == "dorde dzajic ljuba"
    assert fold("ŽŠĐ") == "zsd"


def test_the_same_text_in_several_languages_is_indexed_once(world):
    (document,) = [doc for doc in supplier_documents() if doc.name == "Zadruga Sloga"]
    # Cyrillic and its Latin transliteration are one text to search.
    assert document.description.count("Нишу") == 1
    assert "Nišu" not in document.description


# What search shows, in the visitor's language -------------------------------------


@pytest.mark.parametrize(
    ("language", "sector", "impact", "description", "legal_form", "country"),
    [
        (
            "fr",
            "Nettoyage",
            "Emploi de personnes handicapées",
            "Nous nettoyons des bureaux et des ateliers en Sarre.",
            "Coopérative",
            "Allemagne",
        ),
        (
            "de",
            "Reinigung",
            "Beschäftigung von Menschen mit Behinderung",
            "Wir reinigen Büros und Werkstätten im Saarland.",
            "Genossenschaft",
            "Deutschland",
        ),
    ],
)
def test_facet_labels_and_supplier_cards_come_in_the_visitors_language(
    world, language, sector, impact, description, legal_form, country
):
    with translation.override(language):
        results = supplier_search(SupplierQuery(text="Blitzblank"))

    labels = {facet: {c.value: c.label for c in counts} for facet, counts in results.facets.items()}
    assert labels["sector"] == {"cleaning": sector}
    assert labels["impact"] == {"disability": impact}
    assert labels["legal_form"] == {"cooperative": legal_form}
    assert labels["country"] == {"DE": country}
    (card,) = results.suppliers
    assert card.sector_names == [sector]
    assert card.impact_names == [impact]
    with translation.override(language):
        assert written(card, "description").text == description


def test_a_card_falls_back_to_another_language_when_the_visitors_is_missing(world):
    with translation.override("nl"):
        (card,) = supplier_search(SupplierQuery(text="Blitzblank")).suppliers

        # No Dutch: the supplier's own language (French), marked as such.
        description = written(card, "description")
    assert (description.text, description.language) == ("Nous nettoyons des bureaux et des ateliers en Sarre.", "fr")
    assert card.sector_names == ["Cleaning"]


def test_serbian_latin_readers_see_the_cyrillic_texts_transliterated(world):
    with translation.override("sr-latn"):
        results = supplier_search(SupplierQuery(text="Blitzblank"))

    assert results.suppliers[0].sector_names == ["Čišćenje"]
    assert [c.label for c in results.facets["sector"]] == ["Čišćenje"]


@pytest.mark.parametrize(
    ("language", "title", "category", "unit"),
    [
        ("fr", "Nettoyant pour sols", "Entretien des sols", "par pièce"),
        ("de", "Bodenreiniger", "Bodenpflege", "pro Stück"),
        ("en", "Floor cleaner", "Floor care", "per piece"),
    ],
)
def test_product_cards_and_category_labels_come_in_the_visitors_language(world, language, title, category, unit):
    with translation.override(language):
        results = product_search(ProductQuery(text="nettoyant"))

    (card,) = results.products
    assert (card.title, card.category, card.unit) == (title, category, unit)
    assert [c.label for c in results.facets["category"]] == [category]


@pytest.mark.parametrize(
    ("language", "units"),
    [
        ("nl", {"Window cleaning": "per uur", "Crates": "per doos"}),
        ("sr-latn", {"Window cleaning": "po satu", "Crates": "po jedinici: kutija"}),
        ("en", {"Window cleaning": "per hour", "Crates": "per box"}),
    ],
)
def test_a_cards_unit_reads_in_the_visitors_language(world, reindex, language, units):
    blitz = Supplier.objects.get(name="Blitzblank eG")
    service_for_supplier(supplier=blitz, title="Window cleaning", attributes={"pricing_unit": "hour"})
    goods_for_supplier(supplier=blitz, title="Crates", attributes={"unit": "box"})
    reindex()

    with translation.override(language):
        results = product_search(ProductQuery())

    assert {card.title: card.unit for card in results.products if card.title in units} == units


def test_the_directory_page_shows_the_visitors_language(client, world):
    directory = reverse("organisations:supplier-list")
    french = client.get(f"/fr{directory}?q=reinigung")
    german = client.get(f"/de{directory}?q=nettoyage")

    assert "Nous nettoyons des bureaux" in french.content.decode()
    assert "Nettoyage" in french.content.decode()
    assert "Wir reinigen Büros" in german.content.decode()
    assert "Reinigung" in german.content.decode()


def test_the_api_answers_labels_in_the_language_asked_for(client, world):
    french = client.get("/api/search/suppliers/?q=blitz", HTTP_ACCEPT_LANGUAGE="fr").json()
    german = client.get("/api/search/suppliers/?q=blitz", HTTP_ACCEPT_LANGUAGE="de").json()

    assert [f["label"] for f in french["facets"]["sector"]] == ["Nettoyage"]
    assert [f["label"] for f in german["facets"]["sector"]] == ["Reinigung"]
    assert [f["label"] for f in german["facets"]["country"]] == ["Deutschland"]


# A translation added later -------------------------------------------------------


def test_a_translation_saved_later_is_found_and_shown(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        sector = Sector.objects.get(slug="cleaning")
        sector.name_nl = "Schoonmaak"
        sector.save()
        supplier = Supplier.objects.get(name="Zadruga Sloga")
        supplier.description_nl = "Wij maken fietsen."
        supplier.save()
        product = Product.objects.get(title_en="Floor cleaner")
        product.title_nl = "Vloerreiniger"
        product.save()

    with translation.override("nl"):
        assert [s.name for s in supplier_search(SupplierQuery(text="schoonmaak")).suppliers] == ["Blitzblank eG"]
        assert [written(s, "description").text for s in supplier_search(SupplierQuery(text="fietsen")).suppliers] == [
            "Wij maken fietsen."
        ]
        sectors = supplier_search(SupplierQuery(text="blitz")).facets["sector"]
        assert [c.label for c in sectors] == ["Schoonmaak"]
        assert [p.title for p in product_search(ProductQuery(text="vloer")).products] == ["Vloerreiniger"]


@pytest.mark.parametrize(
    ("language", "region"),
    [("fr", "Rhénanie-Palatinat"), ("sr-latn", "Rajna-Palatinat"), ("en", "Rhineland-Palatinate")],
)
def test_a_region_is_named_and_found_in_every_language(world, reindex, language, region):
    palatinate = RegionFactory(
        country="DE", name_en="Rhineland-Palatinate", name_fr="Rhénanie-Palatinat", name_de="Rheinland-Pfalz",
        name_sr="Рајна-Палатинат",
    )  # fmt: skip
    Supplier.objects.filter(name="Blitzblank eG").update(region=palatinate)
    reindex()

    with translation.override(language):
        results = supplier_search(SupplierQuery(text="Rheinland Pfalz"))
        labels = {count.value: count.label for count in results.facets["region"]}

    assert [card.name for card in results.suppliers] == ["Blitzblank eG"]
    assert results.suppliers[0].region == region
    assert labels == {palatinate.slug: region}
