"""The server's access log (uvicorn's, on the terminal running `retrowalk serve`) never shows a
calendar link's token: the link is a secret, and a terminal's scroll-back or a log file it is
piped into is no place for it. Each `/calendar/<token>.ics` becomes `/calendar/(hidden).ics`."""

from __future__ import annotations

import logging
import re

ACCESS_LOGGER = "uvicorn.access"
_TOKEN_IN_PATH = re.compile(r"(/calendar/)[^/\s?#\"]+(\.ics)")
SHOWN_INSTEAD = r"\1(hidden)\2"


class HiddenCalendarTokens(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(_hidden(value) for value in record.args)
        record.msg = _hidden(record.msg)
        return True


def _hidden(value: object) -> object:
    return _TOKEN_IN_PATH.sub(SHOWN_INSTEAD, value) if isinstance(value, str) else value


_FILTER = HiddenCalendarTokens()


def hide_calendar_tokens() -> None:
    """Install the filter on the access log (once, however often it is called)."""
    logging.getLogger(ACCESS_LOGGER).addFilter(_FILTER)
