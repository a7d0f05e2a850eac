"""Writes to the search indexes: keep them in step with the suppliers."""

import logging
import threading
from collections.abc import Callable, Iterable

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

from . import backends
from .documents import BATCH_SIZE, indexable_suppliers, supplier_documents
from .selectors import VOCABULARY_CACHE_KEY

logger = logging.getLogger(__name__)
_pending = threading.local()


def suppliers_reindex(ids: Iterable[int]) -> None:
    """Index the verified suppliers among `ids` and remove the others (unverified
    or deleted) from every index."""
    ids = set(ids)
    documents = list(supplier_documents(ids))
    gone = ids - {doc.id for doc in documents}
    for backend in backends.indexing_backends():
        try:
            backend.index(documents)
            backend.remove(gone)
        except backends.BackendUnavailable:
            logger.error("Could not update the %s index for suppliers %s; rebuild it.", backend.name, sorted(ids))


def suppliers_reindex_later(ids: Iterable[int]) -> None:
    """Reindex after the current transaction commits (never data that is rolled
    back), in one background task per transaction whatever the number of changes."""
    if not hasattr(_pending, "ids"):
        _pending.ids = set()
    _pending.ids.update(ids)
    transaction.on_commit(_enqueue_pending)


def _enqueue_pending():
    ids, _pending.ids = getattr(_pending, "ids", set()), set()
    if ids:
        from .tasks import reindex_suppliers

        reindex_suppliers.enqueue(sorted(ids))


def index_rebuild(progress: Callable[[int], None] | None = None) -> int:
    """Rebuild every index from scratch; `progress` is told each batch's size."""
    total = 0
    for backend in backends.indexing_backends():
        total = backend.rebuild(_batches(), progress=progress)
    return total


def index_size() -> int:
    return indexable_suppliers().count()


def _batches():
    batch = []
    for document in supplier_documents():
        batch.append(document)
        if len(batch) == BATCH_SIZE:
            yield batch
            batch = []
    if batch:
        yield batch


def facet_vocabulary_forget() -> None:
    """Facet labels changed: the next search reloads them, in every language."""
    cache.delete_many([f"{VOCABULARY_CACHE_KEY}:{code}" for code, _name in settings.LANGUAGES])
