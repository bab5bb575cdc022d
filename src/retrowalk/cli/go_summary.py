"""What `retrowalk go` says when the walk is over, for people: what was walked, the pain and
effort reported, and the next session with the engine's reasons (the JSON record is --json's)."""

from __future__ import annotations

from retrowalk.coach.session import Finished
from retrowalk.domain.cues import duration_words


def walk_summary(finished: Finished) -> list[str]:
    completed = finished.completed
    record, answers = completed.record, completed.check_in
    walked = duration_words(record.minutes_walked)
    planned = duration_words(completed.walk.dose.minutes)
    if record.stopped_early:
        why = "" if answers.stop_reason is None else f" ({answers.stop_reason.describe()})"
        done = f"Walked {walked} of {planned}: stopped early{why}."
    else:
        done = f"Walked {walked} of {planned}, in full."
    pain = "not given" if answers.pain_during is None else f"{answers.pain_during} of 10"
    if answers.sharp_pain:
        pain += ", sharp"
    effort = "not given" if answers.rpe is None else f"{answers.rpe} of 10"
    return [done, f"Pain during the walk: {pain}. Effort: {effort}.", finished.summary]
