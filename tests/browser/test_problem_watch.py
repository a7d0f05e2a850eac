"""The journeys' watch for failed requests: a request the page cancels by navigating
away is no failure, a refused connection or an error answer is."""

import pytest

from tests.browser.helpers import settle, visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_cancelled_requests_pass_and_real_failures_are_caught(page, live_server, wagtail_site):
    page.route("**/cancelled.png", lambda route: route.abort("aborted"))
    page.route("**/refused.js", lambda route: route.abort("connectionrefused"))
    visit(page, live_server.url + "/accounts/sign-in/")

    page.evaluate("fetch('/cancelled.png').catch(() => null)")
    page.evaluate("fetch('/refused.js').catch(() => null)")
    page.evaluate("fetch('/no-such-page/').catch(() => null)")
    settle(page)

    assert not any("cancelled.png" in problem for problem in page.problems)
    assert any(problem.startswith("failed:") and "refused.js" in problem for problem in page.problems)
    assert any(problem.startswith("404:") and "/no-such-page/" in problem for problem in page.problems)
