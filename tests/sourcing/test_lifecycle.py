"""A need's life: draft → published → closed → awarded, or cancelled; the deadline
closes it by a background task; publishing notifies the matching suppliers in batches."""

from io import StringIO
from types import SimpleNamespace

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from oscar.core.loading import get_model

from marketplace.sourcing import services, tasks
from marketplace.sourcing.models import Invitation, Need
from tests.factories import SupplierFactory
from tests.sourcing.conftest import admin_of, need_draft, need_published, past_deadline, quote

Notification = get_model("communication", "Notification")


def test_a_draft_reaches_nobody_until_published(market):
    need = need_draft(market)
    assert need.status == Need.Status.DRAFT
    assert not need.invitations.exists() and not mail.outbox


def test_publishing_notifies_each_matching_supplier_by_email_and_in_the_account(
    market, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        need = need_published(market)
    assert need.status == Need.Status.PUBLISHED
    assert sorted(mail.outbox[i].to[0] for i in range(len(mail.outbox))) == [
        "admin@bricks-again.example",
        "admin@renovators-france.example",
    ]
    assert "Reused bricks for a canteen wall" in mail.outbox[0].subject
    assert reverse("sourcing:need-detail", kwargs={"pk": need.pk}) in mail.outbox[0].body
    assert set(need.invitations.values_list("status", flat=True)) == {Invitation.Status.NOTIFIED}
    assert Notification.objects.filter(recipient=admin_of(market.bricks)).exists()


def test_hundreds_of_matches_are_sent_in_batches(market, monkeypatch, django_capture_on_commit_callbacks):
    for n in range(5):
        SupplierFactory(name=f"Extra reuser {n}", sectors=[market.reuse], served_countries=["FR"], served_regions=[])
    monkeypatch.setattr(services, "INVITATION_BATCH_SIZE", 3)
    batches, task = [], tasks.invitations_send
    # Records each batch on its way to the real task.
    monkeypatch.setattr(
        tasks, "invitations_send", SimpleNamespace(enqueue=lambda *a: batches.append(a[1]) or task.enqueue(*a))
    )
    with django_capture_on_commit_callbacks(execute=True):
        need = need_published(market)
    assert [len(batch) for batch in batches] == [3, 3, 1]
    assert need.invitations.filter(status=Invitation.Status.NOTIFIED).count() == 7
    # A batch run again (a retried task) mails nobody twice.
    sent = len(mail.outbox)
    assert services.invitations_send(need_id=need.pk, supplier_ids=batches[0]) == 0
    assert len(mail.outbox) == sent


def test_the_deadline_closes_the_need_by_the_background_task(market, django_capture_on_commit_callbacks):
    need = need_published(market)
    later = need_published(market, title="Later need")
    past_deadline(need)
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.needs_close_due.enqueue().return_value == 1
    need.refresh_from_db(), later.refresh_from_db()
    assert need.status == Need.Status.CLOSED and need.closed_at
    assert later.status == Need.Status.PUBLISHED
    assert any("closed to quotes" in message.subject for message in mail.outbox)
    out = StringIO()
    call_command("needs_close_due", stdout=out)  # nothing left to close
    assert out.getvalue().strip() == "0 need(s) closed."


def test_a_published_need_past_its_deadline_takes_no_quote_even_before_the_task(market):
    need = past_deadline(need_published(market))
    with pytest.raises(ValidationError, match="deadline"):
        quote(need, market.bricks, ("Bricks", "10", "1.00", "17"))


def test_a_published_need_cannot_be_changed(market):
    need = need_published(market)
    need.title = "Changed after publishing"
    with pytest.raises(ValidationError, match="Only a draft"):
        services.need_update(need=need, sectors=[market.reuse])


def test_publishing_twice_sends_nothing_more(market, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        need = need_published(market)
    sent = len(mail.outbox)
    with django_capture_on_commit_callbacks(execute=True):
        services.need_publish(need=need, by=market.officer)
    assert sent == 2 and len(mail.outbox) == sent


def test_a_need_nobody_can_serve_is_not_published(market):
    need = need_draft(market, country="FR", region=market.alsace, sectors=[market.food])
    with pytest.raises(ValidationError, match="No verified supplier"):
        services.need_publish(need=need, by=market.officer)
    need.refresh_from_db()
    assert need.status == Need.Status.DRAFT


def test_cancelling_tells_invited_suppliers_politely(market, django_capture_on_commit_callbacks):
    need = need_published(market)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.need_cancel(need=need, by=market.officer, reason="Budget frozen")
    need.refresh_from_db()
    assert need.status == Need.Status.CANCELLED
    assert len(mail.outbox) == 2 and all("Thank you" in m.body for m in mail.outbox)
    with pytest.raises(ValidationError, match="already cancelled"):
        services.need_cancel(need=need, by=market.officer)


def test_an_operator_withdraws_a_need_with_a_reason_the_buyer_receives(
    client, market, staff_user, django_capture_on_commit_callbacks
):
    need = need_published(market)
    client.force_login(staff_user)
    url = reverse("sourcing:need-cancel", kwargs={"pk": need.pk})
    client.post(url, {"reason": ""})
    need.refresh_from_db()
    assert need.status == Need.Status.PUBLISHED  # no reason, no withdrawal
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"reason": "Advertising, not a need"})
    need.refresh_from_db()
    assert need.status == Need.Status.CANCELLED
    to_buyer = [m for m in mail.outbox if m.to == [market.officer.email]]
    assert to_buyer and "Advertising, not a need" in to_buyer[0].body
    assert "Moderate needs" in client.get(reverse("sourcing:moderation")).content.decode()


def test_the_buyer_publishes_and_closes_from_the_page(client, market):
    need = need_draft(market)
    client.force_login(market.officer)
    response = client.post(reverse("sourcing:need-publish", kwargs={"pk": need.pk}), follow=True)
    assert "being sent to 2 verified suppliers" in response.content.decode()
    response = client.post(reverse("sourcing:need-close", kwargs={"pk": need.pk}), follow=True)
    assert "closed to quotes" in response.content.decode()
    need.refresh_from_db()
    assert need.status == Need.Status.CLOSED


def test_the_buyer_sees_per_supplier_notified_viewed_declined_and_quoted(client, market):
    need = need_published(market)
    bricks, renovators = admin_of(market.bricks), admin_of(market.renovators)
    client.force_login(renovators)
    client.get(need.get_absolute_url())
    client.post(
        reverse("sourcing:invitation-respond", kwargs={"pk": need.pk}),
        {"interested": "no", "reason": "Fully booked until spring"},
    )
    client.force_login(bricks)
    client.get(need.get_absolute_url())
    quote(need, market.bricks, ("Reused bricks", "2000", "0.40", "20"))
    client.force_login(market.officer)
    page = client.get(need.get_absolute_url()).content.decode()
    assert "Fully booked until spring" in page
    statuses = dict(need.invitations.values_list("supplier__name", "status"))
    assert statuses == {"Bricks Again": "quoted", "Renovators France": "declined"}
    assert page.count("invitation-status") == 2 and "Quoted" in page and "Declined" in page


def test_declining_needs_a_reason(client, market):
    need = need_published(market)
    client.force_login(admin_of(market.bricks))
    response = client.post(
        reverse("sourcing:invitation-respond", kwargs={"pk": need.pk}), {"interested": "no"}, follow=True
    )
    assert "why you decline" in response.content.decode()
    assert need.invitations.get(supplier=market.bricks).status == Invitation.Status.VIEWED
