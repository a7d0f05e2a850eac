"""The audit log: each security-relevant action leaves one event saying who, what, to what,
for which organisation and from where; operators search it read-only in the Django admin;
an organisation's administrators read its own events, and nobody else does."""

import datetime as dt

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse

from marketplace.audit.models import Action, AuditEvent
from marketplace.audit.services import record
from marketplace.organisations import services
from marketplace.organisations.models import Role
from tests.factories import UserFactory
from tests.verification.factories import label_claim, operator_user

pytestmark = pytest.mark.django_db


def only(action):
    return AuditEvent.objects.get(action=action)


def test_a_role_change_and_a_removal_are_recorded_for_the_organisation(
    client, supplier, supplier_admin, supplier_member
):
    client.force_login(supplier_admin)
    membership = supplier.memberships.get(user=supplier_member)
    url = reverse(
        "organisations:supplier-member-change", kwargs={"slug": supplier.slug, "pk": membership.pk, "action": "role"}
    )
    client.post(url, {"role": Role.ADMIN}, REMOTE_ADDR="203.0.113.5")
    event = only(Action.MEMBER_ROLE_CHANGED)
    assert (event.actor, event.actor_organisation, event.organisation) == (
        supplier_admin,
        supplier.organisation_ptr,
        supplier.organisation_ptr,
    )
    assert (event.target_label, event.details, event.ip_address) == (
        supplier_member.email,
        {"role_before": Role.MEMBER, "role": Role.ADMIN},
        "203.0.113.5",
    )
    client.post(url.replace("/role/", "/remove/"))
    assert only(Action.MEMBER_REMOVED).target_id == str(supplier_member.pk)


def test_a_refused_change_records_nothing(supplier, supplier_admin):
    with pytest.raises(ValidationError):
        services.membership_remove(membership=supplier.memberships.get(user=supplier_admin))  # the last admin
    assert not AuditEvent.objects.filter(action=Action.MEMBER_REMOVED).exists()


def test_changed_bank_details_are_recorded_without_the_number(supplier):
    supplier.iban = "LU28 0019 4006 4475 0000"
    services.supplier_update(supplier=supplier)
    supplier.description = "Nothing about money"
    services.supplier_update(supplier=supplier)
    event = only(Action.BANK_DETAILS_CHANGED)
    assert event.organisation_id == supplier.pk and event.details["iban"] == "LU…0000"
    assert "4475" not in str(event.details)


def test_verification_decisions_are_recorded(unverified_supplier):
    operator = operator_user()
    services.supplier_verify(supplier=unverified_supplier, by=operator)
    services.supplier_unverify(supplier=unverified_supplier, by=operator)
    assert only(Action.SUPPLIER_VERIFIED).actor == operator
    event = only(Action.SUPPLIER_UNVERIFIED)
    assert event.organisation_id == unverified_supplier.pk and event.actor_organisation is None


def test_claim_decisions_are_recorded(supplier):
    from marketplace.verification import services as verification
    from tests.factories import LabelFactory

    operator = operator_user()
    claim = label_claim(supplier, LabelFactory())
    verification.claim_decide(claim=claim, by=operator, verified=False, note="The certificate has expired.")
    event = only(Action.CLAIM_REJECTED)
    assert event.actor == operator and event.organisation_id == supplier.pk
    assert event.details["note"] == "The certificate has expired."


def test_a_sign_in_lockout_is_recorded(client, user):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            reverse("accounts:login"), {"username": user.email, "password": "wrong"}, REMOTE_ADDR="198.51.100.9"
        )
    event = only(Action.SIGN_IN_LOCKED_OUT)
    assert (event.actor, event.target_id, event.ip_address) == (None, str(user.pk), "198.51.100.9")


