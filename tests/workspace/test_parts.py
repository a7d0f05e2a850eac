"""A supplier's member moves its order part along the flow from the workspace: every step
goes through part_status_set, a refused step is a message on the part's page (never a 500)."""

import pytest
from django.core import mail
from django.urls import reverse
from oscar.core.loading import get_model

from marketplace.order.models import REASON_NOTE, PartStatus

pytestmark = pytest.mark.django_db
OrderNote = get_model("order", "OrderNote")


def step(client, part, status, **data):
    path = reverse("workspace:part-step", kwargs={"slug": part.supplier.slug, "number": part.number})
    return client.post(path, {"status": status, **data}, follow=True)


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def test_confirm_dispatch_deliver_complete(client, crates_member, crates_part):
    client.force_login(crates_member)
    response = step(client, crates_part, PartStatus.ACCEPTED)
    crates_part.refresh_from_db()
    assert crates_part.status == PartStatus.ACCEPTED
    assert crates_part.invoice_or_none is not None  # confirming issues the invoice
    assert f"Order part {crates_part.number} is now “Confirmed”." in messages_of(response)
    assert response.redirect_chain[-1][0].endswith(f"/orders/{crates_part.number}/")
    for status in (PartStatus.SHIPPED, PartStatus.DELIVERED, PartStatus.COMPLETED):
        step(client, crates_part, status)
        crates_part.refresh_from_db()
        assert crates_part.status == status


def test_declining_needs_a_reason(client, crates_member, crates_part):
    client.force_login(crates_member)
    response = step(client, crates_part, PartStatus.REJECTED, reason="  ")
    assert response.status_code == 200
    assert "Say why you decline this order part." in messages_of(response)
    crates_part.refresh_from_db()
    assert crates_part.status == PartStatus.PLACED


def test_declining_keeps_the_reason_on_the_part(client, crates_member, crates_part):
    client.force_login(crates_member)
    response = step(client, crates_part, PartStatus.REJECTED, reason="No apples left this season")
    crates_part.refresh_from_db()
    assert crates_part.status == PartStatus.REJECTED
    note = OrderNote.objects.get(order=crates_part)
    assert (note.user, note.message, note.note_type) == (crates_member, "No apples left this season", REASON_NOTE)
    # The part's history shows it, with no further step
    assert "No apples left this season" in response.content.decode()
    assert response.context["steps"] == []


def test_a_step_the_flow_refuses_is_a_message_not_an_error(client, crates_member, crates_part):
    client.force_login(crates_member)
    response = step(client, crates_part, PartStatus.COMPLETED)
    assert response.status_code == 200
    assert "A part that is “Placed” cannot become “Completed”." in messages_of(response)
    crates_part.refresh_from_db()
    assert crates_part.status == PartStatus.PLACED


def test_a_step_outside_the_suppliers_steps_is_refused(client, crates_member, crates_part):
    client.force_login(crates_member)
    response = step(client, crates_part, PartStatus.AWAITING_PAYMENT)
    assert response.status_code == 200
    assert "This step is not one you can take on an order part." in messages_of(response)
    crates_part.refresh_from_db()
    assert crates_part.status == PartStatus.PLACED


def test_a_step_on_a_part_awaiting_card_payment_is_refused(client, crates_member, crates_part):
    type(crates_part).objects.filter(pk=crates_part.pk).update(status=PartStatus.AWAITING_PAYMENT)
    client.force_login(crates_member)
    response = step(client, crates_part, PartStatus.ACCEPTED)
    assert response.status_code == 200
    assert any("cannot become" in message for message in messages_of(response))
    crates_part.refresh_from_db()
    assert crates_part.status == PartStatus.AWAITING_PAYMENT


def test_a_member_cannot_step_another_suppliers_part(client, crates_member, crates, yard_part):
    client.force_login(crates_member)
    # Under their own workspace's address, the other supplier's part number is unknown…
    path = reverse("workspace:part-step", kwargs={"slug": crates.slug, "number": yard_part.number})
    assert client.post(path, {"status": PartStatus.ACCEPTED}).status_code == 404
    # …and the other supplier's workspace is not theirs.
    assert step(client, yard_part, PartStatus.ACCEPTED).status_code == 404
    yard_part.refresh_from_db()
    assert yard_part.status == PartStatus.PLACED


def part_page(client, part):
    return client.get(reverse("workspace:part-detail", kwargs={"slug": part.supplier.slug, "number": part.number}))


def test_a_new_part_is_declined_not_cancelled(client, crates_member, crates_part):
    client.force_login(crates_member)
    page = part_page(client, crates_part).content.decode()
    assert "Reason for declining" in page and "Cancel the order part" not in page

    response = step(client, crates_part, PartStatus.CANCELLED, reason="Changed our mind")

    assert "Only a confirmed order part can be cancelled here; decline a new one instead." in messages_of(response)
    crates_part.refresh_from_db()
    assert crates_part.status == PartStatus.PLACED


def test_a_confirmed_part_is_cancelled_with_a_reason_the_buyer_hears(
    client, crates_member, crates_invoice, buyer_admin, django_capture_on_commit_callbacks
):
    part = crates_invoice.order
    client.force_login(crates_member)
    page = part_page(client, part).content.decode()
    # The form says what cancelling does, asks why, and its button says what it does.
    assert "Reason for cancelling" in page and "Cancel the order part" in page
    assert (
        f"Invoice {crates_invoice.number} is cancelled by a credit note, which the buyer receives." in page
        and "cannot be undone" in page
    )
    assert 'class="btn btn-danger" aria-describedby="close-consequences"' in page
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = step(client, part, PartStatus.CANCELLED, reason="Our van broke down until March")

    assert f"Order part {part.number} is now “Cancelled”." in messages_of(response)
    part.refresh_from_db()
    crates_invoice.refresh_from_db()
    assert part.status == PartStatus.CANCELLED and crates_invoice.status == crates_invoice.Status.VOID
    note = OrderNote.objects.get(order=part)
    assert (note.user, note.message, note.note_type) == (crates_member, "Our van broke down until March", REASON_NOTE)
    page = response.content.decode()
    assert "Confirmed → Cancelled" in page and "Our van broke down until March" in page
    assert response.context["steps"] == []
    (message,) = [message for message in mail.outbox if message.to == [buyer_admin.email]]
    assert "from “Confirmed” to “Cancelled”" in message.body
    assert "Reason given by Green Crates: Our van broke down until March" in message.body


def test_cancelling_needs_a_reason(client, crates_member, crates_invoice):
    part = crates_invoice.order
    client.force_login(crates_member)
    response = step(client, part, PartStatus.CANCELLED, reason=" ")
    assert "Say why you cancel this order part." in messages_of(response)
    part.refresh_from_db()
    assert part.status == PartStatus.ACCEPTED
    assert not OrderNote.objects.filter(order=part).exists()


def test_a_dispatched_part_can_no_longer_be_cancelled(client, crates_member, crates_invoice):
    part = crates_invoice.order
    client.force_login(crates_member)
    step(client, part, PartStatus.SHIPPED)
    assert "Cancel the order part" not in part_page(client, part).content.decode()
    response = step(client, part, PartStatus.CANCELLED, reason="Too late")
    assert "Only a confirmed order part can be cancelled here; decline a new one instead." in messages_of(response)
    part.refresh_from_db()
    assert part.status == PartStatus.SHIPPED
