"""The workspace's isolation matrix, generated from the URLconf: every workspace URL,
pointed at Reuse Yard's workspace, is a 404 that says why for a member of Green Crates,
a buyer and an operator alike, a POST to it changes nothing, and anonymous visitors are
sent to sign in. A new workspace route fails `test_every_route_is_mapped` until ROUTES
says what it points at. Plus the redirect of suppliers' members away from Oscar's
dashboard, and the query budgets of the list pages."""

import io
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from oscar.core.loading import get_model
from PIL import Image

from marketplace.dashboard.catalogue.services import import_start
from tests import isolation
from tests.factories import goods_for_supplier
from tests.isolation import url_routes
from tests.order.fixtures import accept

ProductImage = get_model("catalogue", "ProductImage")

pytestmark = pytest.mark.django_db


def png(name):
    out = io.BytesIO()
    Image.new("RGB", (4, 4), "grey").save(out, "PNG")
    return ContentFile(out.getvalue(), name=name)


# URL name → kwargs pointing into Reuse Yard's workspace, from the fixtures.
ROUTES = {
    "workspace:overview": lambda w: {"slug": w["yard"].slug},
    "workspace:part-list": lambda w: {"slug": w["yard"].slug},
    "workspace:part-detail": lambda w: {"slug": w["yard"].slug, "number": w["yard_part"].number},
    "workspace:part-step": lambda w: {"slug": w["yard"].slug, "number": w["yard_part"].number},
    "workspace:part-delivery-note": lambda w: {"slug": w["yard"].slug, "number": w["yard_part"].number},
    "workspace:product-list": lambda w: {"slug": w["yard"].slug},
    "workspace:product-new": lambda w: {"slug": w["yard"].slug},
    "workspace:product-edit": lambda w: {"slug": w["yard"].slug, "pk": w["yard_product"].pk},
    "workspace:product-photos": lambda w: {"slug": w["yard"].slug, "pk": w["yard_product"].pk},
    "workspace:product-photo-add": lambda w: {"slug": w["yard"].slug, "pk": w["yard_product"].pk},
    "workspace:product-export": lambda w: {"slug": w["yard"].slug, "fmt": "xlsx"},
    "workspace:product-import": lambda w: {"slug": w["yard"].slug},
    "workspace:product-import-preview": lambda w: {"slug": w["yard"].slug, "pk": w["yard_import"].pk},
    "workspace:quotes": lambda w: {"slug": w["yard"].slug},
    "workspace:money": lambda w: {"slug": w["yard"].slug},
    "deductions_workspace:legal-status": lambda w: {"slug": w["yard"].slug},
    "deductions_workspace:labour-shares": lambda w: {"slug": w["yard"].slug},
    "networks_workspace:networks": lambda w: {"slug": w["yard"].slug},
    "networks_workspace:network-action": lambda w: {"slug": w["yard"].slug, "network_slug": "any", "action": "join"},
    "verification_workspace:claims": lambda w: {"slug": w["yard"].slug},
    "workspace:location": lambda w: {"slug": w["yard"].slug},
    "audit_workspace:events": lambda w: {"slug": w["yard"].slug},
}
WORKSPACE_ROUTES = url_routes(lambda route, name: route.startswith("workspace/") and name != "workspace:home")
# Forms posted from another page (tested in test_parts, test_photos).
POST_ONLY = {
    "workspace:part-step",
    "workspace:product-photos",
    "workspace:product-photo-add",
    "networks_workspace:network-action",
}


def test_every_route_is_mapped():
    assert {name for name, _ in WORKSPACE_ROUTES} == set(ROUTES)


@pytest.fixture
def w(shared_purchase, crates, crates_member, yard, yard_part, buyer_admin, staff_user, crates_sourcing):
    product = goods_for_supplier(supplier=yard, title="Secret yard product", price=Decimal("1.00"))
    photo = ProductImage.objects.create(product=product, original=png("yard.png"), caption="Secret yard photo")
    accept(shared_purchase, yard)  # Yard's part gets an invoice
    rows = [{"line": 2, "kind": "goods", "title": "Secret yard import", "sku": "Y-1", "price": "1", "stock": "1"}]
    yard_import = import_start(supplier=yard, by=yard.memberships.first().user, filename="yard.csv", rows=rows)
    return {
        "yard": yard,
        "yard_part": yard_part,
        "yard_product": product,
        "yard_photo": photo,
        "yard_import": yard_import,
    }


