"""Links in e-mails lead where the person is: without SITE_URL, to the host and port
the request came to (`make run PORT=8123`, a preview on another host); with SITE_URL,
always there (production)."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

HOST = "shop.example.test:8123"


@pytest.fixture
def shop_host(settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "shop.example.test"]
    return settings


def sign_up(client, django_capture_on_commit_callbacks):
    data = {
        "first_name": "Nina",
        "last_name": "Newcomer",
        "email": "nina@example.org",
        "password1": PASSWORD,
        "password2": PASSWORD,
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("accounts:signup"), data, HTTP_HOST=HOST)
    assert "Check your e-mail" in response.content.decode()
    (message,) = mail.outbox
    return re.search(r"https?://\S+", message.body).group(0)


def test_without_site_url_the_confirmation_link_leads_to_the_host_and_port_signed_up_on(
    shop_host, client, django_capture_on_commit_callbacks
):
    shop_host.SITE_URL_FROM_REQUEST = True  # SITE_URL not set in the environment

    link = sign_up(client, django_capture_on_commit_callbacks)

    assert link.startswith("http://shop.example.test:8123/accounts/")


def test_with_site_url_the_confirmation_link_leads_there_whatever_the_request_host(
    shop_host, client, django_capture_on_commit_callbacks
):
    shop_host.SITE_URL, shop_host.SITE_URL_FROM_REQUEST = "https://responsible.example", False

    link = sign_up(client, django_capture_on_commit_callbacks)

    assert link.startswith("https://responsible.example/accounts/")
