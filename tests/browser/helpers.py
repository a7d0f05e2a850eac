"""What the journeys do alike: signing in as a demo user, and moving between pages
without cutting short a request of the page being left (Chromium fetches the favicon,
the admin its icon sprite, after the load event; the page fixture counts a cancelled
request as a failure).

A page is left once it is settled: loaded, and no request under way for QUIET_MS.
Playwright's "networkidle" waits for 500 ms of quiet after every navigation, which
came to minutes of the suite's time over the accessibility checks' ~700 page loads."""

import base64
from urllib.parse import urlsplit

from django.conf import settings

from marketplace.demo.data import DEMO_PASSWORD

# A transparent 1×1 PNG: what every map tile is in the browser tests.
BLANK_TILE = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
)


QUIET_MS = 100


def new_context(browser, **options):
    """A browser context whose map tiles never reach the network: each tile request is
    answered here with a blank tile (the maps' markers and lists work without tiles).
    `context.tiles` counts them; `context.under_way` holds the requests not yet answered."""
    context = browser.new_context(**options)
    context.tiles = []
    context.under_way = set()
    context.on("request", lambda request: context.under_way.add(request))
    context.on("requestfinished", lambda request: context.under_way.discard(request))
    context.on("requestfailed", lambda request: context.under_way.discard(request))
    tiles = urlsplit(settings.MAP_TILES_URL)

    def blank(route):
        context.tiles.append(route.request.url)
        route.fulfill(status=200, content_type="image/png", body=BLANK_TILE)

    context.route(f"{tiles.scheme}://{tiles.netloc}/**", blank)
    return context


def settle(page, step_ms: int = 25) -> None:
    """Wait until the page has loaded and no request has been under way for QUIET_MS
    (what it fetches after the load event: the favicon, a map's markers)."""
    page.wait_for_load_state("load")
    quiet = 0
    while quiet < QUIET_MS:
        page.wait_for_timeout(step_ms)
        quiet = quiet + step_ms if not page.context.under_way else 0


def visit(page, url):
    """Open `url` and wait until it is settled; the response, for its status."""
    response = page.goto(url)
    settle(page)
    return response


def follow(page, locator):
    """Click a link or button and wait until the next page is settled."""
    with page.expect_navigation():
        locator.click()
    settle(page)


def sign_in(page, live_server, email, *, path="/accounts/sign-in/"):
    """Sign in as a demo user (anyone signed in before is signed out)."""
    page.context.clear_cookies()
    visit(page, live_server.url + path)
    page.locator("#id_username").fill(email)
    page.locator("#id_password").fill(DEMO_PASSWORD)
    follow(page, page.get_by_role("button", name="Sign in"))
