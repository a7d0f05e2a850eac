"""Suppliers reach their invitations and quotes from their workspace (Oscar's dashboard
sends them there); operators reach the moderation of needs from the dashboard's menu;
nobody else gets either page."""

from django.urls import reverse

from tests.sourcing.conftest import admin_of, need_published


def test_a_supplier_finds_its_invitations_in_its_workspace(client, market):
    need = need_published(market)
    client.force_login(admin_of(market.bricks))
    workspace = client.get(reverse("dashboard:catalogue-product-list"), follow=True)
    assert workspace.redirect_chain[0][0].startswith("/workspace/")
    quotes = client.get(reverse("workspace:quotes", kwargs={"slug": market.bricks.slug})).content.decode()
    assert need.title in quotes and reverse("sourcing:moderation") not in quotes
    inbox = client.get(reverse("sourcing:invitation-list")).content.decode()
    assert need.title in inbox and "Acme Procurement" in inbox


def test_operators_moderate_every_need(client, market, staff_user):
    need = need_published(market)
    client.force_login(staff_user)
    assert reverse("sourcing:moderation") in client.get(reverse("dashboard:index")).content.decode()
    page = client.get(reverse("sourcing:moderation"), {"status": "published"}).content.decode()
    assert need.title in page
    assert "Withdraw the need" in client.get(need.get_absolute_url()).content.decode()


def test_buyers_get_neither_page(client, market):
    client.force_login(market.officer)
    assert client.get(reverse("sourcing:moderation")).status_code == 403
    assert client.get(reverse("sourcing:invitation-list")).status_code == 403
