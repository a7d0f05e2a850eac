import oscar.apps.search.apps as apps


class SearchConfig(apps.SearchConfig):
    """Oscar's search app, forked: it serves the shop's browse and search pages
    and the supplier directory through our search interface instead of haystack."""

    name = "search"

    def ready(self):
        super().ready()
        from . import signals

        signals.connect()
