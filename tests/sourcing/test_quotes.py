"""Suppliers quote; the buyer compares quotes side by side; suppliers never see each
other's quotes, and see answers to questions without who asked."""

from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from marketplace.sourcing import services
from marketplace.sourcing.models import Quote
from tests.sourcing.conftest import admin_of, need_published, quote


def test_a_quote_totals_net_and_gross_per_line_vat(market):
    need = need_published(market)
    submitted = quote(need, market.bricks, ("Reused bricks", "2000", "0.41", "20"), ("Delivery", "1", "85.00", "17"))
    # 2000 × 0.41 = 820.00 (20 % → 164.00); 85.00 (17 % → 14.45)
    assert submitted.total_excl_tax == Decimal("905.00")
    assert submitted.total_tax == Decimal("178.45")
    assert submitted.total_incl_tax == Decimal("1083.45")


def test_a_supplier_changes_its_quote_until_the_deadline(market):
    need = need_published(market)
    quote(need, market.bricks, ("Bricks", "10", "1.00", "20"))
    changed = quote(need, market.bricks, ("Bricks", "10", "0.90", "20"))
    assert need.quotes.count() == 1 and changed.total_excl_tax == Decimal("9.00")


def test_the_buyer_compares_quotes_side_by_side_with_the_suppliers_impact(client, market):
    need = need_published(market)
    quote(need, market.bricks, ("Reused bricks", "2000", "0.40", "20"))
    quote(need, market.renovators, ("Bricks and laying", "1", "1500.00", "20"))
    client.force_login(market.officer)
    page = client.get(reverse("sourcing:need-compare", kwargs={"pk": need.pk})).content.decode()
    assert page.index("Bricks Again") < page.index("Renovators France")  # cheapest first
    for figure in ("€800.00", "€960.00", "€1,500.00", "€1,800.00", "60 % (6 of 10)"):
        assert figure in page


def test_a_supplier_never_sees_another_suppliers_quote(client, market):
    need = need_published(market)
    rival = quote(need, market.renovators, ("Secret rival line", "1", "1234.56", "20"))
    quote(need, market.bricks, ("Our own line", "1", "99.00", "20"))
    client.force_login(admin_of(market.bricks))
    page = client.get(need.get_absolute_url()).content.decode()
    assert "€99.00" in page
    assert "1234.56" not in page and "Secret rival line" not in page
    assert client.get(reverse("sourcing:need-compare", kwargs={"pk": need.pk})).status_code == 403
    rival_file = reverse("sourcing:quote-attachment", kwargs={"pk": need.pk, "quote_pk": rival.pk})
    assert client.get(rival_file).status_code == 404  # no file, and not theirs either
    invitations = client.get(reverse("sourcing:invitation-list")).content.decode()
    assert "1234.56" not in invitations and "€99.00" in invitations


def test_answers_reach_every_invited_supplier_without_who_asked(client, market, django_capture_on_commit_callbacks):
    need = need_published(market)
    bricks = admin_of(market.bricks)
    client.force_login(bricks)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("sourcing:question-ask", kwargs={"pk": need.pk}), {"text": "Is there a loading dock?"})
    question = need.questions.get()
    to_buyer = mail.outbox[-1]
    assert to_buyer.to == [market.officer.email] and "Bricks Again" in to_buyer.body
    client.force_login(market.officer)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("sourcing:question-answer", kwargs={"pk": need.pk, "question_pk": question.pk}),
            {"answer": "Yes, gate 3."},
        )
    assert sorted(m.to[0] for m in mail.outbox) == ["admin@bricks-again.example", "admin@renovators-france.example"]
    assert all("Bricks Again" not in m.body and "Yes, gate 3." in m.body for m in mail.outbox)
    client.force_login(admin_of(market.renovators))
    page = client.get(need.get_absolute_url()).content.decode()
    assert "Is there a loading dock?" in page and "Yes, gate 3." in page
    assert "Bricks Again" not in page


def test_an_unanswered_question_of_another_supplier_stays_hidden(client, market):
    need = need_published(market)
    services.question_ask(
        invitation=need.invitations.get(supplier=market.bricks), by=admin_of(market.bricks), text="Our own question"
    )
    client.force_login(admin_of(market.renovators))
    assert "Our own question" not in client.get(need.get_absolute_url()).content.decode()


