"""Text people write has a length a reader expects, shown where they type it and
checked again by the services; a quote promises delivery on a day that can still come
and that the need allows."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import formats, timezone

from marketplace.core import limits
from marketplace.sourcing import services, shortlists, threads
from marketplace.sourcing.models import Need, Quote, Shortlist, Thread
from tests.sourcing.conftest import admin_of, lines, need_draft, need_published
from tests.sourcing.test_bad_input import need_form
from tests.sourcing.test_quotes import quote_form_data


@pytest.fixture
def officer_client(client, market):
    client.force_login(market.officer)
    return client


def field_block(page: str, name: str):
    """The form group of one field (its input, help and errors), as the page shows it."""
    return BeautifulSoup(page, "html.parser").select_one(f".field-{name}")


# Length limits --------------------------------------------------------------------


def test_a_240000_character_description_is_refused_and_the_rest_is_kept(officer_client, market):
    data = need_form(market, description="x" * 240_000, title="Catering for our staff day", city="Thionville")

    response = officer_client.post(reverse("sourcing:need-create"), data)

    assert response.status_code == 200
    page = response.content.decode()
    assert "Ensure this value has at most 10000 characters (it has 240000)." in field_block(page, "description").text
    assert field_block(page, "title").find("input")["value"] == "Catering for our staff day"
    assert field_block(page, "city").find("input")["value"] == "Thionville"
    assert not Need.objects.exists()


def test_a_description_at_the_limit_is_saved(officer_client, market):
    officer_client.post(reverse("sourcing:need-create"), need_form(market, description="x" * limits.DESCRIPTION))
    assert len(Need.objects.get().description) == limits.DESCRIPTION


def test_the_need_form_says_its_limits_to_the_browser(officer_client, market):
    page = officer_client.get(reverse("sourcing:need-create")).content.decode()
    assert field_block(page, "title").find("input")["maxlength"] == "200"
    assert field_block(page, "description").find("textarea")["maxlength"] == "10000"
    # The counter's words, for base.js, in the page's language.
    body = BeautifulSoup(page, "html.parser").body
    assert body["data-char-count"] == "{count} / {limit} characters"


def test_a_service_caller_cannot_store_an_over_long_need(market):
    with pytest.raises(ValidationError) as error:
        need_draft(market, description="x" * (limits.DESCRIPTION + 1))
    assert "description" in error.value.message_dict
    assert not Need.objects.exists()


def test_a_quote_message_has_a_limit_on_the_page_and_in_the_service(client, market):
    need = need_published(market)
    client.force_login(admin_of(market.bricks))
    url = reverse("sourcing:quote-edit", kwargs={"pk": need.pk})
    assert field_block(client.get(url).content.decode(), "message").find("textarea")["maxlength"] == "5000"

    response = client.post(url, quote_form_data(("Bricks", "10", "1.00", "20"), message="m" * 5001))

    assert response.status_code == 400
    assert "at most 5000 characters" in field_block(response.content.decode(), "message").text
    assert not Quote.objects.exists()
    with pytest.raises(ValidationError) as error:
        services.quote_submit(
            invitation=need.invitations.get(supplier=market.bricks),
            by=admin_of(market.bricks),
            lines=lines(("Bricks", "10", "1.00", "20")),
            valid_until=timezone.localdate() + timedelta(days=30),
            delivery_date=timezone.localdate() + timedelta(days=20),
            message="m" * 5001,
        )
    assert "message" in error.value.message_dict


def test_an_over_long_message_in_a_conversation_is_refused_with_what_was_typed_kept(client, market):
    client.force_login(market.officer)
    url = reverse("sourcing:contact", kwargs={"slug": market.bricks.slug})
    assert field_block(client.get(url).content.decode(), "body").find("textarea")["maxlength"] == "5000"

    response = client.post(url, {"buyer": market.buyer.pk, "subject": "Bricks for 2027", "body": "b" * 5001})

    page = response.content.decode()
    assert "at most 5000 characters" in field_block(page, "body").text
    assert field_block(page, "subject").find("input")["value"] == "Bricks for 2027"
    assert not Thread.objects.exists()
    with pytest.raises(ValidationError):
        threads.thread_start(
            buyer=market.buyer, supplier=market.bricks, by=market.officer, subject="Bricks", body="b" * 5001
        )
    with pytest.raises(ValidationError):
        threads.thread_start(
            buyer=market.buyer, supplier=market.bricks, by=market.officer, subject="s" * 201, body="Hello"
        )
    assert not Thread.objects.exists()


def test_an_over_long_shortlist_name_gets_a_message_not_an_error_page(client, market):
    client.force_login(market.officer)

    response = client.post(reverse("sourcing:shortlist-list"), {"name": "n" * 121}, follow=True)

    assert response.status_code == 200
    assert "at most 120 characters" in response.content.decode()
    assert not Shortlist.objects.exists()
    with pytest.raises(ValidationError):
        shortlists.shortlist_create(buyer=market.buyer, name="n" * 121, by=market.officer)


def test_questions_and_answers_have_limits_in_the_service(market):
    need = need_published(market)
    invitation = need.invitations.get(supplier=market.bricks)
    with pytest.raises(ValidationError) as error:
        services.question_ask(invitation=invitation, by=admin_of(market.bricks), text="q" * (limits.NOTE + 1))
    assert "text" in error.value.message_dict
    question = services.question_ask(invitation=invitation, by=admin_of(market.bricks), text="Pallets?")
    with pytest.raises(ValidationError) as error:
        services.question_answer(question=question, by=market.officer, answer="a" * (limits.MESSAGE + 1))
    assert "answer" in error.value.message_dict


# A quote's delivery date ------------------------------------------------------------


def post_quote(client, need, supplier, delivery_date):
    client.force_login(admin_of(supplier))
    url = reverse("sourcing:quote-edit", kwargs={"pk": need.pk})
    data = quote_form_data(("Reused bricks", "2000", "0.40", "20"), delivery_date=delivery_date.isoformat())
    return client.post(url, data)


def test_a_delivery_date_in_the_past_is_refused_next_to_the_field(client, market):
    need = need_published(market)

    response = post_quote(client, need, market.bricks, timezone.localdate() - timedelta(days=1))

    assert response.status_code == 400
    assert "The delivery date cannot be in the past." in field_block(response.content.decode(), "delivery_date").text
    assert not Quote.objects.exists()


def test_a_delivery_before_the_quotes_are_due_is_refused(client, market):
    need = need_published(market, deadline=timezone.now() + timedelta(days=10))
    due = timezone.localdate(need.deadline)

    response = post_quote(client, need, market.bricks, due - timedelta(days=1))

    assert response.status_code == 400
    assert (
        f"Quotes are due on {formats.date_format(due)} and the order comes after: choose that day or a later one."
        in field_block(response.content.decode(), "delivery_date").text
    )
    assert not Quote.objects.exists()


def test_a_delivery_before_the_buyers_wished_date_is_refused(client, market):
    wished = timezone.localdate() + timedelta(days=30)
    need = need_published(market, delivery_date=wished)

    response = post_quote(client, need, market.bricks, wished - timedelta(days=5))

    assert response.status_code == 400
    message = f"{market.buyer.name} wishes delivery on {formats.date_format(wished)}: choose that day or a later one."
    assert message in field_block(response.content.decode(), "delivery_date").text
    assert not Quote.objects.exists()


def test_the_quote_form_offers_dates_from_the_first_allowed_day(client, market):
    wished = timezone.localdate() + timedelta(days=30)
    need = need_published(market, delivery_date=wished)
    client.force_login(admin_of(market.bricks))
    page = client.get(reverse("sourcing:quote-edit", kwargs={"pk": need.pk})).content.decode()
    assert field_block(page, "delivery_date").find("input")["min"] == wished.isoformat()


def test_a_delivery_on_or_after_the_wished_date_is_accepted(client, market):
    wished = timezone.localdate() + timedelta(days=30)
    need = need_published(market, delivery_date=wished)

    response = post_quote(client, need, market.bricks, wished)

    assert response.status_code == 302
    assert need.quotes.get(supplier=market.bricks).delivery_date == wished
    later = wished + timedelta(days=3)
    assert post_quote(client, need, market.renovators, later).status_code == 302
    assert need.quotes.get(supplier=market.renovators).delivery_date == later


def test_the_service_refuses_a_past_delivery_date_from_any_caller(market):
    need = need_published(market)
    with pytest.raises(ValidationError) as error:
        services.quote_submit(
            invitation=need.invitations.get(supplier=market.bricks),
            by=admin_of(market.bricks),
            lines=lines(("Bricks", "10", "1.00", "20")),
            valid_until=timezone.localdate() + timedelta(days=30),
            delivery_date=timezone.localdate() - timedelta(days=3),
        )
    assert error.value.message_dict == {"delivery_date": ["The delivery date cannot be in the past."]}
    assert not Quote.objects.exists()
