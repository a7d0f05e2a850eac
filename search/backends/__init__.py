"""Which backend serves searches: Elasticsearch when ELASTICSEARCH_URL is set,
else the database. The database index is always kept too, so that a search
still answers from it when Elasticsearch is unreachable."""

import logging

from django.conf import settings

from marketplace.operations.metrics import SEARCH_SECONDS

from .database import DatabaseBackend

logger = logging.getLogger(__name__)


class BackendUnavailable(Exception):
    """The backend cannot be reached; callers fall back to the database."""


def primary_backend(index: str = "suppliers"):
    if settings.ELASTICSEARCH_URL:
        from .elasticsearch import elasticsearch_backend

        return elasticsearch_backend(index, settings.ELASTICSEARCH_URL)
    return DatabaseBackend(index)


def indexing_backends(index: str = "suppliers"):
    """Every backend that must hold the index's documents: the database always."""
    backends = [DatabaseBackend(index)]
    if settings.ELASTICSEARCH_URL:
        backends.append(primary_backend(index))
    return backends


def search(query):
    backend = primary_backend(query.index)
    try:
        with SEARCH_SECONDS.labels(backend=backend.name, index=query.index).time():
            return backend.search(query)
    except BackendUnavailable as error:
        logger.warning("Search backend %s unavailable, answering from the database: %s", backend.name, error)
        fallback = DatabaseBackend(query.index)
        with SEARCH_SECONDS.labels(backend=fallback.name, index=query.index).time():
            return fallback.search(query)
