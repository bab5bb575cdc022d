"""A walker's calendar link: the secret address a calendar app subscribes to
(`/calendar/<token>.ics`), made, replaced and revoked from the settings page.

The token is 256 random bits (`secrets.token_urlsafe(32)`, 43 characters), shown once, when the
link is made, and kept only as its SHA-256 (as a paired phone's, services/pairing.py: a slow
password hash adds nothing to 256 random bits). A walker has at most one live link: making one
while one is live is refused (a double click makes one link, not two); "make a new one"
revokes the old link and makes the new in one transaction. A revoked link answers exactly as a
link that never existed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from retrowalk.domain.errors import ConflictError
from retrowalk.services.calendar_records import CalendarFeed
from retrowalk.services.clock import Clock
from retrowalk.services.plan_calendar import FEED_WEEKS, CalendarPlan, calendar_plan
from retrowalk.services.ports import UnitOfWork
from retrowalk.services.tokens import found_by_token, new_token, token_hash
from retrowalk.services.walker_plan import require_walker

FEED_FIELD = "calendar_feed"
ONE_LIVE = (
    "you have a calendar link already, made {made:%-d %b %Y}; retrowalk keeps only a "
    "fingerprint of it and cannot show it again. To get a link to copy, make a new one (the "
    "old one stops working)"
)


@dataclass(frozen=True, slots=True)
class NewFeed:
    """A link just made: its record, and the token for its address (shown only now)."""

    feed: CalendarFeed
    token: str


def live_feed(walker_id: int, uow: UnitOfWork) -> CalendarFeed | None:
    with uow.reading():
        require_walker(uow, walker_id)
        return uow.calendar_feeds.live(walker_id)


def make_feed(walker_id: int, uow: UnitOfWork, clock: Clock) -> NewFeed:
    """A first link; a ConflictError (nothing written) while one is live."""
    with uow:
        require_walker(uow, walker_id, lock=True)
        live = uow.calendar_feeds.live(walker_id)
        if live is not None:
            raise ConflictError(FEED_FIELD, "a new link", ONE_LIVE.format(made=live.created_at))
        made = _new(uow, walker_id, clock)
        uow.commit()
        return made


def replace_feed(walker_id: int, uow: UnitOfWork, clock: Clock) -> NewFeed:
    """A new link; the live one, if any, stops working in the same transaction."""
    with uow:
        require_walker(uow, walker_id, lock=True)
        live = uow.calendar_feeds.live(walker_id)
        if live is not None:
            uow.calendar_feeds.revoke(live.id, clock.now())
        made = _new(uow, walker_id, clock)
        uow.commit()
        return made


def revoke_feed(walker_id: int, uow: UnitOfWork, clock: Clock) -> CalendarFeed | None:
    """Stop the live link (None when there was none: revoking twice changes nothing)."""
    with uow:
        require_walker(uow, walker_id, lock=True)
        live = uow.calendar_feeds.live(walker_id)
        if live is None:
            return None
        now = clock.now()
        uow.calendar_feeds.revoke(live.id, now)
        uow.commit()
        return replace(live, revoked_at=now)


def feed_walker(token: str, uow: UnitOfWork) -> int | None:
    """The walker whose live link has this token; None for any other text, revoked or made
    up alike."""
    with uow.reading():
        return found_by_token(token, uow.calendar_feeds.walker_of)


def _new(uow: UnitOfWork, walker_id: int, clock: Clock) -> NewFeed:
    token = new_token()
    return NewFeed(uow.calendar_feeds.add(walker_id, token_hash(token), clock.now()), token)


def feed_plan(token: str, new_uow: Callable[[], UnitOfWork], clock: Clock) -> CalendarPlan | None:
    """The plan a live link shows (FEED_WEEKS ahead, in the walker's own units); None for a
    token that names no live link."""
    walker_id = feed_walker(token, new_uow())
    return None if walker_id is None else calendar_plan(walker_id, FEED_WEEKS, new_uow, clock)
