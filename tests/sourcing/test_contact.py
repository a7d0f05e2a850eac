"""Contacting a supplier: a buyer member writes from the profile's own form (one buyer
organisation, nothing to choose); everyone else is told why not and what to do."""

import re

from django.template.loader import render_to_string
from django.urls import reverse

from marketplace.order.selectors import buyers_of
from marketplace.sourcing.models import Thread
from marketplace.sourcing.views.threads import ContactForm
from tests.factories import BuyerFactory, MembershipFactory
from tests.sourcing.conftest import admin_of


def contact_url(supplier):
    return reverse("sourcing:contact", kwargs={"slug": supplier.slug})


def form_data(page):
    """What a browser posts: the form's own hidden inputs as rendered."""
    hidden = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', page))
    hidden.pop("csrfmiddlewaretoken", None)
    return hidden


def test_a_member_of_one_buyer_sends_the_form_as_rendered(post, client, market):
    client.force_login(market.officer)
    page = client.get(contact_url(market.bricks)).content.decode()
    assert 'name="buyer"' in page and "Writing for" not in page  # nothing to choose
    data = {**form_data(page), "buyer": "", "subject": "Bricks", "body": "Do you deliver to Metz?"}
    response = post(contact_url(market.bricks), data)
    thread = Thread.objects.get()
    assert response.status_code == 302 and response.url == thread.get_absolute_url()
    assert thread.buyer == market.buyer and thread.supplier == market.bricks


def test_a_member_of_two_buyers_chooses_and_must_choose(client, market):
    other = BuyerFactory(name="Second Buyer")
    MembershipFactory(user=market.officer, organisation=other)
    client.force_login(market.officer)
    page = client.get(contact_url(market.bricks)).content.decode()
    assert "Writing for" in page and "Second Buyer" in page
    response = client.post(contact_url(market.bricks), {"subject": "Bricks", "body": "Hello"})
    assert response.status_code == 200 and not Thread.objects.exists()
    assert "This field is required." in response.content.decode()
    assert "Hello" in response.content.decode()  # nothing typed is lost


def test_a_hidden_field_error_is_shown_with_its_label(market):
    other = BuyerFactory(name="Second Buyer")
    MembershipFactory(user=market.officer, organisation=other)
    form = ContactForm({"buyer": "999999"}, buyers=buyers_of(market.officer))
    form.fields["buyer"].widget = form.fields["buyer"].hidden_widget()
    assert not form.is_valid()
    html = render_to_string("includes/form_fields.html", {"form": form})
    assert "Writing for: Select a valid choice." in html


def test_a_visitor_is_asked_to_sign_in_then_comes_back_to_the_form(client, market):
    profile = client.get(market.bricks.get_absolute_url()).content.decode()
    assert "Sign in to contact this supplier" in profile
    assert f"?next={contact_url(market.bricks)}" in profile
    assert reverse("organisations:buyer-register") in profile
    response = client.get(contact_url(market.bricks))
    assert response.status_code == 302 and reverse("accounts:login") in response.url


def test_a_person_without_a_buyer_organisation_is_told_what_to_do(client, market, user):
    client.force_login(user)
    profile = client.get(market.bricks.get_absolute_url()).content.decode()
    assert "How to contact this supplier" in profile
    response = client.get(contact_url(market.bricks))
    page = response.content.decode()
    assert response.status_code == 403
    assert "register your organisation as a buyer" in page and reverse("organisations:buyer-register") in page


def test_a_supplier_member_sees_no_buying_prompt_on_its_own_profile(client, market):
    client.force_login(admin_of(market.bricks))
    profile = client.get(market.bricks.get_absolute_url()).content.decode()
    assert "Sign in to contact" not in profile and "How to contact this supplier" not in profile
