"""Progress as the progress page draws it: the points of `progress`, each beside its logged
session and the decision it led to (for the decision markers and the table's hands), with the
two pain lines the pain chart is read against: the walker's usual pain and the protocol's limit.
"""

from __future__ import annotations

from dataclasses import dataclass

from retrowalk.services.clock import Clock
from retrowalk.services.history import Period, SessionRecord, records_in
from retrowalk.services.ports import UnitOfWork
from retrowalk.services.progress import Progress, progress
from retrowalk.services.walker_plan import programme_of, require_walker


@dataclass(frozen=True, slots=True)
class ProgressView:
    """`records` runs beside `progress.points` (the sessions walked, oldest first); it is empty
    when a log changed between the two reads, and the page then draws no decision markers."""

    progress: Progress
    records: tuple[SessionRecord, ...]
    usual_pain: int
    pain_limit: int


def progress_view(period: Period, uow: UnitOfWork, clock: Clock) -> ProgressView:
    found = progress(period, uow, clock)
    with uow.reading():
        walker = require_walker(uow, period.walker_id)
        records = records_in(uow, walker.id, period)
    walked = tuple(r for r in records if r.logged.entry.outcome.done)
    beside = [r.logged.on for r in walked] == [p.on for p in found.points]
    return ProgressView(
        progress=found,
        records=walked if beside else (),
        usual_pain=walker.profile.rest_pain,
        pain_limit=programme_of(walker).protocol.pain.acceptable_max,
    )
