"""Cue output: the voice that speaks the catalogue's messages, with its backends.

`say` only queues a message; a worker thread does the speaking, so a slow speech engine never
holds up the session's timer. An alert (pause, stop, a refused change) cuts in at once: what was
being said is cut short and anything queued is dropped.
"""

from __future__ import annotations

import queue
import shutil
import subprocess
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from retrowalk.domain.cues import Message, MessageKind
from retrowalk.domain.errors import InputError

ESPEAK = "espeak-ng"


class Voice(Protocol):
    def say(self, message: Message) -> None:
        """Start saying `message`; never wait for it to be said."""
        ...

    def close(self) -> None:
        """Finish what is queued (for a moment at most) and release the voice."""
        ...


@dataclass(frozen=True, slots=True)
class SpeechSettings:
    """`rate` in words per minute; `volume` in percent of the engine's normal loudness."""

    rate: int = 150
    volume: int = 100

    def __post_init__(self) -> None:
        if not 80 <= self.rate <= 400:
            raise InputError("rate", self.rate, "give words per minute from 80 to 400")
        if not 0 <= self.volume <= 200:
            raise InputError("volume", self.volume, "give a volume from 0 to 200 (100 is normal)")


def espeak_command(
    text: str, settings: SpeechSettings, wav: Path | None = None, binary: str = ESPEAK
) -> list[str]:
    command = [binary, "-s", str(settings.rate), "-a", str(settings.volume)]
    if wav is not None:
        command += ["-w", str(wav)]
    return [*command, "--", text]


class EspeakVoice:
    """Speaks through the espeak-ng program; with `record_to`, writes each message to a WAV
    file there instead of playing it."""

    def __init__(
        self, settings: SpeechSettings, record_to: Path | None = None, binary: str = ESPEAK
    ) -> None:
        self._settings, self._record_to, self._binary = settings, record_to, binary
        self._queue: queue.Queue[Message | None] = queue.Queue()
        self._lock = threading.Lock()
        self._speaking: subprocess.Popen[bytes] | None = None
        self._spoken = 0
        self._worker = threading.Thread(target=self._speak_all, name="voice", daemon=True)
        self._worker.start()

    def say(self, message: Message) -> None:
        if message.kind is MessageKind.ALERT:
            self._interrupt()
        self._queue.put(message)

    def close(self, wait_seconds: float = 5.0) -> None:
        self._queue.put(None)
        self._worker.join(wait_seconds)

    def _speak_all(self) -> None:
        while (message := self._queue.get()) is not None:
            self._speak(message)

    def _speak(self, message: Message) -> None:
        wav = None
        if self._record_to is not None:
            self._spoken += 1
            wav = self._record_to / f"{self._spoken:03d}-{message.cue.value}.wav"
        command = espeak_command(message.text, self._settings, wav, self._binary)
        with self._lock:
            self._speaking = subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        self._speaking.wait()

    def _interrupt(self) -> None:
        while True:
            try:
                self._queue.get_nowait()
            except queue.Empty:
                break
        with self._lock:
            if self._speaking is not None and self._speaking.poll() is None:
                self._speaking.terminate()


class BellVoice:
    """No speech engine: a terminal bell for what needs attention; the screen shows the words."""

    def __init__(self, ring: Callable[[], None]) -> None:
        self._ring = ring

    def say(self, message: Message) -> None:
        if message.kind in (MessageKind.ANNOUNCEMENT, MessageKind.PROMPT, MessageKind.ALERT):
            self._ring()

    def close(self) -> None:
        return None


class SilentVoice:
    def say(self, message: Message) -> None:
        return None

    def close(self) -> None:
        return None


class Transcript:
    """Keeps every message in order: a voice for tests and for checking a script's wording."""

    def __init__(self) -> None:
        self.messages: list[Message] = []

    def say(self, message: Message) -> None:
        self.messages.append(message)

    def close(self) -> None:
        return None


def choose_voice(speak: bool, settings: SpeechSettings, ring: Callable[[], None]) -> Voice:
    """espeak-ng when asked for and installed, else the bell; silence when speech is off."""
    if not speak or settings.volume == 0:
        return SilentVoice()
    if shutil.which(ESPEAK) is not None:
        return EspeakVoice(settings)
    return BellVoice(ring)
