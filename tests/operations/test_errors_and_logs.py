"""Error reporting only when configured, without people's data; production logs one JSON object per line."""

import json

import pytest
import sentry_sdk
from sentry_sdk.transport import Transport

from marketplace.operations.errors import error_reporting_init
from tests.test_settings import production_env, run


class LocalTransport(Transport):
    """Keeps the envelopes Sentry would send, on this machine."""

    def __init__(self, options=None):
        super().__init__(options)
        self.envelopes = []

    def capture_envelope(self, envelope):
        self.envelopes.append(envelope)


@pytest.fixture
def reporting_off_afterwards():
    yield
    sentry_sdk.get_client().close()
    sentry_sdk.get_global_scope().set_client(None)


def test_nothing_is_reported_without_a_dsn():
    assert error_reporting_init(dsn="", environment="production", release="", traces_sample_rate=0) is False
    assert not sentry_sdk.get_client().is_active()


def test_errors_are_reported_with_their_environment_and_release_but_no_personal_data(reporting_off_afterwards):
    transport = LocalTransport()
    assert error_reporting_init(
        dsn="https://public@errors.invalid/1",
        environment="staging",
        release="responsible@2026.12",
        traces_sample_rate=0,
        transport=transport,
    )
    buyer_email = "@".join(["buyer", "example.com"])  # not in the source lines the report quotes
    try:
        raise ValueError(f"the order part has no supplier ({len(buyer_email)})")
    except ValueError as error:
        sentry_sdk.capture_exception(error)
    sentry_sdk.flush()
    event = transport.envelopes[0].get_event()
    assert event["environment"] == "staging"
    assert event["release"] == "responsible@2026.12"
    assert event["exception"]["values"][0]["value"] == "the order part has no supplier (17)"
    assert "user" not in event
    assert "buyer@example.com" not in json.dumps(event)  # the frame's variables stay here


def test_production_logs_are_json_lines(tmp_path):
    script = (
        "import logging, django; django.setup(); logging.getLogger('marketplace.order').warning('part %s late', 'P-7')"
    )
    result = run(["-c", script], production_env(tmp_path))
    assert result.returncode == 0, result.stderr
    line = json.loads(result.stderr.strip().splitlines()[-1])
    assert line["level"] == "WARNING"
    assert line["logger"] == "marketplace.order"
    assert line["message"] == "part P-7 late"
    assert line["time"].startswith("20")
