"""The API keys page: administrators create a key (shown once, kept as a hash) and revoke
it; members and other organisations get a 404; revoked and expired keys stop working."""

import hashlib
import re
from datetime import timedelta

import pytest
from django.utils import timezone

from marketplace.apikeys.models import ApiKey, Scope
from marketplace.apikeys.services import apikey_create
from tests.factories import BuyerFactory, UserFactory

pytestmark = pytest.mark.django_db

KEY = re.compile(r'value="(rsp_[0-9a-f]{8}_[\w-]+)"')


def products(client, key):
    return client.get("/api/supplier/products/", HTTP_AUTHORIZATION=f"Bearer {key}")


def test_an_administrator_sees_the_new_key_once_and_only_its_hash_is_kept(client, supplier, supplier_admin):
    client.force_login(supplier_admin)
    page = f"/suppliers/{supplier.slug}/api-keys/"

    response = client.post(page, {"name": "Stock sync", "scope": Scope.WRITE})

    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    key = KEY.search(response.content.decode()).group(1)
    api_key = ApiKey.objects.get()
    assert (api_key.name, api_key.scope, api_key.created_by) == ("Stock sync", Scope.WRITE, supplier_admin)
    assert api_key.secret_hash == hashlib.sha256(key.encode()).hexdigest()
    assert key not in str(ApiKey.objects.values().get())
    listing = client.get(page).content.decode()
    assert api_key.prefix in listing and key not in listing
    assert products(client, key).status_code == 200


def test_a_revoked_key_gets_401_and_the_page_says_so(client, supplier, supplier_admin):
    key = apikey_create(organisation=supplier, by=supplier_admin, name="ERP", scope=Scope.READ).key
    client.force_login(supplier_admin)

    response = client.post(f"/suppliers/{supplier.slug}/api-keys/{ApiKey.objects.get().pk}/revoke/", follow=True)

    assert "no longer works" in response.content.decode()
    answer = products(client, key)
    assert answer.status_code == 401 and answer.json()["error"]["code"] == "key_revoked"


def test_an_expired_key_and_a_key_whose_creator_left_get_401(client, supplier, supplier_admin, supplier_member):
    expiring = apikey_create(
        organisation=supplier, by=supplier_admin, name="A", scope=Scope.READ, expires_at=timezone.now() + timedelta(1)
    )
    ApiKey.objects.filter(pk=expiring.api_key.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert products(client, expiring.key).json()["error"]["code"] == "key_expired"

    leaving = apikey_create(organisation=supplier, by=supplier_admin, name="B", scope=Scope.READ).key
    supplier.memberships.filter(user=supplier_admin).delete()
    assert products(client, leaving).json()["error"]["code"] == "key_owner_left"
    assert products(client, leaving[:-1] + ("A" if leaving[-1] != "A" else "B")).status_code == 401


@pytest.mark.parametrize("who", ["member", "other_admin", "staff"])
def test_members_and_other_organisations_get_404(client, supplier, supplier_admin, supplier_member, staff_user, who):
    api_key = apikey_create(organisation=supplier, by=supplier_admin, name="ERP", scope=Scope.READ).api_key
    other_admin = UserFactory(email="boss@elsewhere.example")
    BuyerFactory(name="Elsewhere", created_by=other_admin)
    client.force_login({"member": supplier_member, "other_admin": other_admin, "staff": staff_user}[who])

    assert client.get(f"/suppliers/{supplier.slug}/api-keys/").status_code == 404
    assert client.post(f"/suppliers/{supplier.slug}/api-keys/", {"name": "x", "scope": "write"}).status_code == 404
    assert client.post(f"/suppliers/{supplier.slug}/api-keys/{api_key.pk}/revoke/").status_code == 404
    assert ApiKey.objects.get().revoked_at is None and ApiKey.objects.count() == 1


def test_a_buyer_administrator_manages_keys_from_the_buyer_page(client, buyer, buyer_admin):
    client.force_login(buyer_admin)
    assert f"/buyers/{buyer.slug}/api-keys/" in client.get(f"/buyers/{buyer.slug}/").content.decode()

    response = client.post(
        f"/buyers/{buyer.slug}/api-keys/", {"name": "", "scope": "write", "expires_on": "2000-01-01"}
    )

    assert response.status_code == 200 and not ApiKey.objects.exists()
    assert response.context["form"].errors.keys() == {"name"}
    response = client.post(
        f"/buyers/{buyer.slug}/api-keys/", {"name": "P2P", "scope": "read", "expires_on": "2000-01-01"}
    )
    assert "expires_on" in response.context["form"].errors and not ApiKey.objects.exists()


def test_creating_and_revoking_a_key_shows_in_the_organisations_security_log(client, supplier, supplier_admin):
    client.force_login(supplier_admin)
    client.post(f"/suppliers/{supplier.slug}/api-keys/", {"name": "Stock sync", "scope": Scope.WRITE})
    client.post(f"/suppliers/{supplier.slug}/api-keys/{ApiKey.objects.get().pk}/revoke/")

    log = client.get(f"/workspace/{supplier.slug}/security/").content.decode()

    assert "API key created" in log and "API key revoked" in log and "Stock sync" in log
