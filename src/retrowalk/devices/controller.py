"""The treadmill controller: the safety layer between the coach and the FTMS client.

It sends nothing until the walker turns control on, starts the belt only on the walker's own
start (`walker_start`, or Start pressed at the console), and never sends Start on a timer. Every
speed and incline goes through the `Envelope` (ceiling, grid, raise limits). It reads the belt
back after each speed command, learns the mph quirk once, and hands the belt back to the walker
when the treadmill refuses or ignores it. A lost link is announced at once; the controller then
keeps trying to reconnect and send Stop, and the session is marked partial.

Time is the injected `now`. `heartbeat` is called about once a second (by a pacer task in a
real session, by the simulated clock in tests) and does what is due: the next step of a ramp,
a Stop still owed, a try to reconnect. What the treadmill says back is heard and acted on by
`treadmill_news.TreadmillNews` (`news`).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable

from retrowalk.devices.alerts import Alert, DeviceAlert, alert
from retrowalk.devices.control_state import BeltState, Control, Target
from retrowalk.devices.follow import FollowCheck
from retrowalk.devices.ftms_client import REPLY_SECONDS, Capabilities, FtmsClient, Listeners
from retrowalk.devices.ftms_control import (
    ControlCommand,
    ControlResponse,
    RequestControl,
    ResultCode,
    StartOrResume,
    StopAction,
    StopOrPause,
)
from retrowalk.devices.link import Link
from retrowalk.devices.report import DeviceReport
from retrowalk.devices.safety import (
    Envelope,
    Reading,
    after_command,
    below_running,
    grid_of,
    refuse_non_finite,
    speed_ceiling,
)
from retrowalk.devices.tasks import Tasks
from retrowalk.devices.totals import Totals
from retrowalk.devices.treadmill_news import TreadmillNews
from retrowalk.domain.equipment import EquipmentKind
from retrowalk.domain.errors import DeviceError
from retrowalk.domain.modality import MotorizedRules
from retrowalk.domain.units import KM_PER_MILE, Speed, SpeedUnit
from retrowalk.protocols import load_modality

# Between two tries to reach a treadmill whose link dropped.
RECONNECT_EVERY_SECONDS = 2.0
# "Operation failed" to a Stop means the belt was already stopped.
_STOPPED = (ResultCode.SUCCESS, ResultCode.OPERATION_FAILED)


class TreadmillController:
    def __init__(
        self,
        link: Link,
        now: Callable[[], float],
        limits: Iterable[tuple[str, Speed | None]],
        unit: SpeedUnit,
        on_alert: Callable[[DeviceAlert], None],
        mph_quirk: bool | None = None,
        reply_seconds: float = REPLY_SECONDS,
    ) -> None:
        self.report = DeviceReport(link.name, mph_quirk=mph_quirk)
        self.totals = Totals()
        self.state = BeltState()
        self.envelope: Envelope | None = None
        self._now, self._unit, self._on_alert = now, unit, on_alert
        # The protocol's walking limit holds whatever the caller passes (or forgets to pass).
        self._limits = (*limits, below_running(_walking_limit_mph()))
        unit_found = None if mph_quirk is None else (KM_PER_MILE if mph_quirk else 1.0)
        self.news = TreadmillNews(self, now, unit_found)
        news = self.news
        listeners = Listeners(news.on_data, news.on_status, news.on_unreadable, news.on_lost)
        self.client = FtmsClient(link, listeners, reply_seconds)
        self._tried_at = -RECONNECT_EVERY_SECONDS
        self._closed = False
        self._stepping = asyncio.Lock()
        self._tasks = Tasks(self._failed)

    @property
    def running(self) -> bool:
        return self.state.running

    @property
    def armed(self) -> Target | None:
        return self.state.armed

    # --- the session's life -------------------------------------------------------------
    async def open(self) -> Capabilities:
        capabilities = await self.client.open()
        self.state.link_up = True
        speeds, inclines = capabilities.speeds, capabilities.inclines
        if speeds is not None:
            incline_grid = None if inclines is None else grid_of(inclines)
            ceiling = speed_ceiling(self._limits, speeds)
            self.envelope = Envelope(grid_of(speeds), incline_grid, ceiling)
        return capabilities

    async def take_control(self) -> bool:
        """The walker turned control on: ask the treadmill for it."""
        response = None if self.envelope is None else await self._send(RequestControl())
        if response is None or not response.succeeded:
            self.by_hand(Alert.CONTROL_REFUSED)
            return False
        self.state.control, self.state.had_control = Control.ON, True
        self.report.control = Control.ON.value
        return True

    async def close(self) -> None:
        """Stop the belt if the app may have moved it, then let the treadmill go for good."""
        self._closed = True
        if self.state.link_up and self.state.had_control:
            await self._send_stop()
        if self.state.link_up:
            self.state.link_up = False
            await self.client.disconnect()
        await self.settle()

    async def heartbeat(self) -> None:
        now = self._now()
        if self._closed:
            return
        if not self.state.link_up:
            if now - self._tried_at >= RECONNECT_EVERY_SECONDS:
                self._tried_at = now
                await self._reconnect()
            return
        if self.state.stop_owed:
            await self._send_stop()
        await self._step()

    async def settle(self) -> None:
        """Wait until the work notifications started is done (tests call it after each beat)."""
        await self._tasks.settle()

    # --- what the coach asks ------------------------------------------------------------
    async def want(self, target: Target | None) -> bool:
        """True when the treadmill sets this itself. False when the walker must: a belt that
        is not moving starts only on the walker's start, so a moving setting is armed. After a
        Stop that was not answered the belt may be moving or not: armed too, never written."""
        state = self.state
        if target is not None:  # refused before anything is kept, whatever the caller checked
            refuse_non_finite("speed", target.speed_kmh, "km/h")
            refuse_non_finite("incline", target.incline_percent, "%")
        if target is None:
            state.forget_plans()
            return state.had_control and state.link_up and await self._send_stop()
        if state.control is not Control.ON or not state.link_up:
            return False
        if not state.running or state.stop_owed:  # stopped, or not known to be: armed
            state.armed = target
            return False
        state.wanted = target
        await self._step()
        return True

    async def walker_start(self) -> bool:
        """The walker pressed Enter. Starts an armed belt; False keeps the coach waiting, when
        the treadmill wants its own Start button pressed first."""
        state, target = self.state, self.state.armed
        if target is None or state.control is not Control.ON or not state.link_up:
            return True
        response = await self._send(StartOrResume())
        if response is not None and not response.succeeded:
            self.say(Alert.START_AT_CONSOLE)
            return False
        if response is not None:
            state.stop_owed = False  # the walker's own start, after the STOP, stands
            await self._began_running(target)
        return True

    # --- commands -------------------------------------------------------------------------
    async def _began_running(self, target: Target) -> None:
        now, state, latest = self._now(), self.state, self.totals.latest
        state.started(latest.incline_percent, now)
        state.armed, state.wanted = None, target
        state.check = FollowCheck(None, latest.speed_kmh, now)
        await self._step()

    async def _step(self) -> None:
        async with self._stepping:
            state, envelope, wanted = self.state, self.envelope, self.state.wanted
            if envelope is None or wanted is None or not state.commanding:
                return
            now, latest = self._now(), self.totals.latest
            may_raise = state.check is None or state.check.parameter is None
            command = envelope.next_command(
                state.sent,
                wanted.speed_kmh,
                wanted.incline_percent,
                self.news.kmh_per_unit,
                now,
                may_raise,
                Reading(latest.speed_kmh, latest.incline_percent),
            )
            if command is None:
                return
            before, (state.sent, read_back) = state.sent, after_command(state.sent, command, now)
            if read_back is not None:
                state.check = FollowCheck(read_back, self.totals.latest.speed_kmh, now)
            response = await self._send(command)
            if response is None or not response.succeeded:
                state.sent = before
                self.not_following()

    async def _send_stop(self) -> bool:
        response = await self._send(StopOrPause(StopAction.STOP))
        stopped = response is not None and response.result in _STOPPED
        self.state.stop_owed = not stopped
        if stopped:
            self.state.belt_stopped()
        return stopped

    async def _send(self, command: ControlCommand) -> ControlResponse | None:
        self.news.watch.sent(command, self._now())
        try:
            response = await self.client.send(command)
        except DeviceError as error:
            self.report.problems.append(str(error))
            return None
        self.news.act(self.news.watch.answered(command, response))
        return response

    async def _reconnect(self) -> None:
        try:
            await self.client.reconnect()
        except DeviceError:
            return
        self.state.link_up = True
        await self._send(RequestControl())
        if await self._send_stop():
            self.say(Alert.RECONNECTED)

    async def _failed(self, error: Exception) -> None:
        self.report.problems.append(f"{type(error).__name__}: {error}")
        self.say(Alert.DEVICE_ERROR)
        await self._send_stop()

    # --- decisions ------------------------------------------------------------------------
    def console_started(self, now: float) -> None:
        """Start pressed at the console is the walker's own start, too; like ours, it counts
        as a raise, so nothing goes up for a while after it."""
        state = self.state
        state.started(self.totals.latest.incline_percent, now)
        if state.armed is not None and state.control is Control.ON:
            self._tasks.start(self._began_running(state.armed))

    def step_soon(self) -> None:
        """The next step, as its own task (from a notification, which must not wait)."""
        self._tasks.start(self._step())

    def not_following(self) -> None:
        if self.state.control is Control.ON:
            wanted = self.state.wanted or self.state.armed
            setting = self.describe(wanted.speed_kmh) if wanted else "its slowest speed"
            self.by_hand(Alert.NOT_FOLLOWING, setting=setting)

    def by_hand(self, reason: Alert, **blanks: str) -> None:
        self.state.control = Control.BY_HAND
        self.report.control = Control.BY_HAND.value
        self.state.armed = self.state.check = None
        self.say(reason, **blanks)

    def say(self, kind: Alert, **blanks: str) -> None:
        told = alert(kind, self._now(), **blanks)
        self.report.alerts.append(told)
        self._on_alert(told)

    def describe(self, kmh: float) -> str:
        return Speed.kmh(kmh).describe(self._unit)


def _walking_limit_mph() -> float:
    rules = load_modality(EquipmentKind.MOTORIZED_TREADMILL)
    if not isinstance(rules, MotorizedRules):  # pragma: no cover - the shipped file's kind
        raise TypeError(f"the motorized treadmill's modality file has rules of {type(rules)}")
    return rules.walking_limit_mph
