"""Claims as suppliers, operators and coordinators meet them: who may decide, the
evidence as a download only, expiry by the daily command (labels leave the profile and
the directory's facet), reminders once, and reserved needs that reach eligible suppliers only."""

import datetime
import io

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from marketplace.deductions.rules import Status
from marketplace.notifications.kinds import CLAIM_REMINDER
from marketplace.notifications.selectors import route
from marketplace.notifications.services import unsubscribe
from marketplace.verification.models import ClaimEvent, Decision, LabelClaim
from tests.factories import LabelFactory, SupplierFactory, UserFactory

from .factories import admin_of, coordinator_of, label_claim, operator_user, verified

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 3, 2)


def decide_url(claim):
    return reverse("verification:decide", args=[claim.kind, claim.pk])


@pytest.fixture
def crates():
    return SupplierFactory(name="Green Crates", created_by=UserFactory(email="ana@crates.example"))


@pytest.fixture
def esus():
    return LabelFactory(name="ESUS", slug="esus")


# Remit ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "who,status",
    [
        ("operator", 302),  # decides any supplier's claims
        ("coordinator", 302),  # decides its networks' members'
        ("other_coordinator", 404),  # another network's coordinator sees nothing
        ("stranger", 404),
        ("own_operator", 403),  # an operator who belongs to the supplier may not decide its claims
    ],
)
def test_who_may_decide_a_claim(client, crates, esus, who, status):
    claim = label_claim(crates, esus)
    people = {
        "operator": lambda: operator_user(),
        "coordinator": lambda: coordinator_of(crates),
        "other_coordinator": lambda: coordinator_of(SupplierFactory(name="Elsewhere"), email="x@other.example"),
        "stranger": lambda: UserFactory(email="who@nowhere.example"),
        "own_operator": lambda: _operator_member(crates),
    }
    client.force_login(people[who]())
    response = client.post(decide_url(claim), {"decision": "verify", "valid_until": "2030-01-01"})
    assert response.status_code == status
    claim.refresh_from_db()
    assert claim.is_verified == (status == 302)
    assert (client.get(decide_url(claim)).status_code == 404) == (status == 404)


def _operator_member(supplier):
    user = admin_of(supplier)
    from marketplace.accounts.services import operator_make

    operator_make(user=user)
    return user


def test_the_queue_lists_only_the_claims_in_ones_remit(client, crates, esus):
    elsewhere = SupplierFactory(name="Elsewhere")
    label_claim(crates, esus)
    label_claim(elsewhere, esus)
    client.force_login(coordinator_of(crates))
    page = client.get(reverse("verification:queue")).content.decode()
    assert "Green Crates" in page and "Elsewhere" not in page
    client.force_login(operator_user())
    with_all = client.get(reverse("verification:queue")).content.decode()
    assert "Green Crates" in with_all and "Elsewhere" in with_all


def test_a_rejection_says_why_and_the_supplier_reads_it(client, crates, esus):
    claim = label_claim(crates, esus)
    client.force_login(operator_user())
    response = client.post(decide_url(claim), {"decision": "reject", "note": ""})
    assert response.status_code == 200 and "Say why the claim is rejected" in response.content.decode()
    client.post(decide_url(claim), {"decision": "reject", "note": "The attestation is for another firm."})
    client.force_login(admin_of(crates))
    page = client.get(reverse("verification_workspace:claims", args=[crates.slug])).content.decode()
    assert "Rejected" in page and "The attestation is for another firm." in page


# Evidence -------------------------------------------------------------------


def test_evidence_is_only_ever_a_download_for_those_allowed(client, crates, esus):
    claim = label_claim(crates, esus)
    url = reverse("verification:evidence", args=[claim.kind, claim.pk])
    client.force_login(admin_of(crates))
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert "sandbox" in response["Content-Security-Policy"]
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    client.force_login(UserFactory(email="curious@nowhere.example"))
    assert client.get(url).status_code == 404


def test_a_claim_without_evidence_nor_reference_is_refused_and_the_figures_are_kept(client, crates):
    client.force_login(admin_of(crates))
    url = reverse("verification_workspace:claims", args=[crates.slug])
    response = client.post(
        url,
        {"claim": "workforce", "workforce-employees": "20", "workforce-employees_vulnerable": "12",
         "workforce-as_of": "2026-01-01"},
    )  # fmt: skip
    page = response.content.decode()
    assert response.status_code == 200 and "Give a registry reference or upload a document as evidence." in page
    assert 'value="12"' in page


# Expiry ---------------------------------------------------------------------


def label_count(client, slug):
    facets = client.get("/api/search/suppliers/").json()["facets"]["label"]
    return next((value["count"] for value in facets if value["value"] == slug), 0)


