"""Bad input gets a clear message and saves nothing: a deadline in the past, a negative
quantity, a 50 MB attachment, an executable attachment."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from marketplace.sourcing.models import Need, NeedAttachment, Quote
from tests.sourcing.conftest import admin_of, need_published
from tests.sourcing.test_quotes import quote_form_data

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def need_form(market, **overrides):
    data = {
        "buyer": market.buyer.pk,
        "title": "Catering for 300 people",
        "description": "Lunch buffet for our staff day.",
        "sectors": [market.catering.pk],
        "country": "FR",
        "region": market.lorraine.pk,
        "city": "Metz",
        "quantity": "300",
        "unit": "meals",
        "deadline": (timezone.localtime() + timedelta(days=5)).strftime("%Y-%m-%dT%H:%M"),
    }
    data.update(overrides)
    return data


@pytest.fixture
def officer_client(client, market):
    client.force_login(market.officer)
    return client


def post_need(client, data):
    return client.post(reverse("sourcing:need-create"), data)


def test_a_good_need_is_saved_as_a_draft_with_its_attachment(officer_client, market):
    response = post_need(officer_client, need_form(market, attachments=SimpleUploadedFile("spec.pdf", PDF)))
    need = Need.objects.get()
    assert response["Location"] == need.get_absolute_url()
    assert need.status == Need.Status.DRAFT and need.attachments.get().name == "spec.pdf"
    download = officer_client.get(
        reverse("sourcing:need-attachment", kwargs={"pk": need.pk, "attachment_pk": need.attachments.get().pk})
    )
    assert b"".join(download.streaming_content) == PDF


@pytest.mark.parametrize(
    "overrides,message",
    [
        ({"deadline": (timezone.localtime() - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M")}, "must be in the future"),
        ({"quantity": "-5"}, "more than zero"),
        ({"quantity": "", "budget_min": "", "budget_max": ""}, "Give a quantity or a budget range"),
        ({"quantity": "", "budget_min": "900", "budget_max": "100"}, "swap them"),
        ({"sectors": []}, "This field is required"),
    ],
    ids=["deadline in the past", "negative quantity", "no quantity or budget", "budget upside down", "no sector"],
)
def test_a_bad_need_is_refused_with_a_clear_message(officer_client, market, overrides, message):
    response = post_need(officer_client, need_form(market, **overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Need.objects.exists()


def test_a_50_mb_attachment_is_refused_and_nothing_is_saved(officer_client, market):
    huge = SimpleUploadedFile("plans.pdf", PDF + b"0" * (50 * 1024 * 1024))
    response = post_need(officer_client, need_form(market, attachments=huge))
    page = response.content.decode()
    assert "plans.pdf is 50.0\xa0MB: attachments can be at most 10.0\xa0MB." in page
    assert not Need.objects.exists() and not NeedAttachment.objects.exists()


@pytest.mark.parametrize(
    "name,content",
    [
        ("installer.exe", b"MZ\x90\x00\x03\x00\x00\x00"),
        ("spec.pdf", b"MZ\x90\x00\x03\x00\x00\x00this is a Windows program"),
        ("notes.txt", b"\x7fELF\x02\x01\x01\x00"),
    ],
    ids=["executable", "executable named .pdf", "program named .txt"],
)
def test_an_executable_attachment_is_refused_and_nothing_is_saved(officer_client, market, name, content):
    response = post_need(officer_client, need_form(market, attachments=SimpleUploadedFile(name, content)))
    page = response.content.decode()
    assert name in page and ("not a file type we accept" in page or "does not match" in page)
    assert not Need.objects.exists() and not NeedAttachment.objects.exists()


def test_a_negative_quantity_or_price_in_a_quote_is_refused(client, market):
    need = need_published(market)
    client.force_login(admin_of(market.bricks))
    url = reverse("sourcing:quote-edit", kwargs={"pk": need.pk})
    response = client.post(url, quote_form_data(("Bricks", "-3", "1.00", "20")))
    assert response.status_code == 400 and "more than zero" in response.content.decode()
    response = client.post(url, quote_form_data(("Bricks", "3", "-1.00", "120")))
    page = response.content.decode()
    assert "greater than or equal to 0" in page and "less than or equal to 100" in page
    assert not Quote.objects.exists()


def test_a_quote_valid_until_yesterday_or_with_an_executable_is_refused(client, market):
    need = need_published(market)
    client.force_login(admin_of(market.bricks))
    url = reverse("sourcing:quote-edit", kwargs={"pk": need.pk})
    yesterday = (timezone.localdate() - timedelta(days=1)).isoformat()
    response = client.post(url, quote_form_data(("Bricks", "3", "1.00", "20"), valid_until=yesterday))
    assert "valid only until a date in the past" in response.content.decode()
    virus = SimpleUploadedFile("offer.pdf", b"MZ\x90\x00 program")
    response = client.post(url, quote_form_data(("Bricks", "3", "1.00", "20"), attachment=virus))
    assert "does not match its .pdf name" in response.content.decode()
    assert not Quote.objects.exists()


def test_a_stack_trace_is_never_shown_for_a_malformed_request(officer_client, market):
    response = officer_client.get(reverse("sourcing:match-count"), {"sectors": ["x", "1; drop"], "country": "??"})
    assert response.status_code == 200 and response.json()["count"] is None
    assert officer_client.get("/needs/999999/").status_code == 404
