"""The search index follows the database after each commit, and only then.

Test transactions never commit, so `django_capture_on_commit_callbacks(execute=True)`
plays the commit: the callbacks registered by the writes inside the block run
when it exits (the reindex task runs at once in the test settings). Searches go
through the same service as the directory page and the API."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from marketplace.networks.models import CharterVersion
from marketplace.networks.services import charter_signature_import
from marketplace.organisations import services
from search import tasks
from search.interface import SupplierQuery
from search.selectors import supplier_search
from tests.factories import (
    ImpactAreaFactory,
    LabelFactory,
    NetworkFactory,
    NetworkMembershipFactory,
    ProductFactory,
    RegionFactory,
    SectorFactory,
    StockRecord,
    SupplierFactory,
    UserFactory,
    product_for_supplier,
)

pytestmark = pytest.mark.django_db


def searched(**params):
    return supplier_search(SupplierQuery.from_params(params))


def names(**params):
    return {supplier.name for supplier in searched(**params).suppliers}


def counts(facet, **params):
    """The facet's shown counts for a search: {value: count}."""
    return {option.value: option.count for option in searched(**params).facets[facet]}


class Boom(Exception):
    pass


@pytest.fixture
def operator(db):
    return UserFactory(staff=True)


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """`with commit():` runs the block's on-commit callbacks when it ends, as a commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def bakery(commit):
    """A verified supplier, indexed after its creation committed."""
    with commit():
        return SupplierFactory(name="Bright Bakery", country="LU", region=RegionFactory(country="LU"))


class TestVerification:
    def test_a_newly_verified_supplier_is_found_by_its_name_and_facets_after_the_commit(self, commit, operator):
        food = SectorFactory(name="Food", slug="food")
        catering = SectorFactory(name="Catering", slug="catering", parent=food)
        supplier = SupplierFactory(name="Küche für Alle", country="DE", sectors=[catering], unverified=True)

        with commit():
            services.supplier_verify(supplier=supplier, by=operator)

        assert names(q="kuche") == {"Küche für Alle"}
        assert names(q="für alle") == {"Küche für Alle"}
        assert names(sector="food", country="DE") == {"Küche für Alle"}
        assert counts("country") == {"DE": 1}
        assert counts("sector") == {"food": 1, "catering": 1}

    def test_before_the_commit_the_supplier_is_not_findable_yet(self, commit, operator):
        supplier = SupplierFactory(name="Patient Printers", unverified=True)

        with commit():
            services.supplier_verify(supplier=supplier, by=operator)
            # Still inside the transaction: nothing may reach the index before the commit.
            assert names(q="patient") == set()
            assert searched().total == 0

        assert names(q="patient") == {"Patient Printers"}

    def test_a_rolled_back_registration_never_reaches_the_index(self, commit, bakery):
        with commit():
            try:
                with transaction.atomic():
                    SupplierFactory(name="Ghost Gardeners", country="BE", region=None)
                    raise Boom
            except Boom:
                pass

        assert names(q="ghost") == set()
        assert "BE" not in counts("country")

        # A later commit (another change) does not bring the rolled-back supplier back either.
        with commit():
            SupplierFactory(name="Real Roofers")

        assert names(q="ghost") == set()
        assert names() == {"Bright Bakery", "Real Roofers"}

    def test_a_rename_in_a_transaction_marked_for_rollback_is_not_indexed(self, commit, bakery):
        with commit(), transaction.atomic():
            bakery.name = "Renamed Bakery"
            services.supplier_update(supplier=bakery)
            transaction.set_rollback(True)

        assert names(q="renamed") == set()
        assert names(q="bright") == {"Bright Bakery"}

    def test_withdrawing_the_verification_removes_the_supplier(self, commit, bakery, operator):
        assert names(q="bright") == {"Bright Bakery"}

        with commit():
            services.supplier_unverify(supplier=bakery, by=operator)

        assert names(q="bright") == set()
        assert searched().total == 0
        assert counts("country") == {}

    def test_deleting_a_supplier_removes_it_from_facets_and_full_text(self, commit, bakery):
        with commit():
            SupplierFactory(name="Bright Builders", country="FR")

        with commit():
            bakery.delete()

        assert names(q="bright") == {"Bright Builders"}
        assert names(q="bakery") == set()
        assert counts("country") == {"FR": 1}

    def test_a_renamed_supplier_is_found_by_its_new_name_only(self, commit, bakery):
        with commit():
            bakery.name = "Golden Crust"
            services.supplier_update(supplier=bakery)

        assert names(q="golden") == {"Golden Crust"}
        assert names(q="bright") == set()


class TestRelations:
    def test_setting_a_suppliers_sectors_updates_the_sector_counts(self, commit, bakery):
        food = SectorFactory(name="Food", slug="food")
        catering = SectorFactory(name="Catering", slug="catering", parent=food)
        building = SectorFactory(name="Construction", slug="construction")
        assert "catering" not in counts("sector")

        with commit():
            bakery.sectors.set([catering])

        assert counts("sector").keys() == {"food", "catering"}
        assert names(sector="food") == {"Bright Bakery"}
        assert names(q="catering") == {"Bright Bakery"}

        with commit():
            bakery.sectors.set([building])

        assert counts("sector").keys() == {"construction"}
        assert names(sector="food") == set()
        assert names(q="catering") == set()

    def test_adding_and_removing_suppliers_from_the_sector_side_updates_the_counts(self, commit, bakery):
        other = SupplierFactory(name="Other Oven")
        reused = SectorFactory(name="Reused materials", slug="reused-materials")

        with commit():
            reused.suppliers.add(bakery, other)

        assert counts("sector")["reused-materials"] == 2

        with commit():
            reused.suppliers.remove(other)

        assert counts("sector")["reused-materials"] == 1
        assert names(sector="reused-materials") == {"Bright Bakery"}

        with commit():
            reused.suppliers.clear()

        assert "reused-materials" not in counts("sector")
        assert names(q="reused") == set()

    def test_impact_areas_update_the_impact_counts(self, commit, bakery):
        circular = ImpactAreaFactory(name="Circular economy", slug="circular")

        with commit():
            bakery.impact_areas.add(circular)

        assert counts("impact") == {"circular": 1}
        assert names(impact="circular") == {"Bright Bakery"}

        with commit():
            bakery.impact_areas.remove(circular)

        assert counts("impact") == {}

    def test_labels_update_the_label_counts(self, commit, bakery):
        esus = LabelFactory(name="ESUS", slug="esus")

        with commit():
            esus.suppliers.add(bakery)

        assert counts("label") == {"esus": 1}

        with commit():
            esus.suppliers.clear()

        assert counts("label") == {}
        assert names(label="esus") == set()

    def test_deleting_a_label_removes_it_from_its_holders(self, commit, bakery):
        esus = LabelFactory(name="ESUS", slug="esus")
        with commit():
            bakery.labels.add(esus)

        with commit():
            esus.delete()

        assert counts("label") == {}
        assert names() == {"Bright Bakery"}

    def test_joining_a_network_signing_its_charter_and_leaving_update_the_counts(self, commit, bakery):
        cluster = NetworkFactory(name="SSE Cluster", slug="cluster")

        with commit():
            membership = NetworkMembershipFactory(network=cluster, supplier=bakery)

        assert counts("network") == {"cluster": 1}
        assert counts("label") == {}

        with commit():
            charter = CharterVersion.objects.create(
                network=cluster, number=1, title_en="Charter", text_en="People first.", published_at=timezone.now()
            )
            charter_signature_import(supplier=bakery, version=charter, signed_at=timezone.now())

        assert counts("label") == {"charter-cluster": 1}
        assert names(label="charter-cluster") == {"Bright Bakery"}

        with commit():
            membership.delete()

        assert counts("network") == {}
        assert counts("label") == {}
        assert names(network="cluster") == set()


class TestAreaServed:
    def test_changing_the_area_served_moves_the_supplier_between_places(self, commit, bakery):
        saarland = RegionFactory(country="DE", name="Saarland", slug="saarland")
        assert names(serves="LU") == {"Bright Bakery"}

        with commit():
            services.served_areas_set(supplier=bakery, regions=[saarland])

        assert names(serves="LU") == set()
        assert counts("serves") == {"DE": 1, "saarland": 1}

    def test_an_area_edited_alone_as_in_the_admin_reaches_the_index(self, commit, bakery):
        area = bakery.served_areas.get()
        with commit():
            area.region = None
            area.country = "BE"
            area.save()
        assert names(serves="BE") == {"Bright Bakery"}

        with commit():
            area.delete()
        assert counts("serves") == {}


class TestShop:
    def test_a_product_in_stock_makes_the_supplier_sell_online_and_its_title_searchable(self, commit, bakery):
        assert counts("sells_online") == {"no": 1}

        with commit():
            stool = product_for_supplier(supplier=bakery, title="Oak stool")

        assert counts("sells_online") == {"yes": 1}
        assert names(q="oak stool") == {"Bright Bakery"}

        with commit():
            StockRecord.objects.get(product=stool).delete()

        assert counts("sells_online") == {"no": 1}
        assert names(q="oak") == set()

    def test_a_renamed_product_is_found_by_its_new_title(self, commit, bakery):
        with commit():
            loaf = product_for_supplier(supplier=bakery, title="Sourdough loaf")

        with commit():
            loaf.title = "Rye loaf"
            loaf.save()

        assert names(q="rye") == {"Bright Bakery"}
        assert names(q="sourdough") == set()

    def test_a_product_sold_in_variants_is_found_by_its_parents_title(self, commit, bakery):
        with commit():
            shirt = ProductFactory(title="Organic T-shirt", structure="parent")
            for size in ("S", "M"):
                variant = ProductFactory(title="", structure="child", parent=shirt, product_class=None)
                StockRecord.objects.create(product=variant, partner=bakery.partner, partner_sku=f"TS-{size}", price=18)

        assert names(q="organic shirt") == {"Bright Bakery"}
        assert counts("sells_online") == {"yes": 1}

        with commit():
            shirt.title = "Hemp T-shirt"
            shirt.save()

        assert names(q="hemp") == {"Bright Bakery"}
        assert names(q="organic") == set()

    def test_withdrawing_a_product_sold_in_variants_removes_its_title(self, commit, bakery):
        with commit():
            shirt = ProductFactory(title="Organic T-shirt", structure="parent")
            variant = ProductFactory(title="", structure="child", parent=shirt, product_class=None)
            StockRecord.objects.create(product=variant, partner=bakery.partner, partner_sku="TS-S", price=18)

        with commit():
            shirt.is_public = False
            shirt.save()

        assert names(q="organic") == set()
        assert counts("sells_online") == {"no": 1}


class TestVocabulary:
    def test_a_renamed_sector_is_searchable_by_its_new_name(self, commit):
        furniture = SectorFactory(name="Furniture", slug="furniture")
        with commit():
            SupplierFactory(name="Wood Works", sectors=[furniture])

        with commit():
            furniture.name = "Upcycled furniture"
            furniture.save()

        assert names(q="upcycled") == {"Wood Works"}

    def test_renaming_a_parent_sector_reaches_the_suppliers_of_its_sub_sectors(self, commit):
        food = SectorFactory(name="Food", slug="food")
        catering = SectorFactory(name="Catering", slug="catering", parent=food)
        with commit():
            SupplierFactory(name="Canteen Collective", sectors=[catering])

        with commit():
            food.name = "Gastronomy"
            food.save()

        assert names(q="gastronomy") == {"Canteen Collective"}

    def test_a_renamed_region_is_searchable_by_its_new_name(self, commit):
        lorraine = RegionFactory(country="FR", name="Lorraine", slug="lorraine")
        with commit():
            SupplierFactory(name="Metz Menders", country="FR", region=lorraine)
        assert names(q="lorraine") == {"Metz Menders"}

        with commit():
            lorraine.name = "Moselle"
            lorraine.save()

        assert names(q="moselle") == {"Metz Menders"}

    def test_a_new_region_is_served_by_those_serving_its_whole_country(self, commit):
        with commit():
            SupplierFactory(name="France Entière", country="FR", served_countries=["FR"])
            SupplierFactory(name="Lux Local", country="LU")

        with commit():
            RegionFactory(country="FR", name="Bretagne", slug="bretagne")

        assert names(serves="bretagne") == {"France Entière"}

    def test_a_networks_new_slug_finds_its_members(self, commit):
        cluster = NetworkFactory(name="SSE Cluster", slug="sse-cluster")
        with commit():
            NetworkMembershipFactory(network=cluster, supplier=SupplierFactory(name="Metz Menders"), signed=True)

        with commit():
            cluster.slug = "sse-cluster-grande-region"
            cluster.save()

        assert names(network="sse-cluster-grande-region") == {"Metz Menders"}
        assert names(label="charter-sse-cluster-grande-region") == {"Metz Menders"}


class TestOneTaskPerTransaction:
    def test_several_changes_in_one_transaction_enqueue_one_reindex(self, commit, monkeypatch):
        real = tasks.reindex_suppliers
        calls = []

        class Spy:
            """Counts the enqueues and still enqueues, so the index really follows."""

            def enqueue(self, *args, **kwargs):
                calls.append(args)
                return real.enqueue(*args, **kwargs)

        monkeypatch.setattr(tasks, "reindex_suppliers", Spy())
        sector = SectorFactory(name="Printing", slug="printing")
        label = LabelFactory(name="B Corp", slug="b-corp")

        with commit():
            with transaction.atomic():
                first = SupplierFactory(name="First Press", sectors=[sector])
                second = SupplierFactory(name="Second Press")
                label.suppliers.add(first, second)
                first.impact_areas.add(ImpactAreaFactory())
                product_for_supplier(supplier=second, title="Letterpress cards")
            assert calls == []  # nothing before the commit

        assert len(calls) == 1
        (ids,) = calls[0]
        assert {first.pk, second.pk} <= set(ids)
        assert names(q="press") == {"First Press", "Second Press"}
        assert counts("label") == {"b-corp": 2}
        assert names(q="letterpress") == {"Second Press"}


class TestRebuildCommand:
    def test_rebuild_indexes_exactly_the_verified_suppliers_and_prints_the_count(self):
        SupplierFactory(name="Alpha Bakers", country="LU")
        SupplierFactory(name="Zinc Roofers", country="FR")
        SupplierFactory(name="Hidden Weavers", country="BE", region=None, unverified=True)
        assert searched().total == 0  # the writes above never committed: nothing indexed yet

        out = StringIO()
        call_command("search_index", "rebuild", "--no-progress", stdout=out)

        assert "2 suppliers indexed in: database." in out.getvalue()
        assert names() == {"Alpha Bakers", "Zinc Roofers"}
        assert names(q="hidden") == set()
        assert counts("country") == {"LU": 1, "FR": 1}

    def test_rebuild_drops_what_the_index_holds_but_the_database_no_longer_does(self, bakery, operator):
        services.supplier_unverify(supplier=bakery, by=operator)  # not committed: the index still has it
        assert names(q="bright") == {"Bright Bakery"}

        out = StringIO()
        call_command("search_index", "rebuild", "--no-progress", stdout=out)

        assert "0 suppliers indexed in: database." in out.getvalue()
        assert names(q="bright") == set()
        assert searched().total == 0
