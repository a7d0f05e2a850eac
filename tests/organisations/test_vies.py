"""VAT IDs checked with VIES in the background (against a local fake VIES, tests/organisations/
conftest.py): the answer stored and shown to the organisation's members and operators, VIES
being down told apart from "not found" and asked again later, and whether a VAT ID is usable."""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django_tasks import default_task_backend
from pytest_django.asserts import assertContains, assertNotContains

from marketplace.organisations import services, vies
from marketplace.organisations.models import Buyer, Organisation
from marketplace.organisations.selectors import vat_id_usable
from tests.factories import BuyerFactory
from tests.organisations.form_data import buyer_form_data

pytestmark = pytest.mark.django_db

Status = Organisation.VatIdStatus
ACME = ("ACME PROCUREMENT SARL", "1, RUE DU MARCHE\nL-1111 LUXEMBOURG")


class TestViesClient:
    def test_a_registered_number_is_valid_with_its_name_and_address(self, fake_vies):
        fake_vies.registered["LU12345613"] = ACME
        answer = vies.client().check("LU", "12345613")
        assert (answer.valid, answer.name, answer.address) == (True, *ACME)
        assert fake_vies.asked == ["LU12345613"]

    def test_an_unknown_number_is_invalid(self, fake_vies):
        answer = vies.client().check("DE", "123456788")
        assert (answer.valid, answer.name, answer.address) == (False, "", "")

    def test_a_member_state_down_is_no_answer_not_invalid(self, fake_vies):
        fake_vies.registered["DE123456788"] = ("Werkstatt eG", "Werkstraße 1, Saarbrücken")
        fake_vies.down.add("DE")
        assert vies.client().check("DE", "123456788").valid is None

    def test_a_server_error_is_no_answer(self, fake_vies):
        fake_vies.broken.add("LU12345613")
        assert vies.client().check("LU", "12345613").valid is None

    def test_vies_out_of_reach_is_no_answer(self, settings):
        settings.VIES_API_BASE = "http://127.0.0.1:9/"  # refuses connections
        answer = vies.client().check("LU", "12345613")
        assert answer.valid is None
        assert answer.checked_at <= timezone.now()


def buyer_with_vat_id(vat_id, capture, **fields):
    """A buyer registered with `vat_id`, its background check done (as after the request)."""
    with capture(execute=True):
        buyer = BuyerFactory(vat_id=vat_id, **fields)
    return Buyer.objects.get(pk=buyer.pk)


