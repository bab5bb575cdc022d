"""The cue catalogue: complete, in our own words, and fitted to the walk."""

from __future__ import annotations

import re
from pathlib import Path

from retrowalk.domain.cues import CATALOGUE, GAIT_CUES, Cue, form_cues
from retrowalk.domain.dose import HandSupport

SEED = Path(__file__).resolve().parents[3] / "shared" / "seed"
# Five words in a row shared with the source article would be copying, not a fact.
_RUN = 5


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower().replace("’", "'"))


def _runs(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + _RUN]) for i in range(len(words) - _RUN + 1)}


def test_every_cue_has_its_sentence_in_the_catalogue():
    assert set(CATALOGUE) == set(Cue)


def test_no_sentence_of_the_catalogue_copies_five_words_in_a_row_from_the_seed_article():
    articles = sorted(SEED.glob("*.txt"))
    seed_runs = set().union(*(_runs(_words(p.read_text(encoding="utf-8"))) for p in articles))

    copied = {
        cue: text
        for cue, (_, text) in CATALOGUE.items()
        for piece in re.split(r"\{\w+\}", text)
        if _runs(_words(piece)) & seed_runs
    }

    assert articles and copied == {}


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
