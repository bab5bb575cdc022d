"""The paired phones and tablets, kept in a small JSON file in the data directory beside the web
app's signing secret: they are this computer's keys to its own server, not part of the walker's
record, so a backup or an export of the record does not carry them.

The file is readable by this user only, written whole to a temporary file and renamed (a crash
leaves the old or the new list, never half), and changed under an exclusive lock so that the
CLI's revoke and the server's pairing never lose each other's change. Readers pick up a change
at once: the running server reads the file again whenever it has changed, so a revoked phone is
locked out on its next request.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import re
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from retrowalk.domain.errors import StorageError
from retrowalk.services.pairing import NAME_MAX, PairedDevice

FILE_NAME = "paired-devices.json"
_HASH = re.compile(r"[0-9a-f]{64}")
_STAMP = "%Y-%m-%dT%H:%M:%SZ"


class PairedDevicesFile:
    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / FILE_NAME
        self._lock_path = data_dir / (FILE_NAME + ".lock")
        self._seen: tuple[int, int, int] | None = None
        self._devices: list[PairedDevice] = []
        self._read_lock = threading.Lock()

    def all(self) -> list[PairedDevice]:
        with self._read_lock:
            try:
                stat = self.path.stat()
            except FileNotFoundError:
                self._seen, self._devices = None, []
                return []
            stamp = (stat.st_ino, stat.st_mtime_ns, stat.st_size)  # each write is a new file
            if stamp != self._seen:
                self._devices = self._read()
                self._seen = stamp
            return list(self._devices)

    def add(self, name: str, token_sha256: str, now: datetime) -> PairedDevice:
        with self._changing() as devices:
            number = max((device.id for device in devices), default=0) + 1
            device = PairedDevice(number, name, token_sha256, now)
            devices.append(device)
        return device

    def revoke(self, device_id: int, now: datetime) -> PairedDevice | None:
        with self._changing() as devices:
            for index, device in enumerate(devices):
                if device.id == device_id:
                    if device.revoked_at is None:
                        devices[index] = replace(device, revoked_at=now)
                    return devices[index]
        return None

    @contextlib.contextmanager
    def _changing(self) -> Iterator[list[PairedDevice]]:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with open(self._lock_path, "a") as lock:
                fcntl.flock(lock, fcntl.LOCK_EX)
                devices = self._read() if self.path.exists() else []
                yield devices
                self._write(devices)
        except OSError as error:
            raise StorageError(f"{self.path}: cannot keep the paired devices ({error})") from error

    def _read(self) -> list[PairedDevice]:
        try:
            kept = json.loads(self.path.read_text(encoding="utf-8"))
            return [_device(entry) for entry in kept["devices"]]
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise StorageError(
                f"{self.path}: not a list of paired devices retrowalk can read ({error}); "
                "move it aside and pair the phones again"
            ) from error

    def _write(self, devices: list[PairedDevice]) -> None:
        text = json.dumps({"devices": [_entry(device) for device in devices]}, indent=2)
        descriptor, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".paired-")
        try:
            with os.fdopen(descriptor, "w", encoding="utf-8") as file:
                file.write(text)
                file.flush()
                os.fsync(file.fileno())
            os.chmod(temporary, 0o600)
            os.replace(temporary, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise


def _entry(device: PairedDevice) -> dict[str, Any]:
    return {
        "id": device.id,
        "name": device.name,
        "token_sha256": device.token_sha256,
        "paired_at": device.paired_at.strftime(_STAMP),
        "revoked_at": None if device.revoked_at is None else device.revoked_at.strftime(_STAMP),
    }


def _device(entry: dict[str, Any]) -> PairedDevice:
    number, name, hashed = entry["id"], entry["name"], entry["token_sha256"]
    if not isinstance(number, int) or isinstance(number, bool) or number < 1:
        raise ValueError(f"id {number!r} is not a whole number from 1")
    if not isinstance(name, str) or not 0 < len(name) <= NAME_MAX:
        raise ValueError(f"name {name!r} is not 1 to {NAME_MAX} characters")
    if not isinstance(hashed, str) or not _HASH.fullmatch(hashed):
        raise ValueError(f"device {number}'s token_sha256 is not a SHA-256 in hex")
    revoked = entry["revoked_at"]
    return PairedDevice(
        number,
        name,
        hashed,
        datetime.strptime(entry["paired_at"], _STAMP),
        None if revoked is None else datetime.strptime(revoked, _STAMP),
    )
