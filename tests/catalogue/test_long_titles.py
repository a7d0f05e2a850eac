"""A product title of 255 characters without a space (Oscar's longest) wraps instead of
widening the page. Layout itself is checked in a browser (tests/browser/test_long_text.py);
here, that the page shows the title whole and that its stylesheet lets long words wrap."""

import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders

from tests.factories import SupplierFactory, goods_for_supplier

pytestmark = pytest.mark.django_db

LONG_TITLE = "Compostable" * 23 + "xx"  # 255 characters, no space


def wrapping_selectors(css: str) -> set[str]:
    """The selectors of the stylesheet's rules that let long words wrap anywhere."""
    selectors = set()
    for head, body in re.findall(r"([^{}]+)\{([^{}]*)\}", re.sub(r"/\*.*?\*/", "", css, flags=re.S)):
        if re.search(r"overflow-wrap:\s*anywhere", body):
            selectors.update(s.strip() for s in head.split(","))
    return selectors


def test_a_255_character_title_is_shown_whole_with_the_stylesheet_that_wraps_it(client):
    assert len(LONG_TITLE) == 255
    product = goods_for_supplier(supplier=SupplierFactory(), title=LONG_TITLE)

    html = BeautifulSoup(client.get(product.get_absolute_url()).content.decode(), "html.parser")

    assert html.find("h1").text == LONG_TITLE
    stylesheets = [link["href"] for link in html.find_all("link", rel="stylesheet")]
    assert any(href.endswith("css/responsible.css") for href in stylesheets)
    with open(finders.find("css/responsible.css"), encoding="utf-8") as css:
        selectors = wrapping_selectors(css.read())
    # The product's heading and breadcrumb, and the cards of lists, wrap long words.
    assert {"h1", ".breadcrumb-item", ".card", "p", "dd"} <= selectors
