"""What the journeys do alike: signing in as a demo user, and moving between pages
without cutting short a request of the page being left (Chromium fetches the favicon,
the admin its icon sprite, after the load event; the page fixture counts a cancelled
request as a failure)."""

from marketplace.demo.data import DEMO_PASSWORD


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
