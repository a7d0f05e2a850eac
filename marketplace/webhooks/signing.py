"""How deliveries are signed, as Stripe signs its webhooks: the header

    Responsible-Signature: t=<unix time>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>

The receiver recomputes the HMAC over the raw body it received and refuses a timestamp
older than a few minutes (a replayed delivery). VERIFY_SNIPPET is what the endpoints page
shows receivers, and the test verifies real deliveries with exactly that code."""

import hashlib
import hmac

HEADER = "Responsible-Signature"

VERIFY_SNIPPET = '''import hashlib, hmac, time

def verify(secret: str, body: bytes, header: str, tolerance: int = 300) -> bool:
    """body: the raw request body; header: the Responsible-Signature header."""
    parts = dict(item.split("=", 1) for item in header.split(","))
    timestamp = int(parts["t"])
    if abs(time.time() - timestamp) > tolerance:
        return False
    expected = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, parts["v1"])
'''


def signature_header(*, secret: str, body: bytes, timestamp: int) -> str:
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"
