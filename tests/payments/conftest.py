"""Fixtures for card payments: a local fake Stripe server (localstripe), a recorder at the
HTTP boundary of the stripe client for the calls the fake does not know (Connect), signed
webhooks, and a purchase waiting for its card payment. Nothing here reaches Stripe."""

import json
import socket
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest
import requests
import stripe
from django.conf import settings

from marketplace.order.models import Purchase
from marketplace.order.services import purchase_place
from marketplace.payments import gateway
from tests.factories import goods_for_supplier
from tests.order.fixtures import *  # noqa: F403  (the shared purchase and its people, for the invoice tests)
from tests.order.helpers import basket_with, checkout_details

LOCALSTRIPE = Path(sys.executable).parent / "localstripe"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def localstripe_url(tmp_path_factory):
    """A localstripe server of this test session on a free port, started empty
    (--from-scratch: it never reads the pickle file that every instance writes in the
    system temp folder), stopped at the end of the session."""
    port = _free_port()
    log = tmp_path_factory.mktemp("localstripe") / "localstripe.log"
    with log.open("w") as output:
        process = subprocess.Popen(
            [str(LOCALSTRIPE), "--port", str(port), "--from-scratch"], stdout=output, stderr=subprocess.STDOUT
        )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while True:
        try:
            requests.get(f"{url}/js.stripe.com/v3/", timeout=1)
            break
        except requests.ConnectionError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"localstripe did not start: {log.read_text()}")
            time.sleep(0.1)
    yield url
    process.terminate()
    process.wait(timeout=10)


class FakeStripe:
    """The test's side of localstripe: what a buyer's browser (Stripe.js) would do."""

    publishable_key = "pk_test_local"

    def __init__(self, url):
        self.url = url
        self.api = stripe.StripeClient("sk_test_local", base_addresses={"api": url}, max_network_retries=0)

    def card_token(self, number: str) -> str:
        """Tokenises a card as the stand-in Stripe.js does (with the publishable key), and
        returns the card's id, which the pay page sends to the server."""
        response = requests.post(
            f"{self.url}/v1/tokens",
            data={
                "card[number]": number,
                "card[exp_month]": "12",
                "card[exp_year]": "2030",
                "card[cvc]": "123",
                "key": self.publishable_key,
            },
            timeout=5,
        )
        response.raise_for_status()
        return response.json()["card"]["id"]

    def authenticate(self, payment_intent_id: str, *, success: bool):
        """Completes (or fails) 3-D Secure as the stand-in Stripe.js does."""
        intent = self.api.v1.payment_intents.retrieve(payment_intent_id)
        response = requests.post(
            f"{self.url}/v1/payment_intents/{payment_intent_id}/_authenticate?success={str(success).lower()}",
            data=json.dumps({"key": self.publishable_key, "client_secret": intent.client_secret}),
            timeout=5,
        )
        response.raise_for_status()


@pytest.fixture
def fake_stripe(localstripe_url, settings):
    """Card payments enabled and pointed at localstripe."""
    settings.STRIPE_SECRET_KEY = "sk_test_local"
    settings.STRIPE_PUBLISHABLE_KEY = FakeStripe.publishable_key
    settings.STRIPE_API_BASE = localstripe_url
    settings.STRIPE_JS_URL = f"{localstripe_url}/js.stripe.com/v3/"
    return FakeStripe(localstripe_url)


class RecordingHTTPClient(stripe.HTTPClient):
    """The stripe client's transport in tests: records every request and answers with
    the canned (real-shaped) response queued for its method and path."""

    name = "recording"

    def __init__(self):
        super().__init__()
        self.requests = []
        self.responses = {}

    def add(self, method: str, path: str, body: dict, status: int = 200):
        self.responses.setdefault((method, path), []).append((body, status))

    def request(self, method, url, headers, post_data=None):
        parts = urlsplit(url)
        form = dict(parse_qsl(post_data or parts.query, keep_blank_values=True))
        self.requests.append(
            {"method": method.upper(), "url": url, "path": parts.path, "headers": dict(headers or {}), "form": form}
        )
        queued = self.responses.get((method.upper(), parts.path))
        if not queued:
            raise AssertionError(f"Unexpected Stripe request: {method.upper()} {parts.path}")
        body, status = queued.pop(0) if len(queued) > 1 else queued[0]
        return json.dumps(body), status, {"request-id": "req_test"}

    def sent(self, method: str, path: str) -> list[dict]:
        return [request for request in self.requests if (request["method"], request["path"]) == (method, path)]


@pytest.fixture
def stripe_http(settings, monkeypatch):
    """Card payments enabled against Stripe's real address, every request caught by a
    recorder (nothing leaves the machine)."""
    settings.STRIPE_SECRET_KEY = "sk_test_boundary"
    settings.STRIPE_PUBLISHABLE_KEY = "pk_test_boundary"
    settings.STRIPE_API_BASE = ""
    recorder = RecordingHTTPClient()
    monkeypatch.setattr(gateway, "http_client", recorder)
    return recorder


def signed_post(client, event: dict, *, secret=None, signature=None):
    """Posts `event` to the webhook as Stripe does: JSON body, HMAC-SHA256 signature header."""
    payload = json.dumps(event)
    if signature is None:
        signature = stripe.WebhookSignature.generate_signature_header(payload, secret or settings.STRIPE_WEBHOOK_SECRET)
    return client.post(
        "/payments/stripe/webhook/", data=payload, content_type="application/json", HTTP_STRIPE_SIGNATURE=signature
    )


@pytest.fixture
def goods(supplier):
    return goods_for_supplier(supplier=supplier, title="Reused chairs", price=Decimal("40.00"), num_in_stock=10)


@pytest.fixture
def card_purchase(buyer, buyer_admin, goods):
    """Three chairs placed by card: stock reserved, basket frozen, awaiting payment."""
    basket = basket_with(buyer_admin, (goods, 3))
    return purchase_place(
        basket=basket,
        user=buyer_admin,
        buyer=buyer,
        details=checkout_details(),
        payment_method=Purchase.PaymentMethod.CARD,
    )
