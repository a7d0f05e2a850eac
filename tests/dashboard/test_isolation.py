"""The isolation matrix: every dashboard URL that takes an id, generated from the
URLconf. The dashboard is the operators': a member of supplier A asking for supplier
B's object (or for a staff-only object) is sent to their workspace, never to B's object,
and a POST changes nothing; anonymous visitors are sent to the login page; buyers get
no dashboard.

A new dashboard route with an id kwarg fails `test_every_route_with_an_id_is_mapped`
until ROUTES says which object it points at."""

import pytest
from django.apps import apps
from django.urls import reverse

from tests import isolation
from tests.isolation import url_routes

DASHBOARD_PREFIX = "shop/dashboard/"

# URL name → kwargs pointing at B's object (or a staff-only object), from the `world` fixture.
ROUTES = {
    "dashboard:catalogue-product": lambda w: {"pk": w.product_b.pk},
    "dashboard:catalogue-product-create-child": lambda w: {"parent_pk": w.product_b.pk},
    "dashboard:catalogue-product-delete": lambda w: {"pk": w.product_b.pk},
    "dashboard:catalogue-category-detail-list": lambda w: {"pk": w.categories["food"].pk},
    "dashboard:catalogue-category-create-child": lambda w: {"parent": w.categories["food"].pk},
    "dashboard:catalogue-category-update": lambda w: {"pk": w.categories["food"].pk},
    "dashboard:catalogue-category-delete": lambda w: {"pk": w.categories["cleaning"].pk},
    "dashboard:catalogue-class-update": lambda w: {"pk": w.product_classes["goods"].pk},
    "dashboard:catalogue-class-delete": lambda w: {"pk": w.product_classes["service"].pk},
    "dashboard:catalogue-attribute-option-group-update": lambda w: {"pk": w.option_group.pk},
    "dashboard:catalogue-attribute-option-group-delete": lambda w: {"pk": w.option_group.pk},
    "dashboard:catalogue-option-update": lambda w: {"pk": w.option.pk},
    "dashboard:catalogue-option-delete": lambda w: {"pk": w.option.pk},
    "dashboard:catalogue-product-import-preview": lambda w: {"pk": w.import_b.pk},
    "dashboard:catalogue-product-import-confirm": lambda w: {"pk": w.import_b.pk},
    "dashboard:order-detail": lambda w: {"number": w.order_b.number},
    "dashboard:order-detail-note": lambda w: {"number": w.order_b.number, "note_id": w.note_b.pk},
    "dashboard:order-line-detail": lambda w: {"number": w.order_b.number, "line_id": w.line_b.pk},
    "dashboard:order-shipping-address": lambda w: {"number": w.order_b.number},
    "dashboard:user-detail": lambda w: {"pk": w.member_b.pk},
    "dashboard:user-password-reset": lambda w: {"pk": w.member_b.pk},
    "dashboard:user-alert-delete": lambda w: {"pk": w.product_alert.pk},
    "dashboard:user-alert-update": lambda w: {"pk": w.product_alert.pk},
    "dashboard:page-update": lambda w: {"pk": w.page.pk},
    "dashboard:page-delete": lambda w: {"pk": w.page.pk},
    "dashboard:partner-manage": lambda w: {"pk": w.supplier_b.partner.pk},
    "dashboard:partner-delete": lambda w: {"pk": w.supplier_b.partner.pk},
    "dashboard:partner-user-create": lambda w: {"partner_pk": w.supplier_b.partner.pk},
    "dashboard:partner-user-select": lambda w: {"partner_pk": w.supplier_b.partner.pk},
    # A member linking themself to B's partner would take over B's products.
    "dashboard:partner-user-link": lambda w: {"partner_pk": w.supplier_b.partner.pk, "user_pk": w.member_a.pk},
    "dashboard:partner-user-unlink": lambda w: {"partner_pk": w.supplier_b.partner.pk, "user_pk": w.member_b.pk},
    "dashboard:partner-user-update": lambda w: {"partner_pk": w.supplier_b.partner.pk, "user_pk": w.member_b.pk},
    "dashboard:offer-metadata": lambda w: {"pk": w.offer.pk},
    "dashboard:offer-condition": lambda w: {"pk": w.offer.pk},
    "dashboard:offer-benefit": lambda w: {"pk": w.offer.pk},
    "dashboard:offer-restrictions": lambda w: {"pk": w.offer.pk},
    "dashboard:offer-delete": lambda w: {"pk": w.offer.pk},
    "dashboard:offer-detail": lambda w: {"pk": w.offer.pk},
    "dashboard:range-update": lambda w: {"pk": w.range.pk},
    "dashboard:range-delete": lambda w: {"pk": w.range.pk},
    "dashboard:range-products": lambda w: {"pk": w.range.pk},
    "dashboard:range-reorder": lambda w: {"pk": w.range.pk},
    "dashboard:reviews-update": lambda w: {"pk": w.review.pk},
    "dashboard:reviews-delete": lambda w: {"pk": w.review.pk},
    "dashboard:voucher-update": lambda w: {"pk": w.voucher.pk},
    "dashboard:voucher-delete": lambda w: {"pk": w.voucher.pk},
    "dashboard:voucher-stats": lambda w: {"pk": w.voucher.pk},
    "dashboard:voucher-set-update": lambda w: {"pk": w.voucher_set.pk},
    "dashboard:voucher-set-detail": lambda w: {"pk": w.voucher_set.pk},
    "dashboard:voucher-set-download": lambda w: {"pk": w.voucher_set.pk},
    "dashboard:voucher-set-delete": lambda w: {"pk": w.voucher_set.pk},
    "dashboard:comms-update": lambda w: {"slug": w.comms.code},
    "dashboard:shipping-method-detail": lambda w: {"pk": w.shipping_method.pk},
    "dashboard:shipping-method-edit": lambda w: {"pk": w.shipping_method.pk},
    "dashboard:shipping-method-delete": lambda w: {"pk": w.shipping_method.pk},
    "dashboard:shipping-method-band-edit": lambda w: {"method_pk": w.shipping_method.pk, "pk": w.shipping_band.pk},
    "dashboard:shipping-method-band-delete": lambda w: {"method_pk": w.shipping_method.pk, "pk": w.shipping_band.pk},
}
# Routes whose id is not an object of a supplier.
SHARED_ROUTES = {
    "dashboard:catalogue-product-create": lambda w: {"product_class_slug": w.product_classes["goods"].slug},
}


