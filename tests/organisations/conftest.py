"""A local fake VIES (the EU's register of VAT IDs) for the tests that need an answer: it
speaks the REST API's check-vat-number and answers by number. Nothing here reaches VIES."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


class FakeVies:
    """What the fake answers: registered numbers are valid (with their name and address),
    member states marked down answer MS_UNAVAILABLE, broken numbers get a 500, any other
    number is not found. `asked` lists the numbers asked about, prefix included."""

    def __init__(self):
        self.reset()

    def reset(self):
        self.registered = {}
        self.down = set()
        self.broken = set()
        self.asked = []

    def answer(self, country_code: str, number: str) -> tuple[int, dict]:
        vat_id = country_code + number
        self.asked.append(vat_id)
        if vat_id in self.broken:
            return 500, {"message": "Internal Server Error"}
        if country_code in self.down:
            return 200, {"actionSucceed": False, "errorWrappers": [{"error": "MS_UNAVAILABLE"}]}
        name, address = self.registered.get(vat_id, ("---", "---"))
        return 200, {
            "countryCode": country_code,
            "vatNumber": number,
            "valid": vat_id in self.registered,
            "name": name,
            "address": address,
        }


def _handler(fake: FakeVies):
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            if not self.path.endswith("/check-vat-number"):
                self.send_error(404)
                return
            request = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            status, body = fake.answer(request["countryCode"], request["vatNumber"])
            payload = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, format, *args):  # quiet test output
            pass

    return Handler


@pytest.fixture(scope="session")
def vies_server():
    """The fake's server of this test session, on a free port."""
    fake = FakeVies()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(fake))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield fake, f"http://127.0.0.1:{server.server_address[1]}/taxation_customs/vies/rest-api"
    server.shutdown()
    server.server_close()


@pytest.fixture
def fake_vies(vies_server, settings):
    """VIES checks pointed at the fake, which starts knowing no number."""
    fake, url = vies_server
    fake.reset()
    settings.VIES_API_BASE = url
    return fake
