"""What the walker asks of the runner, and the thread-safe inbox the faces post it to."""

from __future__ import annotations

import threading
from collections import deque
from enum import StrEnum


class Command(StrEnum):
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
        self._commands: deque[Command] = deque()

    def post(self, command: Command) -> None:
        with self._lock:
            self._commands.append(command)
            self.signal.set()

    def take_all(self) -> list[Command]:
        with self._lock:
            commands = list(self._commands)
            self._commands.clear()
            self.signal.clear()
        return commands
