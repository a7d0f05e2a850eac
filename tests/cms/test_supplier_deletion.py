"""A supplier featured in a story cannot be deleted: the operator is told which
stories name it, and the story keeps standing."""

import pytest
from django.db.models import ProtectedError
from django.urls import reverse
from pytest_django.asserts import assertContains

from marketplace.organisations.models import Supplier
from tests.factories import SupplierFactory

from .factories import story_create

pytestmark = pytest.mark.django_db


def test_the_admin_refuses_to_delete_a_supplier_featured_in_a_story(client, superuser, story_index, supplier):
    story = story_create(index=story_index, title="Canteen meals from local farms", suppliers=[supplier])
    client.force_login(superuser)

    url = reverse("admin:organisations_supplier_delete", args=[supplier.pk])
    page = client.get(url)
    client.post(url, {"post": "yes"})

    assertContains(page, "Cannot delete supplier")
    assertContains(page, "the story “Canteen meals from local farms”")
    assert Supplier.objects.filter(pk=supplier.pk).exists()
    assertContains(client.get(story.url), "Repair Coop")


def test_deleting_it_in_code_is_refused_too(story_index, supplier):
    story_create(index=story_index, title="A draft about repair", suppliers=[supplier], publish=False)

    with pytest.raises(ProtectedError):
        supplier.delete()


def test_a_supplier_in_no_story_can_be_deleted(client, superuser, story_index, supplier):
    story_create(index=story_index, title="Someone else's story", suppliers=[SupplierFactory()])
    client.force_login(superuser)

    client.post(reverse("admin:organisations_supplier_delete", args=[supplier.pk]), {"post": "yes"})

    assert not Supplier.objects.filter(pk=supplier.pk).exists()
