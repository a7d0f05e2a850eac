"""What a supplier's member and an operator see and do in /shop/dashboard/."""

import pytest
from django import forms
from django.urls import reverse
from oscar.core.loading import get_model

from marketplace.organisations import services
from marketplace.organisations.models import Membership

Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")
ProductImage = get_model("catalogue", "ProductImage")

FORMSETS = ("category_formset", "image_formset", "recommended_formset", "stockrecord_formset")


def form_data(response):
    """The product page's form and formsets as a browser would submit them unchanged."""
    data = {}

    def add(form, hidden_only=False):
        for field in form:
            if isinstance(field.field, forms.FileField) or (hidden_only and not field.is_hidden):
                continue
            value = field.value()
            if isinstance(field.field, forms.BooleanField):
                if value:
                    data[field.html_name] = "on"
            elif isinstance(value, (list, tuple)):
                data[field.html_name] = [v for v in value if v is not None]
            else:
                data[field.html_name] = "" if value is None else value

    add(response.context["form"])
    for name in FORMSETS:
        formset = response.context[name]
        add(formset.management_form)
        for form in formset.forms:
            # A new stock record row that is left empty must stay out of the submission.
            add(form, hidden_only=name == "stockrecord_formset" and form.instance.pk is None)
    return data


def test_supplier_members_of_both_roles_get_the_dashboard_while_they_are_members(client, world):
    admin = Membership.objects.filter(organisation=world.supplier_a, role="admin").get().user
    for user in (world.member_a, admin):
        client.force_login(user)
        # The dashboard's index sends them to their workspace; its product pages stay theirs.
        assert client.get(reverse("dashboard:index"))["Location"] == reverse("workspace:home")
        assert client.get(reverse("dashboard:catalogue-product-list")).status_code == 200
    membership = Membership.objects.get(user=world.member_a, organisation=world.supplier_a)
    services.membership_remove(membership=membership)
    client.force_login(world.member_a)
    assert client.get(reverse("dashboard:index")).status_code == 403
    assert not world.supplier_a.partner.users.filter(pk=world.member_a.pk).exists()


def test_editors_and_people_without_organisation_get_no_dashboard(client, world, user):
    client.force_login(user)
    assert client.get(reverse("dashboard:catalogue-product-list")).status_code == 403


def test_member_lists_and_finds_only_their_own_products(client, world):
    client.force_login(world.member_a)
    page = client.get(reverse("dashboard:catalogue-product-list")).content.decode()
    assert "Alpha crate" in page and "Secret Bravo bread" not in page
    lookup = client.get(reverse("dashboard:catalogue-product-lookup"), {"q": "Bravo"}).json()
    assert lookup["results"] == []
    assert "Import products" in page  # the catalogue menu links the import


def test_member_edits_their_product_price_and_stock(client, world):
    client.force_login(world.member_a)
    url = reverse("dashboard:catalogue-product", kwargs={"pk": world.product_a.pk})
    response = client.get(url)
    assert response.status_code == 200
    data = form_data(response)
    data["title"] = "Alpha crate, oak"
    prefix = response.context["stockrecord_formset"].prefix
    data[f"{prefix}-0-price"] = "19.90"
    data[f"{prefix}-0-num_in_stock"] = "42"
    response = client.post(url, data)
    assert response.status_code == 302, [
        (n, response.context[n].errors, response.context[n].non_form_errors()) for n in FORMSETS
    ]
    world.stock_a.refresh_from_db()
    assert Product.objects.get(pk=world.product_a.pk).title == "Alpha crate, oak"
    assert (str(world.stock_a.price), world.stock_a.num_in_stock) == ("19.90", 42)


