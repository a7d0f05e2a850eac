"""The shop dashboard (/shop/dashboard/) is the operators'. A supplier's member who opens
any of its pages (an old bookmark, an old e-mail) lands on the matching page of their
workspace; other people without staff rights get Oscar's usual answer."""

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from marketplace.organisations import services
from marketplace.organisations.models import Membership
from tests.dashboard.helpers import FORMSETS, form_data
from tests.factories import MembershipFactory, SupplierFactory

Product = get_model("catalogue", "Product")
Order = get_model("order", "Order")


def workspace(name, supplier, **kwargs):
    return reverse(f"workspace:{name}", kwargs={"slug": supplier.slug, **kwargs})


def test_members_of_both_roles_are_sent_to_their_workspace_while_they_are_members(client, world):
    admin = Membership.objects.filter(organisation=world.supplier_a, role="admin").get().user
    for user in (world.member_a, admin):
        client.force_login(user)
        for name in ("dashboard:index", "dashboard:reports-index", "dashboard:users-index"):
            assert client.get(reverse(name))["Location"] == reverse("workspace:home"), name
    membership = Membership.objects.get(user=world.member_a, organisation=world.supplier_a)
    services.membership_remove(membership=membership)
    client.force_login(world.member_a)
    assert client.get(reverse("dashboard:index")).status_code == 403


def test_a_member_lands_on_the_workspace_page_that_matches_the_dashboard_page(client, world):
    Order.objects.filter(pk=world.order_a.pk).update(supplier=world.supplier_a)  # A's part of a purchase
    a = world.supplier_a
    expected = {
        reverse("dashboard:catalogue-product", kwargs={"pk": world.product_a.pk}): workspace(
            "product-edit", a, pk=world.product_a.pk
        ),
        reverse("dashboard:catalogue-product-list"): workspace("product-list", a),
        reverse("dashboard:catalogue-product-create", kwargs={"product_class_slug": "goods"}): workspace(
            "product-new", a
        ),
        reverse("dashboard:catalogue-product-import"): workspace("product-import", a),
        reverse("dashboard:catalogue-product-import-preview", kwargs={"pk": world.import_a.pk}): workspace(
            "product-import-preview", a, pk=world.import_a.pk
        ),
        reverse("dashboard:order-list"): workspace("part-list", a),
        reverse("dashboard:order-detail", kwargs={"number": "A-1001"}): workspace("part-detail", a, number="A-1001"),
        # Another supplier's product: the workspace's home, nothing of B's.
        reverse("dashboard:catalogue-product", kwargs={"pk": world.product_b.pk}): reverse("workspace:home"),
        reverse("dashboard:order-detail", kwargs={"number": "B-2002"}): reverse("workspace:home"),
    }
    client.force_login(world.member_a)
    for dashboard_url, workspace_url in expected.items():
        response = client.get(dashboard_url)
        assert (response.status_code, response["Location"]) == (302, workspace_url), dashboard_url
    page = client.get(workspace("product-edit", a, pk=world.product_a.pk)).content.decode()
    assert "The shop dashboard is for the operators" in page


def test_a_member_of_several_suppliers_chooses_in_the_workspace(client, world):
    MembershipFactory(user=world.member_a, organisation=SupplierFactory(name="Cooperative C"))
    client.force_login(world.member_a)
    assert client.get(reverse("dashboard:order-list"))["Location"] == reverse("workspace:home")
    product_url = reverse("dashboard:catalogue-product", kwargs={"pk": world.product_a.pk})
    assert client.get(product_url)["Location"] == workspace("product-edit", world.supplier_a, pk=world.product_a.pk)


def test_editors_and_people_without_organisation_get_no_dashboard(client, world, user):
    client.force_login(user)
    assert client.get(reverse("dashboard:catalogue-product-list")).status_code == 403


def test_anonymous_visitors_are_asked_to_sign_in(client, world):
    response = client.get(reverse("dashboard:catalogue-product-list"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("dashboard:login"))


def test_operator_edits_a_suppliers_product_price_and_stock(client, world, superuser):
    client.force_login(superuser)
    url = reverse("dashboard:catalogue-product", kwargs={"pk": world.product_a.pk})
    response = client.get(url)
    assert response.status_code == 200
    data = form_data(response)
    data["title_en"] = "Alpha crate, oak"
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


@pytest.mark.parametrize("number", ["A-1001", "B-2002"])
def test_operator_sees_every_order_with_all_its_lines(client, world, superuser, number):
    client.force_login(superuser)
    page = client.get(reverse("dashboard:order-detail", kwargs={"number": number})).content.decode()
    assert ("Alpha crate" in page) == (number != "B-2002")
    assert ("Secret Bravo bread" in page) == (number != "A-1001")


def test_operator_lists_every_supplier_s_products(client, world, superuser):
    client.force_login(superuser)
    page = client.get(reverse("dashboard:catalogue-product-list")).content.decode()
    assert "Alpha crate" in page and "Secret Bravo bread" in page
    assert "Import products" in page  # the catalogue menu links the import
