"""Single keys from the terminal, turned into commands for the runner.

The terminal goes into cbreak mode (keys arrive at once, unechoed; Ctrl-C still interrupts)
and is put back as it was on the way out. A pipe wakes the reading thread to end it, so it
never polls.
"""

from __future__ import annotations

import contextlib
import os
import select
import sys
import termios
import threading
import tty
from contextlib import AbstractContextManager
from typing import Any

from retrowalk.coach.inbox import Inbox, WalkerCommand

KEYS = {
    " ": WalkerCommand.TOGGLE_PAUSE,
    "s": WalkerCommand.STOP,
    "S": WalkerCommand.STOP,
    "+": WalkerCommand.FASTER,
    "=": WalkerCommand.FASTER,
    "-": WalkerCommand.SLOWER,
    "_": WalkerCommand.SLOWER,
    "\r": WalkerCommand.CONFIRM,
    "\n": WalkerCommand.CONFIRM,
}


class KeyReader:
    def __init__(self, inbox: Inbox, fd: int | None = None) -> None:
        self._inbox = inbox
        self._fd = sys.stdin.fileno() if fd is None else fd
        self._saved: list[Any] | None = None
        self._wake_read, self._wake_write = os.pipe()
        self._thread = threading.Thread(target=self._read_keys, name="keys", daemon=True)

    @classmethod
    def on_standard_input(cls, inbox: Inbox) -> AbstractContextManager[object]:
        """Keys from standard input, or none when it is no file (an embedding program's)."""
        try:
            fd = sys.stdin.fileno()
        except (AttributeError, OSError, ValueError):
            return contextlib.nullcontext()
        return cls(inbox, fd)

    def __enter__(self) -> KeyReader:
        if os.isatty(self._fd):
            self._saved = termios.tcgetattr(self._fd)
            tty.setcbreak(self._fd)
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        os.write(self._wake_write, b"x")
        self._thread.join(1.0)
        if self._saved is not None:
            termios.tcsetattr(self._fd, termios.TCSADRAIN, self._saved)
        os.close(self._wake_read)
        os.close(self._wake_write)

    def _read_keys(self) -> None:
        while True:
            ready, _, _ = select.select([self._fd, self._wake_read], [], [])
            if self._wake_read in ready:
                return
            with contextlib.suppress(OSError):
                data = os.read(self._fd, 32)
                if not data:
                    return
                for char in data.decode(errors="ignore"):
                    command = KEYS.get(char)
                    if command is not None:
                        self._inbox.post(command)
