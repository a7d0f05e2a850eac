"""Settings for several machines: a read replica for marked reads, sessions through Redis, media on S3."""

import copy
import time
import uuid

import boto3
import pytest
from django.core.files.base import ContentFile
from django.db import router
from django.http import HttpResponse
from django.test import RequestFactory, override_settings
from moto import mock_aws

from marketplace.core.replica import PIN_KEY, reads_from_replica, replica_reads
from marketplace.organisations.models import Supplier
from marketplace.settings.storage import s3_storages


@pytest.fixture
def with_replica(settings):
    settings.DATABASES = {**settings.DATABASES, "replica": copy.deepcopy(settings.DATABASES["default"])}


def test_without_a_replica_every_read_uses_the_primary():
    with replica_reads():
        assert Supplier.objects.all().db == "default"


def test_marked_reads_use_the_replica_and_writes_never_do(with_replica):
    assert Supplier.objects.all().db == "default"
    with replica_reads():
        assert Supplier.objects.all().db == "replica"
        assert router.db_for_write(Supplier) == "default"
    assert not router.allow_migrate("replica", "organisations")


class FakeSession(dict):
    pass


def routed_view(request):
    return HttpResponse(Supplier.objects.all().db)


@pytest.mark.parametrize(
    ("method", "pinned", "expected"),
    [("get", False, "replica"), ("post", False, "default"), ("get", True, "default")],
    ids=["a page read", "a form sent", "a page read just after writing"],
)
def test_a_marked_view_reads_from_the_replica_unless_its_visitor_just_wrote(with_replica, method, pinned, expected):
    request = getattr(RequestFactory(), method)("/suppliers/")
    request.session = FakeSession({PIN_KEY: time.time() + 10} if pinned else {})
    assert reads_from_replica(routed_view)(request).content.decode() == expected


@pytest.mark.django_db
def test_a_visitor_who_writes_is_pinned_to_the_primary_for_a_few_seconds(client, with_replica, settings):
    settings.REPLICA_PIN_SECONDS = 10
    client.post("/en/accounts/login/", {"login-username": "nobody@example.com", "login-password": "x"})
    assert client.session[PIN_KEY] == pytest.approx(time.time() + 10, abs=3)


pytestmark = pytest.mark.filterwarnings("ignore:Overriding setting DATABASES")


def redis_reachable():
    try:
        import redis

        return redis.Redis.from_url("redis://127.0.0.1:6379/15", socket_connect_timeout=1).ping()
    except Exception:
        return False


@pytest.mark.django_db
@pytest.mark.skipif(not redis_reachable(), reason="no Redis at 127.0.0.1:6379")
def test_sessions_are_kept_in_redis_and_in_the_database(client):
    prefix = f"test-{uuid.uuid4().hex}"
    redis_cache = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/15",
            "KEY_PREFIX": prefix,
        }
    }
    with override_settings(CACHES=redis_cache, SESSION_ENGINE="django.contrib.sessions.backends.cached_db"):
        from django.contrib.sessions.models import Session
        from django.core.cache import cache

        from tests.factories import UserFactory

        client.force_login(UserFactory())
        key = client.session.session_key
        assert cache.get(f"django.contrib.sessions.cached_db{key}") is not None
        assert Session.objects.filter(session_key=key).exists()
        cache.clear()


@mock_aws
def test_media_on_s3_public_files_get_plain_links_and_private_ones_signed_short_lived_links():
    env = {
        "AWS_STORAGE_BUCKET_NAME": "responsible-media",
        "AWS_S3_REGION_NAME": "eu-west-1",
        "AWS_PRIVATE_STORAGE_BUCKET_NAME": "responsible-private",
    }.get
    s3 = boto3.client("s3", region_name="eu-west-1")
    for bucket in ("responsible-media", "responsible-private"):
        s3.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "eu-west-1"})
    with override_settings(
        STORAGES={
            **s3_storages(env),
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        }
    ):
        from django.core.files.storage import default_storage, storages

        logo = default_storage.save("logos/panier.png", ContentFile(b"png bytes"))
        quote = storages["private"].save("quotes/offer.pdf", ContentFile(b"%PDF quote"))
        again = default_storage.save("logos/panier.png", ContentFile(b"other bytes"))

        assert s3.get_object(Bucket="responsible-media", Key=f"media/{logo}")["Body"].read() == b"png bytes"
        assert again != logo  # nothing overwritten
        assert "Signature" not in default_storage.url(logo) and "X-Amz" not in default_storage.url(logo)
        private_url = storages["private"].url(quote)
        assert private_url.startswith("https://responsible-private.") and "Signature=" in private_url
        expires = int(private_url.rsplit("Expires=", 1)[1])
        assert expires == pytest.approx(time.time() + 300, abs=5)
        grants = s3.get_object_acl(Bucket="responsible-private", Key=f"private/{quote}")["Grants"]
        assert all("AllUsers" not in str(grant.get("Grantee", {})) for grant in grants)
