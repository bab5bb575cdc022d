"""Writing a file so that a failure never leaves half of it, for every file retrowalk writes for
people (exports and backups).

The bytes go to a temporary file beside the target (`.NAME.xxxxxxxx.tmp`, so the rename stays on
one file system), which is flushed to the disk and renamed onto the target (os.replace) only
once complete. A full disk or an error half-way removes the temporary file and leaves the old
file as it was, or no file at all; only a killed process can leave a temporary file behind.
"""

from __future__ import annotations

import os
import secrets
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from retrowalk.domain.errors import InputError


@contextmanager
def atomic_write(target: Path) -> Iterator[Path]:
    """A new, empty file beside `target` to write in the block; when the block ends without an
    error it replaces `target` (keeping an old file's permissions), otherwise it is removed."""
    if target.is_symlink():
        target = target.resolve()  # replace the file it points to, not the link
    temporary = _new_file_beside(target)
    try:
        yield temporary
        _flush(temporary)
        if target.exists():
            shutil.copymode(target, temporary)
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    _flush_folder(target.parent)


def write_text_atomically(target: Path, text: str) -> None:
    with atomic_write(target) as temporary:
        temporary.write_text(text, encoding="utf-8")


def write_bytes_atomically(target: Path, data: bytes) -> None:
    with atomic_write(target) as temporary:
        temporary.write_bytes(data)


def unwritable(field: str, target: Path, error: Exception) -> InputError:
    """The refusal to give when `target` could not be written (full disk, no such folder...)."""
    reason = getattr(error, "strerror", None) or str(error)
    return InputError(field, str(target), f"it cannot be written ({reason}); nothing was changed")


def _new_file_beside(target: Path) -> Path:
    while True:
        path = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
        try:
            # 0o666 less the umask: the permissions a plain open(…, "w") would give.
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        except FileExistsError:
            continue
        return path


def _flush(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _flush_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); a system that cannot open folders skips it."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