def dashboard_routes():
    """(url name, kwarg names) of every dashboard URL pattern, from the URLconf."""
    return url_routes(lambda route, name: route.startswith(DASHBOARD_PREFIX))


def routes_with_ids():
    return sorted({name for name, kwargs in dashboard_routes() if kwargs})


def routes_without_ids():
    return sorted({name for name, kwargs in dashboard_routes() if not kwargs} - {"dashboard:login", "dashboard:logout"})


def test_every_route_with_an_id_is_mapped():
    unmapped = [name for name in routes_with_ids() if name not in ROUTES and name not in SHARED_ROUTES]
    assert not unmapped, f"Dashboard routes with an id but no object in the isolation matrix: {unmapped}"
    assert len(routes_with_ids()) >= 50  # the walk found Oscar's routes, not an empty list


def database_state():
    """Every row a dashboard view could change, serialised."""
    labels = [
        "catalogue",
        "partner",
        "order",
        "offer",
        "voucher",
        "flatpages",
        "reviews",
        "shipping",
        "communication",
        "customer",
        "catalogue_dashboard",
        "organisations",
    ]
    return isolation.database_state(labels, models=[apps.get_model("accounts", "User")])


def hostile_post(w):
    """One POST body that would change something in most dashboard forms."""
    return {
        "title": "Taken over",
        "name": "Taken over",
        "description": "x",
        "content": "x",
        "url": "/taken/",
        "order_action": "change_order_status",
        "new_status": "Cancelled",
        "line_action": "change_line_statuses",
        "selected_line": [w.line_b.pk],
        f"selected_line_qty_{w.line_b.pk}": "1",
        "note_id": w.note_b.pk,
        "message": "hijacked",
        "first_name": "X",
        "last_name": "Y",
        "line1": "1 Thief road",
        "line4": "Metz",
        "postcode": "57000",
        "country": "FR",
        "email": "thief@example.org",
        "role": "admin",
    }


def assert_sent_to_workspace(response, w):
    assert response.status_code == 302, response.status_code
    assert response["Location"].startswith("/workspace/") and "Bravo" not in response["Location"]
    body = response.content.decode(errors="replace")
    for secret in ("Secret Bravo bread", w.stock_b.partner_sku, "Bravo private note"):
        assert secret not in body


def all_cases():
    for name in sorted(ROUTES):
        yield pytest.param(name, ROUTES[name], id=name)


@pytest.mark.parametrize("name,kwargs", list(all_cases()))
def test_member_of_a_cannot_read_or_change_b(client, world, name, kwargs):
    url = reverse(name, kwargs=kwargs(world))
    client.force_login(world.member_a)
    before = database_state()
    for response in (client.get(url), client.post(url, hostile_post(world))):
        assert_sent_to_workspace(response, world)
    assert database_state() == before


@pytest.mark.parametrize("name", routes_with_ids())
def test_anonymous_is_sent_to_login(client, world, name):
    kwargs = (ROUTES.get(name) or SHARED_ROUTES[name])(world)
    url = reverse(name, kwargs=kwargs)
    for response in (client.get(url), client.post(url, hostile_post(world))):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("dashboard:login"))


@pytest.mark.parametrize("name", routes_with_ids() + routes_without_ids())
def test_buyer_gets_no_dashboard(client, world, name):
    """Oscar answers a signed-in user without dashboard rights with 403."""
    kwargs = (ROUTES.get(name) or SHARED_ROUTES.get(name) or (lambda w: {}))(world)
    client.force_login(world.buyer)
    # The permission check runs before any view code, so a 403 changed nothing.
    assert client.get(reverse(name, kwargs=kwargs)).status_code == 403
    assert client.post(reverse(name, kwargs=kwargs), hostile_post(world)).status_code == 403


def test_anonymous_dashboard_home_redirects_to_login(client, world):
    response = client.get(reverse("dashboard:index"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("dashboard:login"))
