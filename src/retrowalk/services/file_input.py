"""A file a person hands to `import` or `restore`, read as untrusted: its size checked before it
is opened, its bytes read within that cap, its JSON parsed without letting a deep nest, a huge
number or a repeated key through. Each refusal is one InputError naming the file."""

from __future__ import annotations

import json
import stat
from pathlib import Path
from typing import Any

from retrowalk.domain.errors import InputError
from retrowalk.services.validation import as_given

# An export is read into memory whole, and parsed JSON takes several times its size there.
# 64 MiB holds about two years of one walker's 30-minute treadmill walks, three a week, with
# their per-second samples (about 125 bytes a second in the export).
IMPORT_MOST_BYTES = 64 * 2**20
# A backup (SQLite, or PostgreSQL's JSON snapshot) is a whole database; its rows are read into
# memory before the one transaction that replaces everything.
RESTORE_MOST_BYTES = 2**30


def checked_size(source: Path, most: int) -> int:
    """The size of the regular file `source`, known before it is opened, if at most `most`."""
    try:
        status = source.stat()
    except FileNotFoundError:
        raise InputError("FILE", str(source), "no such file; give the path of a file") from None
    except OSError as error:
        raise InputError("FILE", str(source), f"cannot be read ({error.strerror})") from None
    if stat.S_ISDIR(status.st_mode):
        raise InputError("FILE", str(source), "that is a folder; give a file")
    if not stat.S_ISREG(status.st_mode):
        raise InputError("FILE", str(source), "that is not a regular file; give a file")
    if status.st_size > most:
        raise InputError("FILE", str(source), _too_big(status.st_size, most))
    return status.st_size


def read_capped(source: Path, most: int) -> bytes:
    """The bytes of `source`, refused unread when its size is over `most` (and refused if it
    grows past `most` while being read)."""
    checked_size(source, most)
    try:
        with source.open("rb") as file:
            content = file.read(most + 1)
    except OSError as error:
        raise InputError("FILE", str(source), f"cannot be read ({error.strerror})") from None
    if len(content) > most:
        raise InputError("FILE", str(source), _too_big(len(content), most))
    return content


def parsed_snapshot(content: bytes) -> dict[str, Any]:
    """JSON text as plain data; refused if it is not UTF-8, not JSON, not an object, nested too
    deep, holds a number of thousands of digits or repeats a key in one object."""
    parsed = _parsed_json(content)
    if not isinstance(parsed, dict):
        raise InputError("FILE", as_given(parsed), "an export is a JSON object")
    return parsed


def _parsed_json(content: bytes) -> object:
    try:
        return json.loads(content.decode("utf-8"), object_pairs_hook=_unrepeated)
    except UnicodeDecodeError as error:
        raise InputError(
            "FILE", "(the bytes)", f"it is not UTF-8 text (byte {error.start})"
        ) from None
    except json.JSONDecodeError as error:
        where = f"line {error.lineno} column {error.colno}"
        raise InputError(
            "FILE", "(the text)", f"it is not valid JSON: {error.msg} at {where}"
        ) from None
    except RecursionError:
        raise InputError("FILE", "(the text)", "it is nested too deeply to be an export") from None
    except ValueError:  # a number of more digits than Python converts (sys.int_info)
        raise InputError(
            "FILE", "(the text)", "it holds a number with thousands of digits"
        ) from None


def _unrepeated(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    read: dict[str, Any] = {}
    for key, value in pairs:
        if key in read:
            raise InputError("FILE", key, "a key is given twice in one object")
        read[key] = value
    return read


def _too_big(size: int, most: int) -> str:
    return f"the file is {_mib(size)}; give one of at most {_mib(most)}"


def _mib(size: int) -> str:
    return f"{size / 2**20:.1f} MiB" if size >= 2**20 else f"{size} bytes"
