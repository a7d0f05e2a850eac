"""Sending one delivery over HTTP, behind a small interface (Transport) so that callers do
not depend on how. Endpoints must be public HTTPS addresses: a URL that names or resolves
to a private, loopback or link-local address would let an organisation make our servers
call the inside of our network (SSRF). The address is checked when the endpoint is saved
and again, resolved, at each send (DNS may have changed since); redirects are not
followed, for the same reason. settings.WEBHOOKS_ALLOW_PRIVATE lifts both checks
(development and tests, where receivers run on 127.0.0.1)."""

import ipaddress
import socket
import time
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import urlsplit

import requests
import urllib3
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# What the log keeps of a receiver's answer.
BODY_EXCERPT = 2000


@dataclass(frozen=True)
class Answer:
    status: int | None  # None: no HTTP answer (see error)
    body: str = ""
    error: str = ""
    duration_ms: int = 0

    @property
    def ok(self) -> bool:
        return self.status is not None and 200 <= self.status < 300


class Transport(Protocol):
    def post(self, url: str, body: bytes, headers: dict[str, str]) -> Answer:
        """POSTs `body` to `url`; never raises for network trouble (an Answer with an error)."""


def url_check(url: str) -> None:
    """Refuses (ValidationError) a URL that is not HTTPS, or whose host is or resolves to a
    non-public address, unless settings.WEBHOOKS_ALLOW_PRIVATE."""
    if settings.WEBHOOKS_ALLOW_PRIVATE:
        return
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname:
        raise ValidationError(_("Use an https:// address."), code="scheme")
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 443, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError):
        raise ValidationError(_("This address's host name cannot be found."), code="unresolved") from None
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        if not address.is_global:
            raise ValidationError(
                _("This address leads to a private or local network; use a public address."), code="private"
            )


class RequestsTransport:
    def __init__(self, timeout: float):
        self.timeout = timeout

    def post(self, url: str, body: bytes, headers: dict[str, str]) -> Answer:
        try:
            url_check(url)
        except ValidationError as error:
            return Answer(status=None, error=" ".join(error.messages))
        start = time.monotonic()
        try:
            response = requests.post(
                url, data=body, headers=headers, timeout=self.timeout, allow_redirects=False, stream=True
            )
            # Only the start of the answer is kept: a huge body is never read whole.
            with response:
                excerpt = response.raw.read(BODY_EXCERPT, decode_content=True)
        except (requests.RequestException, urllib3.exceptions.HTTPError) as error:
            elapsed = int((time.monotonic() - start) * 1000)
            return Answer(status=None, error=f"{type(error).__name__}: {error}"[:500], duration_ms=elapsed)
        elapsed = int((time.monotonic() - start) * 1000)
        text = excerpt.decode(response.encoding or "utf-8", errors="replace")
        return Answer(status=response.status_code, body=text, duration_ms=elapsed)


def transport() -> Transport:
    return RequestsTransport(timeout=settings.WEBHOOKS_TIMEOUT)
