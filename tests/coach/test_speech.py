"""The voice: espeak-ng really speaks (into a WAV file here), and speaking never holds up the
session's timer."""

from __future__ import annotations

import array
import math
import shutil
import time
import wave
from pathlib import Path

import pytest

from retrowalk.coach.speech import (
    ESPEAK,
    BellVoice,
    EspeakVoice,
    SilentVoice,
    SpeechSettings,
    choose_voice,
    espeak_command,
)
from retrowalk.domain.cues import Cue, say
from retrowalk.domain.errors import InputError

INSTALL_HINT = "espeak-ng is missing: run scripts/system-packages.sh (it apt-installs espeak-ng)"


def _require_espeak() -> None:
    if shutil.which(ESPEAK) is None:
        pytest.fail(INSTALL_HINT)


def _speech_measure(path: Path) -> tuple[float, float]:
    """Seconds of sound and its loudness (RMS of 16-bit samples, full scale 32768)."""
    with wave.open(str(path), "rb") as sound:
        assert sound.getsampwidth() == 2
        frames = sound.readframes(sound.getnframes())
        seconds = sound.getnframes() / sound.getframerate()
    samples = array.array("h", frames)
    rms = math.sqrt(sum(s * s for s in samples) / max(1, len(samples)))
    return seconds, rms


def test_espeak_speaks_a_cue_into_a_wav_file_that_holds_audible_speech(tmp_path: Path):
    _require_espeak()
    voice = EspeakVoice(SpeechSettings(rate=150, volume=100), record_to=tmp_path)

    voice.say(say(Cue.REACH_BACK))
    voice.close()

    [recorded] = sorted(tmp_path.glob("*.wav"))
    seconds, rms = _speech_measure(recorded)
    assert recorded.name == "001-reach_back.wav"
    assert 0.8 < seconds < 10  # a seven-word sentence, spoken
    assert rms > 300  # far above silence (0) or hiss


def test_a_slower_rate_takes_longer_to_say_the_same_words(tmp_path: Path):
    _require_espeak()
    slow, fast = tmp_path / "slow", tmp_path / "fast"
    slow.mkdir()
    fast.mkdir()

    for folder, rate in ((slow, 100), (fast, 250)):
        voice = EspeakVoice(SpeechSettings(rate=rate), record_to=folder)
        voice.say(say(Cue.STAND_TALL))
        voice.close()

    slow_seconds, _ = _speech_measure(next(slow.glob("*.wav")))
    fast_seconds, _ = _speech_measure(next(fast.glob("*.wav")))
    assert slow_seconds > 1.5 * fast_seconds


def test_saying_returns_at_once_while_a_slow_engine_is_still_speaking(tmp_path: Path):
    engine = tmp_path / "slow-engine"
    engine.write_text("#!/bin/sh\nsleep 2\n", encoding="utf-8")
    engine.chmod(0o755)
    voice = EspeakVoice(SpeechSettings(), binary=str(engine))

    started = time.perf_counter()
    for cue in (Cue.REACH_BACK, Cue.TOES_FIRST, Cue.HALFWAY):
        voice.say(say(cue))
    took = time.perf_counter() - started
    voice.say(say(Cue.STOPPED))  # an alert cuts the slow speech short and drops the queue
    closing = time.perf_counter()
    voice.close(wait_seconds=10)
    closed = time.perf_counter() - closing

    assert took < 0.5  # three messages queued in far less time than one takes to say
    assert closed < 5  # only the alert was left to say (2 s), not all four (8 s)


def test_the_espeak_command_carries_the_rate_the_volume_and_the_text_after_a_separator():
    command = espeak_command("-5 is not an option", SpeechSettings(rate=130, volume=80))

    assert command == [ESPEAK, "-s", "130", "-a", "80", "--", "-5 is not an option"]


def test_the_bell_rings_for_announcements_and_prompts_but_not_for_form_cues():
    rings: list[str] = []
    bell = BellVoice(lambda: rings.append("ding"))

    for message in (
        say(Cue.REACH_BACK),
        say(Cue.HALFWAY),
        say(Cue.BELT_START, setting="0.6 mph"),
        say(Cue.PAUSED),
    ):
        bell.say(message)

    assert rings == ["ding"] * 3


def test_no_voice_or_no_volume_means_silence():
    assert isinstance(choose_voice(False, SpeechSettings(), lambda: None), SilentVoice)
    assert isinstance(choose_voice(True, SpeechSettings(volume=0), lambda: None), SilentVoice)


def test_speech_settings_outside_their_range_are_refused_with_the_field_named():
    with pytest.raises(InputError) as refused:
        SpeechSettings(rate=20)

    assert refused.value.field == "rate"
