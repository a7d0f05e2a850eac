"""The operator role: staff in the Operators group run the shop dashboard, verify
organisations and moderate needs without being superusers, and cannot hand
themselves more rights."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from marketplace.accounts.services import operator_make
from tests.factories import SupplierFactory, UserFactory

pytestmark = pytest.mark.django_db

RUN_BY_OPERATORS = [
    "dashboard:index",
    "dashboard:catalogue-product-list",
    "dashboard:order-list",
    "dashboard:partner-list",
    # Oscar's offer list pages an unordered queryset (its warning is an error in tests).
    pytest.param("dashboard:offer-list", marks=pytest.mark.filterwarnings("ignore::RuntimeWarning")),
    "dashboard:voucher-list",
    "dashboard:reports-index",
    "dashboard:users-index",
    "admin:organisations_supplier_changelist",
    "admin:sourcing_need_changelist",
    "sourcing:moderation",
]


@pytest.fixture
def operator():
    user = UserFactory(email="olga@responsible.example")
    operator_make(user=user)
    return user


@pytest.mark.parametrize("name", RUN_BY_OPERATORS)
def test_an_operator_reaches_what_operators_run(client, operator, name):
    client.force_login(operator)
    assert client.get(reverse(name)).status_code == 200


@pytest.mark.parametrize("name", ["dashboard:catalogue-product-list", "dashboard:order-list"])
def test_staff_status_alone_does_not_open_the_shop_dashboard(client, staff_user, name):
    client.force_login(staff_user)
    assert client.get(reverse(name)).status_code == 403


def test_an_operator_verifies_a_supplier_in_the_admin(client, operator):
    supplier = SupplierFactory(name="Fresh Start Bakery", unverified=True)
    client.force_login(operator)
    page = client.get(reverse("admin:organisations_supplier_change", args=[supplier.pk]))
    assert page.status_code == 200
    assert "Fresh Start Bakery" in page.content.decode()


def test_an_operator_cannot_change_people_or_grant_rights(client, operator):
    client.force_login(operator)
    page = client.get(reverse("admin:accounts_user_change", args=[operator.pk]))
    assert page.status_code == 200 and "Save" not in page.content.decode()  # read only
    response = client.post(
        reverse("admin:accounts_user_change", args=[operator.pk]),
        {"email": operator.email, "is_superuser": "on", "is_staff": "on", "is_active": "on"},
    )
    assert response.status_code == 403
    operator.refresh_from_db()
    assert not operator.is_superuser
    assert client.get(reverse("admin:auth_group_changelist")).status_code == 403


def test_roles_ensure_creates_the_groups_once(wagtail_site):
    out = StringIO()
    call_command("roles_ensure", stdout=out)
    call_command("roles_ensure", stdout=out)
    lines = out.getvalue().splitlines()
    assert [line.split(":")[0] for line in lines] == ["Operators", "Editors", "Moderators"] * 2
    assert lines[:3] == lines[3:]  # the second run changes nothing
