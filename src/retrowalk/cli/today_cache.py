"""Today's card kept for the rest of the day, so `retrowalk today` answers without loading the
database libraries or the engine (docs/cli.md, "Speed").

The card is kept under a key: the day, this version and card format, the settings that shape
it, and the size, time and inode of the SQLite file and its write-ahead log. Any write to the
database, by any program, changes the key; so do a new day and a new protocol file. A
PostgreSQL database is never cached (nothing local says when it changed).
"""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path
from typing import Any

import retrowalk
from retrowalk.file_stamps import database_fingerprint, file_stamp
from retrowalk.settings import Settings

CACHE_FILE = Path("cache") / "today.json"
# Raise when the card's fields change (cli/today_card.py): a card of another shape is not read.
CARD_FORMAT = 3
_PROTOCOLS = Path(retrowalk.__file__).parent / "protocols"


def cache_key(settings: Settings, today: date) -> dict[str, Any] | None:
    files = database_fingerprint(settings.resolved_database_url)
    if files is None:
        return None
    return {
        "format": CARD_FORMAT,
        "version": retrowalk.__version__,
        "day": today.isoformat(),
        "database": settings.resolved_database_url,
        "units": settings.units,
        "files": files,
        "protocols": sorted(file_stamp(path) for path in _PROTOCOLS.rglob("*.toml")),
    }


def cached_card(settings: Settings, key: dict[str, Any] | None) -> dict[str, Any] | None:
    if key is None:
        return None
    try:
        kept = json.loads((settings.data_dir / CACHE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(kept, dict) or kept.get("key") != key:
        return None
    card = kept.get("card")
    return card if isinstance(card, dict) else None


def keep_card(settings: Settings, key: dict[str, Any] | None, card: dict[str, Any]) -> None:
    """Keep the card under `key`, taken before the database was read (so a write made while
    reading changes the key, and the next call reads afresh). Atomic; never fails a command."""
    if key is None:
        return
    target = settings.data_dir / CACHE_FILE
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        scratch = target.with_suffix(f".{os.getpid()}.tmp")
        scratch.write_text(json.dumps({"key": key, "card": card}), encoding="utf-8")
        os.replace(scratch, target)
    except OSError:
        return
