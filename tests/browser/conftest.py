"""Browser journeys: Debian's Chromium driven by Playwright against pytest-django's live server."""

import os
import shutil

import pytest
from django.core.cache import cache

from tests.browser.demo import demo_loaded
from tests.browser.helpers import new_context

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def browser():
    """One Chromium per test module: its event loop ends with the module."""
    if not shutil.which(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium package.")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread, so Django would
    # refuse the test's own (synchronous, safe) database calls; allow them for
    # the browser tests only, not for the rest of the process.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            yield browser
            browser.close()
    finally:
        if previous is None:
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


def _failed(request) -> str | None:
    """A request that failed, or None for one the page itself cancelled: Chromium aborts
    requests still under way when it navigates away (say, the favicon) with
    net::ERR_ABORTED; that is no failure of the site. Any other error is (refused
    connection, DNS, blocked by CSP…); answers of 400 and more are caught by status."""
    if request.failure == "net::ERR_ABORTED":
        return None
    return f"failed: {request.url} ({request.failure})"


@pytest.fixture(autouse=True)
def pages_cached_as_in_production(settings):
    """Journeys run with whole pages and the home page's sections cached, as production with Redis keeps them
    (marketplace/core/page_cache.py): a journey that writes and then looks must see its write. The test cache is
    emptied first, so that no page an earlier test kept is served."""
    cache.clear()
    settings.PAGE_CACHE_SECONDS = settings.CONTENT_CACHE_SECONDS = 300


@pytest.fixture
def page(browser):
    """A fresh page that records console errors and failed requests; a journey
    must end with neither."""
    context = new_context(browser, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.problems = []
    page.on("console", lambda msg: msg.type == "error" and page.problems.append(f"console: {msg.text}"))
    page.on("pageerror", lambda error: page.problems.append(f"page error: {error}"))
    page.on("requestfailed", lambda request: _failed(request) and page.problems.append(_failed(request)))
    page.on(
        "response",
        lambda response: response.status >= 400 and page.problems.append(f"{response.status}: {response.url}"),
    )
    yield page
    context.close()


@pytest.fixture
def demo_world(transactional_db):
    """The demo data in the live server's database (put back: live-server tests flush it)."""
    demo_loaded()
