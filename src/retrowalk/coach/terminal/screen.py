"""The full-screen display: a very large countdown, the set, the belt, the hands, the pulse (with
a strap or a treadmill that relays one), the last thing said, what the coach is waiting for, and
what comes next. STOP is always on screen."""

from __future__ import annotations

from rich.align import Align
from rich.console import Console, Group, RenderableType
from rich.live import Live
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from retrowalk.coach.terminal.digits import big, clock_face
from retrowalk.coach.view import RunnerView, RunState
from retrowalk.domain.units import format_number

_TITLE = {
    RunState.SETTING_UP: ("GET READY", "bold cyan"),
    RunState.WAITING: ("READY?", "bold cyan"),
    RunState.WALKING: ("WALK", "bold green"),
    RunState.RESTING: ("REST", "bold blue"),
    RunState.PAUSED: ("PAUSED", "bold yellow"),
    RunState.FINISHED: ("DONE", "bold green"),
    RunState.STOPPED: ("STOPPED", "bold red"),
}
KEYS = "[b]space[/b] pause / go on   [b]+[/b] / [b]-[/b] speed   [b]Enter[/b] confirm   "


def render(view: RunnerView) -> RenderableType:
    title, style = _TITLE[view.state]
    if view.set_number is not None and view.state is not RunState.SETTING_UP:
        title = f"{title} · SET {view.set_number} OF {view.set_count}"
    parts: list[RenderableType] = [
        Align.center(Text(title, style=style)),
        Align.center(Text(big(clock_face(view.remaining)), style=style)),
        Align.center(_belt(view)),
    ]
    if view.checklist:
        items = "\n".join(f"• {item.text}" for item in view.checklist)
        parts.append(Panel(items, title="set-up", border_style="cyan"))
    if view.said is not None and not view.checklist:
        parts.append(Align.center(Text(view.said.text, style="bold")))
    if view.prompt is not None:
        parts.append(Panel(Text(view.prompt.text, style="bold"), border_style="magenta"))
    if view.coming_up is not None:
        parts.append(Align.center(Text(view.coming_up.text, style="dim")))
    parts.append(Align.center(Text.from_markup(KEYS + "[bold white on red] s STOP [/]")))
    return Panel(Group(*parts), title="retrowalk", border_style=style)


def _belt(view: RunnerView) -> Table:
    grid = Table.grid(padding=(0, 4))
    speed = _speed_words(view)
    if view.pending_speed is not None:
        speed += f" → {view.pending_speed.describe(view.unit)}"
    walked = clock_face(view.walked, count_down=False)
    cells = [
        f"speed [b]{speed}[/b]",
        f"incline [b]{format_number(view.incline_percent)} %[/b]",
        f"hands [b]{view.hands.describe()}[/b]",
        f"walked [b]{walked}[/b]",
    ]
    if view.pulse is not None:
        bpm = view.pulse.bpm
        cells.append(f"heart [b]{'—' if bpm is None else f'{bpm} bpm'}[/b]")
    grid.add_row(*cells)
    return grid


def _speed_words(view: RunnerView) -> str:
    if view.speed is not None:
        return view.speed.describe(view.unit)
    return "belt stopped" if view.has_belt else "your own pace"


class LiveScreen:
    """Draws each view the runner shows, full screen, until the block ends."""

    def __init__(self, console: Console) -> None:
        self._live = Live(console=console, screen=True, auto_refresh=False, transient=True)

    def show(self, view: RunnerView) -> None:
        self._live.update(render(view), refresh=True)

    def __enter__(self) -> LiveScreen:
        self._live.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._live.stop()
