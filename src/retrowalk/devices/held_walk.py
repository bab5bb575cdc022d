"""One walk's treadmill held open between calls (`serve --device`: the live page walks call by
call), with the rules that keep it safe whatever the calls do.

One call at a time: a STOP, or letting go, waits for a start under way, so the Stop is always the
treadmill's last command. `end` (the walk finished, or STOP) stops the belt first and keeps the
record as it stands for the log, but holds the treadmill: after a STOP the walk may go on
(`go_on`), on the same treadmill and record, as the terminal's walk does; with a Stop still owed
the controller keeps trying to reconnect and stop it. The face lets it go (`let_go`) once the walk
is logged, its page is gone, or the app leaves. An error on a call stops and lets go of the
treadmill, and says so.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from contextlib import AbstractContextManager, ExitStack
from typing import TypeVar

from retrowalk.coach.belt import BeltSetting
from retrowalk.coach.walk import TodaysWalk
from retrowalk.devices.walk_treadmill import WalkTreadmill
from retrowalk.domain.errors import DeviceError, InputError
from retrowalk.domain.treadmill_record import DeviceTrace

Opener = Callable[[TodaysWalk], AbstractContextManager[WalkTreadmill]]
Answer = TypeVar("Answer")
STOPPED = BeltSetting(None, moving=False)
_log = logging.getLogger(__name__)


class HeldWalk:
    """Walk `seq` on `treadmill`; `trace` is kept from the moment the walk ended."""

    def __init__(self, seq: int, treadmill: WalkTreadmill, exits: ExitStack) -> None:
        self.seq, self.treadmill, self._exits = seq, treadmill, exits
        self.trace: DeviceTrace | None = None
        self.closed = False
        self.lock = threading.RLock()

    @classmethod
    def open(cls, opener: Opener, walk: TodaysWalk, seq: int) -> HeldWalk:
        """The treadmill opened for the walk, its samples counted from now."""
        exits = ExitStack()
        try:
            treadmill = exits.enter_context(opener(walk))
            treadmill.begin()
        except BaseException:
            exits.close()
            raise
        return cls(seq, treadmill, exits)

    @property
    def ended(self) -> bool:
        return self.trace is not None or self.closed

    def call(self, action: Callable[[WalkTreadmill], Answer]) -> Answer:
        """`action` on the treadmill of a walk still under way."""
        with self.lock:
            if self.ended:
                raise InputError("seq", self.seq, "this walk has ended; its treadmill was let go")
            return self._guard(action)

    def stop(self) -> bool:
        """Stop the belt now; False when the walk is over (its belt was stopped already)."""
        with self.lock:
            if self.ended:
                return False
            return self._guard(lambda treadmill: treadmill.apply(STOPPED).applied)

    def end(self) -> None:
        """Stop the belt and keep the record as it stands; the treadmill stays held."""
        with self.lock:
            if self.ended:
                return
            try:
                self._guard(lambda treadmill: treadmill.apply(STOPPED))
            finally:
                self.trace = self.trace or self.treadmill.trace()

    def go_on(self) -> bool:
        """The walk goes on after a STOP: the record runs on, the pause in it. False when the
        treadmill was let go (it must be opened again)."""
        with self.lock:
            if self.closed:
                return False
            self.trace = None
            return True

    @property
    def stop_owed(self) -> bool:
        return self.treadmill.session.controller.state.stop_owed

    def record(self) -> DeviceTrace:
        """The walk's record for the log: as it ended, or as it stands."""
        return self.trace or self.treadmill.trace()

    def let_go(self) -> None:
        """Stop the belt (connected_belt always does, first) and let the treadmill go."""
        with self.lock:
            if self.closed:
                return
            self.closed = True
            try:
                self._exits.close()
            except Exception:  # the app must go on closing the others, and say what went wrong
                _log.exception("closing the treadmill of session %s", self.seq)

    def _guard(self, action: Callable[[WalkTreadmill], Answer]) -> Answer:
        """Run `action`; on an error, stop and let go of the treadmill."""
        try:
            return action(self.treadmill)
        except Exception as error:
            self.trace = self.trace or self.treadmill.trace()
            self.let_go()
            said = str(error) or type(error).__name__
            raise DeviceError(
                f"the treadmill failed ({said}); retrowalk told it to stop and let it go. "
                "Use the safety key if the belt still moves."
            ) from error
