"""The CSRF token: the signed double-submit cookie pattern (OWASP), signed with itsdangerous.

Each browser gets a random token, signed with the server's secret, in an HttpOnly cookie; every
page carries the same token in its forms and in a `<meta>` for its scripts and HTMX. A write
must send the token back (the `X-CSRF-Token` header or the `csrf_token` form field) and it must
match the cookie. Another page cannot read the cookie (HttpOnly), nor our pages (the same-origin
policy), and cannot forge a cookie of its own: it would need the secret.
"""

from __future__ import annotations

import hmac
import secrets

from itsdangerous import BadSignature, URLSafeSerializer

COOKIE = "retrowalk_csrf"
FIELD = "csrf_token"
HEADER = "x-csrf-token"
_SALT = "retrowalk-csrf"


class CsrfTokens:
    def __init__(self, secret: str | bytes) -> None:
        self._signer = URLSafeSerializer(secret, salt=_SALT)

    def new(self) -> str:
        token: str = self._signer.dumps(secrets.token_urlsafe(32))
        return token

    def is_ours(self, token: str | None) -> bool:
        """Signed with our secret (a token another page or server made up is not)."""
        if not token:
            return False
        try:
            self._signer.loads(token)
        except BadSignature:
            return False
        return True

    @staticmethod
    def matches(cookie: str, given: str | None) -> bool:
        return given is not None and hmac.compare_digest(cookie.encode(), given.encode())


def cookie_header(token: str, secure: bool) -> str:
    """The Set-Cookie value: HttpOnly (no script reads it), Lax (sent on the walker's own
    navigations from a link, so opening retrowalk from elsewhere keeps the cookie the other
    tabs hold), and Secure over HTTPS."""
    flags = "; Secure" if secure else ""
    return f"{COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax{flags}"
