"""The walker's options that `init` and `profile` both take, typed and helped alike."""

from __future__ import annotations

from typing import Annotated

import typer

from retrowalk.domain.units import UnitSystem
from retrowalk.domain.walker import Condition, Severity

WALKER_PANEL = "The walker"

YesNo = Annotated[bool | None, typer.Option(rich_help_panel=WALKER_PANEL, show_default=False)]
UnitsOption = Annotated[UnitSystem | None, typer.Option(rich_help_panel=WALKER_PANEL)]
ConditionOption = Annotated[
    Condition | None,
    typer.Option(rich_help_panel=WALKER_PANEL, metavar="CONDITION", help=", ".join(Condition)),
]
SeverityOption = Annotated[Severity | None, typer.Option(rich_help_panel=WALKER_PANEL)]
SurgeryOption = Annotated[
    str | None, typer.Option(rich_help_panel=WALKER_PANEL, help="none, tkr, acl or other.")
]
SurgeryDateOption = Annotated[
    str | None, typer.Option(rich_help_panel=WALKER_PANEL, metavar="YYYY-MM-DD")
]
