"""Export, erasure and purge of personal data."""

import io
import json
import zipfile
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
import time_machine
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from oscar.core.loading import get_model

from marketplace.accounts.models import UserSession
from marketplace.apikeys.models import Scope
from marketplace.apikeys.services import apikey_create
from marketplace.audit.models import AuditEvent
from marketplace.core.models import EmailFailure
from marketplace.notifications.models import NotificationPreference, PendingNotification
from marketplace.order.models import Purchase
from marketplace.order.services import purchase_place
from marketplace.organisations.models import Invitation, Role
from marketplace.organisations.services import membership_set_role
from marketplace.payments.models import Invoice
from marketplace.payments.services import invoice_issue
from marketplace.privacy.checks import personal_data_declared
from marketplace.privacy.services import purge
from tests.factories import PASSWORD, MembershipFactory, UserFactory, goods_for_supplier
from tests.order.helpers import basket_with, checkout_details

pytestmark = pytest.mark.django_db

UserAddress = get_model("address", "UserAddress")
Notification = get_model("communication", "Notification")
Basket = get_model("basket", "Basket")
Country = get_model("address", "Country")

MARKERS = ("Zqxname", "Zqxsurname", "zqx-person@example.org", "+352 99 88 77 66", "7 Rue Zqxstreet")


# Copies the law makes invoices and orders keep (a delivery to a named person).
RETAINED = "Zqxretained Delivery"


@pytest.fixture
def person(buyer, supplier, product_classes):
    """A buyer's member with data in every place a person's data lands, and a purchase
    whose part is invoiced."""
    user = UserFactory(first_name=MARKERS[0], last_name=MARKERS[1], email=MARKERS[2])
    MembershipFactory(user=user, organisation=buyer, role=Role.MEMBER)
    chairs = goods_for_supplier(supplier=supplier, title="Reused chairs", price=Decimal("40.00"), num_in_stock=10)
    purchase = purchase_place(
        basket=basket_with(user, (chairs, 3)),
        user=user,
        buyer=buyer,
        details=checkout_details(delivery_name=RETAINED),
        payment_method=Purchase.PaymentMethod.INVOICE,
    )
    invoice_issue(purchase.parts.get())
    Country.objects.get_or_create(iso_3166_1_a2="LU", defaults={"name": "Luxembourg"})
    UserAddress.objects.create(
        user=user, first_name=MARKERS[0], last_name=MARKERS[1], line1=MARKERS[4], phone_number="", country_id="LU"
    )
    Notification.objects.create(recipient=user, subject=f"Hello {MARKERS[0]}")
    Basket.objects.create(owner=user)
    Invitation.objects.create(organisation=buyer, email=MARKERS[2])
    EmailFailure.objects.create(recipients=MARKERS[2], subject="x", error="refused")
    # What the apps of issue 19 keep about a person.
    membership_set_role(membership=user.memberships.get(), role=Role.ADMIN)  # audited with their e-mail
    apikey_create(organisation=buyer, by=user, name="ERP", scope=Scope.READ)
    membership_set_role(membership=user.memberships.get(), role=Role.MEMBER)
    UserSession.objects.create(
        user=user, session_key="zqx-session", user_agent="Firefox", ip_address="203.0.113.*", last_seen=timezone.now()
    )
    NotificationPreference.objects.create(user=user, kind="quote_received", channel="email", frequency="daily")
    PendingNotification.objects.create(
        user=user, kind="quote_received", channel="email", frequency="daily", subject="Quote", text=f"Dear {MARKERS[0]}"
    )
    TOTPDevice.objects.create(user=user, name=f"{MARKERS[0]}'s phone", confirmed=True)
    return user


def test_every_link_to_a_person_is_declared():
    assert personal_data_declared() == []


def test_export_holds_every_personal_field(client, person):
    client.force_login(person)
    response = client.post(reverse("privacy:export"))
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    data = json.loads(archive.read("personal-data.json"))
    text = json.dumps(data)
    for marker in (MARKERS[0], MARKERS[1], MARKERS[2], MARKERS[4]):
        assert marker in text
    assert RETAINED in text  # the purchase they placed
    assert "address.useraddress.user.csv" in archive.namelist()
    assert "password" not in data["account"][0]


def _text_values():
    """Every text, char and JSON value of every table, read with raw SQL."""
    values = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            for row in cursor.fetchall():
                values.extend(value for value in row if isinstance(value, str))
    return values


