"""What the journeys do alike: signing in as a demo user, and moving between pages
without cutting short a request of the page being left (Chromium fetches the favicon,
the admin its icon sprite, after the load event; the page fixture counts a cancelled
request as a failure)."""

import base64
from urllib.parse import urlsplit

from django.conf import settings

from marketplace.demo.data import DEMO_PASSWORD

# A transparent 1×1 PNG: what every map tile is in the browser tests.
BLANK_TILE = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
)


def new_context(browser, **options):
    """A browser context whose map tiles never reach the network: each tile request is
    answered here with a blank tile (the maps' markers and lists work without tiles).
    `context.tiles` counts them."""
    context = browser.new_context(**options)
    context.tiles = []
    tiles = urlsplit(settings.MAP_TILES_URL)

    def blank(route):
        context.tiles.append(route.request.url)
        route.fulfill(status=200, content_type="image/png", body=BLANK_TILE)

    context.route(f"{tiles.scheme}://{tiles.netloc}/**", blank)
    return context


def visit(page, url):
    page.goto(url, wait_until="networkidle")


def follow(page, locator):
    """Click a link or button and wait until the next page is quiet."""
    with page.expect_navigation(wait_until="networkidle"):
        locator.click()


def sign_in(page, live_server, email, *, path="/accounts/sign-in/"):
    """Sign in as a demo user (anyone signed in before is signed out)."""
    page.context.clear_cookies()
    visit(page, live_server.url + path)
    page.locator("#id_username").fill(email)
    page.locator("#id_password").fill(DEMO_PASSWORD)
    follow(page, page.get_by_role("button", name="Sign in"))
