"""Two suppliers, A and B, each with products, stock, images, orders, notes and an
import; an order mixing both; and the staff-only objects of every other dashboard
section, so that each dashboard URL with an id can point at something real."""

import io
from decimal import Decimal

import pytest
from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site
from django.core.files.base import ContentFile
from oscar.apps.partner.strategy import Default
from oscar.core.loading import get_model
from oscar.test import factories as oscar_factories
from PIL import Image as PILImage

from catalogue.attributes import PRICING_UNIT_GROUP
from marketplace.dashboard.catalogue.models import ProductImport
from tests.factories import MembershipFactory, SupplierFactory, UserFactory, product_for_supplier

Basket = get_model("basket", "Basket")
Category = get_model("catalogue", "Category")
ProductAttribute = get_model("catalogue", "ProductAttribute")
ProductCategory = get_model("catalogue", "ProductCategory")
ProductClass = get_model("catalogue", "ProductClass")
ProductImage = get_model("catalogue", "ProductImage")
AttributeOptionGroup = get_model("catalogue", "AttributeOptionGroup")
AttributeOption = get_model("catalogue", "AttributeOption")
Option = get_model("catalogue", "Option")
OrderNote = get_model("order", "OrderNote")
CommunicationEventType = get_model("communication", "CommunicationEventType")


@pytest.fixture
def categories(db):
    food = Category.add_root(name="Food")
    local = food.add_child(name="Local food distribution")
    cleaning = Category.add_root(name="Cleaning")
    return {"food": food, "local": local, "cleaning": cleaning}


def supplier_with_member(name, email):
    member = UserFactory(email=email)
    supplier = SupplierFactory(name=name)
    MembershipFactory(user=member, organisation=supplier)
    return supplier, member


def goods(supplier, title, categories, product_classes, **kwargs):
    product = product_for_supplier(supplier=supplier, title=title, product_class=product_classes["goods"], **kwargs)
    product.attr.unit = "box"
    product.save()
    ProductCategory.objects.create(product=product, category=categories["local"])
    return product


def png(name):
    out = io.BytesIO()
    PILImage.new("RGB", (4, 4), "green").save(out, "PNG")
    return ContentFile(out.getvalue(), name=name)


def order_of(buyer, products, number):
    basket = Basket.objects.create(owner=buyer)
    basket.strategy = Default()
    for product in products:
        basket.add_product(product, 2)
    return oscar_factories.create_order(number=number, basket=basket, user=buyer)


class World:
    """What the isolation tests point at."""


@pytest.fixture
def world(db, product_classes, categories, buyer_member):
    w = World()
    w.categories, w.product_classes, w.buyer = categories, product_classes, buyer_member
    w.supplier_a, w.member_a = supplier_with_member("Atelier A", "anna@atelier-a.example")
    w.supplier_b, w.member_b = supplier_with_member("Bakery B", "bruno@bakery-b.example")
    w.product_a = goods(w.supplier_a, "Alpha crate", categories, product_classes)
    w.product_b = goods(w.supplier_b, "Secret Bravo bread", categories, product_classes)
    w.stock_a, w.stock_b = w.product_a.stockrecords.get(), w.product_b.stockrecords.get()
    w.image_a = ProductImage.objects.create(product=w.product_a, original=png("a.png"), caption="Alpha photo")
    w.image_b = ProductImage.objects.create(product=w.product_b, original=png("b.png"), caption="Bravo photo")
    w.order_a = order_of(buyer_member, [w.product_a], "A-1001")
    w.order_b = order_of(buyer_member, [w.product_b], "B-2002")
    w.line_b = w.order_b.lines.get()
    w.note_b = OrderNote.objects.create(order=w.order_b, user=w.member_b, message="Bravo private note")
    w.import_a = ProductImport.objects.create(supplier=w.supplier_a, created_by=w.member_a, filename="a.csv", rows=[])
    w.import_b = ProductImport.objects.create(
        supplier=w.supplier_b,
        created_by=w.member_b,
        filename="b.csv",
        rows=[
            {
                "line": 2,
                "kind": "goods",
                "title": "Bravo import",
                "category": "Cleaning",
                "sku": "B-IMP",
                "price": "1",
                "stock": "1",
                "unit": "kg",
            }
        ],
    )
    # Staff-only objects of the other dashboard sections
    w.option_group = AttributeOptionGroup.objects.get(code=PRICING_UNIT_GROUP)
    w.option = Option.objects.create(name="Gift wrap", code="gift-wrap")
    w.offer = oscar_factories.create_offer(name="Staff offer")
    w.range = oscar_factories.RangeFactory()
    w.review = oscar_factories.ProductReviewFactory(product=w.product_b)
    w.voucher = oscar_factories.create_voucher()
    w.voucher_set = oscar_factories.VoucherSetFactory(count=1)
    w.page = FlatPage.objects.create(url="/terms/", title="Terms", content="…")
    w.page.sites.add(Site.objects.get_current())
    w.comms = CommunicationEventType.objects.create(code="ORDER_SHIPPED", name="Order shipped")
    w.shipping_method = oscar_factories.create_shipping_weight_based()
    w.shipping_band = oscar_factories.create_shipping_weight_band(Decimal("10"), Decimal("5"), w.shipping_method)
    w.product_alert = get_model("customer", "ProductAlert").objects.create(product=w.product_b, user=buyer_member)
    return w