def test_erasure_leaves_no_personal_value_and_keeps_invoices(client, person):
    invoice = Invoice.objects.get()
    kept = (invoice.number, invoice.buyer, invoice.delivery, invoice.lines, invoice.total_incl_tax)
    elsewhere = Client()
    elsewhere.force_login(person)  # another browser, still signed in
    client.force_login(person)
    response = client.post(reverse("privacy:my-data"), {"password": PASSWORD})
    assert response.status_code == 302
    assert not Session.objects.filter(session_key=elsewhere.session.session_key).exists()
    found = [value for value in _text_values() if any(marker.lower() in value.lower() for marker in MARKERS)]
    assert found == []
    invoice = Invoice.objects.get()
    assert (invoice.number, invoice.buyer, invoice.delivery, invoice.lines, invoice.total_incl_tax) == kept
    assert invoice.total_excl_tax + invoice.total_tax == invoice.total_incl_tax == Decimal("144.00")
    assert Purchase.objects.get().delivery_name == RETAINED
    # The buyer's security log still says a role changed, no longer whose, nor from where.
    events = AuditEvent.objects.filter(action="member_role_changed")
    assert [(event.target_label, event.actor) for event in events] == [("", None), ("", None)]


def test_wrong_password_erases_nothing(client, person):
    client.force_login(person)
    response = client.post(reverse("privacy:my-data"), {"password": "wrong"})
    assert response.status_code == 200
    assert "This is not your password." in response.content.decode()
    person.refresh_from_db()


def test_pages_need_signing_in(client):
    for name in ("privacy:my-data",):
        assert client.get(reverse(name)).status_code == 302
    assert client.post(reverse("privacy:export")).status_code == 302
    assert client.get(reverse("privacy:notice")).status_code == 200


def test_purge_by_periods(person):
    UserFactory(email="never-confirmed@example.org", is_active=False)
    later = datetime.now(tz=UTC) + timedelta(days=100)
    with time_machine.travel(later, tick=False):
        counts = purge()
        again = purge()
    assert counts["unconfirmed accounts"] == 1
    assert counts["abandoned baskets"] == 1
    assert counts["expired invitations"] == 1
    assert counts["e-mail failures"] == 1
    assert set(again.values()) == {0}
    call_command("privacy_purge", stdout=io.StringIO())


def test_declarations_match_what_deleting_a_person_does():
    """Erasure relies on the foreign keys: a DELETE link must cascade, the others must keep the row."""
    from django.apps import apps
    from django.db import models

    from marketplace.privacy.registry import Erase, links

    for link in links().values():
        field = apps.get_model(link.model)._meta.get_field(link.field)
        if field.many_to_many:
            assert link.erase is not Erase.DELETE, link
            continue
        on_delete = field.remote_field.on_delete
        if link.erase is Erase.DELETE:
            assert on_delete is models.CASCADE, link
        else:
            assert on_delete in (models.SET_NULL, models.DO_NOTHING), link


def test_an_administrator_erases_the_organisation_and_its_invoices_stay(client, person, buyer, buyer_admin):
    from marketplace.organisations.models import Membership

    buyer.email, buyer.phone = "zqx-contact@example.org", "+33 9 99 99 99 99"
    buyer.save()
    erase = reverse("privacy:organisation-erase", args=[buyer.slug])
    client.force_login(person)  # a plain member
    assert client.get(erase).status_code == 404
    client.force_login(buyer_admin)
    assert client.post(erase, {"password": "wrong"}).status_code == 200
    assert Membership.objects.filter(organisation=buyer).count() == 2
    assert client.post(erase, {"password": PASSWORD}).status_code == 302
    buyer.refresh_from_db()
    assert (buyer.email, buyer.phone) == ("", "")
    assert not Membership.objects.filter(organisation=buyer).exists()
    assert Invoice.objects.get().total_incl_tax == Decimal("144.00")


def test_a_supplier_that_leaves_withdraws_its_products(supplier, product_classes):
    from marketplace.privacy.services import organisation_erase

    chairs = goods_for_supplier(supplier=supplier, title="Reused chairs", price=Decimal("40.00"), num_in_stock=10)
    organisation_erase(organisation=supplier)
    chairs.refresh_from_db()
    supplier.refresh_from_db()
    assert not chairs.is_public
    assert not supplier.verified
    assert not supplier.partner.users.exists()


def test_a_link_left_undeclared_fails_the_check(monkeypatch):
    from marketplace.privacy import registry

    declared = dict(registry.links())
    del declared[("sourcing.Message", "author")]
    monkeypatch.setattr(registry, "LINKS", declared)
    errors = personal_data_declared()
    assert [error.id for error in errors] == ["privacy.E001"]
    assert "sourcing.Message.author" in errors[0].msg
