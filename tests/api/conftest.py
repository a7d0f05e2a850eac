"""Keys for the organisations of the shared purchase (tests/order/fixtures): Green Crates
and Reuse Yard (suppliers), the buyer and another buying firm, and a client that sends them."""

import json

import pytest

from catalogue.services import category_for_sector
from marketplace.apikeys.models import Scope
from marketplace.apikeys.services import apikey_create
from tests.factories import SectorFactory
from tests.sourcing.conftest import market  # noqa: F401  (a small market of needs)
from tests.workspace.conftest import *  # noqa: F403  (the shared purchase, its suppliers and people)


def new_key(organisation, by, scope=Scope.WRITE, **kwargs) -> str:
    return apikey_create(organisation=organisation, by=by, name="ERP", scope=scope, **kwargs).key


class ApiClient:
    """The test client with a bearer key; JSON bodies."""

    def __init__(self, client, key):
        self.client, self.key = client, key

    def _headers(self, headers):
        return {"HTTP_AUTHORIZATION": f"Bearer {self.key}", **{f"HTTP_{k.upper().replace('-', '_')}": v
                                                             for k, v in (headers or {}).items()}}  # fmt: skip

    def get(self, path, data=None, headers=None):
        return self.client.get(path, data, **self._headers(headers))

    def post(self, path, body=None, headers=None):
        return self.client.post(path, json.dumps(body or {}), content_type="application/json", **self._headers(headers))

    def delete(self, path, headers=None):
        return self.client.delete(path, **self._headers(headers))

    def patch(self, path, body=None, headers=None):
        return self.client.patch(
            path, json.dumps(body or {}), content_type="application/json", **self._headers(headers)
        )


@pytest.fixture
def food_category(product_classes):
    return category_for_sector(SectorFactory(name="Food"))


@pytest.fixture
def crates_api(client, crates, crates_admin):
    return ApiClient(client, new_key(crates, crates_admin))


@pytest.fixture
def yard_api(client, yard, yard_admin):
    return ApiClient(client, new_key(yard, yard_admin))


@pytest.fixture
def buyer_api(client, buyer, buyer_admin):
    return ApiClient(client, new_key(buyer, buyer_admin))
