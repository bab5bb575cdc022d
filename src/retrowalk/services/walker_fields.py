"""The walker's own answers as onboarding reads them (`WalkerIn`), listed once for every face:
the CLI's questions and options, the web's onboarding and profile forms. Surgery and the
clinician's limits are nested answers and are not in these lists."""

from __future__ import annotations

from retrowalk.services.scenario import WalkerIn

_NESTED = ("surgery", "limits")

WALKER_ANSWERS: tuple[str, ...] = tuple(n for n in WalkerIn.model_fields if n not in _NESTED)
# A yes/no answer is a ticked box on a form: an unticked one is sent as nothing at all.
WALKER_YES_NO: tuple[str, ...] = tuple(
    name for name in WALKER_ANSWERS if WalkerIn.model_fields[name].annotation is bool
)
WALKER_VALUES: tuple[str, ...] = tuple(name for name in WALKER_ANSWERS if name not in WALKER_YES_NO)
