"""Writes to the search indexes: keep them in step with suppliers and products."""

import logging
import threading
from collections.abc import Callable, Iterable

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

from marketplace.core.content_cache import content_renew

from . import backends
from .documents import BATCH_SIZE, indexable_suppliers, supplier_documents
from .product_documents import indexable_products, product_documents
from .selectors import GAZETTEER_CACHE_KEY, PRODUCT_VOCABULARY_CACHE_KEY, VOCABULARY_CACHE_KEY

logger = logging.getLogger(__name__)
_pending = threading.local()

INDEXES = ("suppliers", "products")
DOCUMENTS = {"suppliers": supplier_documents, "products": product_documents}
INDEXABLE = {"suppliers": indexable_suppliers, "products": indexable_products}


def _reindex(index: str, ids: Iterable[int]) -> None:
    """Index the documents among `ids` that are searchable and remove the
    others (unverified, withdrawn or deleted) from every backend."""
    ids = set(ids)
    documents = list(DOCUMENTS[index](ids))
    gone = ids - {doc.id for doc in documents}
    for backend in backends.indexing_backends(index):
        try:
            backend.index(documents)
            backend.remove(gone)
        except backends.BackendUnavailable:
            logger.error("Could not update the %s index for %s %s; rebuild it.", backend.name, index, sorted(ids))
    # The write that asked for this renewed the content version already, but a page cached since (the directory,
    # the catalogue) was read from the index before it changed; Elasticsearch's writes send no signal at all.
    content_renew()


def suppliers_reindex(ids: Iterable[int]) -> None:
    _reindex("suppliers", ids)
    cache.delete(GAZETTEER_CACHE_KEY)  # a town may have come or gone, or moved


def products_reindex(ids: Iterable[int]) -> None:
    _reindex("products", ids)


def suppliers_reindex_later(ids: Iterable[int]) -> None:
    """Reindex after the current transaction commits (never data that is rolled
    back), in one background task per transaction whatever the number of changes."""
    _later("suppliers", ids)


def products_reindex_later(ids: Iterable[int]) -> None:
    """Like suppliers_reindex_later, for products."""
    _later("products", ids)


def pending_reindex() -> dict:
    """What this thread will reindex at the next commit: index -> set of ids."""
    if not hasattr(_pending, "ids"):
        _pending.ids = {index: set() for index in INDEXES}
    return _pending.ids


def _later(index, ids):
    pending_reindex()[index].update(ids)
    transaction.on_commit(_enqueue_pending)


def _enqueue_pending():
    from . import tasks

    pending = pending_reindex()
    _pending.ids = {index: set() for index in INDEXES}
    if pending["suppliers"]:
        tasks.reindex_suppliers.enqueue(sorted(pending["suppliers"]))
    if pending["products"]:
        tasks.reindex_products.enqueue(sorted(pending["products"]))


def index_rebuild(progress: Callable[[int], None] | None = None, indexes=INDEXES) -> dict:
    """Rebuild indexes from scratch (all by default): index -> documents indexed.
    `progress` is told each batch's size."""
    indexed = {}
    for index in indexes:
        for backend in backends.indexing_backends(index):
            indexed[index] = backend.rebuild(_batches(DOCUMENTS[index]()), progress=progress)
    cache.delete(GAZETTEER_CACHE_KEY)
    content_renew()
    return indexed


def index_size(index: str) -> int:
    return INDEXABLE[index]().count()


def _batches(documents):
    batch = []
    for document in documents:
        batch.append(document)
        if len(batch) == BATCH_SIZE:
            yield batch
            batch = []
    if batch:
        yield batch


def facet_vocabulary_forget() -> None:
    """Facet labels changed: the next search reloads them, in every language."""
    keys = (VOCABULARY_CACHE_KEY, PRODUCT_VOCABULARY_CACHE_KEY)
    cache.delete_many([f"{key}:{code}" for key in keys for code, _name in settings.LANGUAGES])
