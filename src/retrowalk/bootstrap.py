"""The composition root: settings, database engine, unit of work and clock, wired once; and the
live walk's adapters (the session clock, the voice, the treadmill opened for a walk).

CLI, web and tests all start here; every piece can be passed in instead (a test's database URL,
a fixed clock, an in-memory store). Opening the database checks its schema: a new, empty one is
created at the current schema; an older, newer or unknown one is refused with a StorageError.
The faces pick what the walker chose (`--device`, `--voice`, `--time-scale`); which adapter that
means, and its import, is decided here and nowhere else.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from retrowalk.services.clock import Clock, SystemClock
from retrowalk.services.ports import DataStore, UnitOfWork
from retrowalk.settings import Settings, get_settings

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from retrowalk.coach.clock import SessionClock
    from retrowalk.coach.speech import SpeechSettings, Voice
    from retrowalk.devices.choice import DeviceChoice
    from retrowalk.devices.held_walk import Opener
    from retrowalk.services.pairing import PairedDevices
    from retrowalk.store.admin import DatabaseAdmin


@dataclass(frozen=True, slots=True)
class Wiring:
    settings: Settings
    clock: Clock
    uow: Callable[[], UnitOfWork]
    data: DataStore
    database: DatabaseAdmin

    def close(self) -> None:
        self.database.close()


def bootstrap(
    settings: Settings | None = None,
    *,
    clock: Clock | None = None,
    engine: Engine | None = None,
    check_schema: bool = True,
) -> Wiring:
    """Everything a face needs. `check_schema=False` is for `retrowalk db upgrade` alone."""
    from retrowalk.store.admin import DatabaseAdmin
    from retrowalk.store.database import make_engine, session_factory
    from retrowalk.store.migrate import ensure_current
    from retrowalk.store.uow import SqlDataStore, SqlUnitOfWork

    settings = settings or get_settings()
    owned = engine is None
    engine = engine or make_engine(settings.resolved_database_url, settings.database_timeout)
    try:
        if check_schema:
            ensure_current(engine)
    except BaseException:
        if owned:
            engine.dispose()
        raise
    sessions = session_factory(engine)
    return Wiring(
        settings=settings,
        clock=clock or SystemClock(),
        uow=lambda: SqlUnitOfWork(sessions),
        data=SqlDataStore(engine),
        database=DatabaseAdmin(engine),
    )


def session_clock(time_scale: float = 1.0) -> SessionClock:
    """The live walk's clock: the real monotonic one, or one running `time_scale` times faster
    (demonstrations)."""
    from retrowalk.coach.clock import MonotonicClock, ScaledClock

    return MonotonicClock() if time_scale == 1 else ScaledClock(time_scale)


def voice_for(speak: bool, settings: SpeechSettings, ring: Callable[[], None]) -> Voice:
    """The voice of a walk in the terminal: espeak-ng when installed, else `ring`; silence when
    speech is off."""
    from retrowalk.coach.speech import choose_voice

    return choose_voice(speak, settings, ring)


def treadmill_opener(choice: DeviceChoice, clock: SessionClock) -> Opener:
    """How either face opens the chosen treadmill (`virtual` or an address) for one walk, on
    `clock`; the belt is always stopped before the treadmill is let go."""
    from retrowalk.devices.opening import connected_belt

    return lambda walk: connected_belt(choice, walk, clock)


def paired_devices(settings: Settings) -> PairedDevices:
    """The phones and tablets paired with this computer's server (a file in the data directory,
    beside the web app's secret)."""
    from retrowalk.store.paired_devices import PairedDevicesFile

    return PairedDevicesFile(settings.data_dir)
