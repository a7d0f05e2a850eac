"""Joint quotes: a lead invites suppliers of its networks, each partner prices its own
lines with its own VAT, the lead sends one quote, the buyer compares and awards it, and
each supplier receives, and invoices, its own order part."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model

from marketplace.accounts.services import operator_make
from marketplace.order.models import Order, PartStatus, Purchase
from marketplace.order.services import part_status_set
from marketplace.payments.invoices import invoice_lines, vat_mentions
from marketplace.sourcing import joint, selectors, services
from marketplace.sourcing.models import Invitation, Need, Quote, QuotePartner
from tests.factories import MembershipFactory, NetworkMembershipFactory, UserFactory, operator
from tests.order.helpers import checkout_details
from tests.sourcing.conftest import admin_of, lines, need_published, past_deadline, quote
from tests.sourcing.factories import joint_network, joint_started, lead_lines, partner_lines, partner_of, role_of

Notification = get_model("communication", "Notification")

pytestmark = pytest.mark.django_db


@pytest.fixture
def cluster(market):
    """Bricks Again (FR) leads; Saar Reuse (Germany) and Lux Upcycling share its network;
    Renovators France and Alsace Reuse are in none of its networks."""
    return joint_network(market)


@pytest.fixture
def started(market, cluster):
    """A published need and the joint quote Bricks Again started on it."""
    need = need_published(market)
    return need, joint_started(need, market.bricks)


def terms():
    today = timezone.localdate()
    return {"valid_until": today + timedelta(days=30), "delivery_date": today + timedelta(days=20)}


def joint_page(need, quote):
    return reverse("sourcing:joint-quote", kwargs={"pk": need.pk, "quote_pk": quote.pk})


# Invitations ------------------------------------------------------------------------


def test_only_verified_suppliers_sharing_a_network_with_the_lead_can_be_invited(client, market, cluster, started):
    need, joint_quote = started
    client.force_login(admin_of(market.bricks))
    page = client.get(joint_page(need, joint_quote)).content.decode()
    invite_choices = page[page.index('name="supplier"') : page.index("</select>", page.index('name="supplier"'))]
    assert "Saar Reuse" in invite_choices and "Lux Upcycling" in invite_choices
    for outsider in ("Alsace Reuse", "Renovators France", cluster.unverified.name):
        assert outsider not in invite_choices
    with pytest.raises(ValidationError, match="Alsace Reuse is in none of the networks of Bricks Again"):
        joint.joint_partner_invite(quote=joint_quote, supplier=market.alsace_reuse, by=admin_of(market.bricks))
    response = client.post(
        reverse("sourcing:joint-invite", kwargs={"pk": need.pk, "quote_pk": joint_quote.pk}),
        {"supplier": market.alsace_reuse.pk},
        follow=True,
    )
    assert "Choose a member of your networks to invite." in response.content.decode()
    assert not QuotePartner.objects.exists()


def test_the_partners_administrators_are_invited_in_their_own_language(
    client, market, cluster, started, django_capture_on_commit_callbacks
):
    need, joint_quote = started
    saar_admin = admin_of(cluster.saar)
    saar_admin.language = "de"
    saar_admin.save(update_fields=["language"])
    saar_member = UserFactory(email="member@saar-reuse.example")
    MembershipFactory(user=saar_member, organisation=cluster.saar)
    client.force_login(admin_of(market.bricks))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("sourcing:joint-invite", kwargs={"pk": need.pk, "quote_pk": joint_quote.pk}),
            {"supplier": cluster.saar.pk},
            follow=True,
        )
    assert "Saar Reuse is invited" in response.content.decode()
    [invitation] = mail.outbox  # to the administrator, not to every member
    assert invitation.to == [saar_admin.email]
    assert invitation.subject == f"Bricks Again lädt Sie zu einem gemeinsamen Angebot ein: {need.title}"
    assert joint_page(need, joint_quote) in invitation.body
    assert Notification.objects.filter(recipient=saar_admin).count() == 1


def test_a_partner_accepts_or_declines_from_its_workspace(client, market, cluster, started):
    need, joint_quote = started
    for supplier in (cluster.saar, cluster.lux):
        joint.joint_partner_invite(quote=joint_quote, supplier=supplier, by=admin_of(market.bricks))
    client.force_login(admin_of(cluster.saar))
    quotes_page = reverse("workspace:quotes", kwargs={"slug": cluster.saar.slug})
    row = client.get(quotes_page).content.decode()
    assert need.title in row and "Invited, no answer yet" in row and "We take part" in row
    answer = reverse("sourcing:joint-answer", kwargs={"pk": need.pk, "quote_pk": joint_quote.pk})
    response = client.post(answer, {"accept": "yes"}, follow=True)
    assert "You take part: price your lines" in response.content.decode()
    client.force_login(admin_of(cluster.lux))
    client.post(answer, {"accept": "no"})
    states = {p.supplier: p.status for p in joint_quote.partners.all()}
    assert states == {cluster.saar: QuotePartner.Status.ACCEPTED, cluster.lux: QuotePartner.Status.DECLINED}
    client.force_login(admin_of(market.bricks))
    lead_row = client.get(reverse("workspace:quotes", kwargs={"slug": market.bricks.slug})).content.decode()
    assert "Lead" in lead_row and "In preparation" in lead_row


# Isolation ----------------------------------------------------------------------------


def test_a_partner_sees_the_joint_quote_only(client, market, cluster, started):
    need, joint_quote = started
    rival = quote(need, market.renovators, ("Secret rival line", "1", "1234.56", "20"))
    other_need = need_published(market, title="Another secret need of Acme")
    partner = partner_of(joint_quote, cluster.saar, accept=True)
    partner_lines(partner, ("Laying", "10", "45.00", "19"))
    client.force_login(admin_of(cluster.saar))
    page = client.get(joint_page(need, joint_quote)).content.decode()
    assert need.title in page and "Laying" in page
    assert "Secret rival line" not in page and "1234.56" not in page and "Another secret need" not in page
    assert client.get(need.get_absolute_url()).status_code == 403
    assert client.get(reverse("sourcing:need-compare", kwargs={"pk": need.pk})).status_code == 403
    assert client.get(reverse("sourcing:quote-edit", kwargs={"pk": need.pk})).status_code == 403
    assert client.get(other_need.get_absolute_url()).status_code == 404
    rival_page = reverse("sourcing:joint-quote", kwargs={"pk": need.pk, "quote_pk": rival.pk})
    assert client.get(rival_page).status_code == 404
    workspace = client.get(reverse("workspace:quotes", kwargs={"slug": cluster.saar.slug})).content.decode()
    assert "Another secret need" not in workspace and "1234.56" not in workspace
    # A supplier neither lead nor partner does not learn the joint quote exists.
    client.force_login(admin_of(market.caterers))
    assert client.get(joint_page(need, joint_quote)).status_code == 404


def test_a_partner_changes_its_own_lines_only(client, market, cluster, started):
    need, joint_quote = started
    lead_lines(joint_quote, ("Cleaned bricks", "2000", "0.40", "20"))
    saar = partner_of(joint_quote, cluster.saar, accept=True)
    client.force_login(admin_of(cluster.saar))
    url = reverse("sourcing:joint-lines", kwargs={"pk": need.pk, "quote_pk": joint_quote.pk})
    form = client.get(url).content.decode()
    assert "Cleaned bricks" not in form  # the lead's lines are not in the partner's form
    data = {
        "lines-TOTAL_FORMS": "1",
        "lines-INITIAL_FORMS": "0",
        "lines-MIN_NUM_FORMS": "1",
        "lines-MAX_NUM_FORMS": "50",
        "lines-0-description": "Laying",
        "lines-0-quantity": "10",
        "lines-0-unit": "hour",
        "lines-0-unit_price": "45.00",
        "lines-0-vat_rate": "19",
        "lines-0-kind": "service",
        "ready": "on",
    }
    assert client.post(url, data).status_code == 302
    lines_by_supplier = {(line.supplier.name, line.description) for line in joint_quote.lines.all()}
    assert lines_by_supplier == {("Bricks Again", "Cleaned bricks"), ("Saar Reuse", "Laying")}
    saar.refresh_from_db()
    assert saar.lines_ready
    # A partner that has not accepted prices nothing.
    partner_of(joint_quote, cluster.lux)
    with pytest.raises(PermissionDenied):
        joint.joint_lines_save(role=role_of(joint_quote, cluster.lux), lines=lines(("Sneaky", "1", "1", "20")))
    assert not joint_quote.lines.filter(supplier=cluster.lux).exists()


# Totals and VAT -----------------------------------------------------------------------


def submitted_joint_quote(market, cluster, need, joint_quote):
    """Bricks Again (FR): 2,000 bricks at 0.40 (20 % French VAT). Saar Reuse (DE):
    10 hours of laying at 45.00 for a French business with a VAT ID: reverse charge, no
    German VAT. Lux Upcycling invited but silent: left out."""
    lead_lines(joint_quote, ("Reused bricks", "2000", "0.40", "20"))
    partner_lines(partner_of(joint_quote, cluster.saar, accept=True), ("Laying", "10", "45.00", "19"), ready=True)
    partner_of(joint_quote, cluster.lux)
    return joint.joint_quote_submit(quote=joint_quote, by=admin_of(market.bricks), **terms())


def test_each_suppliers_share_has_its_own_vat_across_borders(client, market, cluster, started):
    need, joint_quote = started
    submitted = submitted_joint_quote(market, cluster, need, joint_quote)
    # Bricks Again: 800.00 net + 160.00 VAT = 960.00. Saar Reuse: 450.00 net, reverse charged = 450.00.
    assert (submitted.total_excl_tax, submitted.total_tax, submitted.total_incl_tax) == (
        Decimal("1250.00"),
        Decimal("160.00"),
        Decimal("1410.00"),
    )
    shares = {share.supplier.name: (share.net, share.vat, share.gross) for share in selectors.quote_shares(submitted)}
    assert shares == {
        "Bricks Again": (Decimal("800.00"), Decimal("160.00"), Decimal("960.00")),
        "Saar Reuse": (Decimal("450.00"), Decimal("0.00"), Decimal("450.00")),
    }
    laying = submitted.lines.get(supplier=cluster.saar)
    assert (laying.vat_rate, laying.vat_treatment) == (Decimal("0"), "reverse_charge")

    # The buyer sees one quote, each supplier's share and its subtotal, beside the others.
    quote(need, market.renovators, ("Bricks and laying", "1", "1500.00", "20"))
    past_deadline(need)
    client.force_login(market.officer)
    with_queries = client.get(reverse("sourcing:need-compare", kwargs={"pk": need.pk}))
    page = with_queries.content.decode()
    assert page.count('class="quote-column"') == 2
    assert page.index("Bricks Again") < page.index("Renovators France")  # 1,250.00 before 1,500.00
    assert "Joint quote with" in page and "Saar Reuse" in page
    for figure in ("Subtotal: €800.00 net, €960.00 gross", "Subtotal: €450.00 net, €450.00 gross", "€1,410.00"):
        assert figure in page
    award_page = client.get(reverse("sourcing:need-award", kwargs={"pk": need.pk, "quote_pk": submitted.pk}))
    award = award_page.content.decode()
    assert "Saar Reuse: net" in award and "Reverse charge" in award


def test_the_lead_sends_once_every_partner_taking_part_is_ready_and_silent_ones_are_left_out(
    client, market, cluster, started, django_capture_on_commit_callbacks
):
    need, joint_quote = started
    lead_lines(joint_quote, ("Bricks", "100", "1.00", "20"))
    saar = partner_of(joint_quote, cluster.saar, accept=True)
    partner_lines(saar, ("Laying", "1", "100.00", "19"))  # not ready yet
    silent = partner_of(joint_quote, cluster.lux)
    with pytest.raises(ValidationError, match="Waiting for Saar Reuse"):
        joint.joint_quote_submit(quote=joint_quote, by=admin_of(market.bricks), **terms())
    assert Quote.objects.get(pk=joint_quote.pk).status == Quote.Status.PREPARING
    client.force_login(market.officer)
    assert "Bricks" not in client.get(reverse("sourcing:need-compare", kwargs={"pk": need.pk})).content.decode()

    partner_lines(saar, ("Laying", "1", "100.00", "19"), ready=True)
    client.force_login(admin_of(market.bricks))
    mail.outbox.clear()
    data = {name: value.isoformat() for name, value in terms().items()}
    with django_capture_on_commit_callbacks(execute=True):
        client.post(joint_page(need, joint_quote), {**data, "message": "Together"})
        client.post(joint_page(need, joint_quote), {**data, "message": "Together"})  # a double submit
    joint_quote.refresh_from_db()
    silent.refresh_from_db()
    assert joint_quote.status == Quote.Status.SUBMITTED and joint_quote.message == "Together"
    assert silent.status == QuotePartner.Status.LEFT_OUT
    page = client.get(joint_page(need, joint_quote)).content.decode()
    assert "Left out: no answer before the quote was sent" in page and "left out of the quote" in page
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == sorted([market.officer.email, admin_of(cluster.saar).email])  # each once
    assert need.invitations.get(supplier=market.bricks).status == Invitation.Status.QUOTED
    # The silent partner can no longer join; the lines are no longer changed.
    with pytest.raises(ValidationError, match="sent this joint quote"):
        joint.joint_partner_respond(partner=silent, accept=True)
    with pytest.raises(ValidationError, match="sent this joint quote"):
        partner_lines(saar, ("Laying", "1", "1.00", "19"), ready=True)


def test_withdrawing_takes_the_joint_quote_back_into_preparation(client, market, cluster, started):
    need, joint_quote = started
    submitted = submitted_joint_quote(market, cluster, need, joint_quote)
    client.force_login(admin_of(market.bricks))
    response = client.post(reverse("sourcing:quote-withdraw", kwargs={"pk": need.pk}), follow=True)
    assert "it is back in preparation" in response.content.decode()
    submitted.refresh_from_db()
    assert submitted.status == Quote.Status.PREPARING
    saar = submitted.partners.get(supplier=cluster.saar)
    partner_lines(saar, ("Laying", "12", "45.00", "19"), ready=True)
    resent = joint.joint_quote_submit(quote=submitted, by=admin_of(market.bricks), **terms())
    assert resent.total_excl_tax == Decimal("1340.00")  # 800.00 + 12 × 45.00


def test_a_supplier_answers_a_need_once_alone_or_jointly(client, market, cluster, started):
    need, joint_quote = started
    NetworkMembershipFactory(network=cluster.network, supplier=market.renovators)
    alone = quote(need, market.renovators, ("Alone", "1", "10.00", "20"))
    with pytest.raises(ValidationError, match="withdraw your quote first"):
        partner_of(joint_quote, market.renovators, accept=True)
    with pytest.raises(ValidationError, match="withdraw it first"):
        joint_started(need, market.renovators)
    services.quote_withdraw(quote=alone)
    partner_of(joint_quote, market.renovators, accept=True)
    with pytest.raises(ValidationError, match="You take part in the joint quote of Bricks Again"):
        quote(need, market.renovators, ("Alone again", "1", "10.00", "20"))
    with pytest.raises(ValidationError, match="You lead a joint quote on this need"):
        quote(need, market.bricks, ("Alone as well", "1", "10.00", "20"))
    # The lead's own quote page leads to the joint quote.
    client.force_login(admin_of(market.bricks))
    response = client.get(reverse("sourcing:quote-edit", kwargs={"pk": need.pk}))
    assert response["Location"] == joint_page(need, joint_quote)


# Award --------------------------------------------------------------------------------


def award_form():
    details = vars(checkout_details())
    data = {name: value for name, value in details.items() if name != "supplier_notes"}
    data["wished_date"] = ""
    return data


def test_the_award_places_one_order_part_per_supplier_once_and_tells_each(
    client, market, cluster, started, django_capture_on_commit_callbacks
):
    need, joint_quote = started
    submitted = submitted_joint_quote(market, cluster, need, joint_quote)
    loser = quote(need, market.renovators, ("Bricks and laying", "1", "1500.00", "20"))
    past_deadline(need)
    client.force_login(market.officer)
    url = reverse("sourcing:need-award", kwargs={"pk": need.pk, "quote_pk": submitted.pk})
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, award_form(), follow=True)
        client.post(url, award_form())  # a double submit
    assert "Awarded to the joint quote of Bricks Again" in response.content.decode()
    purchase = Purchase.objects.get(buyer=market.buyer)
    parts = {part.supplier: part for part in purchase.parts.all()}
    assert set(parts) == {market.bricks, cluster.saar}
    assert (parts[market.bricks].total_excl_tax, parts[market.bricks].total_incl_tax) == (
        Decimal("800.00"),
        Decimal("960.00"),
    )
    assert (parts[cluster.saar].total_excl_tax, parts[cluster.saar].total_incl_tax) == (
        Decimal("450.00"),
        Decimal("450.00"),
    )
    assert (purchase.total_excl_tax, purchase.total_incl_tax) == (Decimal("1250.00"), Decimal("1410.00"))
    assert Order.objects.count() == 2
    again = services.need_award(need=need, quote=submitted, by=market.officer, details=checkout_details())
    assert again.purchase == purchase and Order.objects.count() == 2

    subjects = {}
    for message in mail.outbox:
        subjects.setdefault(message.to[0], []).append(message.subject)
    assert any("chose your quote" in s for s in subjects[admin_of(market.bricks).email])
    assert any("chose your quote" in s for s in subjects[admin_of(cluster.saar).email])
    assert any("About your quote" in s for s in subjects[admin_of(market.renovators).email])
    assert admin_of(cluster.lux).email not in subjects  # left out: not part of the award
    to_saar = next(m for m in mail.outbox if m.to == [admin_of(cluster.saar).email] and "chose" in m.subject)
    assert parts[cluster.saar].number in to_saar.body and "led by Bricks Again" in to_saar.body
    assert Notification.objects.filter(recipient=admin_of(cluster.saar), subject__contains="chose").exists()
    loser.refresh_from_db()
    assert loser.status == Quote.Status.NOT_SELECTED

    # Each supplier finds its own part in its workspace, and the joint quote as awarded.
    client.force_login(admin_of(cluster.saar))
    orders = client.get(reverse("workspace:part-list", kwargs={"slug": cluster.saar.slug})).content.decode()
    assert parts[cluster.saar].number in orders and parts[market.bricks].number not in orders
    assert "your order part, for your own lines" in client.get(joint_page(need, submitted)).content.decode()


def test_each_part_is_invoiced_by_its_own_supplier_with_its_own_vat(market, cluster, started):
    need, joint_quote = started
    submitted = submitted_joint_quote(market, cluster, need, joint_quote)
    award = services.need_award(
        need=past_deadline(need), quote=submitted, by=market.officer, details=checkout_details()
    )
    invoices = {}
    for part in award.purchase.parts.all():
        invoices[part.supplier] = part_status_set(part=part, status=PartStatus.ACCEPTED).invoice_or_none
    bricks, saar = invoices[market.bricks], invoices[cluster.saar]
    assert (bricks.supplier, saar.supplier) == (market.bricks, cluster.saar)
    assert (bricks.total_excl_tax, bricks.total_tax, bricks.total_incl_tax) == (
        Decimal("800.00"),
        Decimal("160.00"),
        Decimal("960.00"),
    )
    assert (saar.total_excl_tax, saar.total_tax, saar.total_incl_tax) == (
        Decimal("450.00"),
        Decimal("0.00"),
        Decimal("450.00"),
    )
    assert vat_mentions(invoice_lines(bricks)) == []
    assert "Article 196" in " ".join(vat_mentions(invoice_lines(saar)))


def test_a_joint_quote_still_being_prepared_is_not_awarded(market, cluster, started):
    need, joint_quote = started
    lead_lines(joint_quote, ("Bricks", "1", "1.00", "20"))
    past_deadline(need)
    with pytest.raises(ValidationError):
        services.need_award(need=need, quote=joint_quote, by=market.officer, details=checkout_details())
    assert not Order.objects.exists() and Need.objects.get(pk=need.pk).status != Need.Status.AWARDED


# Operators ----------------------------------------------------------------------------


def test_operators_read_joint_quotes_in_the_admin_without_changing_them(client, market, cluster, started):
    need, joint_quote = started
    submitted_joint_quote(market, cluster, need, joint_quote)
    staff = operator()
    operator_make(user=staff)
    client.force_login(staff)
    listing = client.get(reverse("admin:sourcing_jointquote_changelist")).content.decode()
    assert need.title in listing and "Bricks Again" in listing
    page = client.get(reverse("admin:sourcing_jointquote_change", args=[joint_quote.pk])).content.decode()
    assert "Saar Reuse" in page and "Left out: no answer before the quote was sent" in page
    assert 'name="_save"' not in page
    assert client.post(reverse("admin:sourcing_jointquote_delete", args=[joint_quote.pk])).status_code == 403
