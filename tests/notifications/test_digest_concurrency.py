"""Two or three summary runs at the same moment (cron overlapping a slow run), each in its
own transaction and connection, on SQLite and PostgreSQL: each person gets one summary."""

import pytest
from django.core import mail

from marketplace.notifications import kinds, services
from marketplace.notifications.delivery import Message, deliver
from tests.factories import UserFactory
from tests.notifications.conftest import mails_to
from tests.order.test_concurrency import in_parallel

pytestmark = pytest.mark.django_db(transaction=True)


def test_simultaneous_runs_send_each_person_one_summary():
    people = [UserFactory() for _ in range(3)]
    for person in people:
        services.preferences_save(user=person, choices={(kinds.MESSAGE, "email"): "daily"})
    for number in range(2):
        deliver(lambda n=number: Message(subject=f"Message {n}", text="Hello."), users=people, kind=kinds.MESSAGE)
    assert mail.outbox == []

    results = in_parallel([lambda: services.digests_send(frequency="daily")] * 3)
    assert sum(results) == 3, results  # however the runs shared the work
    for person in people:
        [summary] = mails_to(person)
        assert "Message 0" in summary.body and "Message 1" in summary.body
