"""A real receiving server on 127.0.0.1 (http.server in a thread): it records every
request and answers with the statuses a test queues (200 once they run out)."""

import http.server
import threading
from dataclasses import dataclass, field

import pytest

from marketplace.webhooks import services
from marketplace.webhooks.models import EventType
from tests.order.fixtures import *  # noqa: F403  (the shared purchase, its suppliers and people)
from tests.sourcing.conftest import market  # noqa: F401  (a need's matching suppliers)


@dataclass
class Received:
    path: str
    headers: dict
    body: bytes


@dataclass
class Receiver:
    url: str
    requests: list = field(default_factory=list)
    statuses: list = field(default_factory=list)

    def answer(self, *statuses):
        self.statuses.extend(statuses)


@pytest.fixture
def receiver():
    state = Receiver(url="")

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers["Content-Length"]))
            state.requests.append(Received(path=self.path, headers=dict(self.headers), body=body))
            status = state.statuses.pop(0) if state.statuses else 200
            self.send_response(status)
            self.end_headers()
            self.wfile.write(b"received" if status < 300 else b"not now")

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{server.server_port}"
    yield state
    server.shutdown()
    server.server_close()


def endpoint_for(organisation, receiver, *, path="/hook", events=None, by=None):
    return services.endpoint_create(
        organisation=organisation,
        url=receiver.url + path,
        events=events or list(EventType.values),
        by=by,
    )
