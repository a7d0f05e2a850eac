"""What the models refuse to store, and what they compute for the profile page."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from marketplace.organisations.models import ServedArea
from tests.factories import RegionFactory, SectorFactory, SupplierFactory

pytestmark = pytest.mark.django_db


def validation_errors(instance):
    """The messages full_clean() reports, by field."""
    with pytest.raises(ValidationError) as caught:
        instance.full_clean(exclude=["slug", "partner"])
    return caught.value.message_dict


@pytest.fixture
def lorraine():
    return RegionFactory(country="FR", name="Lorraine")


@pytest.fixture
def saarland():
    return RegionFactory(country="DE", name="Saarland")


class TestSupplierWorkforce:
    def test_more_vulnerable_employees_than_employees_is_rejected(self, lorraine):
        supplier = SupplierFactory.build(region=lorraine, employees=10, employees_vulnerable=11)

        errors = validation_errors(supplier)

        [message] = errors["employees_vulnerable"]
        assert "counted in the total workforce" in message
        assert "10 employees" in message

    def test_a_workforce_entirely_from_vulnerable_groups_is_accepted(self, lorraine):
        supplier = SupplierFactory.build(region=lorraine, employees=10, employees_vulnerable=10)

        supplier.full_clean(exclude=["slug", "partner"])

    def test_vulnerable_employees_without_a_total_are_rejected(self, lorraine):
        supplier = SupplierFactory.build(region=lorraine, employees=None, employees_vulnerable=4)

        errors = validation_errors(supplier)

        assert errors["employees"] == ["Give the total workforce too."]

    @pytest.mark.parametrize(
        ("employees", "vulnerable", "share"),
        [(20, 12, 60), (3, 1, 33), (3, 2, 67), (8, 0, 0), (8, 8, 100)],
    )
    def test_vulnerable_share_is_a_rounded_percentage(self, employees, vulnerable, share):
        supplier = SupplierFactory.build(employees=employees, employees_vulnerable=vulnerable)

        assert supplier.vulnerable_share == share

    @pytest.mark.parametrize(("employees", "vulnerable"), [(None, None), (0, 0), (12, None)])
    def test_vulnerable_share_is_unknown_without_both_figures(self, employees, vulnerable):
        supplier = SupplierFactory.build(employees=employees, employees_vulnerable=vulnerable)

        assert supplier.vulnerable_share is None


class TestSupplierPlace:
    def test_a_region_in_another_country_is_rejected(self, saarland):
        supplier = SupplierFactory.build(country="FR", region=saarland)

        errors = validation_errors(supplier)

        assert errors["region"] == ["Saarland is not in France."]

    def test_a_region_in_the_suppliers_country_is_accepted(self, lorraine):
        supplier = SupplierFactory.build(country="FR", region=lorraine)

        supplier.full_clean(exclude=["slug", "partner"])

    def test_no_region_is_accepted(self):
        supplier = SupplierFactory.build(country="RS", region=None)

        supplier.full_clean(exclude=["slug", "partner"])


class TestSupplierFoundingYear:
    def test_a_founding_year_in_the_future_is_rejected(self, lorraine):
        next_year = datetime.date.today().year + 1
        supplier = SupplierFactory.build(region=lorraine, founded_year=next_year)

        errors = validation_errors(supplier)

        assert errors["founded_year"] == ["The founding year cannot be in the future."]

    def test_this_year_is_accepted(self, lorraine):
        supplier = SupplierFactory.build(region=lorraine, founded_year=datetime.date.today().year)

        supplier.full_clean(exclude=["slug", "partner"])

    def test_a_founding_year_before_1800_is_rejected(self, lorraine):
        supplier = SupplierFactory.build(region=lorraine, founded_year=1799)

        assert "founded_year" in validation_errors(supplier)


class TestSectorTree:
    def test_a_sub_sector_shows_its_parent(self):
        food = SectorFactory(name="Food")
        local_food = SectorFactory(name="Local food distribution", parent=food)

        assert str(local_food) == "Food › Local food distribution"
        assert str(food) == "Food"

    def test_a_third_level_is_rejected(self):
        local_food = SectorFactory(name="Local food distribution", sub=True)
        too_deep = SectorFactory.build(name="Organic vegetables", parent=local_food)

        errors = validation_errors(too_deep)

        assert errors["parent"] == ["Sectors have two levels: choose a top-level sector as parent."]

    def test_a_sector_with_sub_sectors_cannot_get_a_parent(self):
        food = SectorFactory(name="Food")
        SectorFactory(name="Local food distribution", parent=food)
        food.parent = SectorFactory(name="Retail")

        errors = validation_errors(food)

        assert errors["parent"] == ["This sector has sub-sectors, so it must stay at the top level."]

    def test_a_sector_cannot_be_its_own_parent(self):
        food = SectorFactory(name="Food")
        food.parent = food

        assert validation_errors(food)["parent"] == ["A sector cannot be its own parent."]

    def test_a_leaf_sector_can_move_under_a_top_level_sector(self):
        reused = SectorFactory(name="Reused materials")
        reused.parent = SectorFactory(name="Construction")

        reused.full_clean()


class TestServedArea:
    def test_a_region_outside_the_country_is_rejected(self, saarland):
        area = ServedArea(supplier=SupplierFactory(), country="FR", region=saarland)

        with pytest.raises(ValidationError) as caught:
            area.full_clean()

        assert caught.value.message_dict["region"] == ["Saarland is not in France."]

    def test_a_region_inside_the_country_is_accepted(self, lorraine):
        area = ServedArea(supplier=SupplierFactory(), country="FR", region=lorraine)

        area.full_clean()
        assert str(area) == "Lorraine (FR)"

    def test_a_whole_country_reads_as_such(self):
        area = ServedArea(supplier=SupplierFactory(), country="NL")

        assert str(area) == "all of Netherlands"
