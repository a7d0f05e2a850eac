"""VAT IDs in form and check digits (python-stdnum), per country: what is accepted and
stored, and what a firm reads when it typed a wrong one."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from pytest_django.asserts import assertContains

from marketplace.organisations.models import Buyer
from marketplace.organisations.vat_ids import EXAMPLES, validate_vat_id
from tests.organisations.form_data import buyer_form_data


@pytest.mark.parametrize(
    "country, typed, stored",
    [
        ("LU", "lu 1234 5613", "LU12345613"),
        ("FR", "FR 11 123 456 782", "FR11123456782"),
        ("DE", "DE123.456.788", "DE123456788"),
        ("BE", "BE 123 456 749", "BE0123456749"),  # the old nine-digit form gets its leading 0
        ("NL", "nl123456782b01", "NL123456782B01"),
        ("AT", "ATU 12345675", "ATU12345675"),
        ("GR", "EL 123456783", "EL123456783"),
        ("GR", "GR123456783", "EL123456783"),  # Greece's country code, where VAT says EL
        ("RS", "101134702", "101134702"),
        ("RS", "RS 101-134-702", "101134702"),
        ("CH", "CHE-123.456.788", "CHE123456788"),  # outside the EU: letters and digits
    ],
)
def test_a_valid_vat_id_is_stored_compact(country, typed, stored):
    assert validate_vat_id(typed, country) == stored


@pytest.mark.parametrize("country, example", sorted(EXAMPLES.items()))
def test_the_example_each_country_shows_is_itself_valid(country, example):
    assert validate_vat_id(example, country) == example


@pytest.mark.parametrize(
    "country, typed, message",
    [
        ("LU", "LU12345678", "This VAT ID's check digit is wrong: please check the number."),
        ("GR", "EL123456789", "This VAT ID's check digit is wrong: please check the number."),
        ("NL", "NL123456789B01", "This VAT ID's check digit is wrong: please check the number."),
        ("LU", "LU123", "This is not a valid VAT ID format for this country, e.g. LU12345613."),
        ("NL", "NL123456782X01", "This is not a valid VAT ID format for this country, e.g. NL123456782B01."),
        ("LU", "DE123456788", "A VAT ID from this country starts with LU, e.g. LU12345613."),
        ("GR", "123456783", "A VAT ID from this country starts with EL, e.g. EL123456783."),
        ("RS", "101134703", "This PIB's check digit is wrong: please check the number."),
        ("RS", "10113470", "A Serbian PIB has 9 digits, e.g. 101134702."),
        ("RS", "LU12345613", "A Serbian PIB has 9 digits, e.g. 101134702."),
        ("CH", "CHE 123/456", "Enter the VAT ID with letters and digits only."),
    ],
)
def test_a_wrong_vat_id_says_what_is_expected(country, typed, message):
    with pytest.raises(ValidationError) as error:
        validate_vat_id(typed, country)
    assert error.value.messages == [message]


def test_the_messages_read_in_the_readers_language():
    with translation.override("fr"), pytest.raises(ValidationError) as error:
        validate_vat_id("LU12345678", "LU")
    assert error.value.messages == ["Le chiffre de contrôle de ce numéro de TVA est faux : vérifiez le numéro."]


@pytest.mark.django_db
class TestOrganisationForms:
    def test_a_buyer_saving_a_wrong_vat_id_reads_why_and_keeps_the_old_one(self, client, buyer, buyer_admin):
        client.force_login(buyer_admin)
        response = client.post(
            reverse("organisations:buyer-edit", args=[buyer.slug]),
            buyer_form_data(buyer, country="LU", vat_id="LU12345678"),
        )
        assertContains(response, "This VAT ID&#x27;s check digit is wrong: please check the number.")
        assert Buyer.objects.get(pk=buyer.pk).vat_id == buyer.vat_id

    def test_a_buyer_moving_to_serbia_gives_its_pib(self, post, client, buyer, buyer_admin):
        client.force_login(buyer_admin)
        post(
            reverse("organisations:buyer-edit", args=[buyer.slug]),
            buyer_form_data(buyer, country="RS", vat_id="RS 101 134 702"),
        )
        assert Buyer.objects.get(pk=buyer.pk).vat_id == "101134702"
