"""The random tokens behind links and cookies (calendar feeds, invitations, password-reset links,
login sessions, paired phones): 256 random bits, shown once, kept only as their SHA-256 (a slow
password hash adds nothing to 256 random bits)."""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Callable
from datetime import datetime
from typing import Protocol, TypeVar

from retrowalk.domain.errors import InputError

TOKEN_BYTES = 32
# What new_token() gives; anything else is answered without a lookup.
TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_-]{43}")


class _Link(Protocol):
    def open_at(self, now: datetime) -> bool: ...


Found = TypeVar("Found")
Link = TypeVar("Link", bound=_Link)


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def found_by_token(token: str, by_hash: Callable[[str], Found | None]) -> Found | None:
    """What `by_hash` finds for the token's hash; None, unlooked-up, for text of another shape."""
    return by_hash(token_hash(token)) if TOKEN_SHAPE.fullmatch(token) else None


def open_link(
    token: str, by_hash: Callable[[str], Link | None], now: datetime, field: str, not_open: str
) -> Link:
    """The link (invitation, reset link) this token names while it is open; otherwise an
    InputError naming `field`, alike for a made-up, used or expired link."""
    found = found_by_token(token, by_hash)
    if found is None or not found.open_at(now):
        raise InputError(field, "this link", not_open)
    return found
