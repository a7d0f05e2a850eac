"""/api/docs in a browser: Swagger UI renders the API from our own host alone, under
the Content-Security-Policy (a blocked script is a console error the page fixture
catches)."""

from urllib.parse import urlsplit

import pytest

from tests.browser.helpers import visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_api_documentation_renders_offline(page, live_server):
    elsewhere = []
    page.on("request", lambda request: urlsplit(request.url).netloc != urlsplit(live_server.url).netloc
            and request.url.startswith("http") and elsewhere.append(request.url))  # fmt: skip

    visit(page, live_server.url + "/api/docs")

    page.locator(".swagger-ui .info .title").get_by_text("Responsible API").wait_for()
    page.locator('.opblock-summary-path[data-path="/api/search/suppliers/"]').wait_for()
    assert elsewhere == []
    assert page.problems == []
