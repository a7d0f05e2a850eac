from oscar.apps.catalogue.models import *  # noqa: F403  (Oscar's fork convention)
