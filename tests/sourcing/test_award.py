"""Awarding a quote places exactly one order part for the winner, paid by invoice, in
the ordering flow (even on a double submit); the others are told politely."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from marketplace.order.models import Order, PartStatus, Purchase
from marketplace.order.services import part_status_set
from marketplace.sourcing import services
from marketplace.sourcing.models import Need, Quote
from tests.order.helpers import checkout_details
from tests.sourcing.conftest import admin_of, need_published, past_deadline, quote


@pytest.fixture
def quoted(market):
    need = need_published(market)
    winner = quote(need, market.bricks, ("Reused bricks", "2000", "0.40", "20"), ("Laying", "12.5", "30.00", "20"))
    loser = quote(need, market.renovators, ("Bricks and laying", "1", "1500.00", "20"))
    return past_deadline(need), winner, loser


def award_form(**overrides):
    details = vars(checkout_details())
    data = {name: value for name, value in details.items() if name != "supplier_notes"}
    data["wished_date"] = ""
    data.update(overrides)
    return data


def test_the_award_becomes_one_order_part_paid_by_invoice(client, market, quoted, django_capture_on_commit_callbacks):
    need, winner, loser = quoted
    client.force_login(market.officer)
    url = reverse("sourcing:need-award", kwargs={"pk": need.pk, "quote_pk": winner.pk})
    assert "Award to Bricks Again" in client.get(url).content.decode()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, award_form(), follow=True)
    purchase = Purchase.objects.get(buyer=market.buyer)
    part = purchase.parts.get()
    assert part.supplier == market.bricks and part.status == PartStatus.PLACED
    assert purchase.payment_method == Purchase.PaymentMethod.INVOICE
    # 800.00 + 12.5 m × 30.00 = 375.00, 20 % VAT on each: the quote's totals to the cent.
    assert (part.total_excl_tax, part.total_incl_tax) == (Decimal("1175.00"), Decimal("1410.00"))
    assert [(line.title, line.quantity) for line in part.lines.order_by("pk")] == [
        ("Reused bricks", 2000),
        ("Laying (12.5 piece)", 1),
    ]
    assert "Awarded to Bricks Again" in response.content.decode()
    need.refresh_from_db(), winner.refresh_from_db(), loser.refresh_from_db()
    assert need.status == Need.Status.AWARDED
    assert (winner.status, loser.status) == (Quote.Status.AWARDED, Quote.Status.NOT_SELECTED)
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert "chose your quote" in subjects["admin@bricks-again.example"]
    assert "About your quote" in subjects["admin@renovators-france.example"]
    polite = next(m for m in mail.outbox if m.to == ["admin@renovators-france.example"])
    assert "Thank you for your quote" in polite.body and "1410" not in polite.body


def test_a_double_submit_places_one_part(client, market, quoted):
    need, winner, _loser = quoted
    client.force_login(market.officer)
    url = reverse("sourcing:need-award", kwargs={"pk": need.pk, "quote_pk": winner.pk})
    client.post(url, award_form())
    client.post(url, award_form())
    assert Order.objects.filter(supplier=market.bricks).count() == 1
    award = services.need_award(need=need, quote=winner, by=market.officer, details=checkout_details())
    assert Purchase.objects.count() == 1 and award.purchase == Purchase.objects.get()


def test_another_quote_cannot_be_awarded_afterwards(market, quoted):
    need, winner, loser = quoted
    services.need_award(need=need, quote=winner, by=market.officer, details=checkout_details())
    with pytest.raises(ValidationError, match="already awarded to Bricks Again"):
        services.need_award(need=need, quote=loser, by=market.officer, details=checkout_details())
    assert Order.objects.count() == 1


def test_a_need_still_taking_quotes_is_not_awarded(market):
    need = need_published(market)
    offer = quote(need, market.bricks, ("Bricks", "1", "10.00", "20"))
    with pytest.raises(ValidationError, match="closed to quotes"):
        services.need_award(need=need, quote=offer, by=market.officer, details=checkout_details())
    assert not Order.objects.exists()


def test_the_winner_sees_the_part_in_its_workspace_and_invoices_it(client, market, quoted):
    need, winner, _loser = quoted
    award = services.need_award(need=need, quote=winner, by=market.officer, details=checkout_details())
    part = award.purchase.parts.get()
    client.force_login(admin_of(market.bricks))
    orders = client.get(reverse("workspace:part-list", kwargs={"slug": market.bricks.slug})).content.decode()
    assert part.number in orders
    detail = reverse("workspace:part-detail", kwargs={"slug": market.bricks.slug, "number": part.number})
    assert "Reused bricks" in client.get(detail).content.decode()
    invoice = part_status_set(part=part, status=PartStatus.ACCEPTED).invoice_or_none
    assert invoice.total_incl_tax == Decimal("1410.00")
    client.force_login(admin_of(market.renovators))
    renovators_orders = reverse("workspace:part-list", kwargs={"slug": market.renovators.slug})
    assert part.number not in client.get(renovators_orders).content.decode()


def test_a_quote_to_a_buyer_abroad_follows_the_vat_rules_through_the_award_to_the_invoice(client, market):
    from marketplace.payments.invoices import invoice_lines, vat_mentions
    from marketplace.sourcing.services import QuoteLineData

    buyer = market.buyer
    buyer.country = buyer.billing_country = "LU"
    buyer.vat_id = "LU20123405"
    buyer.save()
    need = need_published(market)
    client.force_login(admin_of(market.bricks))
    page = client.get(reverse("sourcing:quote-edit", kwargs={"pk": need.pk})).content.decode()
    assert "is in another country: the VAT rate you type applies only where VAT is charged" in page
    invitation = need.invitations.get(supplier=market.bricks)
    submitted = services.quote_submit(
        invitation=invitation,
        by=admin_of(market.bricks),
        lines=[
            QuoteLineData("Reused bricks", Decimal("2000"), "piece", Decimal("0.40"), Decimal("20"), kind="goods"),
            QuoteLineData("Laying", Decimal("10"), "hour", Decimal("30.00"), Decimal("20"), kind="service"),
        ],
        valid_until=need.deadline.date() + timedelta(days=30),
        delivery_date=need.deadline.date() + timedelta(days=20),
    )
    # A French supplier bills a Luxembourg business with a VAT ID: no French VAT on either line.
    assert [(line.vat_rate, line.vat_treatment) for line in submitted.lines.all()] == [
        (Decimal("0"), "intra_community_supply"),
        (Decimal("0"), "reverse_charge"),
    ]
    assert (submitted.total_excl_tax, submitted.total_incl_tax) == (Decimal("1100.00"), Decimal("1100.00"))
    award = services.need_award(
        need=past_deadline(need), quote=submitted, by=market.officer, details=checkout_details(billing_country="LU")
    )
    part = award.purchase.parts.get()
    invoice = part_status_set(part=part, status=PartStatus.ACCEPTED).invoice_or_none
    assert invoice.total_tax == 0
    mentions = " ".join(vat_mentions(invoice_lines(invoice)))
    assert "Article 138" in mentions and "Article 196" in mentions
