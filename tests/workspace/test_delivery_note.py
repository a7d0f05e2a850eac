"""The delivery note of a confirmed order part: the supplier prints it from its part's page
for the parcel, the buyer downloads it from its purchase; what was ordered and where it
goes, no prices, a box for the recipient's signature. Nobody else gets it, and a part
not yet confirmed has none."""

import io

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from marketplace.order.models import PartStatus
from marketplace.order.services import part_status_set
from tests.order.fixtures import accept

pytestmark = pytest.mark.django_db


def note_url(part):
    return reverse("workspace:part-delivery-note", kwargs={"slug": part.supplier.slug, "number": part.number})


def buyer_note_url(part):
    return reverse("purchases:delivery-note", kwargs={"number": part.purchase.number, "part_number": part.number})


def part_url(part):
    return reverse("workspace:part-detail", kwargs={"slug": part.supplier.slug, "number": part.number})


def pdf_text(response) -> str:
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "private, no-store"
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)


@pytest.fixture
def confirmed(shared_purchase, crates):
    return accept(shared_purchase, crates).order


def test_the_supplier_prints_the_delivery_note_of_a_confirmed_part(client, crates_member, confirmed):
    client.force_login(crates_member)
    page = client.get(part_url(confirmed)).content.decode()
    assert note_url(confirmed) in page and f"Delivery note {confirmed.number} (PDF)" in page

    response = client.get(note_url(confirmed))

    assert response["Content-Disposition"] == f'attachment; filename="delivery-note-{confirmed.number}.pdf"'
    text = pdf_text(response)
    for expected in (
        f"Delivery note {confirmed.number}",
        "Green Crates",
        "4 rue des Jardins",
        "57000 Metz",  # the supplier's address
        "Acme Procurement",  # the buyer
        "Acme warehouse",
        "2 rue du Port",
        "2222 Esch-sur-Alzette",  # where it goes
        confirmed.purchase.number,
        "PO-2026-17",  # the buyer's own reference
        timezone.localdate().strftime("%d/%m/%Y"),  # dated as the site writes dates
        "15/12/2026",  # the wished date
        "Organic apples",
        "Crate hire",
        "box",  # the unit of sale of the apples
        "Received by (name)",
        "Signature",
        "Date of receipt",
    ):
        assert expected in text, expected
    for line in confirmed.lines.all():
        assert line.partner_sku in text
        assert f"{line.title}\n{line.partner_sku}\n{line.quantity}\n" in text  # a row: title, SKU, quantity
    # No prices on a delivery note, and nothing of the other supplier's part.
    for absent in ("€", "10.00", "39.10", "VAT", "Reused bricks", "Reuse Yard"):
        assert absent not in text, absent


def test_a_part_not_yet_confirmed_has_no_delivery_note(client, crates_member, buyer_admin, crates_part):
    client.force_login(crates_member)
    assert "delivery-note" not in client.get(part_url(crates_part)).content.decode()
    assert client.get(note_url(crates_part)).status_code == 404
    client.force_login(buyer_admin)
    assert "delivery-note" not in client.get(crates_part.purchase.get_absolute_url()).content.decode()
    assert client.get(buyer_note_url(crates_part)).status_code == 404


def test_a_declined_part_has_none_and_a_dispatched_one_keeps_it(client, crates_member, crates_part, yard, yard_part):
    part_status_set(part=crates_part, status=PartStatus.REJECTED, reason="No apples left")
    client.force_login(crates_member)
    assert client.get(note_url(crates_part)).status_code == 404
    yard_member = yard.memberships.first().user
    accept(yard_part.purchase, yard)
    part_status_set(part=yard_part, status=PartStatus.SHIPPED)
    client.force_login(yard_member)
    assert "Reused bricks" in pdf_text(client.get(note_url(yard_part)))


def test_a_member_of_another_supplier_gets_none(client, crates_member, crates, shared_purchase, yard):
    yard_part = accept(shared_purchase, yard).order
    client.force_login(crates_member)
    # The other supplier's workspace is not theirs…
    assert client.get(note_url(yard_part)).status_code == 404
    # …their own workspace knows no part with that number…
    own = reverse("workspace:part-delivery-note", kwargs={"slug": crates.slug, "number": yard_part.number})
    assert client.get(own).status_code == 404
    # …and the buyer's purchase is not theirs either.
    assert client.get(buyer_note_url(yard_part)).status_code == 404


def test_the_buyers_members_download_it_from_their_purchase(client, buyer_member, other_buyer_member, confirmed):
    client.force_login(buyer_member)
    page = client.get(confirmed.purchase.get_absolute_url()).content.decode()
    assert buyer_note_url(confirmed) in page

    text = pdf_text(client.get(buyer_note_url(confirmed)))
    assert "Organic apples" in text and "Reused bricks" not in text

    client.force_login(other_buyer_member)
    assert client.get(buyer_note_url(confirmed)).status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(client, confirmed):
    for url in (note_url(confirmed), buyer_note_url(confirmed)):
        response = client.get(url)
        assert response.status_code == 302 and reverse("accounts:login") in response.url
