from tests.sourcing.conftest import market  # noqa: F401  (the same small market of suppliers)
