"""What a report is asked for, from the command line or the web form: the dates (both optional)
and the paper, each refused by the name the asker used (`--from`, or `from` on the page)."""

from __future__ import annotations

from retrowalk.domain.errors import InputError
from retrowalk.services.commands import read_command
from retrowalk.services.history import Period
from retrowalk.services.records import StoredWalker
from retrowalk.web.report.view import Paper, default_paper

PAPERS = ", ".join(paper.value for paper in Paper)


def report_period(
    walker_id: int, since: str | None, until: str | None, names: tuple[str, str]
) -> Period:
    """The period, or an InputError naming `names[0]` (from) or `names[1]` (to)."""
    fields = {"walker_id": walker_id, "since": since or None, "until": until or None}
    try:
        return read_command(Period, fields)
    except InputError as error:
        if error.field in ("since", "until"):
            name = names[0] if error.field == "since" else names[1]
            raise InputError(name, error.value, error.allowed) from None
        raise InputError(
            names[0], since, f"must not be after {names[1]} ({until}); give an earlier day"
        ) from None


def report_paper(walker: StoredWalker, paper: str | None, name: str) -> Paper:
    """The paper asked for, or the walker's default (Letter for mph, A4 for km/h)."""
    if not paper:
        return default_paper(walker.profile.units)
    try:
        return Paper(paper.strip().lower())
    except ValueError:
        raise InputError(name, paper, f"give one of {PAPERS}") from None
