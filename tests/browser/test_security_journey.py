"""The browser journey of account security: a supplier's administrator, prompted on their
account page, turns on two-step sign-in with the keyboard only (typing the key shown as
text, as someone who cannot scan the QR code does), keeps the recovery codes, and signs in
again with one of them."""

import base64

import pytest
from django_otp.oath import totp
from playwright.sync_api import expect

from tests.browser.helpers import sign_in, visit

pytestmark = pytest.mark.browser


def keyboard_follow(page, key="Enter"):
    with page.expect_navigation(wait_until="networkidle"):
        page.keyboard.press(key)


def test_an_administrator_turns_on_two_step_sign_in_with_the_keyboard(live_server, demo_world, page):
    sign_in(page, live_server, "supplier@example.com")
    visit(page, live_server.url + "/accounts/")
    prompt = page.get_by_role("link", name="Turn on two-step sign-in")
    prompt.focus()
    keyboard_follow(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Set up two-step sign-in")
    expect(page.locator("svg").first).to_be_visible()  # the QR code, drawn in the page

    key = page.locator("#secret-key").inner_text().replace(" ", "")
    page.get_by_label("Code from the app").focus()
    page.keyboard.type(f"{totp(base64.b32decode(key)):06d}")
    keyboard_follow(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Your recovery codes")
    codes = page.get_by_role("list", name="Recovery codes").locator("code").all_inner_texts()
    assert len(codes) == 10

    sign_in(page, live_server, "supplier@example.com")
    expect(page.get_by_role("heading", level=1)).to_have_text("Enter your code")
    page.keyboard.type(codes[0])  # the code field has the focus
    keyboard_follow(page)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Hello")
    visit(page, live_server.url + "/accounts/security/")
    expect(page.get_by_text("You have 9 recovery codes left.")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    assert page.problems == []