def test_an_expired_label_leaves_the_facet_and_the_profile_after_the_daily_command(
    client, crates, esus, reindex, django_capture_on_commit_callbacks
):
    with time_machine.travel(datetime.datetime(2026, 3, 2, 9, tzinfo=datetime.UTC), tick=False):
        verified(label_claim(crates, esus), by=operator_user(), valid_until=TODAY)
        reindex()
        assert label_count(client, "esus") == 1
        assert "fa-award" in client.get(crates.get_absolute_url()).content.decode()
    with time_machine.travel(datetime.datetime(2026, 3, 3, 9, tzinfo=datetime.UTC), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            call_command("claims_expire", stdout=io.StringIO())
        assert label_count(client, "esus") == 0
        profile = client.get(crates.get_absolute_url()).content.decode()
        assert "ESUS" not in profile
        assert ClaimEvent.objects.filter(supplier=crates, action=ClaimEvent.Action.EXPIRED).count() == 1
        call_command("claims_expire", stdout=io.StringIO())  # recorded once
        assert ClaimEvent.objects.filter(supplier=crates, action=ClaimEvent.Action.EXPIRED).count() == 1


def test_administrators_are_reminded_once_in_their_language(crates, esus, settings, django_capture_on_commit_callbacks):
    settings.CLAIM_REMINDER_DAYS = 30
    admin = admin_of(crates)
    admin.language = "fr"
    admin.save()
    with time_machine.travel(datetime.datetime(2026, 3, 2, 9, tzinfo=datetime.UTC), tick=False):
        verified(label_claim(crates, esus), by=operator_user(), valid_until=datetime.date(2026, 3, 20))
        for _day in range(2):
            with django_capture_on_commit_callbacks(execute=True):
                call_command("claims_expire", stdout=io.StringIO())
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [admin.email]
    assert "expire le" in mail.outbox[0].subject
    # Renewed and verified until a later date: a new period, a new reminder.
    with time_machine.travel(datetime.datetime(2026, 3, 15, 9, tzinfo=datetime.UTC), tick=False):
        claim = label_claim(crates, esus)
        verified(claim, by=operator_user(email="otto@operators.example"), valid_until=datetime.date(2026, 4, 10))
        with django_capture_on_commit_callbacks(execute=True):
            call_command("claims_expire", stdout=io.StringIO())
    assert len(mail.outbox) == 2


def test_the_reminder_can_be_turned_off_from_its_e_mail(crates, esus, settings, django_capture_on_commit_callbacks):
    settings.CLAIM_REMINDER_DAYS = 30
    admin = admin_of(crates)
    with time_machine.travel(datetime.datetime(2026, 3, 2, 9, tzinfo=datetime.UTC), tick=False):
        verified(label_claim(crates, esus), by=operator_user(), valid_until=datetime.date(2026, 3, 20))
        with django_capture_on_commit_callbacks(execute=True):
            call_command("claims_expire", stdout=io.StringIO())
    [reminder] = mail.outbox
    assert reminder.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert route(user=admin, kind_key=CLAIM_REMINDER, channel="email") == "immediately"

    unsubscribe(user=admin, kinds=[CLAIM_REMINDER])
    mail.outbox.clear()
    with time_machine.travel(datetime.datetime(2026, 3, 15, 9, tzinfo=datetime.UTC), tick=False):
        verified(
            label_claim(crates, esus),
            by=operator_user(email="otto@operators.example"),
            valid_until=datetime.date(2026, 4, 10),
        )
        with django_capture_on_commit_callbacks(execute=True):
            call_command("claims_expire", stdout=io.StringIO())
    assert mail.outbox == []


def test_the_history_tells_every_step(crates, esus):
    operator = operator_user()
    claim = verified(label_claim(crates, esus), by=operator, valid_until=timezone.localdate().replace(year=2099))
    label_claim(crates, esus)  # renewed
    actions = list(ClaimEvent.objects.filter(supplier=crates).order_by("pk").values_list("action", "by"))
    assert actions == [
        ("declared", admin_of(crates).pk),
        ("verified", operator.pk),
        ("renewed", admin_of(crates).pk),
    ]
    assert LabelClaim.objects.get(pk=claim.pk).decision == Decision.PENDING


def test_a_verified_legal_status_opens_reserved_contracts_on_the_profile(client, crates):
    from .factories import legal_status, workforce

    operator = operator_user()
    verified(legal_status(crates, Status.FR_ESAT), by=operator)
    page = client.get(crates.get_absolute_url()).content.decode()
    assert "May take reserved contracts (art. 20): France" in page
    verified(workforce(crates, 20, 12), by=operator)  # 60 %: an equivalent structure everywhere else
    page = client.get(crates.get_absolute_url()).content.decode()
    assert "May take reserved contracts (art. 20): France, Germany, Belgium, Luxembourg, Netherlands, Serbia" in page
    assert "Verified figures on" in page
