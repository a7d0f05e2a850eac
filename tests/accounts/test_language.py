"""A signed-in person's language is remembered: chosen with the footer's switcher, on the
profile page or by the pages they signed up on; it is the site's language again when they
sign in, and their account e-mails are written in it, whoever asked for them."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from tests.accounts.test_views import SIGN_IN, SIGN_OUT, SIGN_UP, sign_up_data
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db
User = get_user_model()

SWITCH = reverse("set_language")
COOKIE = settings.LANGUAGE_COOKIE_NAME
HOME = reverse("accounts:home")


def read(client, url):
    """The page at `url` as a browser shows it, after the redirect to the reader's language."""
    return client.get(url, follow=True)


def test_switching_language_signed_in_remembers_it_and_returns_to_the_page(client, user):
    client.force_login(user)
    response = client.post(SWITCH, {"language": "fr", "next": HOME})
    assert response.status_code == 302 and response.url == "/fr" + HOME
    assert response.cookies[COOKIE].value == "fr"
    user.refresh_from_db()
    assert user.language == "fr"
    assert read(client, HOME).headers["Content-Language"] == "fr"


def test_switching_from_a_page_in_one_language_leads_to_the_same_page_in_the_other(client):
    response = client.post(SWITCH, {"language": "de", "next": "/fr/suppliers/?q=pain"})
    assert response.url == "/de/suppliers/?q=pain"
    response = client.post(SWITCH, {"language": "en", "next": "/de/suppliers/?q=pain"})
    assert response.url == "/suppliers/?q=pain"


def test_switching_keeps_django_s_guard_on_where_it_returns(client, user):
    client.force_login(user)
    response = client.post(SWITCH, {"language": "de", "next": "https://evil.example/phish"})
    assert response.status_code == 302 and response.url == "/de/"
    user.refresh_from_db()
    assert user.language == "de"


def test_an_unknown_language_changes_nothing(client, user):
    client.force_login(user)
    response = client.post(SWITCH, {"language": "xx", "next": HOME})
    assert response.status_code == 302 and COOKIE not in response.cookies
    user.refresh_from_db()
    assert user.language == ""


def test_a_visitor_switches_with_the_cookie_alone(client):
    response = client.post(SWITCH, {"language": "nl", "next": "/suppliers/"})
    assert response.url == "/nl/suppliers/" and response.cookies[COOKIE].value == "nl"


def test_signing_in_brings_back_the_language_the_person_chose(client, user):
    user.language = "de"
    user.save()
    client.cookies[COOKIE] = "fr"  # what this browser was showing before signing in
    response = client.post(SIGN_IN, {"username": user.email, "password": PASSWORD})
    assert response.status_code == 302 and response.cookies[COOKIE].value == "de"
    assert read(client, HOME).headers["Content-Language"] == "de"
    # Signed out, the browser keeps showing their language.
    client.post(SIGN_OUT)
    assert read(client, "/suppliers/").headers["Content-Language"] == "de"


def test_without_a_chosen_language_signing_in_keeps_the_browser_s(client, user):
    client.cookies[COOKIE] = "nl"
    response = client.post(SIGN_IN, {"username": user.email, "password": PASSWORD})
    assert COOKIE not in response.cookies
    assert read(client, HOME).headers["Content-Language"] == "nl"


def test_signing_up_keeps_the_language_of_the_pages_and_confirms_in_it(client, post, languages_rendered):
    client.cookies[COOKIE] = "fr"
    post("/fr" + SIGN_UP, sign_up_data())
    assert mail.outbox[-1].to == ["nina@example.org"]
    assert languages_rendered["accounts/email/confirm_body.txt"] == ["fr"]
    assert User.objects.get(email="nina@example.org").language == "fr"


def test_the_profile_page_sets_the_language_for_e_mails_and_documents(client, user):
    client.force_login(user)
    url = reverse("customer:profile-update")
    assert "Language for e-mails and documents" in client.get(url).content.decode()
    data = {"first_name": user.first_name, "last_name": user.last_name, "email": user.email, "language": "sr-latn"}
    response = client.post(url, data)
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.language == "sr-latn"
    profile = read(client, reverse("customer:profile-view"))
    # The profile now reads in Serbian (Latin script), the chosen language named in it.
    assert profile.headers["Content-Language"] == "sr-latn"
    assert "Srpski (latinica)" in profile.content.decode()


def test_a_password_reset_asked_for_on_an_english_page_is_written_in_the_owner_s_language(client, user):
    user.language = "fr"
    user.save()
    client.cookies[COOKIE] = "en"
    client.post("/shop/password-reset/", {"email": user.email})
    # Oscar's own French words.
    assert mail.outbox[-1].subject.startswith("Réinitialisation de votre mot de passe")


def test_a_page_s_address_says_its_language_whoever_reads_it(client, user):
    user.language = "de"
    user.save()
    client.force_login(user)
    assert client.get("/fr" + HOME).headers["Content-Language"] == "fr"
    assert client.get("/sr-latn/suppliers/").headers["Content-Language"] == "sr-latn"


@pytest.mark.parametrize(
    ("chosen_by", "language"),
    [({"HTTP_ACCEPT_LANGUAGE": "nl-BE,nl;q=0.9,en;q=0.5"}, "nl"), ({"HTTP_ACCEPT_LANGUAGE": "sr-Latn"}, "sr-latn")],
)
def test_an_english_address_sends_a_reader_of_another_language_to_their_page(client, chosen_by, language):
    response = client.get("/suppliers/?q=pain&page=2", **chosen_by)
    assert response.status_code == 302 and response.url == f"/{language}/suppliers/?q=pain&page=2"
    assert "Accept-Language" in response.headers["Vary"] and "Cookie" in response.headers["Vary"]


def test_an_english_address_stays_english_for_english_readers_and_search_engines(client):
    assert client.get("/suppliers/").status_code == 200  # no Accept-Language: a crawler
    client.cookies[COOKIE] = "en"
    assert client.get("/suppliers/", HTTP_ACCEPT_LANGUAGE="fr").status_code == 200  # chose English


def test_a_form_posted_to_an_english_address_is_answered_not_redirected(client):
    client.cookies[COOKIE] = "fr"
    response = client.post(SIGN_IN, {"username": "nobody@example.org", "password": "wrong"})
    assert response.status_code == 200 and response.headers["Content-Language"] == "en"


def test_paths_without_a_language_speak_the_chosen_one(client):
    client.cookies[COOKIE] = "de"
    response = client.get("/api/openapi.json")
    assert response.status_code == 200 and response.headers["Content-Language"] == "de"


def test_an_account_without_a_language_takes_the_one_its_owner_signs_in_with(client, user):
    assert user.language == ""  # an account made before accounts had a language
    client.post(SIGN_IN, {"username": user.email, "password": PASSWORD}, HTTP_ACCEPT_LANGUAGE="de")
    assert User.objects.get(pk=user.pk).language == ""  # a browser's language is no choice: it may change
    client.post(SIGN_OUT)

    client.post("/nl" + SIGN_IN, {"username": user.email, "password": PASSWORD})
    assert User.objects.get(pk=user.pk).language == "nl"
    client.post(SIGN_OUT)
    client.post("/de" + SIGN_IN, {"username": user.email, "password": PASSWORD})  # chosen once, it stays
    assert User.objects.get(pk=user.pk).language == "nl"
