"""VIES, the EU's VAT Information Exchange System: is a VAT ID registered, and to whom?

Reached through a small interface (ViesClient) so that callers do not depend on how. The
REST client below is the real one; tests point it at a local fake server (VIES_API_BASE).
VIES being down (the whole service, or one member state's register, which happens for
hours) is an answer of its own, "unavailable", never taken for "invalid"."""

import datetime
import logging
from dataclasses import dataclass
from typing import Protocol

import requests
from django.conf import settings
from django.utils import timezone

logger = logging.getLogger(__name__)

# VIES's errors that mean "ask again later", not "no such number".
UNAVAILABLE_ERRORS = {
    "GLOBAL_MAX_CONCURRENT_REQ",
    "MS_MAX_CONCURRENT_REQ",
    "MS_UNAVAILABLE",
    "SERVICE_UNAVAILABLE",
    "TIMEOUT",
}
# What VIES shows where a member state does not disclose the name or address.
UNDISCLOSED = "---"


@dataclass(frozen=True)
class ViesAnswer:
    valid: bool | None  # None: VIES could not answer
    checked_at: datetime.datetime
    name: str = ""
    address: str = ""


class ViesClient(Protocol):
    def check(self, country_code: str, number: str) -> ViesAnswer:
        """VIES's answer about `number` (without prefix) of the member state `country_code` (EL for Greece)."""


class RestViesClient:
    """The VIES REST API: POST {base}/check-vat-number {"countryCode", "vatNumber"}."""

    def __init__(self, base_url: str, timeout: float):
        self.url = f"{base_url.rstrip('/')}/check-vat-number"
        self.timeout = timeout

    def check(self, country_code: str, number: str) -> ViesAnswer:
        now = timezone.now()
        unavailable = ViesAnswer(valid=None, checked_at=now)
        try:
            response = requests.post(
                self.url, json={"countryCode": country_code, "vatNumber": number}, timeout=self.timeout
            )
            body = response.json()
        except (requests.RequestException, ValueError) as error:
            logger.warning("VIES could not be reached for %s%s: %s", country_code, number, error)
            return unavailable
        errors = {wrapper.get("error") for wrapper in body.get("errorWrappers") or []}
        errors.add(body.get("userError"))
        if errors & UNAVAILABLE_ERRORS or response.status_code >= 500 or not isinstance(body.get("valid"), bool):
            logger.warning("VIES did not answer for %s%s: %s %s", country_code, number, response.status_code, body)
            return unavailable
        return ViesAnswer(
            valid=body["valid"],
            checked_at=now,
            name=_disclosed(body.get("name")),
            address=_disclosed(body.get("address")),
        )


def _disclosed(text) -> str:
    text = (text or "").strip()
    return "" if text == UNDISCLOSED else text


def client() -> ViesClient:
    return RestViesClient(settings.VIES_API_BASE, settings.VIES_TIMEOUT)
