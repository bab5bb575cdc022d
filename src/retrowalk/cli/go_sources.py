"""Where `retrowalk go` takes today's walk from and where the walk goes: the walker of this
machine and the database (the default), or a scenario's plan kept in memory (demonstrations)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from retrowalk.cli.errors import read_text_file
from retrowalk.cli.wiring import opened, shown_units, the_walker
from retrowalk.coach.logger import InMemoryLogger, SessionLogger
from retrowalk.coach.walk import WalkSource
from retrowalk.domain.errors import InputError


@contextmanager
def walk_and_logger(
    scenario: Path | None, session: int
) -> Iterator[tuple[WalkSource, SessionLogger]]:
    """Today's walk and its logger; the database stays open until the walk is logged."""
    if scenario is not None:
        from retrowalk.services.scenario import parse_scenario
        from retrowalk.services.scenario_walks import ScenarioWalks

        source = ScenarioWalks(parse_scenario(read_text_file(scenario, "--scenario")), session)
        yield source, InMemoryLogger(source.next_decision)
        return
    if session != 0:
        raise InputError("--session", session, "give it with --scenario (a plan's session)")
    from retrowalk.services.live_walk import StoredLogger, StoredWalks

    with opened() as wiring:
        walker = the_walker(wiring)
        unit = shown_units(wiring.settings, walker).speed_unit
        walks = StoredWalks(walker, wiring.uow, wiring.clock, unit)
        yield walks, StoredLogger(walker.id, wiring.uow, wiring.clock)
