"""Who may ask what: the server's own names (against DNS rebinding) and the same-origin rule
for every request that may change something (against other web pages). Pure functions of the
request's headers; the middleware in `web/guard/middleware.py` applies them.

A browser names the page behind every write: `Origin` (the fetch standard sends it on every
request that is not GET or HEAD), `Sec-Fetch-Site`, and usually `Referer`. A same-origin form
post under `Referrer-Policy: no-referrer` carries `Origin: null` beside `Sec-Fetch-Site:
same-origin`, so `null` passes only with that; a `file://` page or a sandboxed frame sends
`null` with `cross-site`. A request that names no page at all is not from a browser (a script
on this computer); it still needs the CSRF token, which only retrowalk's own pages are given.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

# The names this computer answers to on the loopback interface. Any other Host (a rebinding
# attacker's domain that resolves to 127.0.0.1) is refused before anything is read.
LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "[::1]"})
READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


@dataclass(frozen=True, slots=True)
class Refusal:
    """Why a request was refused: the header at fault, what it said, and what is allowed."""

    field: str
    value: str | None
    allowed: str


def host_name(host: str) -> str:
    """The name in a Host header, without its port, in lower case (`[::1]` keeps brackets)."""
    host = host.strip().lower()
    if host.startswith("["):
        return host.split("]", 1)[0] + "]"
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def listen_name(address: str) -> str:
    """How a browser names the address the server listens on (`::1` becomes `[::1]`)."""
    address = address.strip().lower()
    return f"[{address.strip('[]')}]" if ":" in address else address


def host_refusal(host: str | None, names: frozenset[str]) -> Refusal | None:
    if host is not None and host_name(host) in names:
        return None
    shown = ", ".join(sorted(names))
    return Refusal("Host", host, f"this server answers only to {shown}")


def write_refusal(headers: Mapping[str, str], own_origin: str) -> Refusal | None:
    """None when the write comes from a page of `own_origin` (or from no browser at all)."""
    site = headers.get("sec-fetch-site")
    origin = headers.get("origin")
    allowed = f"only retrowalk's own pages ({own_origin}) may change anything here"
    if site is not None and site != "same-origin":
        return Refusal("Sec-Fetch-Site", site, allowed)
    if origin is not None and origin != "null":
        return None if origin.lower() == own_origin else Refusal("Origin", origin, allowed)
    if origin == "null":
        return None if site == "same-origin" else Refusal("Origin", origin, allowed)
    if site == "same-origin":
        return None
    referer = headers.get("referer")
    if referer is not None and _origin_of(referer) != own_origin:
        return Refusal("Referer", referer, allowed)
    return None


def _origin_of(url: str) -> str:
    parts = urlsplit(url.strip())
    return f"{parts.scheme}://{parts.netloc}".lower()
