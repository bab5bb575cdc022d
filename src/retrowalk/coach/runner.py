"""The runner: plays a timeline on a clock, and answers the walker's pause, stop, speed changes
and confirmations as they come.

One thread runs the loop: sleep until the next event or display tick (or a command), take the
commands, fire what is due, show the state. Every deadline comes from `SessionTime`, so the
schedule never drifts however long the session or however often it wakes.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from retrowalk.coach.belt import Belt, BeltSetting, SpeedDial
from retrowalk.coach.belt_log import BeltLog
from retrowalk.coach.clock import SessionClock
from retrowalk.coach.inbox import Inbox, WalkerCommand
from retrowalk.coach.record import ChangedBy, Pause, WalkRecord, WentOn
from retrowalk.coach.schedule import set_start_message
from retrowalk.coach.session_time import SessionTime
from retrowalk.coach.speech import Voice
from retrowalk.coach.timeline import Event, EventKind, Timeline
from retrowalk.coach.view import RunnerView, RunState, countdown
from retrowalk.domain.cues import Cue, Message, belt_words, say
from retrowalk.domain.stop_reason import StopReason
from retrowalk.domain.units import Speed

# Float slack when comparing session seconds: deadlines are sums, their differences inexact.
_EPSILON = 1e-6
_STOPPED_BELT = BeltSetting(None, moving=False)

Fired = Callable[[Event, float, float], None]


class Runner:
    def __init__(
        self,
        timeline: Timeline,
        clock: SessionClock,
        voice: Voice,
        belt: Belt,
        dial: SpeedDial | None = None,
        show: Callable[[RunnerView], None] | None = None,
        tick_seconds: float = 1.0,
        on_fired: Fired | None = None,
        confirm_set_up: bool = True,
    ) -> None:
        self.inbox = Inbox()
        self._confirm_set_up = confirm_set_up
        self._timeline, self._clock, self._voice, self._belt = timeline, clock, voice, belt
        self._dial, self._show, self._tick, self._on_fired = dial, show, tick_seconds, on_fired
        self._time = SessionTime(clock)
        self._log = BeltLog()
        self._next = 0
        self._gate: Event | None = None
        self._walker_speed: Speed | None = None
        self._paused_since: tuple[float, float] | None = None  # (session second, clock time)
        self._pauses: list[Pause] = []
        self._ended_at: float | None = None
        self._stopped = False
        self._stopped_since: float | None = None  # clock time of a STOP, for going on
        self._went_on: list[WentOn] = []
        self._resume_speed: Speed | None = None
        self._waiting_for: Message | None = None  # the prompt a STOP cut short, at a gate
        self._said: Message | None = None
        self._prompt: Message | None = None

    @property
    def timeline(self) -> Timeline:
        return self._timeline

    def run(self) -> WalkRecord:
        try:
            self._fire_due()
            while self._ended_at is None:
                self._show_view()
                self._clock.sleep_until(self._next_wake(), self.inbox.signal)
                for command in self.inbox.take_all():
                    self._obey(command)
                self._fire_due()
        except KeyboardInterrupt:
            self._stop()
        self._show_view()
        ended = self._timeline.end if self._ended_at is None else self._ended_at
        log = self._log
        changes, pauses, speeds = tuple(log.changes), tuple(self._pauses), tuple(log.speeds)
        went_on = tuple(self._went_on)
        return WalkRecord(self._timeline, ended, self._stopped, changes, pauses, speeds, went_on)

    def resume(self, reason: StopReason) -> None:
        """Go on after a STOP pressed by mistake or for an interruption, from where session time
        stopped; `run` then plays the rest. The time stopped is kept as a pause. Nothing moves
        until the walker is set again (clip, rails, belt) and presses Enter. A belt the walker
        starts goes on as at a set's start (`_set_going`): armed before they are asked, so the
        prompt says what it needs and their Enter starts it. A stop while the coach waited for
        Enter asks for that again, arming the belt again if it was a start."""
        if not self._stopped or self._ended_at is None or self._stopped_since is None:
            return
        at = self._ended_at
        self._pauses.append(Pause(at, self._clock.now() - self._stopped_since))
        self._went_on.append(WentOn(at, reason))
        self._stopped, self._ended_at, self._stopped_since = False, None, None
        details = (say(Cue.CLIP_ON), say(Cue.BOTH_HANDS))
        for message in (say(Cue.GOING_ON), *details):
            self._say(message)
        gate, pending = self._gate, self._log.pending
        if gate is not None and pending is not None:
            self._gate = None  # the STOP stopped the armed belt: arm it again, then ask
            self._set_going(gate, *pending)
            return
        if gate is not None and self._waiting_for is not None:
            self._ask(self._waiting_for)
            return
        event = Event(at, EventKind.CHECKLIST, say(Cue.GOING_ON), details=details)
        in_set = self._timeline.set_at(at) is not None
        if in_set and self._belt.walker_confirms:
            speed, by = pending or (self._log.current, ChangedBy.PLAN)
            self._set_going(event, speed, by)
            return
        # A belt that sets itself moves only after the walker's Enter (`_go_again`).
        self._resume_speed = self._log.wanted if in_set else None
        if self._confirm_set_up:
            ready = Cue.START_WALKING if in_set and self._resume_speed is None else None
            self._wait_at(event, say(ready or Cue.CHECKLIST_CONFIRM))
        else:
            self._go_again()

    def _go_again(self) -> None:
        """Session time runs again; a belt that sets itself is set going at the set's speed."""
        speed, self._resume_speed = self._resume_speed, None
        self._time.release()
        if speed is not None:
            self._belt.apply(self._setting(speed))

    def _next_wake(self) -> float:
        now = self._time.now()
        wake = self._time.deadline((math.floor((now + _EPSILON) / self._tick) + 1) * self._tick)
        if self._next < len(self._timeline.events):
            wake = min(wake, self._time.deadline(self._timeline.events[self._next].at))
        return wake

    def _fire_due(self) -> None:
        events = self._timeline.events
        while self._gate is None and self._ended_at is None and self._next < len(events):
            event = events[self._next]
            if event.at > self._time.now() + _EPSILON:
                return
            scheduled = self._time.deadline(event.at)
            self._next += 1
            self._fire(event)
            if self._on_fired is not None:
                self._on_fired(event, scheduled, self._clock.now())

    def _fire(self, event: Event) -> None:
        kind = event.kind
        if kind is EventKind.SET_START:
            self._start_set(event)
            return
        if kind is EventKind.SPEED_STEP:
            self._step_up(event)
            return
        self._say(event.message)
        for item in event.details:
            self._say(item)
        if kind is EventKind.CHECKLIST and self._confirm_set_up:
            self._wait_at(event, say(Cue.CHECKLIST_CONFIRM))
        elif kind in (EventKind.REST, EventKind.DONE):
            self._belt.apply(_STOPPED_BELT)
        elif kind is EventKind.CHECK_IN:
            self._ended_at = event.at

    def _step_up(self, event: Event) -> None:
        # A speed the walker chose by hand stands for the rest of the session.
        if self._walker_speed is None and event.speed is not None:
            self._say(event.message)
            self._change_speed(event.speed, ChangedBy.PLAN)

    def _start_set(self, event: Event) -> None:
        speed = self._walker_speed or event.speed
        self._say(self._opening(event, speed))
        self._set_going(event, speed, ChangedBy.PLAN)

    def _set_going(self, event: Event, speed: Speed | None, by: ChangedBy) -> None:
        """The walk goes from `event` at `speed`, as at every set's start and on going on after a
        STOP. A treadmill that sets itself takes the speed and session time runs at once. One the
        walker starts is handed the setting first (a connected belt is armed by it), then the
        coach waits at `event`, asking for what that belt needs; their Enter starts it (through
        the belt's own start) and only then does session time run (`_confirm`)."""
        if speed is None:
            if self._belt.walker_confirms:
                self._wait_at(event, say(Cue.START_WALKING))
        elif self._belt.apply(self._setting(speed)):
            self._say(say(Cue.BELT_CHANGED, setting=self._words(speed)))
        elif self._belt.walker_confirms:
            self._log.pending = (speed, by)
            self._wait_at(event, say(Cue.BELT_START, setting=self._words(speed)))
        else:
            self._say(say(Cue.BELT_CHANGE, setting=self._words(speed)))
        if self._gate is None:
            if speed is not None:
                self._log.runs_at(event.at, speed, by)
            self._time.release()

    def _opening(self, event: Event, speed: Speed | None) -> Message:
        """The set's announcement, said again with the walker's speed if they changed it."""
        if speed == event.speed or event.set_number is None:
            return event.message
        timeline = self._timeline
        window, count = timeline.sets[event.set_number - 1], len(timeline.sets)
        return set_start_message(timeline.dose, timeline.unit, window, count, speed)

    def _change_speed(self, speed: Speed, by: ChangedBy) -> None:
        """A change while walking: the countdown goes on while the walker sets the console."""
        if self._belt.apply(self._setting(speed)):
            self._say(say(Cue.BELT_CHANGED, setting=self._words(speed)))
        elif self._belt.walker_confirms:
            self._log.pending = (speed, by)
            self._ask(say(Cue.BELT_CHANGE_CONFIRM, setting=self._words(speed)))
            return
        else:
            self._say(say(Cue.BELT_CHANGE, setting=self._words(speed)))
        self._log.runs_at(self._time.now(), speed, by)

    def _setting(self, speed: Speed) -> BeltSetting:
        return BeltSetting(speed, self._timeline.dose.incline_percent)

    def _words(self, speed: Speed) -> str:
        return belt_words(speed, self._timeline.unit, self._timeline.dose.incline_percent)

    def _obey(self, command: WalkerCommand) -> None:
        if self._ended_at is not None:
            return
        if command is WalkerCommand.STOP:
            self._stop()
        elif command is WalkerCommand.CONFIRM:
            self._confirm()
        elif command is WalkerCommand.TOGGLE_PAUSE:
            self._toggle_pause()
        else:
            self._manual_change(faster=command is WalkerCommand.FASTER)

    def _confirm(self) -> None:
        if self._paused_since is not None:
            return
        self._log.confirm_pending(self._time.now())
        self._prompt = None
        if self._gate is not None:
            self._gate = None
            self._go_again()

    def _toggle_pause(self) -> None:
        if self._gate is not None:
            return
        if self._paused_since is None:
            self._time.hold()
            self._paused_since = (self._time.now(), self._clock.now())
            self._say(say(Cue.PAUSED))
            self._belt.apply(_STOPPED_BELT)
            return
        self._end_pause()
        self._time.release()
        self._say(say(Cue.RESUMED))
        speed = self._log.current
        if speed is not None and self._timeline.set_at(self._time.now()) is not None:
            self._belt.apply(self._setting(speed))

    def _end_pause(self) -> None:
        if self._paused_since is not None:
            at, began = self._paused_since
            self._pauses.append(Pause(at, self._clock.now() - began))
            self._paused_since = None

    def _manual_change(self, faster: bool) -> None:
        current, dial = self._log.wanted, self._dial
        if dial is None or current is None:
            self._say(say(Cue.NO_BELT_SPEED))
            return
        if self._state() is not RunState.WALKING:
            self._say(say(Cue.CHANGE_WHILE_WALKING))
            return
        changed = dial.faster(current) if faster else dial.slower(current)
        if changed is None:
            limit = Cue.SPEED_AT_CEILING if faster else Cue.SPEED_AT_FLOOR
            self._say(say(limit, speed=current.describe(self._timeline.unit)))
            return
        self._walker_speed = changed
        self._change_speed(changed, ChangedBy.WALKER)

    def _stop(self) -> None:
        self._end_pause()
        self._stopped = True
        self._stopped_since = self._clock.now()
        self._ended_at = self._time.now()
        self._time.hold()
        self._waiting_for = self._prompt if self._gate is not None else None
        self._prompt = None
        self._say(say(Cue.STOPPED))
        self._belt.apply(_STOPPED_BELT)

    def _say(self, message: Message) -> None:
        self._said = message
        self._voice.say(message)

    def _ask(self, prompt: Message) -> None:
        self._prompt = prompt
        self._voice.say(prompt)

    def _wait_at(self, event: Event, prompt: Message) -> None:
        self._gate = event
        self._time.hold(event.at)
        self._ask(prompt)

    def _state(self) -> RunState:
        if self._stopped:
            return RunState.STOPPED
        if self._ended_at is not None:
            return RunState.FINISHED
        if self._paused_since is not None:
            return RunState.PAUSED
        if self._gate is not None:
            first = self._gate.kind is EventKind.CHECKLIST
            return RunState.SETTING_UP if first else RunState.WAITING
        walking = self._timeline.set_at(self._time.now()) is not None
        return RunState.WALKING if walking else RunState.RESTING

    def view(self) -> RunnerView:
        now, timeline = self._time.now(), self._timeline
        number, remaining = countdown(timeline, now, waiting=self._gate is not None)
        pending = self._log.pending
        return RunnerView(
            state=self._state(),
            set_number=number,
            set_count=len(timeline.sets),
            remaining=max(0.0, remaining),
            walked=timeline.walked_seconds(now),
            speed=self._log.current,
            pending_speed=None if pending is None else pending[0],
            incline_percent=timeline.dose.incline_percent,
            has_belt=timeline.dose.speed is not None,
            hands=timeline.dose.hands,
            unit=timeline.unit,
            said=self._said,
            prompt=self._prompt,
            coming_up=timeline.coming_up(now),
            checklist=self._gate.details if self._gate is not None else (),
        )

    def _show_view(self) -> None:
        if self._show is not None:
            self._show(self.view())
