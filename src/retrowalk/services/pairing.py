"""Pairing a phone with the server on this computer (`retrowalk serve --lan`).

The model is Jupyter Server's and Syncthing's: the person at the computer sees a short-lived
code (and a QR code holding it), and a phone that sends it back gets a long-lived device
credential, a random token kept in the phone's cookie and only as a SHA-256 hash at rest (the
token is 256 random bits, so a slow password hash adds nothing). Codes live in the server's
memory only: they last `CODE_MINUTES`, work once, and a code sent wrong `WRONG_TRIES_PER_CODE`
times is withdrawn; at most `TRIES_PER_MINUTE` tries are heard in any minute, from anyone.

Time comes from the caller (`now`), randomness from `secrets`.
"""

from __future__ import annotations

import hmac
import secrets
import threading
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from retrowalk.domain.errors import InputError
from retrowalk.services.tokens import new_token, token_hash

# No 0/O or 1/I: a code read off a screen and typed on a phone must not be misread.
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8
CODE_MINUTES = 10
WRONG_TRIES_PER_CODE = 5
TRIES_PER_MINUTE = 10
NAME_MAX = 60
CODE_FIELD = "code"
NAME_FIELD = "name"


@dataclass(frozen=True, slots=True)
class PairedDevice:
    """A paired phone or tablet as kept: never its token, only the token's hash."""

    id: int
    name: str
    token_sha256: str
    paired_at: datetime
    revoked_at: datetime | None = None

    @property
    def active(self) -> bool:
        return self.revoked_at is None

    def shown(self) -> str:
        """ "Pixel 8, paired 3 Dec 2026" (and when it was revoked, if it was)."""
        text = f"{self.name}, paired {self.paired_at:%-d %b %Y}"
        return text if self.revoked_at is None else f"{text}, revoked {self.revoked_at:%-d %b %Y}"


class PairedDevices(Protocol):
    """Where paired devices are kept (`store/paired_devices.py`)."""

    def all(self) -> list[PairedDevice]: ...

    def add(self, name: str, token_sha256: str, now: datetime) -> PairedDevice:
        """Keep a new device under the next free id."""
        ...

    def revoke(self, device_id: int, now: datetime) -> PairedDevice | None:
        """Revoke the device (None: no such device); revoking twice keeps the first time."""
        ...


@dataclass(frozen=True, slots=True)
class PairingCode:
    value: str
    expires_at: datetime

    @property
    def shown(self) -> str:
        """The code as a person reads it: two groups of four."""
        return f"{self.value[:4]}-{self.value[4:]}"


@dataclass(frozen=True, slots=True)
class Paired:
    """A phone just paired: its record, and the token to put in its cookie (shown only now)."""

    device: PairedDevice
    token: str


def device_for(devices: Iterable[PairedDevice], token: str | None) -> PairedDevice | None:
    """The active device whose token this is, or None."""
    if not token:
        return None
    wanted = token_hash(token)
    for device in devices:
        if device.active and hmac.compare_digest(device.token_sha256, wanted):
            return device
    return None


def revoke(devices: PairedDevices, device_id: int, now: datetime) -> PairedDevice:
    revoked = devices.revoke(device_id, now)
    if revoked is None:
        known = ", ".join(str(device.id) for device in devices.all()) or "none paired yet"
        raise InputError("device", str(device_id), f"a paired device's number ({known})")
    return revoked


def normal_code(typed: str) -> str:
    """What a person typed, as a code: spaces and dashes dropped, upper case."""
    return "".join(typed.split()).replace("-", "").upper()


def clean_name(typed: str) -> str:
    name = " ".join(typed.split())
    if not name or len(name) > NAME_MAX or not name.isprintable():
        raise InputError(
            NAME_FIELD, typed, f"a name for this device, 1 to {NAME_MAX} printable characters"
        )
    return name


class PairingDesk:
    """The codes of one running server, and the pairing that spends them (thread-safe)."""

    def __init__(self, devices: PairedDevices) -> None:
        self.devices = devices
        self._code: PairingCode | None = None
        self._wrong = 0
        self._tries: deque[datetime] = deque()
        self._lock = threading.Lock()

    def new_code(self, now: datetime) -> PairingCode:
        """A fresh code; the one before it stops working."""
        value = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        with self._lock:
            self._code = PairingCode(value, now + timedelta(minutes=CODE_MINUTES))
            self._wrong = 0
            return self._code

    def current(self, now: datetime) -> PairingCode | None:
        """The code still waiting for a phone, if any."""
        with self._lock:
            code = self._code
        return code if code is not None and now < code.expires_at else None

    def pair(self, typed_code: str, name: str, now: datetime) -> Paired:
        """Spend the code on a new device credential, or refuse naming the field."""
        clean = clean_name(name)
        with self._lock:
            self._hear_try(now)
            self._spend(normal_code(typed_code), now)
        token = new_token()
        return Paired(self.devices.add(clean, token_hash(token), now), token)

    def _hear_try(self, now: datetime) -> None:
        while self._tries and now - self._tries[0] >= timedelta(minutes=1):
            self._tries.popleft()
        if len(self._tries) >= TRIES_PER_MINUTE:
            raise InputError(
                CODE_FIELD, None, "wait a minute: too many codes were tried in the last minute"
            )
        self._tries.append(now)

    def _spend(self, typed: str, now: datetime) -> None:
        code = self._code
        if code is None or now >= code.expires_at:
            raise InputError(CODE_FIELD, typed or None, _ASK_FOR_A_NEW_ONE)
        if not hmac.compare_digest(typed.encode(), code.value.encode()):
            self._wrong += 1
            if self._wrong >= WRONG_TRIES_PER_CODE:
                self._code = None
                raise InputError(CODE_FIELD, typed or None, _WITHDRAWN)
            raise InputError(CODE_FIELD, typed or None, _AS_SHOWN)
        self._code = None  # spent: a code pairs one device


_AS_SHOWN = (
    f"the {CODE_LENGTH}-character code shown on the computer running retrowalk "
    "(letters and digits; dashes and spaces do not matter)"
)
_ASK_FOR_A_NEW_ONE = (
    "a code still waiting for a phone: this one was used or has expired, so make a new one on "
    "the computer running retrowalk (its page /pair, or restart retrowalk serve --lan)"
)
_WITHDRAWN = (
    f"a new code: this one was typed wrong {WRONG_TRIES_PER_CODE} times and no longer works; "
    "make a new one on the computer running retrowalk (its page /pair)"
)
