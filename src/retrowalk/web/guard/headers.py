"""Security headers on every response, the guard's refusals included (plain ASGI).

No script runs unless it is one of our static files (no inline script, no eval); no page of
ours can be framed; nothing is sniffed as another type; no address of ours leaks to another
site; and health data is never stored by the browser or anything between (`no-store` on all
but the static files, which hold none).
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
EVERY_RESPONSE = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
]
NOT_STORED = (b"cache-control", b"no-store")
STATIC_PREFIX = "/static/"


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        static = scope["path"].startswith(STATIC_PREFIX)

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                if not static:  # whatever a route said, health data is not kept
                    headers = [h for h in headers if h[0].lower() != b"cache-control"]
                    headers.append(NOT_STORED)
                message = {**message, "headers": [*headers, *EVERY_RESPONSE]}  # not in place
            await send(message)

        await self.app(scope, receive, with_headers)
