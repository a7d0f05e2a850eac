"""The shop's categories follow the sector taxonomy."""

import pytest
from oscar.core.loading import get_model

from catalogue.services import categories_sync, category_for_sector
from tests.factories import SectorFactory

Category = get_model("catalogue", "Category")

pytestmark = pytest.mark.django_db


def test_a_new_sector_gets_a_category_under_its_parents():
    food = SectorFactory(name="Food")
    catering = SectorFactory(name="Catering", parent=food)

    category = Category.objects.get(sector=catering)

    assert category.name == "Catering"
    assert category.get_parent().sector == food
    assert category.full_name == "Food > Catering"


def test_renaming_a_sector_renames_its_category_but_keeps_its_address():
    food = SectorFactory(name="Food")
    category = Category.objects.get(sector=food)
    url = category.get_absolute_url()

    food.name = "Food and drink"
    food.save()

    category.refresh_from_db()
    assert category.name == "Food and drink"
    assert category.get_absolute_url() == url


def test_moving_a_sector_moves_its_category():
    food, logistics = SectorFactory(name="Food"), SectorFactory(name="Logistics")
    delivery = SectorFactory(name="Bicycle delivery", parent=food)

    delivery.parent = logistics
    delivery.save()

    assert Category.objects.get(sector=delivery).get_parent().sector == logistics


def test_an_existing_category_of_the_same_name_is_adopted_not_duplicated():
    from oscar.apps.catalogue.categories import create_from_breadcrumbs

    existing = create_from_breadcrumbs("Textiles > Workwear")
    Category.objects.filter(sector__isnull=False).delete()

    textiles = SectorFactory.build(name="Textiles", slug="textiles")
    textiles.save()
    workwear = SectorFactory.build(name="Workwear", slug="workwear", parent=textiles)
    workwear.save()

    assert category_for_sector(workwear).pk == existing.pk
    assert Category.objects.filter(name="Workwear").count() == 1


def test_sync_is_idempotent():
    SectorFactory(name="Cleaning", sub=False)
    SectorFactory(name="Printing")
    before = Category.objects.count()

    assert categories_sync() == 2
    categories_sync()

    assert Category.objects.count() == before


def test_the_command_links_sectors_made_before_categories_followed_them():
    from io import StringIO

    from django.core.management import call_command

    food = SectorFactory(name="Food")
    Category.objects.all().delete()  # as in a database older than the sector link

    out = StringIO()
    call_command("categories_sync", stdout=out)

    assert Category.objects.get(sector=food).name == "Food"
    assert "1 sectors have their category." in out.getvalue()
