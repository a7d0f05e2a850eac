"""E-mails about colleagues are written in their reader's language: a person added to an
organisation reads theirs; an invited address, which has no account to say its own, reads
the language of the colleague who invited it. Their words are all ours (translators are
still writing them), so the language active while each was rendered is what is checked."""

import pytest
from django.core import mail
from django.utils import translation

from marketplace.organisations import services
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def invite(organisation, email, by, django_capture_on_commit_callbacks):
    # From a page shown in English: the language of the page does not matter.
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        return services.colleague_invite(organisation=organisation, email=email, role="member", by=by)


def test_an_invited_address_reads_the_inviter_s_language(
    buyer,
    buyer_admin,
    languages_rendered,
    django_capture_on_commit_callbacks,
):
    buyer_admin.language = "fr"
    buyer_admin.save()
    invite(buyer, "new.colleague@example.org", buyer_admin, django_capture_on_commit_callbacks)
    assert mail.outbox[-1].to == ["new.colleague@example.org"]
    assert languages_rendered["organisations/email/invitation_subject.txt"] == ["fr"]
    assert languages_rendered["organisations/email/invitation_body.txt"] == ["fr"]


def test_a_person_with_an_account_reads_their_own_language(
    buyer,
    buyer_admin,
    languages_rendered,
    django_capture_on_commit_callbacks,
):
    buyer_admin.language = "fr"
    buyer_admin.save()
    colleague = UserFactory(email="ute@example.org", language="de")
    invite(buyer, colleague.email, buyer_admin, django_capture_on_commit_callbacks)
    assert mail.outbox[-1].to == [colleague.email]
    assert languages_rendered["organisations/email/added_body.txt"] == ["de"]