@pytest.fixture
def logged(supplier, buyer, buyer_admin):
    """A few events of two organisations over three days (and none of the factories' verifications)."""
    AuditEvent.objects.all().delete()
    other = UserFactory(email="ines@other.example")
    events = [
        record(
            Action.BANK_DETAILS_CHANGED, actor=supplier.memberships.get().user, target=supplier, organisation=supplier
        ),
        record(Action.MEMBER_REMOVED, actor=buyer_admin, target=other, target_label=other.email, organisation=buyer),
        record(Action.TWO_FACTOR_ENABLED, actor=other, target=other),
    ]
    for day, event in enumerate(events, start=1):
        AuditEvent.objects.filter(pk=event.pk).update(created=dt.datetime(2026, 3, day, 12, tzinfo=dt.UTC))
    return events


def changelist(client, **query):
    response = client.get(reverse("admin:audit_auditevent_changelist"), query)
    assert response.status_code == 200
    return [event.pk for event in response.context["cl"].result_list]


def test_operators_search_the_log_in_the_admin(client, logged, buyer_admin, supplier):
    client.force_login(operator_user())
    bank, removal, two_factor = (event.pk for event in logged)
    assert changelist(client, q=buyer_admin.email) == [removal]
    assert changelist(client, q=supplier.name) == [bank]
    assert changelist(client, action__exact=Action.TWO_FACTOR_ENABLED) == [two_factor]
    assert changelist(client, created__gte="2026-03-02 00:00:00+00:00", created__lt="2026-03-04 00:00:00+00:00") == [
        two_factor,
        removal,
    ]


def test_the_admin_log_cannot_be_changed(client, logged):
    client.force_login(operator_user())
    event = logged[0]
    assert client.get(reverse("admin:audit_auditevent_add")).status_code == 403
    assert client.post(reverse("admin:audit_auditevent_delete", args=[event.pk]), {"post": "yes"}).status_code == 403
    page = client.get(reverse("admin:audit_auditevent_change", args=[event.pk]))
    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()


def test_an_organisations_admins_read_its_events_only(client, logged, supplier, supplier_admin, buyer, buyer_admin):
    supplier_page = reverse("audit_workspace:events", kwargs={"slug": supplier.slug})
    buyer_page = reverse("audit:buyer-events", kwargs={"slug": buyer.slug})
    client.force_login(supplier_admin)
    page = client.get(supplier_page).content.decode()
    assert "Bank details changed" in page and "Colleague removed" not in page
    assert client.get(buyer_page).status_code == 404
    client.force_login(buyer_admin)
    page = client.get(buyer_page).content.decode()
    assert "Colleague removed" in page and "ines@other.example" in page and "Bank details changed" not in page
    assert client.get(supplier_page).status_code == 404


def test_plain_members_are_told_it_is_for_administrators(client, logged, buyer, buyer_member):
    client.force_login(buyer_member)
    response = client.get(reverse("audit:buyer-events", kwargs={"slug": buyer.slug}))
    assert response.status_code == 403 and "Only the administrators" in response.content.decode()


def test_the_log_page_keeps_to_a_query_budget(client, supplier, supplier_admin, django_assert_max_num_queries):
    AuditEvent.objects.all().delete()
    for _ in range(30):
        record(Action.MEMBER_ROLE_CHANGED, actor=supplier_admin, target=supplier_admin, organisation=supplier)
    client.force_login(supplier_admin)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("audit_workspace:events", kwargs={"slug": supplier.slug}))
    assert response.status_code == 200 and response.content.decode().count("Colleague&#x27;s role changed") == 30


def test_anonymous_visitors_are_sent_to_sign_in(client, buyer):
    response = client.get(reverse("audit:buyer-events", kwargs={"slug": buyer.slug}))
    assert response.status_code == 302 and reverse("accounts:login") in response.url


def test_password_reset_is_recorded(client, user):
    from django.contrib.auth.tokens import default_token_generator
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    url = client.get(f"/shop/password-reset/confirm/{uid}/{token}/").url
    client.post(url, {"new_password1": "a-long-new-passphrase", "new_password2": "a-long-new-passphrase"})
    assert only(Action.PASSWORD_CHANGED).actor == user
