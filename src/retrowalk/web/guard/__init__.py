"""No other web page, host or origin can drive retrowalk: the Host check, the same-origin rule
and the CSRF token for every write (`middleware`, `rules`, `tokens`), and the security headers on
every response (`headers`). See docs/web.md, "Who may ask"."""

from retrowalk.web.guard.headers import SecurityHeaders
from retrowalk.web.guard.middleware import MAX_BODY_BYTES, Guard, WriteGuard
from retrowalk.web.guard.rules import LOOPBACK_NAMES

__all__ = ["LOOPBACK_NAMES", "MAX_BODY_BYTES", "Guard", "SecurityHeaders", "WriteGuard"]
