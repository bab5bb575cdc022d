"""FIT bytes as plain messages, read with fitdecode (MIT) and trusted in nothing: the header,
every record and the file's CRC checked; a file that is not FIT, cut short or damaged is one
InputError naming the file (never fitdecode's own words or a traceback).

Only the messages an activity import reads are kept (`KEPT`), each as a dict of its named
fields, invalid values (the FIT "no value" markers) already None.
"""

from __future__ import annotations

import io
import struct
from collections import defaultdict
from typing import Any

import fitdecode

from retrowalk.domain.errors import InputError

FILE = "FILE"
KEPT = frozenset({"file_id", "session", "lap", "record", "activity"})
Message = dict[str, Any]

# A day of 1 Hz records with speed, distance, heart rate and grade is about 2 MB; four MiB holds
# that with room, and keeps a hostile file's parse short.
FIT_MOST_BYTES = 4 * 2**20
# A watch writes one record a second; 100,000 is more than a day of them. A file that packs
# more into its size (tiny compressed records) is refused before they are held in memory.
MOST_RECORDS = 100_000

NOT_FIT = "it is not a FIT file (a FIT file starts with a header that names '.FIT')"
DAMAGED = "the FIT file is damaged or cut short; export it again from the watch's app"


def fit_messages(data: bytes) -> dict[str, list[Message]]:
    """The kept messages of `data` by name, in file order; refused when `data` is not a whole,
    undamaged FIT file or holds more than MOST_RECORDS records."""
    if len(data) > FIT_MOST_BYTES:
        raise InputError(FILE, f"{len(data)} bytes", f"give a FIT file of at most {_mib()}")
    if len(data) < 14 or data[8:12] != b".FIT":
        raise InputError(FILE, "(the bytes)", NOT_FIT)
    kept: dict[str, list[Message]] = defaultdict(list)
    try:
        for frame in _frames(data):
            if isinstance(frame, fitdecode.FitDataMessage) and frame.name in KEPT:
                kept[frame.name].append(_fields(frame))
                if len(kept["record"]) > MOST_RECORDS:
                    allowed = f"a walk has at most {MOST_RECORDS} records (one a second)"
                    raise InputError(FILE, "(the records)", allowed)
    except fitdecode.FitHeaderError:
        raise InputError(FILE, "(the bytes)", NOT_FIT) from None
    # fitdecode raises its own errors for what it recognises, and Python's for bytes it does not
    # expect (a definition that lies about its sizes, a value no type holds): all are damage.
    except (fitdecode.FitError, struct.error, ValueError, KeyError, IndexError, TypeError):
        raise InputError(FILE, "(the bytes)", DAMAGED) from None
    except (OverflowError, ArithmeticError, UnicodeError, AttributeError):
        raise InputError(FILE, "(the bytes)", DAMAGED) from None
    return dict(kept)


def _frames(data: bytes) -> Any:
    reader = fitdecode.FitReader(
        io.BytesIO(data),
        check_crc=fitdecode.CrcCheck.RAISE,
        error_handling=fitdecode.ErrorHandling.RAISE,
    )
    with reader:
        yield from reader


def _fields(frame: Any) -> Message:
    """A message's named fields; a field fitdecode could not name (`unknown_…`) is left out."""
    return {
        field.name: field.value
        for field in frame.fields
        if field.value is not None and not str(field.name).startswith("unknown")
    }


def _mib() -> str:
    return f"{FIT_MOST_BYTES // 2**20} MiB"
