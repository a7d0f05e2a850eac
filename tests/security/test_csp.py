"""The Content-Security-Policy (django-csp) on HTML responses: scripts from our own origin
or carrying the response's nonce, which changes with every response."""

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings

from tests.security.test_xss import csp_nonce

PAGES = [
    ("public page", "/", None),
    ("shop", "/shop/catalogue/", None),
    ("directory", "/suppliers/", None),
    ("dashboard", "/shop/dashboard/", "superuser"),
    ("dashboard product list", "/shop/dashboard/catalogue/", "superuser"),
    ("Django admin", "/django-admin/", "superuser"),
    ("Django admin change list", "/django-admin/catalogue/product/", "superuser"),
]


def directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


@pytest.mark.parametrize(("label", "path", "who"), PAGES, ids=[page[0] for page in PAGES])
def test_html_responses_carry_the_policy(client, wagtail_site, superuser, label, path, who):
    if who:
        client.force_login(superuser)
    response = client.get(path)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
    policy = directives(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"][0] == "'self'" and "'unsafe-inline'" not in policy["script-src"]
    assert policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'self'"] and policy["form-action"] == ["'self'"]
    assert policy["img-src"] == ["'self'", "data:", "https://tile.openstreetmap.org"]  # the map tiles' host
    # Every inline script that would run carries this response's nonce.
    nonce = csp_nonce(response)
    for script in BeautifulSoup(response.content, "html.parser").find_all("script"):
        if not script.get("src") and script.get("type") not in ("application/json", "text/template"):
            assert nonce and script.get("nonce") == nonce, (label, str(script)[:120])


def test_the_wagtail_admin_allows_its_own_inline_scripts_and_nothing_else(client, superuser, wagtail_site):
    """Wagtail's page editor starts its panels from inline scripts (marketplace/content_security.py)."""
    client.force_login(superuser)
    policy = directives(client.get("/cms/"))
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["object-src"] == ["'none'"] and policy["default-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'self'"] and policy["form-action"] == ["'self'"]


def test_the_nonce_differs_per_response_and_matches_the_pages_scripts(client, superuser):
    client.force_login(superuser)
    nonces = []
    for _ in range(2):
        response = client.get("/shop/dashboard/")
        nonce = csp_nonce(response)
        assert nonce and f"'nonce-{nonce}'" in directives(response)["script-src"]
        assert f'nonce="{nonce}"' in response.content.decode()
        nonces.append(nonce)
    assert nonces[0] != nonces[1]


def test_our_templates_hold_no_inline_script_or_handler():
    """Scripts live in static files; the only inline one is Oscar's onbodyload block, with the nonce."""
    roots = [Path(settings.BASE_DIR) / "templates", *Path(settings.BASE_DIR).glob("marketplace/*/*/templates")]
    found = []
    for root in roots:
        for template in root.rglob("*.html"):
            text = template.read_text()
            found += [f"{template}: {m}" for m in re.findall(r"<script(?![^>]*\bsrc=)(?![^>]*nonce=)[^>]*>", text)]
            found += [f"{template}: {m}" for m in re.findall(r"\son[a-z]+=\"", text)]
    assert found == []
