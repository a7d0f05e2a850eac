"""/api/docs: Swagger UI served from our own static files, so the page works
offline and under the Content-Security-Policy (no CDN, no inline script)."""

import json
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db


class Tags(HTMLParser):
    """The page's <script> and <link> tags: (attributes, text inside)."""

    def __init__(self):
        super().__init__()
        self.scripts, self.links, self._open = [], [], None

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self._open = [dict(attrs), ""]
            self.scripts.append(self._open)
        elif tag == "link":
            self.links.append(dict(attrs))

    def handle_data(self, data):
        if self._open is not None:
            self._open[1] += data

    def handle_endtag(self, tag):
        if tag == "script":
            self._open = None


@pytest.fixture
def docs(client):
    response = client.get("/api/docs")
    assert response.status_code == 200
    tags = Tags()
    tags.feed(response.content.decode())
    return response, tags


def test_scripts_and_styles_come_from_our_own_static_files(docs):
    _response, tags = docs
    urls = [attrs["src"] for attrs, _text in tags.scripts if "src" in attrs]
    urls += [attrs["href"] for attrs in tags.links if attrs.get("rel") in ("stylesheet", "icon")]

    assert any(url.endswith("swagger-ui-bundle.js") for url in urls)
    assert any(url.endswith("swagger-ui.css") for url in urls)
    for url in urls:
        # No CDN, not even scheme-relative: a path on our host, in our static files.
        assert url.startswith(settings.STATIC_URL) and not url.startswith("//"), url
        assert finders.find(url.removeprefix(settings.STATIC_URL)), f"{url} is not in the static files"


def test_the_page_runs_no_inline_script_the_policy_would_block(docs):
    response, tags = docs

    policy = dict(part.strip().split(" ", 1) for part in response.headers["Content-Security-Policy"].split(";"))
    assert "'unsafe-inline'" not in policy["script-src"]
    for attrs, text in tags.scripts:
        # A JSON block is data, which the policy does not govern; anything else is a file.
        assert "src" in attrs or attrs.get("type") == "application/json", text[:80]


def test_swagger_ui_reads_our_schema_and_calls_no_validator(docs):
    _response, tags = docs
    swagger_settings = next(json.loads(text) for attrs, text in tags.scripts if attrs.get("id") == "swagger-settings")

    assert swagger_settings["url"] == "/api/openapi.json"
    # Otherwise Swagger UI sends the schema to validator.swagger.io for a badge.
    assert swagger_settings["validatorUrl"] is None
