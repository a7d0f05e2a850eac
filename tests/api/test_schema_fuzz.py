"""Schema-driven fuzzing of the whole API (schemathesis over /api/openapi.json): for
values the schema allows, no answer is a 500, and every answer has a status, content type
and body the schema documents. Bounded: a few examples per operation."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from marketplace.api import api
from tests.api.conftest import new_key

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@pytest.fixture
def api_schema(db, settings, shared_purchase, crates, crates_admin, buyer, buyer_admin):
    settings.API_RATE_LIMIT = "100000/minute"
    schema = schemathesis.openapi.from_dict(api.get_openapi_schema())
    schema.app = get_wsgi_application()
    schema.keys = {"/api/supplier/": new_key(crates, crates_admin), "/api/buyer/": new_key(buyer, buyer_admin)}
    # As Django's test client does: the test's transaction outlives each request.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield schema
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def fuzz(operation, headers):
    @given(case=operation.as_strategy())
    @settings(max_examples=4, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
    def answers_within_the_schema(case):
        case.call_and_validate(headers=headers, checks=CHECKS)

    answers_within_the_schema()


def test_no_answer_is_a_500_or_breaks_the_schema(api_schema):
    # schemathesis' own pytest loader (from_fixture) does not run under pytest 9 yet; its
    # strategies do, one bounded hypothesis run per operation.
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) > 10
    for operation in operations:
        key = next((key for prefix, key in api_schema.keys.items() if operation.path.startswith(prefix)), None)
        fuzz(operation, {"Authorization": f"Bearer {key}"} if key else {})