class TestCheckOnSave:
    def test_a_registered_vat_id_is_stored_as_valid_with_its_name(self, fake_vies, django_capture_on_commit_callbacks):
        fake_vies.registered["LU12345613"] = ACME
        buyer = buyer_with_vat_id("LU12345613", django_capture_on_commit_callbacks)
        assert (buyer.vat_id_status, buyer.vat_id_registered_name) == (Status.VALID, ACME[0])
        assert timezone.now() - buyer.vat_id_checked_at < datetime.timedelta(minutes=1)

    def test_no_answer_is_stored_before_the_transaction_commits(self, fake_vies):
        buyer = BuyerFactory(vat_id="LU12345613")  # the test's transaction never commits
        assert fake_vies.asked == []
        assert Buyer.objects.get(pk=buyer.pk).vat_id_status == Status.UNCHECKED

    def test_a_serbian_pib_is_not_asked_about(self, fake_vies, django_capture_on_commit_callbacks):
        buyer = buyer_with_vat_id("101134702", django_capture_on_commit_callbacks, country="RS", city="Niš")
        assert buyer.vat_id_status == Status.NOT_APPLICABLE
        assert fake_vies.asked == []

    def test_greece_is_asked_about_with_its_el_prefix(self, fake_vies, django_capture_on_commit_callbacks):
        fake_vies.registered["EL123456783"] = ("ΠΡΟΜΗΘΕΙΕΣ Α.Ε.", "ΑΘΗΝΑ")
        buyer = buyer_with_vat_id("EL123456783", django_capture_on_commit_callbacks, country="GR", city="Athens")
        assert buyer.vat_id_status == Status.VALID

    def test_a_changed_vat_id_on_the_buyer_page_is_checked_and_the_old_answer_forgotten(
        self, fake_vies, client, post, django_capture_on_commit_callbacks
    ):
        fake_vies.registered["LU12345613"] = ACME
        buyer = buyer_with_vat_id("LU12345613", django_capture_on_commit_callbacks)
        admin = buyer.memberships.get().user
        client.force_login(admin)
        post(reverse("organisations:buyer-edit", args=[buyer.slug]), buyer_form_data(buyer, vat_id="LU 2012 3405"))
        buyer.refresh_from_db()
        assert (buyer.vat_id, buyer.vat_id_status, buyer.vat_id_registered_name) == ("LU20123405", Status.INVALID, "")
        assert fake_vies.asked == ["LU12345613", "LU20123405"]

    def test_saving_other_details_does_not_ask_again(self, fake_vies, client, post, django_capture_on_commit_callbacks):
        fake_vies.registered["LU12345613"] = ACME
        buyer = buyer_with_vat_id("LU12345613", django_capture_on_commit_callbacks)
        client.force_login(buyer.memberships.get().user)
        post(reverse("organisations:buyer-edit", args=[buyer.slug]), buyer_form_data(buyer, phone="+352 20 00 00"))
        assert Buyer.objects.get(pk=buyer.pk).vat_id_status == Status.VALID
        assert fake_vies.asked == ["LU12345613"]

    def test_an_operator_changing_a_vat_id_in_the_admin_has_it_checked(
        self, fake_vies, client, superuser, buyer, django_capture_on_commit_callbacks
    ):
        fake_vies.registered["LU20123405"] = ACME
        client.force_login(superuser)
        data = {
            **buyer_form_data(buyer, country="LU", vat_id="LU20123405"),
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
        }
        with django_capture_on_commit_callbacks(execute=True):
            client.post(reverse("admin:organisations_buyer_change", args=[buyer.pk]), data)
        assert Buyer.objects.get(pk=buyer.pk).vat_id_status == Status.VALID


class TestViesDown:
    def test_a_buyer_reads_that_vies_could_not_be_reached(self, fake_vies, client, django_capture_on_commit_callbacks):
        fake_vies.down.add("LU")
        buyer = buyer_with_vat_id("LU12345613", django_capture_on_commit_callbacks)
        assert buyer.vat_id_status == Status.UNAVAILABLE
        client.force_login(buyer.memberships.get().user)
        response = client.get(reverse("organisations:buyer-detail", args=[buyer.slug]))
        assertContains(response, "VIES could not be reached; we will try again.")

    def test_the_recheck_asks_again_until_vies_answers_then_stops(self, fake_vies, django_capture_on_commit_callbacks):
        fake_vies.registered["LU12345613"] = ACME
        fake_vies.down.add("LU")
        buyer = buyer_with_vat_id("LU12345613", django_capture_on_commit_callbacks)
        call_command("vat_ids_recheck")  # still down
        assert Buyer.objects.get(pk=buyer.pk).vat_id_status == Status.UNAVAILABLE
        fake_vies.down.clear()
        call_command("vat_ids_recheck")
        assert Buyer.objects.get(pk=buyer.pk).vat_id_status == Status.VALID
        call_command("vat_ids_recheck")  # nothing due any more
        assert fake_vies.asked == ["LU12345613"] * 3

    def test_the_recheck_asks_again_about_answers_older_than_30_days(self, fake_vies):
        fake_vies.registered["LU12345613"] = ACME
        old, recent = BuyerFactory(vat_id="LU12345613"), BuyerFactory(vat_id="LU20123405")
        Buyer.objects.filter(pk=old.pk).update(
            vat_id_status=Status.VALID, vat_id_checked_at=timezone.now() - datetime.timedelta(days=31)
        )
        Buyer.objects.filter(pk=recent.pk).update(
            vat_id_status=Status.VALID, vat_id_checked_at=timezone.now() - datetime.timedelta(days=5)
        )
        assert services.vat_ids_recheck() == 1
        assert fake_vies.asked == ["LU12345613"]

    def test_where_the_task_backend_can_defer_the_check_is_retried_later(
        self, fake_vies, settings, django_capture_on_commit_callbacks
    ):
        settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
        fake_vies.down.add("LU")
        buyer = BuyerFactory(vat_id="LU12345613")
        assert services.vat_id_vies_ask(organisation_id=buyer.pk) == Status.UNAVAILABLE
        (retry,) = default_task_backend.results
        assert retry.args == [buyer.pk, 1]
        delay = retry.task.run_after - timezone.now()
        assert datetime.timedelta(minutes=14) < delay <= datetime.timedelta(minutes=15)


