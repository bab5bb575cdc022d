"""`retrowalk profile`: the walker's answers about their knee, changed and screened again (the
session still to walk re-planned, or the plan stopped while a red flag stands), and every change
so far; `retrowalk clearance`: "my clinician has cleared me", kept with its date.

The options are `retrowalk init`'s answers about the walker; an option left out keeps its
answer. The working half lives in cli/profile_flow.py, loaded only when a command runs.
"""

from __future__ import annotations

from typing import Annotated

import typer

from retrowalk.cli.errors import refuse_without_a_terminal
from retrowalk.cli.init_answers import answers_of
from retrowalk.cli.walker_options import (
    ConditionOption,
    SeverityOption,
    SurgeryDateOption,
    SurgeryOption,
    UnitsOption,
    YesNo,
)
from retrowalk.cli.wiring import opened, the_walker

_W, _P = "The walker", "The plan"
Number = Annotated[int | None, typer.Option(rich_help_panel=_W, show_default=False)]
AsJson = Annotated[bool, typer.Option("--json", help="Print the result as JSON.")]


def register(app: typer.Typer) -> None:
    app.command("profile")(profile)
    app.command("clearance")(clearance)


def profile(  # one option per answer, as `retrowalk init` has them
    history: Annotated[
        bool, typer.Option("--history", help="Every change so far, oldest first, and who made it.")
    ] = False,
    ask: Annotated[
        bool, typer.Option("--ask", help="Ask each question, your answer on record as default.")
    ] = False,
    as_json: AsJson = False,
    age: Number = None,
    units: UnitsOption = None,
    weight_kg: Annotated[
        float | None, typer.Option(rich_help_panel=_W, help="0 clears it.", show_default=False)
    ] = None,
    weight_lb: Annotated[
        float | None,
        typer.Option(rich_help_panel=_W, help="In pounds; 0 clears it.", show_default=False),
    ] = None,
    condition: ConditionOption = None,
    severity: SeverityOption = None,
    surgery: SurgeryOption = None,
    surgery_date: SurgeryDateOption = None,
    cleared_by_clinician: YesNo = None,
    rest_pain: Annotated[
        int | None, typer.Option(rich_help_panel=_W, help="Your usual pain at rest, 0 to 10.")
    ] = None,
    falls_last_year: Number = None,
    balance_concern: YesNo = None,
    dizziness: YesNo = None,
    swelling: YesNo = None,
    locking: YesNo = None,
    giving_way: YesNo = None,
    experienced: YesNo = None,
    sessions_per_week: Annotated[
        int | None, typer.Option(rich_help_panel=_P, show_default=False)
    ] = None,
) -> None:
    """Show your answers about your knee and yourself, or change them and re-plan.

    The answers are screened again with your equipment. A red flag (swelling, locking or giving
    way, pain at rest of 7 or more, dizziness, an operation not yet cleared) stops the plan
    until it is resolved: exit status 3, and it says why. Once none stands, the next session is
    planned again, never at a higher dose. Every change is kept: [bold]--history[/bold].

    Examples:
      [bold]retrowalk profile[/bold]
      [bold]retrowalk profile --no-swelling[/bold]
      [bold]retrowalk profile --surgery tkr --surgery-date 2027-03-02
      --no-cleared-by-clinician[/bold]
      [bold]retrowalk profile --rest-pain 3 --weight-kg 70 --sessions-per-week 2[/bold]
      [bold]retrowalk profile --ask[/bold]
      [bold]retrowalk profile --history[/bold]
    """
    from retrowalk.cli import profile_flow as flow

    answers = answers_of(locals(), flow.ANSWER_KEYS)
    if ask:
        refuse_without_a_terminal("give the answers as options instead.")
    with opened() as wiring:
        walker = the_walker(wiring)
        if history:
            flow.show_history(wiring, walker, as_json)
            return
        if not answers and not ask:
            flow.show_profile(walker, as_json)
            return
        changed = flow.change(wiring, walker, answers, ask)
        flow.show_changed(wiring, changed, as_json)


def clearance(
    on: Annotated[
        str | None, typer.Option(metavar="YYYY-MM-DD", help="The day you were cleared (today).")
    ] = None,
    clinician: Annotated[str | None, typer.Option(help="Who cleared you.")] = None,
    notes: Annotated[str | None, typer.Option(help="What they said.")] = None,
    as_json: AsJson = False,
) -> None:
    """Record that a doctor or physical therapist has cleared you, and re-plan.

    It lifts a stop (knee symptoms, pain over the limits) or a pause the plan made, and the
    red flag of an operation not yet cleared; after a stop the plan resumes one step lower. A
    red flag your answers still give stays until `retrowalk profile` says it has gone (exit
    status 3). The clearance is kept with its date: [bold]retrowalk profile --history[/bold].

    Example: [bold]retrowalk clearance --on 2027-02-01 --clinician "Dr Lee"[/bold]
    """
    from retrowalk.cli import profile_flow as flow

    with opened() as wiring:
        walker = the_walker(wiring)
        changed = flow.clear(wiring, walker, {"on": on, "clinician": clinician, "notes": notes})
        flow.show_changed(wiring, changed, as_json)
