"""limit/offset pages for the API's lists, with links to the next and previous pages."""

from django.http import QueryDict
from ninja import Field, Schema

MAX_LIMIT = 100


class PageParams(Schema):
    limit: int = Field(25, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0)


def _link(request, limit: int, offset: int) -> str:
    query = QueryDict(mutable=True)
    query.update(request.GET)
    query["limit"], query["offset"] = str(limit), str(offset)
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


def page_of(request, items, params: PageParams, serialize) -> dict:
    """{"count", "next", "previous", "results"} for a queryset (or list) of items."""
    count = items.count() if hasattr(items, "count") and not isinstance(items, list) else len(items)
    rows = items[params.offset : params.offset + params.limit]
    end = params.offset + params.limit
    return {
        "count": count,
        "next": _link(request, params.limit, end) if end < count else None,
        "previous": _link(request, params.limit, max(0, params.offset - params.limit)) if params.offset else None,
        "results": [serialize(item) for item in rows],
    }
