"""Input that would break later work is refused where it is typed, with a message:
line breaks and control characters in single-line fields, dates and counts no one
means (9999-12-31, a million million employees)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from marketplace.core.validators import PLANNING_YEARS, single_line
from marketplace.order.forms import CheckoutForm
from marketplace.organisations.models import Buyer, Supplier
from marketplace.sourcing.forms import QuoteForm
from tests.organisations.form_data import supplier_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def edit(client, supplier, supplier_admin):
    client.force_login(supplier_admin)
    url = reverse("organisations:supplier-edit", kwargs={"slug": supplier.slug})

    def post(**overrides):
        return client.post(url, supplier_form_data(supplier, **overrides))

    return post


@pytest.mark.parametrize(
    "name",
    ["Repair Coop\r\nBcc: x@attacker.example", "Repair\nCoop", "Repair\x0bCoop", "Repair\u2028Coop", "Repair\tCoop"],
)
def test_a_name_with_a_line_break_or_control_character_is_refused(edit, supplier, name):
    response = edit(name=name)
    assert response.status_code == 200
    assert "Write this on one line, without line breaks or control characters." in response.content.decode()
    assert Supplier.objects.get(pk=supplier.pk).name == "Repair Coop"


def test_a_description_keeps_its_line_breaks_but_no_other_control_character(edit, supplier):
    assert edit(description="We repair.\r\n\r\nWe train.").status_code == 302
    assert Supplier.objects.get(pk=supplier.pk).description == "We repair.\r\n\r\nWe train."

    response = edit(description="We repair.\x07")
    assert "Remove the control characters from this text." in response.content.decode()


@pytest.mark.parametrize("employees", ["1000000000000", "2000000"])
def test_a_workforce_no_one_has_is_refused(edit, supplier, employees):
    response = edit(employees=employees, employees_vulnerable="10")
    assert response.status_code == 200
    assert "Ensure this value is less than or equal to 1000000." in response.content.decode()
    assert Supplier.objects.get(pk=supplier.pk).employees != int(employees)


def quote_data(**overrides):
    today = timezone.localdate()
    return {"valid_until": today + datetime.timedelta(days=30), "delivery_date": today, **overrides}


@pytest.mark.parametrize("field", ["valid_until", "delivery_date"])
def test_a_quote_dated_9999_is_refused(field):
    form = QuoteForm(data=quote_data(**{field: "9999-12-31"}))
    assert not form.is_valid()
    assert form.errors[field][0].startswith("Choose a date before")


def test_a_quote_within_the_planning_horizon_is_accepted():
    soon = timezone.localdate() + datetime.timedelta(days=365 * PLANNING_YEARS - 10)
    assert QuoteForm(data=quote_data(delivery_date=soon, valid_until=soon)).is_valid()


def test_checkout_refuses_a_wished_date_in_9999(buyer):
    form = CheckoutForm(
        data={"wished_date": "9999-12-31"},
        buyers=Buyer.objects.filter(pk=buyer.pk),
        suppliers=[],
        card_enabled=False,
    )
    form.is_valid()
    assert form.errors["wished_date"][0].startswith("Choose a date before")


def test_single_line_makes_any_stored_text_safe_for_an_e_mail_subject():
    assert single_line("Crates\r\nBcc: x@attacker.example\u2028 ok") == "Crates Bcc: x@attacker.example ok"
