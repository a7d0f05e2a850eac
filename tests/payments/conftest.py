from tests.order.fixtures import *  # noqa: F403  (the shared purchase and its people)
