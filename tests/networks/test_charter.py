"""Publishing a new version asks members to re-sign; their signature of the previous one
counts until the re-sign period ends, then lapses: the badge leaves the public profile and
the supplier leaves the charter facet of /suppliers/. Reminders go once, in the reader's language."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from marketplace.networks import selectors, services
from marketplace.networks.models import CharterSignature, CharterVersion
from search.services import index_rebuild
from tests.factories import NetworkMembershipFactory, SupplierFactory, UserFactory

pytestmark = pytest.mark.django_db

JAN = datetime.datetime(2025, 1, 10, 9, tzinfo=datetime.UTC)
FEB = datetime.datetime(2025, 2, 1, 9, tzinfo=datetime.UTC)  # v2 published: re-sign by 3 March (30 days)


def facet_names(client, network):
    page = client.get(reverse("organisations:supplier-list"), {"label": f"charter-{network.slug}"})
    return {card.name for card in page.context["results"].suppliers}


@pytest.fixture
def signed_v1(
    client, post, network, coordinator, membership, supplier, supplier_admin, django_capture_on_commit_callbacks
):
    """v1 drafted and published by the coordinator (through the pages), signed by the member's admin."""
    client.force_login(coordinator)
    with time_machine.travel(JAN, tick=False):
        post(
            reverse("networks:charter", args=[network.slug]),
            {"title": "Our charter", "text": "People first.", "resign_days": 30},
        )
        post(reverse("networks:charter-publish", args=[network.slug]), {})
        client.force_login(supplier_admin)
        version = CharterVersion.objects.get(network=network, number=1)
        post(
            reverse("networks_workspace:network-action", args=[supplier.slug, network.slug, "sign"]),
            {"version": version.pk},
        )
    return version


def test_signing_shows_who_signed_which_version_when(client, signed_v1, supplier, supplier_admin, network):
    signature = CharterSignature.objects.get(supplier=supplier)
    assert (signature.version, signature.signed_by, signature.signed_at) == (signed_v1, supplier_admin, JAN)
    page = client.get(supplier.get_absolute_url()).content.decode()
    assert "Signed charter v1 of SSE Cluster on 10 January 2025" in page
    assert "Signed charter v1" in client.get(network.get_absolute_url()).content.decode()


def test_publish_resign_and_lapse(
    client, post, signed_v1, network, coordinator, supplier, supplier_admin, django_capture_on_commit_callbacks
):
    other_admin = UserFactory(language="fr")
    resigner = SupplierFactory(name="Second Coop", created_by=other_admin)
    with time_machine.travel(JAN, tick=False), django_capture_on_commit_callbacks(execute=True):
        NetworkMembershipFactory(network=network, supplier=resigner)
        services.charter_sign(supplier=resigner, version=signed_v1, by=other_admin)
    index_rebuild()  # test transactions never commit: the index follows by hand here
    assert facet_names(client, network) == {"Repair Coop", "Second Coop"}

    client.force_login(coordinator)
    mail.outbox.clear()
    with time_machine.travel(FEB, tick=False):
        post(
            reverse("networks:charter", args=[network.slug]),
            {"title": "Our charter", "text": "People and planet first.", "resign_days": 30},
        )
        post(reverse("networks:charter-publish", args=[network.slug]), {})
    v2 = CharterVersion.objects.get(network=network, number=2)
    assert v2.resign_by == datetime.datetime(2025, 3, 3, 9, tzinfo=datetime.UTC)
    assert sorted(m.to[0] for m in mail.outbox) == sorted([supplier_admin.email, other_admin.email])

    with (
        time_machine.travel(FEB + datetime.timedelta(days=1), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        services.charter_sign(supplier=resigner, version=v2, by=other_admin)

    # Within the period, v1 still counts.
    with time_machine.travel(datetime.datetime(2025, 3, 2, 9, tzinfo=datetime.UTC), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            call_command("charter_lapses")
        assert "Signed charter v1 of SSE Cluster" in client.get(supplier.get_absolute_url()).content.decode()
        assert facet_names(client, network) == {"Repair Coop", "Second Coop"}

    # After it, v1 lapses: the badge and the facet value go; the re-signed member keeps both.
    with time_machine.travel(datetime.datetime(2025, 3, 4, 9, tzinfo=datetime.UTC), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            call_command("charter_lapses")
        page = client.get(supplier.get_absolute_url()).content.decode()
        assert "Signed charter" not in page
        assert "Signed charter v2 of SSE Cluster" in client.get(resigner.get_absolute_url()).content.decode()
        assert facet_names(client, network) == {"Second Coop"}
    assert CharterSignature.objects.get(supplier=supplier).lapsed_at is not None
    state = selectors.charter_state(network=network, supplier=supplier)
    assert not state.counts and state.to_sign


def test_the_reminder_goes_once_in_the_readers_language(
    signed_v1, network, coordinator, supplier, supplier_admin, languages_rendered, django_capture_on_commit_callbacks
):
    supplier_admin.language = "de"
    supplier_admin.save()
    with time_machine.travel(FEB, tick=False):
        draft = services.charter_draft_save(
            draft=CharterVersion(network=network, title_en="v2", text_en="More.", resign_days=30)
        )
        services.charter_publish(draft=draft, by=coordinator)
    mail.outbox.clear()
    # 14 days before the lapse (3 March): reminded on 17 February, not before.
    day = datetime.datetime(2025, 2, 16, 9, tzinfo=datetime.UTC)
    with time_machine.travel(day, tick=False), django_capture_on_commit_callbacks(execute=True):
        assert services.charter_lapses() == (0, 0)
    day = datetime.datetime(2025, 2, 18, 9, tzinfo=datetime.UTC)
    with time_machine.travel(day, tick=False), django_capture_on_commit_callbacks(execute=True):
        assert services.charter_lapses() == (0, 1)
        assert services.charter_lapses() == (0, 0)
    assert [m.to for m in mail.outbox] == [[supplier_admin.email]]
    assert languages_rendered["networks/email/charter_reminder_body.txt"] == ["de"]
    # A notification of its kind (Your networks): one click in the mail program turns it off.
    assert mail.outbox[0].extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "/de/accounts/notifications/unsubscribe/" in mail.outbox[0].extra_headers["List-Unsubscribe"]


def test_only_the_current_version_is_signed_and_only_once(signed_v1, network, supplier, supplier_admin):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.charter_sign(supplier=supplier, version=signed_v1, by=supplier_admin)
    with pytest.raises(ValidationError):
        services.charter_draft_save(draft=signed_v1)


def test_a_plain_member_cannot_sign(network, membership, supplier, supplier_member):
    from django.core.exceptions import PermissionDenied

    v1 = CharterVersion.objects.create(network=network, number=1, title_en="C", text_en="T", published_at=JAN)
    with pytest.raises(PermissionDenied):
        services.charter_sign(supplier=supplier, version=v1, by=supplier_member)
