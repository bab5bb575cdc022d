"""The login session's cookie: HttpOnly (no script reads it), SameSite=Lax (sent when the walker
follows a link to retrowalk from elsewhere, never with another site's form post or fetch),
Secure when the request came over HTTPS (behind a reverse proxy, as uvicorn's proxy headers
report it), Path=/, and kept as long as the session may live."""

from __future__ import annotations

from datetime import datetime

from starlette.requests import HTTPConnection

from retrowalk.services.login_records import LoginSession

COOKIE = "retrowalk_session"


def session_cookie(token: str, session: LoginSession, now: datetime, secure: bool) -> str:
    seconds = max(0, int((session.expires_at - now).total_seconds()))
    flags = "; Secure" if secure else ""
    return f"{COOKIE}={token}; Path=/; Max-Age={seconds}; HttpOnly; SameSite=Lax{flags}"


def cleared_cookie(secure: bool) -> str:
    flags = "; Secure" if secure else ""
    return f"{COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax{flags}"


def over_https(connection: HTTPConnection) -> bool:
    return connection.url.scheme == "https"