def hostile_post(w):
    """A POST body that would change something in the workspace's forms."""
    return {
        "status": "Accepted",
        "reason": "x",
        "photos-TOTAL_FORMS": "1",
        "photos-INITIAL_FORMS": "1",
        "photos-0-id": w["yard_photo"].pk,
        "photos-0-caption": "Taken over",
        "photos-0-position": "1",
        "photos-0-DELETE": "on",
        "photo-alt_text": "Planted",
        "photo-image": png("planted.png"),
    }


def outsiders(crates_member, buyer_admin, staff_user):
    return {"member of another supplier": crates_member, "buyer": buyer_admin, "operator": staff_user}


@pytest.mark.parametrize("name,kwarg_names", WORKSPACE_ROUTES)
def test_nobody_but_its_members_opens_a_workspace(client, w, crates_member, buyer_admin, staff_user, name, kwarg_names):
    path = reverse(name, kwargs=ROUTES[name](w))
    before = isolation.database_state(["order", "payments", "catalogue", "partner", "catalogue_dashboard"])
    for who, user in outsiders(crates_member, buyer_admin, staff_user).items():
        client.force_login(user)
        for method in (client.get, client.post):
            response = method(path, hostile_post(w))
            assert response.status_code == 404, (who, method.__name__, path)
            page = response.content.decode()
            assert "This workspace is not yours" in page, (who, path)
            # Nothing of Yard's (the page repeats its own address, part number included).
            for secret in ("Secret yard", "Reused bricks", "Leave the bricks by gate 3", "yard.csv"):
                assert secret not in page, (who, path, secret)
    assert isolation.database_state(["order", "payments", "catalogue", "partner", "catalogue_dashboard"]) == before
    client.logout()
    response = client.get(path)
    assert response.status_code == 302 and reverse("accounts:login") in response.url


def test_its_own_members_open_every_workspace_page(client, w, yard_admin):
    client.force_login(yard_admin)
    for name, _ in WORKSPACE_ROUTES:
        if name in POST_ONLY:
            continue
        assert client.get(reverse(name, kwargs=ROUTES[name](w))).status_code == 200, name


def test_supplier_members_are_sent_from_the_dashboard_to_their_workspace(client, crates_member, crates):
    client.force_login(crates_member)
    response = client.get(reverse("dashboard:index"))
    assert response.status_code == 302 and response.url == reverse("workspace:home")
    # The dashboard's product page of one of their products: its page in the workspace.
    product = goods_for_supplier(supplier=crates, title="Apple crate")
    response = client.get(reverse("dashboard:catalogue-product", kwargs={"pk": product.pk}))
    assert response.url == reverse("workspace:product-edit", kwargs={"slug": crates.slug, "pk": product.pk})
    response = client.get(reverse("dashboard:catalogue-product-import"))
    assert response.url == reverse("workspace:product-import", kwargs={"slug": crates.slug})


def test_operators_keep_the_dashboard_and_others_get_none(client, staff_user, buyer_admin):
    client.force_login(staff_user)
    assert client.get(reverse("dashboard:index")).status_code == 200
    client.force_login(buyer_admin)
    response = client.get(reverse("dashboard:index"))
    assert response.status_code in (302, 403)
    assert getattr(response, "url", "") != reverse("workspace:home")


@pytest.fixture
def busy_crates(shared_purchase, crates, buyer, buyer_admin, crates_sourcing, product_classes):
    """More rows on every list: further purchases (one accepted, so invoiced), and products."""
    from marketplace.order.models import Purchase
    from marketplace.order.services import purchase_place
    from tests.order.helpers import basket_with, checkout_details

    for index in range(4):
        product = goods_for_supplier(supplier=crates, title=f"Crate {index}", price=Decimal("5.00"))
        purchase = purchase_place(
            basket=basket_with(buyer_admin, (product, 1)),
            user=buyer_admin,
            buyer=buyer,
            details=checkout_details(),
            payment_method=Purchase.PaymentMethod.INVOICE,
        )
        if index % 2:
            accept(purchase, crates)
    return crates


@pytest.mark.parametrize(
    "name,budget",
    [
        # +1 on every page for a signed-in person: whether the menu offers the coordination workspace.
        ("workspace:overview", 20),
        ("workspace:part-list", 11),
        ("workspace:product-list", 14),
        ("workspace:quotes", 14),  # with the joint quotes it leads or takes part in
        ("workspace:money", 14),
    ],
)
def test_list_pages_keep_to_a_query_budget(
    client, busy_crates, crates_member, django_assert_max_num_queries, name, budget
):
    client.force_login(crates_member)
    path = reverse(name, kwargs={"slug": busy_crates.slug})
    with django_assert_max_num_queries(budget):
        response = client.get(path)
    assert response.status_code == 200
