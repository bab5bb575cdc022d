"""The walk `retrowalk go` plays: today's walk from its source, in the terminal, on the belt the
walker chose (set by hand, or a connected treadmill opened for the walk and always stopped)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from retrowalk.coach.belt import HandSetBelt
from retrowalk.coach.session import Finished
from retrowalk.coach.terminal.live import WalkParts, walk_in_terminal
from retrowalk.coach.walk import WalkSource
from retrowalk.domain.errors import InputError

if TYPE_CHECKING:
    from retrowalk.devices.choice import DeviceChoice


def walk_today(
    source: WalkSource, parts: WalkParts, choice: DeviceChoice | None, auto_confirm: bool
) -> tuple[Finished, dict[str, object]]:
    """The walk, and (with a treadmill) the devices' record for the JSON.

    `--auto-confirm` stands in for the walker at every prompt, and so for the Enter that starts
    the belt: allowed on the virtual treadmill and without control, refused for a real belt
    under control, where only the walker may start it.
    """
    if choice is None:
        walk = source.todays_walk()
        return walk_in_terminal(walk, parts, HandSetBelt(confirm=not auto_confirm)), {}
    if auto_confirm and choice.control and not choice.virtual:
        allowed = "a real treadmill's belt starts only on the walker's own Enter: leave it out"
        raise InputError("--auto-confirm", True, allowed)
    walk = source.todays_walk()
    from retrowalk.bootstrap import treadmill_opener

    with treadmill_opener(choice, parts.clock)(walk) as treadmill:
        finished = walk_in_terminal(walk, parts, treadmill=treadmill, presses_enter=auto_confirm)
    walked = treadmill.walked
    assert walked is not None  # the walk took its record before the check-in
    return finished, {"device": walked.to_json()}
