default_app_config = "search.apps.SearchConfig"
