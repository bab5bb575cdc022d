"""What the walker asks of the runner, and the thread-safe inbox the faces post it to."""

from __future__ import annotations

import threading
from collections import deque
from enum import StrEnum


class WalkerCommand(StrEnum):
    TOGGLE_PAUSE = "toggle_pause"
    STOP = "stop"
    FASTER = "faster"
    SLOWER = "slower"
    CONFIRM = "confirm"


class Inbox:
    """Commands from any thread; `signal` wakes the runner's clock when one arrives."""

    def __init__(self) -> None:
        self.signal = threading.Event()
        self._lock = threading.Lock()
        self._commands: deque[WalkerCommand] = deque()

    def post(self, command: WalkerCommand) -> None:
        with self._lock:
            self._commands.append(command)
            self.signal.set()

    def take_all(self) -> list[WalkerCommand]:
        with self._lock:
            commands = list(self._commands)
            self._commands.clear()
            self.signal.clear()
        return commands
