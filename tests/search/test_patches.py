"""A write shows in the next search without reading the whole index again: the
database backend patches its snapshot with the entries the write changed
(search/backends/bitmaps.py). After any sequence of writes (renames, prices,
stock, withdrawals, deletions, new products, dates), a search answers what the
brute-force oracle of test_contract_products computes over the documents as they
are now, and the snapshot it answers from was patched, not loaded again."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search.backends import bitmaps
from search.backends.database import DatabaseBackend
from search.interface import ProductQuery, SupplierQuery
from search.models import IndexChange
from search.product_documents import product_documents
from search.services import index_rebuild, products_reindex, suppliers_reindex
from tests.factories import StockRecord, SupplierFactory, goods_for_supplier
from tests.search.test_contract import VOCABULARY
from tests.search.test_contract_products import PRICES, oracle, queries, relevance_page, world  # noqa: F401

Product = StockRecord._meta.apps.get_model("catalogue", "Product")
Supplier = SupplierFactory._meta.model


def rename(product, draw):
    Product.objects.filter(pk=product.pk).update(
        title=" ".join(draw(st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=4)))
    )


def reprice(product, draw):
    StockRecord.objects.filter(product=product).update(price=draw(st.sampled_from(PRICES)))


def restock(product, draw):
    StockRecord.objects.filter(product=product).update(num_in_stock=draw(st.sampled_from([0, 3])))


def withdraw(product, draw):
    Product.objects.filter(pk=product.pk).update(is_public=False)


def delete(product, draw):
    product.delete()


def redate(product, draw):
    moved = product.date_created + timedelta(days=draw(st.integers(-90, 90)))
    Product.objects.filter(pk=product.pk).update(date_created=moved)


def create(product, draw):
    """A new product from the same supplier: its id is above every entry's."""
    supplier = Supplier.objects.get(partner__stockrecords__product=product)
    created = goods_for_supplier(
        supplier=supplier,
        title=" ".join(draw(st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=3))),
        price=Decimal("7.77"),
    )
    return created.pk


WRITES = [rename, reprice, restock, withdraw, delete, redate, create]


def live_snapshot(index="products"):
    return next(snapshot for (name, _alias), snapshot in bitmaps._snapshots.items() if name == index)


def assert_answers_equal_the_oracle(backend, documents, query):
    hits, counts = oracle(documents, query)
    found = backend.search(query)
    assert found.total == len(hits)
    if query.effective_sort == "relevance":
        assert found.ids == relevance_page(documents, query)
    else:
        assert found.ids == [doc.id for doc in hits[query.offset : query.offset + query.page_size]]
    for facet in query.facet_names():
        assert {value: n for value, n in found.counts.get(facet, {}).items() if n} == counts[facet], facet


@pytest.mark.django_db
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), small_blocks=st.booleans())
def test_searches_after_writes_equal_the_oracle_from_a_patched_snapshot(world, monkeypatch, data, small_blocks):  # noqa: F811
    """With small blocks and no sorting of small hit sets, pages walk the patched
    orders block by block; otherwise they sort the hits by the patched ranks."""
    monkeypatch.setattr(bitmaps, "SPARSE", 0 if small_blocks else bitmaps.SPARSE)
    monkeypatch.setattr(bitmaps, "BLOCK", 3 if small_blocks else bitmaps.BLOCK)
    backend = DatabaseBackend("products")
    with transaction.atomic():
        bitmaps._snapshots.clear()
        backend.search(ProductQuery())  # the snapshot every write below patches
        products = list(Product.objects.filter(pk__in=[doc.id for doc in world]).order_by("pk"))
        for _write in range(data.draw(st.integers(1, 4), label="writes")):
            product = data.draw(st.sampled_from(products), label="product")
            write = data.draw(st.sampled_from(WRITES), label="write")
            pk = product.pk  # a deleted product's is None afterwards
            created = write(product, data.draw)
            products_reindex([pk, *([created] if created else [])])
            documents = list(product_documents())
            for _query in range(3):
                assert_answers_equal_the_oracle(backend, documents, data.draw(queries, label="query"))
            assert live_snapshot().dead > 0  # patched: a snapshot read whole has no dead position
            products = [p for p in products if Product.objects.filter(pk=p.pk).exists()]
        transaction.set_rollback(True)


