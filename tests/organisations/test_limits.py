"""An organisation's texts have the length a reader expects: the profile form says so
and refuses more, keeping what else was typed."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.urls import reverse

from marketplace.core import limits
from marketplace.organisations.models import Supplier
from tests.organisations.form_data import supplier_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def edit_url(client, supplier, supplier_admin):
    client.force_login(supplier_admin)
    return reverse("organisations:supplier-edit", kwargs={"slug": supplier.slug})


def field(page, name):
    return BeautifulSoup(page, "html.parser").select_one(f".field-{name}")


def test_the_profile_form_says_its_limits(client, edit_url):
    page = client.get(edit_url).content.decode()
    assert field(page, "description").find("textarea")["maxlength"] == str(limits.DESCRIPTION)
    assert field(page, "impact_statement").find("textarea")["maxlength"] == str(limits.NOTE)


def test_an_over_long_description_is_refused_and_the_other_changes_are_kept(client, supplier, edit_url):
    data = supplier_form_data(supplier, name="Repair Coop Metz", description="d" * (limits.DESCRIPTION + 1))

    response = client.post(edit_url, data)

    assert response.status_code == 200
    page = response.content.decode()
    assert "at most 10000 characters" in field(page, "description").text
    assert field(page, "name").find("input")["value"] == "Repair Coop Metz"
    assert Supplier.objects.get(pk=supplier.pk).name == supplier.name


def test_an_over_long_impact_statement_is_refused(client, supplier, edit_url):
    response = client.post(edit_url, supplier_form_data(supplier, impact_statement="i" * (limits.NOTE + 1)))
    assert "at most 2000 characters" in field(response.content.decode(), "impact_statement").text
    assert Supplier.objects.get(pk=supplier.pk).impact_statement != "i" * (limits.NOTE + 1)


def test_the_model_refuses_an_over_long_description_from_any_caller(supplier):
    supplier.description = "d" * (limits.DESCRIPTION + 1)
    with pytest.raises(ValidationError) as error:
        supplier.full_clean(exclude=["slug", "partner"])
    assert "description" in error.value.message_dict
