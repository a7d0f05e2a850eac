"""What the isolation matrices (tests/dashboard, tests/sourcing) share: the URL
patterns they cover, read from the URLconf so that a new route is covered as soon
as it exists, and a snapshot of every row a request could change."""

import json

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core import serializers
from django.urls import URLResolver, get_resolver


def url_routes(keep) -> list[tuple[str, tuple]]:
    """(namespaced url name, kwarg names) of every named URL pattern for which
    keep(route, name) is true; `route` is the pattern's path from the site's root."""

    def walk(patterns, prefix, namespace):
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                ns = namespace + (f"{pattern.namespace}:" if pattern.namespace else "")
                yield from walk(pattern.url_patterns, route, ns)
            elif pattern.name and keep(route.lstrip("^"), namespace + pattern.name):
                yield namespace + pattern.name, tuple(sorted(pattern.pattern.regex.groupindex))

    return sorted(set(walk(get_resolver().url_patterns, "", "")))


def database_state(labels, *, models=()) -> dict:
    """Every row of the apps' models (and of `models`), serialised; a user's
    last_login and language are left out (signing in is not a change, nor is the
    language an account without one takes when its owner signs in)."""
    every = [m for label in labels for m in apps.get_app_config(label).get_models() if m._meta.managed]
    state = {}
    for model in [*every, *models]:
        rows = serializers.serialize("json", model._default_manager.order_by("pk"))
        left_out = ("last_login", "language") if model is get_user_model() else ()
        state[model._meta.label] = [
            {k: v for k, v in row["fields"].items() if k not in left_out} | {"pk": row["pk"]}
            for row in json.loads(rows)
        ]
    return state