def test_member_creates_a_product_sold_by_their_own_partner(client, world):
    client.force_login(world.member_a)
    url = reverse(
        "dashboard:catalogue-product-create", kwargs={"product_class_slug": world.product_classes["goods"].slug}
    )
    response = client.get(url)
    assert [p.pk for p in response.context["stockrecord_formset"].forms[0].fields["partner"].queryset] == [
        world.supplier_a.partner.pk
    ]
    data = form_data(response)
    data.update({"title": "Beeswax wraps", "attr_unit": "pack"})
    categories, stock = response.context["category_formset"].prefix, response.context["stockrecord_formset"].prefix
    data[f"{categories}-0-category"] = world.categories["local"].pk
    data.update(
        {
            f"{stock}-0-partner": world.supplier_a.partner.pk,
            f"{stock}-0-partner_sku": "WAX-1",
            f"{stock}-0-price": "8.00",
            f"{stock}-0-price_currency": "EUR",
            f"{stock}-0-num_in_stock": "30",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302, [response.context["form"].errors] + [
        (n, response.context[n].errors, response.context[n].non_form_errors()) for n in FORMSETS
    ]
    record = StockRecord.objects.get(partner_sku="WAX-1")
    assert record.partner == world.supplier_a.partner and record.product.title == "Beeswax wraps"


def test_member_cannot_give_a_new_product_to_another_supplier(client, world):
    client.force_login(world.member_a)
    url = reverse(
        "dashboard:catalogue-product-create", kwargs={"product_class_slug": world.product_classes["goods"].slug}
    )
    response = client.get(url)
    data = form_data(response)
    data.update({"title": "Planted product", "attr_unit": "pack"})
    categories, stock = response.context["category_formset"].prefix, response.context["stockrecord_formset"].prefix
    data[f"{categories}-0-category"] = world.categories["local"].pk
    data.update(
        {
            f"{stock}-0-partner": world.supplier_b.partner.pk,
            f"{stock}-0-partner_sku": "PLANT",
            f"{stock}-0-price": "1.00",
            f"{stock}-0-price_currency": "EUR",
            f"{stock}-0-num_in_stock": "1",
        }
    )
    assert client.post(url, data).status_code == 200  # the form again, with an error
    assert not Product.objects.filter(title="Planted product").exists()


def test_b_stock_record_and_image_cannot_be_changed_through_a_products_form(client, world):
    client.force_login(world.member_a)
    url = reverse("dashboard:catalogue-product", kwargs={"pk": world.product_a.pk})
    response = client.get(url)
    data = form_data(response)
    stock, images = response.context["stockrecord_formset"].prefix, response.context["image_formset"].prefix
    data.update({f"{stock}-0-id": world.stock_b.pk, f"{stock}-0-price": "0.01", f"{stock}-0-num_in_stock": "0"})
    data.update({f"{images}-0-id": world.image_b.pk, f"{images}-0-caption": "stolen", f"{images}-0-DELETE": "on"})
    client.post(url, data)
    world.stock_b.refresh_from_db()
    assert (str(world.stock_b.price), world.stock_b.num_in_stock, world.stock_b.product_id) == (
        "12.50",
        10,
        world.product_b.pk,
    )
    image = ProductImage.objects.get(pk=world.image_b.pk)
    assert (image.caption, image.product_id) == ("Bravo photo", world.product_b.pk)


def test_member_sees_their_orders_and_only_their_lines_of_a_shared_order(client, world):
    client.force_login(world.member_a)
    listing = client.get(reverse("dashboard:order-list")).content.decode()
    assert "A-1001" in listing and "M-3003" in listing and "B-2002" not in listing
    page = client.get(reverse("dashboard:order-detail", kwargs={"number": "M-3003"})).content.decode()
    assert "Alpha crate" in page
    assert "Secret Bravo bread" not in page and "Bravo note on mixed" not in page
    line = client.get(
        reverse("dashboard:order-line-detail", kwargs={"number": "M-3003", "line_id": world.mixed_line_a.pk})
    )
    assert line.status_code == 200


def test_member_changes_their_lines_but_not_the_shared_order_status(client, world):
    client.force_login(world.member_a)
    url = reverse("dashboard:order-detail", kwargs={"number": "M-3003"})
    world.order_mixed.refresh_from_db()
    status = world.order_mixed.status
    client.post(url, {"order_action": "change_order_status", "new_status": "Being processed"})
    world.order_mixed.refresh_from_db()
    assert world.order_mixed.status == status
    client.post(
        url,
        {
            "line_action": "change_line_statuses",
            "new_status": "Being processed",
            "selected_line": [world.mixed_line_b.pk],
            f"selected_line_qty_{world.mixed_line_b.pk}": "1",
        },
    )
    world.mixed_line_b.refresh_from_db()
    assert world.mixed_line_b.status != "Being processed"


@pytest.mark.parametrize("number", ["A-1001", "B-2002", "M-3003"])
def test_operator_sees_every_order_with_all_its_lines(client, world, superuser, number):
    client.force_login(superuser)
    page = client.get(reverse("dashboard:order-detail", kwargs={"number": number})).content.decode()
    assert ("Alpha crate" in page) == (number != "B-2002")
    assert ("Secret Bravo bread" in page) == (number != "A-1001")


def test_operator_lists_every_supplier_s_products(client, world, superuser):
    client.force_login(superuser)
    page = client.get(reverse("dashboard:catalogue-product-list")).content.decode()
    assert "Alpha crate" in page and "Secret Bravo bread" in page
