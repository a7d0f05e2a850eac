"""One locale, one format: dates day first in English (not 12/03/2026 for 3 December),
money as each language writes it, the same on pages, PDFs and e-mails."""

import datetime
from decimal import Decimal

from django.utils import translation

from marketplace.core import l10n


def test_english_dates_are_day_first_and_money_has_the_euro_sign_first():
    with translation.override("en"):
        assert l10n.date_short(datetime.date(2026, 12, 3)) == "03/12/2026"
        assert l10n.money(Decimal("1234.5")) == "€1,234.50"


def test_french_and_german_write_money_their_way():
    with translation.override("fr"):
        assert l10n.date_short(datetime.date(2026, 12, 3)) == "03/12/2026"
        assert l10n.money(Decimal("1234.5")).replace("\u202f", " ").replace("\xa0", " ") == "1 234,50 €"
    with translation.override("de"):
        assert l10n.date_short(datetime.date(2026, 12, 3)) == "03.12.2026"
        assert l10n.money(Decimal("1234.5")).replace("\xa0", " ") == "1.234,50 €"


def test_a_purchase_page_and_its_invoice_list_format_alike(client, buyer_admin, buyer):
    from marketplace.order.services import purchase_place
    from tests.factories import SupplierFactory, goods_for_supplier
    from tests.order.helpers import basket_with, checkout_details

    crates = SupplierFactory(name="Green Crates")
    apples = goods_for_supplier(supplier=crates, title="Apples", price=Decimal("1000.00"), num_in_stock=50)
    purchase = purchase_place(
        basket=basket_with(buyer_admin, (apples, 2)), user=buyer_admin, buyer=buyer,
        details=checkout_details(), payment_method="invoice",
    )  # fmt: skip
    client.force_login(buyer_admin)
    url = purchase.get_absolute_url()
    page = client.get(url, HTTP_ACCEPT_LANGUAGE="fr", follow=True).content.decode()
    assert "2\u202f000,00\xa0€" in page or "2\xa0000,00\xa0€" in page
    assert "€2,000.00" in client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