@pytest.mark.django_db
def test_a_rebuild_or_a_write_rolled_back_reads_the_index_whole(world):  # noqa: F811
    backend = DatabaseBackend("products")
    product = Product.objects.get(pk=world[0].id)
    backend.search(ProductQuery())
    with transaction.atomic():
        Product.objects.filter(pk=product.pk).update(title="Bicycle rolled back")
        products_reindex([product.pk])
        assert backend.search(ProductQuery(text="rolled")).ids == [product.pk]
        transaction.set_rollback(True)
    # The same version is written again with another stamp: the snapshot of the
    # write rolled back must not be patched, or it would still find "rolled".
    Product.objects.filter(pk=product.pk).update(title="Bicycle written again")
    products_reindex([product.pk])
    assert backend.search(ProductQuery(text="rolled")).ids == []
    assert backend.search(ProductQuery(text="again")).ids == [product.pk]
    assert live_snapshot().dead == 0  # read whole

    index_rebuild(indexes=["products"])
    assert backend.search(ProductQuery(text="again")).ids == [product.pk]
    assert live_snapshot().dead == 0
    assert IndexChange.objects.filter(index="products").latest("version").entries is None


@pytest.mark.django_db
def test_a_moved_supplier_is_found_near_its_new_place_and_not_near_the_old(django_assert_max_num_queries):
    metz = SupplierFactory(name="Atelier Moselle", latitude=49.119, longitude=6.176)
    SupplierFactory(name="Atelier Rhin", latitude=48.573, longitude=7.752)
    suppliers_reindex(Supplier.objects.values_list("pk", flat=True))
    backend = DatabaseBackend("suppliers")
    near_metz = SupplierQuery.from_params({"near": "49.12, 6.18"})
    near_luxembourg = SupplierQuery.from_params({"near": "49.61, 6.13"})
    assert backend.search(near_metz).ids == [metz.pk]

    Supplier.objects.filter(pk=metz.pk).update(name="Atelier Luxembourg", latitude=49.611, longitude=6.130)
    suppliers_reindex([metz.pk])
    # A patch costs a few statements for the one supplier, not a reading of the whole index.
    with django_assert_max_num_queries(16):
        assert backend.search(near_luxembourg).ids == [metz.pk]
    assert backend.search(near_metz).ids == []
    assert backend.search(SupplierQuery(text="luxembourg")).ids == [metz.pk]
    assert live_snapshot("suppliers").dead == 1


@pytest.mark.django_db
def test_a_word_searched_before_a_write_finds_what_the_write_changed(django_assert_num_queries):
    """The snapshot remembers the words searched; after a patch a remembered word is asked
    about the changed entries only, and finds an entry that gained it and not one that lost it."""
    supplier = SupplierFactory(name="Atelier du bois")
    oak = goods_for_supplier(supplier=supplier, title="Oak table", price=Decimal("90.00"))
    pine = goods_for_supplier(supplier=supplier, title="Pine chair", price=Decimal("40.00"))
    shelf = goods_for_supplier(supplier=supplier, title="Oak shelf", price=Decimal("60.00"))
    products_reindex(Product.objects.values_list("pk", flat=True))
    backend = DatabaseBackend("products")
    assert set(backend.search(ProductQuery(text="oak")).ids) == {oak.pk, shelf.pk}

    Product.objects.filter(pk=oak.pk).update(title="Maple table")
    Product.objects.filter(pk=pine.pk).update(title="Oak chair")
    products_reindex([oak.pk, pine.pk])
    found = backend.search(ProductQuery(text="oak"))
    assert set(found.ids) == {pine.pk, shelf.pk}
    assert backend.search(ProductQuery(text="maple")).ids == [oak.pk]
    assert live_snapshot().dead == 2  # patched, not read whole
    # Remembered again in full: the next search of the word asks the database nothing about it.
    with django_assert_num_queries(1):  # the index stamp
        assert backend.search(ProductQuery(text="oak")).total == 2


@pytest.mark.django_db
def test_a_search_still_reading_the_snapshot_before_a_patch_answers_as_before_it(world):  # noqa: F811
    """A patch shares the lists it only extends and copies the blocks it inserts into: a search
    that took the old snapshot before the write pages through it unchanged."""
    backend = DatabaseBackend("products")
    backend.search(ProductQuery())
    before = live_snapshot()
    pages = {sort: before.page(before.everything, before.size, sort, 0, 100) for sort in before.orders}
    product = Product.objects.get(pk=world[0].id)
    Product.objects.filter(pk=product.pk).update(title="Aardvark first of all")
    products_reindex([product.pk])
    assert backend.search(ProductQuery(sort="title")).ids[0] == product.pk
    assert live_snapshot() is not before and live_snapshot().dead == 1
    assert {sort: before.page(before.everything, before.size, sort, 0, 100) for sort in before.orders} == pages
