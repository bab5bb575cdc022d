"""The settings page's "Calendar feed" section: the walker's live link (when made, never its
address: only its hash is kept), a link just made with its addresses to copy, and where a
calendar app can reach this server from."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import Request

from retrowalk.bootstrap import Wiring
from retrowalk.services.calendar_feed import NewFeed, live_feed
from retrowalk.services.calendar_records import CalendarFeed
from retrowalk.services.records import StoredWalker
from retrowalk.web.guard.pairing import CALENDAR_FEED_PATH, Pairing


@dataclass(frozen=True, slots=True)
class FeedAddresses:
    """A link's address as typed into a calendar app (`web`, http or https as the server
    speaks), and the same with `webcal://`, which opens the device's calendar app."""

    web: str
    webcal: str


@dataclass(frozen=True, slots=True)
class CalendarSection:
    live: CalendarFeed | None
    made: FeedAddresses | None
    notice: str | None
    # Without `serve --lan` only this computer reaches the server, so only its calendar apps can.
    this_computer_only: bool


def calendar_section(
    request: Request, walker: StoredWalker, made: NewFeed | None = None, notice: str | None = None
) -> CalendarSection:
    wiring: Wiring = request.app.state.wiring
    live = made.feed if made is not None else live_feed(walker.id, wiring.uow())
    base = _base(request)
    addresses = None if made is None else feed_addresses(base, made.token)
    return CalendarSection(live, addresses, notice, _address_on_lan(request) is None)


def feed_addresses(base: str, token: str) -> FeedAddresses:
    web = base.rstrip("/") + CALENDAR_FEED_PATH.format(token=token)
    return FeedAddresses(web, "webcal://" + web.split("://", 1)[1])


def _base(request: Request) -> str:
    """The home network's address when the server listens there (every device of the house
    reaches it, this computer too), else the address this page was opened at."""
    return _address_on_lan(request) or str(request.base_url)


def _address_on_lan(request: Request) -> str | None:
    pairing: Pairing | None = getattr(request.app.state, "pairing", None)
    return None if pairing is None else pairing.address
