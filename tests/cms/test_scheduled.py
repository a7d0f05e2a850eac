"""Scheduled publishing: a story approved for later goes live when its time comes
(`manage.py publish_scheduled`, run from cron)."""

import datetime
import time

import pytest
from django.core.management import call_command
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from .factories import story_create

pytestmark = pytest.mark.django_db


def test_a_story_scheduled_for_later_goes_live_on_time(client, story_index, supplier):
    story = story_create(index=story_index, title="Laptops for everyone", suppliers=[supplier], publish=False)
    story.go_live_at = timezone.now() + datetime.timedelta(seconds=1)
    story.save_revision().publish()  # with a future go-live date, publishing schedules it

    story.refresh_from_db()
    assert not story.live
    assert client.get("/stories/laptops-for-everyone/").status_code == 404
    assertNotContains(client.get(story_index.url), "Laptops for everyone")

    time.sleep(1.1)  # the go-live time passes
    call_command("publish_scheduled")

    assertContains(client.get("/stories/laptops-for-everyone/"), "Laptops for everyone")
    assertContains(client.get(story_index.url), "Laptops for everyone")
