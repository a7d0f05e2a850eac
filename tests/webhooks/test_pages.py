"""The administrators' pages: every webhooks URL (read from the URLconf) is a 404 for
anyone but an administrator of the organisation, and a POST from them changes nothing;
administrators add an endpoint, send a test event, redeliver and roll the secret."""

import pytest
from django.urls import reverse

from marketplace.webhooks.models import WebhookDelivery, WebhookEndpoint
from tests import isolation
from tests.isolation import url_routes
from tests.webhooks.conftest import endpoint_for

pytestmark = pytest.mark.django_db

ROUTES = url_routes(lambda route, name: name.startswith("webhooks:"))
ACTIONS = {"webhooks:supplier-endpoint-action", "webhooks:buyer-endpoint-action"}
POST_ONLY = ACTIONS | {"webhooks:supplier-redeliver", "webhooks:buyer-redeliver"}


@pytest.fixture
def hooks(receiver, crates, buyer, django_capture_on_commit_callbacks):
    from marketplace.webhooks import services

    out = {}
    for organisation in (crates, buyer):
        endpoint = endpoint_for(organisation, receiver, path="/secret-hook", events=["invoice.paid"])
        with django_capture_on_commit_callbacks(execute=True):
            delivery = services.test_event_send(endpoint=endpoint)
        out[organisation.kind] = (organisation, endpoint, delivery)
    return out


def kwargs_for(name, hooks):
    organisation, endpoint, delivery = hooks["supplier" if name.startswith("webhooks:supplier") else "buyer"]
    kwargs = {"slug": organisation.slug}
    if "endpoints" not in name and "endpoint-new" not in name:
        kwargs["pk"] = endpoint.pk
    if name in ACTIONS:
        kwargs["action"] = "delete"
    if "deliver" in name:
        kwargs["delivery_pk"] = delivery.pk
    return kwargs


def test_only_administrators_open_the_webhooks_pages(
    client, hooks, crates, crates_member, buyer, buyer_member, staff_user
):
    outsiders = [crates_member, buyer_member, staff_user]
    before = isolation.database_state(["webhooks"])
    for name, _ in ROUTES:
        path = reverse(name, kwargs=kwargs_for(name, hooks))
        for user in outsiders:
            client.force_login(user)
            for method in (client.get, client.post):
                response = method(path, {"url": "http://attacker.example/", "events": ["invoice.paid"]})
                assert response.status_code == 404, (user, path)
                assert "secret-hook" not in response.content.decode()
        client.logout()
        assert client.get(path).status_code == 302
    assert isolation.database_state(["webhooks"]) == before
    # An administrator of Green Crates, with the buyer's endpoint and delivery under Green Crates' address.
    _, buyer_endpoint, buyer_delivery = hooks["buyer"]
    client.force_login(crates.memberships.get(role="admin").user)
    for path in (
        reverse("webhooks:supplier-endpoint", kwargs={"slug": crates.slug, "pk": buyer_endpoint.pk}),
        reverse(
            "webhooks:supplier-delivery",
            kwargs={"slug": crates.slug, "pk": buyer_endpoint.pk, "delivery_pk": buyer_delivery.pk},
        ),
    ):
        assert client.get(path).status_code == 404
    for organisation, _, _ in hooks.values():
        client.force_login(organisation.memberships.get(role="admin").user)
        for name, _ in ROUTES:
            if name.split(":")[1].startswith(organisation.kind) and name not in POST_ONLY:
                assert client.get(reverse(name, kwargs=kwargs_for(name, hooks))).status_code == 200, name


def test_an_administrator_adds_tests_and_redelivers(client, receiver, crates, django_capture_on_commit_callbacks):
    client.force_login(crates.memberships.get(role="admin").user)
    new = reverse("webhooks:supplier-endpoint-new", kwargs={"slug": crates.slug})
    response = client.post(new, {"url": receiver.url + "/erp", "description": "ERP", "events": ["invoice.issued"]})
    endpoint = WebhookEndpoint.objects.get(organisation=crates)
    assert response.url == endpoint.get_absolute_url()
    page = client.get(endpoint.get_absolute_url()).content.decode()
    assert endpoint.secret in page
    action = "webhooks:supplier-endpoint-action"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse(action, kwargs={"slug": crates.slug, "pk": endpoint.pk, "action": "test"}))
    delivery = WebhookDelivery.objects.get(endpoint=endpoint)
    assert delivery.status == "succeeded" and receiver.requests[0].path == "/erp"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse(
                "webhooks:supplier-redeliver",
                kwargs={"slug": crates.slug, "pk": endpoint.pk, "delivery_pk": delivery.pk},
            )
        )
    assert len(receiver.requests) == 2
    old_secret = endpoint.secret
    client.post(reverse(action, kwargs={"slug": crates.slug, "pk": endpoint.pk, "action": "roll"}))
    endpoint.refresh_from_db()
    assert endpoint.secret != old_secret
    log = client.get(f"/workspace/{crates.slug}/security/").content.decode()
    assert "Webhook endpoint added" in log and "Webhook endpoint changed" in log


def test_bad_addresses_are_refused_with_a_message(client, crates, settings):
    settings.WEBHOOKS_ALLOW_PRIVATE = False
    client.force_login(crates.memberships.get(role="admin").user)
    new = reverse("webhooks:supplier-endpoint-new", kwargs={"slug": crates.slug})
    response = client.post(new, {"url": "https://192.168.1.10/hook", "events": ["invoice.issued"]})
    assert response.status_code == 200
    assert "private or local network" in response.content.decode()
    response = client.post(new, {"url": "http://example.com/hook", "events": ["invoice.issued"]})
    assert "Use an https:// address." in response.content.decode()
    assert not WebhookEndpoint.objects.exists()


def test_the_log_keeps_to_a_query_budget(client, hooks, crates, django_assert_max_num_queries):
    _, endpoint, delivery = hooks["supplier"]
    WebhookDelivery.objects.bulk_create(
        [WebhookDelivery(endpoint=endpoint, event_type="invoice.paid", payload={}) for _ in range(20)]
    )
    client.force_login(crates.memberships.get(role="admin").user)
    with django_assert_max_num_queries(12):
        assert client.get(endpoint.get_absolute_url()).status_code == 200


def test_operators_read_endpoints_and_deliveries_in_the_admin(client, hooks, superuser):
    _, endpoint, delivery = hooks["supplier"]
    client.force_login(superuser)
    for path in (
        "/django-admin/webhooks/webhookendpoint/",
        f"/django-admin/webhooks/webhookendpoint/{endpoint.pk}/change/",
        "/django-admin/webhooks/webhookdelivery/",
        f"/django-admin/webhooks/webhookdelivery/{delivery.pk}/change/",
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        assert endpoint.secret not in response.content.decode()
