"""A product's title and description in the visitor's language: written in Serbian
Cyrillic, it reads in Cyrillic on Serbian pages and in Latin letters on Serbian Latin ones."""

import pytest
from django.conf import settings
from django.utils import translation
from pytest_django.asserts import assertContains, assertNotContains

from catalogue.attributes import GOODS_UNITS
from catalogue.cards import KIND_LABELS
from tests.factories import SupplierFactory, goods_for_supplier

pytestmark = pytest.mark.django_db


def product_page(client, product, language):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    with translation.override(language):  # and back to the test's language after the request
        return client.get(product.get_absolute_url(), follow=True, HTTP_ACCEPT_LANGUAGE=language)


def test_a_serbian_title_reads_in_cyrillic_and_in_latin_letters():
    from django.test import Client

    supplier = SupplierFactory(country="RS", language="sr")
    product = goods_for_supplier(supplier=supplier, title="Honey")
    product.title_en = None
    product.title_sr = "Мед од багрема"
    product.description_sr = "<p>Из Суботице.</p>"
    product.save()

    cyrillic = product_page(Client(), product, "sr")
    assertContains(cyrillic, "<h1>Мед од багрема</h1>", html=True)
    assertContains(cyrillic, "Из Суботице.")
    latin = product_page(Client(), product, "sr-latn")
    assertContains(latin, "<h1>Med od bagrema</h1>", html=True)
    assertNotContains(latin, "Мед")


def test_a_visitor_of_another_language_reads_the_suppliers_own_and_is_told(client):
    supplier = SupplierFactory(country="DE", language="de")
    product = goods_for_supplier(supplier=supplier, title="Honey")
    product.title_en = None
    product.title_de = "Akazienhonig"
    product.save()

    response = product_page(client, product, "fr")

    assertContains(response, '<h1 lang="de">Akazienhonig</h1>', html=True)
    assertContains(response, "Rédigé en allemand")


def test_the_kind_and_a_suggested_unit_read_in_the_visitors_language(client):
    supplier = SupplierFactory(name="Grünwerk")
    crates = goods_for_supplier(
        supplier=supplier, title="Apple crates", attributes={"unit": "box", "minimum_order_quantity": 3}
    )
    with translation.override("de"):
        kind, unit = str(KIND_LABELS["goods"]), str(GOODS_UNITS["box"])
    assert (kind, unit) != ("Goods", "box")

    german = product_page(client, crates, "de").content.decode()
    assert f'<p class="text-muted mb-1 product-kind">{kind}</p>' in german
    assert f"3 × {unit}" in german
    english = product_page(client, crates, "en").content.decode()
    assert "3 boxes" in english and '<p class="text-muted mb-1 product-kind">Goods</p>' in english
