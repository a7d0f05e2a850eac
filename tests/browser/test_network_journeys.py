"""Browser journey of a network: its coordinator invites a social enterprise by e-mail;
the enterprise's administrator follows the link of that e-mail, joins, signs the charter,
and its public profile shows the signature."""

import re

import pytest
from django.core import mail
from django.utils import timezone
from django.utils.formats import date_format
from playwright.sync_api import expect

from marketplace.organisations.models import Supplier
from tests.browser.helpers import follow, sign_in, visit

pytestmark = pytest.mark.browser


def test_a_coordinator_invites_a_supplier_who_joins_and_signs_the_charter(live_server, demo_world, page):
    supplier = Supplier.objects.get(memberships__user__email="supplier2@example.com")
    sign_in(page, live_server, "coordinator@example.com")
    visit(page, live_server.url + "/coordination/")
    follow(page, page.get_by_role("link", name="Impact Noord"))
    follow(page, page.get_by_role("link", name="Invitations"))
    page.get_by_label("E-mail of the social enterprise").fill("supplier2@example.com")
    page.get_by_label("Message (optional)").fill("Your reused materials would suit our builders.")
    follow(page, page.get_by_role("button", name="Send the invitation"))
    expect(page.locator("body")).to_contain_text("Invitation sent to supplier2@example.com.")

    invitation_mail = next(m for m in reversed(mail.outbox) if m.to == ["supplier2@example.com"])
    link = re.search(r"http\S+/coordination/invitation/\S+/", invitation_mail.body).group(0)
    sign_in(page, live_server, "supplier2@example.com")
    visit(page, live_server.url + link[link.index("/coordination/") :])
    expect(page.locator("body")).to_contain_text("Your reused materials would suit our builders.")
    expect(page.get_by_label("Accept for")).to_have_value(str(supplier.pk))
    follow(page, page.get_by_role("button", name="Accept the invitation"))
    expect(page.locator("body")).to_contain_text(f"{supplier.name} is now a member of Impact Noord.")

    follow(page, page.get_by_role("button", name="Sign version 2 of the charter of Impact Noord"))
    expect(page.locator("body")).to_contain_text(f"{supplier.name} signed version 2 of the charter of Impact Noord.")
    visit(page, live_server.url + supplier.get_absolute_url())
    today = date_format(timezone.localdate(), "DATE_FORMAT")
    expect(page.locator(".charter-signature")).to_contain_text(f"Signed charter v2 of Impact Noord on {today}")
    assert not page.problems, page.problems