def test_a_supplier_quotes_through_the_form(client, market, django_capture_on_commit_callbacks):
    need = need_published(market)
    client.force_login(admin_of(market.bricks))
    url = reverse("sourcing:quote-edit", kwargs={"pk": need.pk})
    assert "Send a quote" in client.get(url).content.decode()
    data = quote_form_data(("Reused bricks", "2000", "0.40", "20"))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data, follow=True)
    assert "Only the buyer sees it" in response.content.decode()
    assert need.quotes.get().total_incl_tax == Decimal("960.00")
    assert mail.outbox[-1].to == [market.officer.email] and "New quote from Bricks Again" in mail.outbox[-1].subject


def test_a_withdrawn_quote_is_not_compared(market):
    need = need_published(market)
    submitted = quote(need, market.bricks, ("Bricks", "1", "10.00", "20"))
    services.quote_withdraw(quote=submitted)
    assert Quote.objects.get(pk=submitted.pk).status == Quote.Status.WITHDRAWN
    with pytest.raises(ValidationError):
        services.quote_withdraw(quote=Quote.objects.get(pk=submitted.pk))


def quote_form_data(*rows, **overrides):
    data = {
        "valid_until": (timezone.localdate() + timezone.timedelta(days=30)).isoformat(),
        "delivery_date": (timezone.localdate() + timezone.timedelta(days=20)).isoformat(),
        "message": "Delivered on pallets.",
        "lines-TOTAL_FORMS": str(len(rows)),
        "lines-INITIAL_FORMS": "0",
        "lines-MIN_NUM_FORMS": "1",
        "lines-MAX_NUM_FORMS": "50",
    }
    for i, (description, quantity, price, rate) in enumerate(rows):
        data.update(
            {
                f"lines-{i}-description": description,
                f"lines-{i}-quantity": quantity,
                f"lines-{i}-unit": "piece",
                f"lines-{i}-unit_price": price,
                f"lines-{i}-vat_rate": rate,
                f"lines-{i}-kind": "goods",
            }
        )
    data.update(overrides)
    return data


def form_as_browser_sends_it(html):
    """The fields of the page's quote form with the values the page shows, as a browser would post them."""
    form = BeautifulSoup(html, "html.parser").find("form", attrs={"method": "post", "enctype": True})
    data = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or field.get("type") in {"file", "submit"} or name == "csrfmiddlewaretoken":
            continue
        if field.name == "textarea":
            data[name] = field.text.strip("\n")
        elif field.name == "select":
            selected = field.find("option", selected=True) or field.find("option")
            data[name] = selected.get("value", "") if selected else ""
        elif field.get("type") != "checkbox" or field.has_attr("checked"):
            data[name] = field.get("value", "")
    return data


def test_a_supplier_changes_only_the_message_of_its_quote(client, market):
    need = need_published(market)
    quote(need, market.bricks, ("Reused bricks", "2000", "0.40", "20"), ("Delivery", "1", "80.00", "20"))
    client.force_login(admin_of(market.bricks))
    url = reverse("sourcing:quote-edit", kwargs={"pk": need.pk})
    data = form_as_browser_sends_it(client.get(url).content.decode())
    data["message"] = "Delivered on reusable pallets, taken back."

    response = client.post(url, data, follow=True)

    assert "Only the buyer sees it" in response.content.decode()
    saved = need.quotes.get()
    assert saved.message == "Delivered on reusable pallets, taken back."
    assert [line.description for line in saved.lines.order_by("position")] == ["Reused bricks", "Delivery"]
    assert saved.total_excl_tax == Decimal("880.00")


def test_a_quote_with_an_error_keeps_what_the_supplier_typed(client, market):
    need = need_published(market)
    quote(need, market.bricks, ("Reused bricks", "2000", "0.40", "20"))
    client.force_login(admin_of(market.bricks))
    url = reverse("sourcing:quote-edit", kwargs={"pk": need.pk})
    data = form_as_browser_sends_it(client.get(url).content.decode())
    data.update({"message": "A new message worth keeping", "lines-0-quantity": "-5"})

    response = client.post(url, data)

    assert response.status_code == 400
    page = response.content.decode()
    assert "The quantity must be more than zero." in page
    assert "A new message worth keeping" in page and 'value="Reused bricks"' in page
    assert need.quotes.get().lines.get().quantity == Decimal("2000")
