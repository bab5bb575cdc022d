"""The cue catalogue: complete, in our own words, and fitted to the walk."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from retrowalk.domain.cues import CATALOGUE, GAIT_CUES, Cue, form_cues
from retrowalk.domain.dose import HandSupport

# The seed article is not in the repository, only a fingerprint of it: each run of five words,
# hashed (`_digest`). Rebuilt from the article with
# `sorted({_digest(run) for run in _runs(_words(article_text))})`, one digest a line.
SEED_RUNS = Path(__file__).with_name("seed_runs.txt")
# Five words in a row shared with the source article would be copying, not a fact.
_RUN = 5


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower().replace("’", "'"))


def _runs(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + _RUN]) for i in range(len(words) - _RUN + 1)}


def _digest(run: tuple[str, ...]) -> str:
    return hashlib.sha256(" ".join(run).encode()).hexdigest()[:10]


def _seed_digests() -> set[str]:
    lines = SEED_RUNS.read_text(encoding="utf-8").splitlines()
    return {line for line in lines if line and not line.startswith("#")}


def test_every_cue_has_its_sentence_in_the_catalogue():
    assert set(CATALOGUE) == set(Cue)


def test_no_sentence_of_the_catalogue_copies_five_words_in_a_row_from_the_seed_article():
    seed = _seed_digests()

    copied = {
        cue: text
        for cue, (_, text) in CATALOGUE.items()
        for piece in re.split(r"\{\w+\}", text)
        if {_digest(run) for run in _runs(_words(piece))} & seed
    }

    assert len(seed) > 4000 and copied == {}


def test_the_fingerprint_finds_a_run_copied_from_the_seed_article():
    # The article's opening words, as a sentence that copied them would carry.
    copied = "setting the treadmill to its lowest"

    assert {_digest(run) for run in _runs(_words(copied))} & _seed_digests()


def test_the_form_cues_are_distinct_and_carry_every_gait_cue():
    for hands in HandSupport:
        for slope in (False, True):
            cues = form_cues(hands, slope)

            assert len(set(cues)) == len(cues)
            assert set(GAIT_CUES) <= set(cues)


def test_the_grip_cue_follows_the_hand_support_and_the_lean_only_comes_on_a_slope():
    assert Cue.GRIP_ONE in form_cues(HandSupport.ONE, on_a_slope=False)
    assert Cue.HANDS_FREE in form_cues(HandSupport.NONE, on_a_slope=False)
    assert Cue.SLOPE_LEAN not in form_cues(HandSupport.BOTH, on_a_slope=False)
    assert Cue.SLOPE_LEAN in form_cues(HandSupport.BOTH, on_a_slope=True)