class TestShownToMembers:
    def test_a_valid_vat_id_shows_the_date_it_was_checked(self, fake_vies, client, django_capture_on_commit_callbacks):
        fake_vies.registered["LU12345613"] = ACME
        buyer = buyer_with_vat_id("LU12345613", django_capture_on_commit_callbacks)
        client.force_login(buyer.memberships.get().user)
        response = client.get(reverse("organisations:buyer-detail", args=[buyer.slug]))
        checked_on = date_format(timezone.localtime(buyer.vat_id_checked_at), "DATE_FORMAT")
        assertContains(response, f"Checked with VIES on {checked_on}: valid")
        assertContains(response, f"registered as {ACME[0]}")

    def test_an_unknown_vat_id_is_said_not_found_on_the_edit_page(
        self, fake_vies, client, django_capture_on_commit_callbacks
    ):
        buyer = buyer_with_vat_id("LU12345613", django_capture_on_commit_callbacks)
        client.force_login(buyer.memberships.get().user)
        response = client.get(reverse("organisations:buyer-edit", args=[buyer.slug]))
        assertContains(response, "not found in VIES. Please check the number.")

    def test_the_state_reads_in_the_members_language(self, fake_vies, client, django_capture_on_commit_callbacks):
        fake_vies.down.add("LU")
        buyer = buyer_with_vat_id("LU12345613", django_capture_on_commit_callbacks)
        client.force_login(buyer.memberships.get().user)
        with translation.override("de"):  # the page's address in German
            url = reverse("organisations:buyer-detail", args=[buyer.slug])
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="de")
        assertContains(response, "VIES war nicht erreichbar; wir versuchen es erneut.")

    def test_operators_filter_buyers_by_what_vies_said(
        self, fake_vies, client, superuser, django_capture_on_commit_callbacks
    ):
        fake_vies.registered["LU12345613"] = ACME
        buyer_with_vat_id("LU12345613", django_capture_on_commit_callbacks, name="Registered Firm")
        buyer_with_vat_id("LU20123405", django_capture_on_commit_callbacks, name="Unknown Firm")
        client.force_login(superuser)
        response = client.get(reverse("admin:organisations_buyer_changelist"), {"vat_id_status__exact": "invalid"})
        assertContains(response, "Unknown Firm")
        assertNotContains(response, "Registered Firm")


@pytest.mark.parametrize(
    "country, vat_id, status, usable",
    [
        ("LU", "LU12345613", Status.VALID, True),
        ("LU", "LU12345613", Status.UNAVAILABLE, True),
        ("LU", "LU12345613", Status.UNCHECKED, True),
        ("RS", "101134702", Status.NOT_APPLICABLE, True),
        ("LU", "LU12345613", Status.INVALID, False),
        ("LU", "", Status.UNCHECKED, False),
        ("LU", "LU12345678", Status.UNCHECKED, False),  # stored before check digits were checked
    ],
)
def test_a_vat_id_is_usable_unless_wrong_or_unknown_to_vies(country, vat_id, status, usable):
    assert vat_id_usable(Buyer(country=country, vat_id=vat_id, vat_id_status=status)) is usable
