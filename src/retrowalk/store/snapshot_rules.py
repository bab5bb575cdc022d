"""The services' own rules on rows that fit their columns, so an imported row is one the app
itself could have written: a walker's profile as onboarding reads it (`WalkerIn`), equipment as
its form does (`EquipmentIn`), a logged entry as logging does (`EntryIn`), samples (`SampleIn`),
a clinician's limits (`LimitsIn`), the engine's snapshots as the engine reads them, the
profile history as it is written (store/snapshot_profile_rules.py), and the columns that only
make sense together (a speed with its unit).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, get_args

from pydantic import TypeAdapter, ValidationError

from retrowalk.domain.equipment import EquipmentKind
from retrowalk.domain.errors import InputError
from retrowalk.protocols import protocol_names
from retrowalk.services.equipment_settings import SETTINGS_BY_KIND, speeds_named
from retrowalk.services.fields import check_field
from retrowalk.services.log_entry import EntryIn, SampleIn
from retrowalk.services.onboard import OnboardIn
from retrowalk.services.scenario import EquipmentIn, LimitsIn, WalkerIn
from retrowalk.services.validation import first_input_error
from retrowalk.store.snapshot_profile_rules import check_changes, check_clearance, check_flags
from retrowalk.store.snapshot_rows import CHUNK, PlainText, field_named, typed_dict
from retrowalk.store.state_codec import state_problem

Row = dict[str, Any]


class _View:
    """Rows read as a service's input (`kind`, a pydantic model or type): `given` builds the
    input from a row, `columns` names the column behind each input field whose name differs,
    `fallback` the column named for rules about the whole input."""

    def __init__(
        self,
        kind: Any,
        given: Callable[[Row], dict[str, Any]],
        fallback: str,
        columns: dict[str, str] | None = None,
    ) -> None:
        self.one: TypeAdapter[Any] = TypeAdapter(kind)
        self.many: TypeAdapter[list[Any]] = TypeAdapter(list[kind])
        self.given = given
        self.fallback = fallback
        self.columns = columns or {}

    def check_all(self, table: str, rows: list[Row]) -> None:
        """Many rows in one call (the first one refused is read again for its words)."""
        for start in range(0, len(rows), CHUNK):
            chunk = rows[start : start + CHUNK]
            try:
                self.many.validate_python([self.given(row) for row in chunk], strict=False)
            except ValidationError as error:
                number = start + int(error.errors(include_url=False)[0]["loc"][0])
                self._check(rows[number], f"{table} row {number + 1}")

    def _check(self, row: Row, where: str) -> None:
        try:
            self.one.validate_python(self.given(row), strict=False)
        except ValidationError as error:
            first = first_input_error(error)
            name = self.columns.get(first.field, first.field)
            column = name if name in row else self.fallback
            raise InputError(
                f"{where}, field {field_named(column)}", row[column], first.allowed
            ) from None


def check_meaning(table: str, rows: list[Row]) -> None:
    """Refuse the first row of `table` that breaks a rule of the services, naming it."""
    for rule in _RULES.get(table, ()):
        if isinstance(rule, _View):
            rule.check_all(table, rows)
            continue
        for number, row in enumerate(rows, 1):
            rule(row, f"{table} row {number}")


def _refuse(where: str, row: Row, column: str, allowed: str) -> None:
    raise InputError(f"{where}, field {field_named(column)}", row[column], allowed)


def _together(*columns: str) -> Callable[[Row, str], None]:
    def check(row: Row, where: str) -> None:
        given = [row[c] is not None for c in columns]
        if any(given) and not all(given):
            missing = columns[given.index(False)]
            _refuse(where, row, missing, f"give {' and '.join(columns)} together, or none")

    return check


def _account(row: Row, where: str) -> None:
    try:
        check_field(OnboardIn, "account", row["name"])
    except InputError as error:
        _refuse(where, row, "name", error.allowed)


def _protocol(row: Row, where: str) -> None:
    if row["protocol"] not in protocol_names():
        _refuse(where, row, "protocol", f"give one of {', '.join(protocol_names())}")
    try:
        check_field(OnboardIn, "sessions_per_week", row["sessions_per_week"])
    except InputError as error:
        _refuse(where, row, "sessions_per_week", error.allowed)


def _state(column: str) -> Callable[[Row, str], None]:
    def check(row: Row, where: str) -> None:
        problem = state_problem(row[column])
        if problem is not None:
            _refuse(where, row, column, f"no engine state this version reads ({problem})")

    return check


_REASONS = TypeAdapter(list[Annotated[str, PlainText]])


def _reasons(row: Row, where: str) -> None:
    try:
        _REASONS.validate_json(row["reasons"], strict=True)
    except ValidationError:
        _refuse(where, row, "reasons", "give the reasons as a JSON list of texts")


# Equipment settings named as their columns where the names differ (a treadmill's speeds).
_SETTING_COLUMNS = {
    "min_speed": "speed_min",
    "max_speed": "speed_max",
    "speed_step": "speed_step",
    "max_incline_percent": "incline_max",
    "incline_step_percent": "incline_step",
}
_ANY_KIND = frozenset({"id", "walker_id", "kind", "ftms_device", "mph_quirk", "added_at"})


def _kind_columns(row: Row, where: str) -> None:
    """A kind's own settings are all given (a treadmill's) and no other kind's are."""
    kind = EquipmentKind(row["kind"])
    own = {_SETTING_COLUMNS.get(name, name) for name in SETTINGS_BY_KIND[kind]}
    for column in row.keys() - own - _ANY_KIND:
        if row[column] is not None:
            _refuse(where, row, column, f"a {kind} has no {column}; give null")
    if kind is EquipmentKind.MOTORIZED_TREADMILL:
        for column in sorted(own):
            if row[column] is None:
                _refuse(where, row, column, f"a {kind} needs its {column}")
    elif row["mph_quirk"] is not None:
        _refuse(where, row, "mph_quirk", "only a motorized treadmill has an mph verdict")


def _equipment_in(row: Row) -> dict[str, Any]:
    kind = EquipmentKind(row["kind"])
    settings = {name: row[_SETTING_COLUMNS.get(name, name)] for name in SETTINGS_BY_KIND[kind]}
    return {"kind": kind.value, **speeds_named(settings)}


def _walker_in(row: Row) -> dict[str, Any]:
    kind = row["surgery_kind"]
    surgery = None if kind is None else {"kind": kind, "date": row["surgery_date"]}
    return {name: row[name] for name in WalkerIn.model_fields if name in row} | {"surgery": surgery}


def _limits_in(row: Row) -> dict[str, Any]:
    unit = row["max_speed_unit"]
    speed = {} if unit is None else {f"max_speed_{unit}": row["max_speed"]}
    limits = ("max_incline_percent", "target_minutes")
    return speed | {name: row[name] for name in limits}


def _entry_in(row: Row) -> dict[str, Any]:
    unit = row["speed_done_unit"]
    speed = {} if unit is None else {f"speed_done_{unit}": row["speed_done"]}
    same = {name: row[name] for name in EntryIn.model_fields if name in row}
    return (
        same
        | speed
        | {"hands_used": row["hands_done"], "incline_done_percent": row["incline_done"]}
    )


def _unit_columns(name: str) -> dict[str, str]:
    return {f"{name}_mph": name, f"{name}_kmh": name}


_WALKER = _View(
    WalkerIn,
    _walker_in,
    "age",
    {"surgery.kind": "surgery_kind", "surgery.date": "surgery_date"},
)
_LIMITS = _View(LimitsIn, _limits_in, "max_speed", _unit_columns("max_speed"))
_EQUIPMENT = _View(
    EquipmentIn,
    _equipment_in,
    "kind",
    {
        **{
            f"{name}_{unit}": column
            for name, column in _SETTING_COLUMNS.items()
            for unit in ("mph", "kmh")
        },
        **_SETTING_COLUMNS,
    },
)
_ENTRY = _View(
    EntryIn,
    _entry_in,
    "done",
    {
        **_unit_columns("speed_done"),
        "hands_used": "hands_done",
        "incline_done_percent": "incline_done",
    },
)
_SAMPLE_FIELDS = tuple(SampleIn.model_fields)


# SampleIn has no rules between its fields, so its fields alone check a sample; as a typed dict
# they check one ten times faster than the model (a backup may hold millions of samples).
def _bounded(annotation: Any, bounds: list[Any]) -> Any:
    """`annotation` with `bounds`, put on the number inside an optional one (bounds on the
    union would be checked in Python, one sample at a time)."""
    inner = [arg for arg in get_args(annotation) if arg is not type(None)]
    if len(inner) == 1 and len(get_args(annotation)) == 2:
        return Annotated[inner[0], *bounds] | None
    return Annotated[annotation, *bounds]


_SAMPLE_IN = typed_dict(
    "SampleIn",
    {
        name: _bounded(info.annotation, info.metadata)
        for name, info in SampleIn.model_fields.items()
    },
    strict=False,
)
_SAMPLE = _View(SampleIn, lambda row: {n: row[n] for n in _SAMPLE_FIELDS}, "second")
_ENTRY_RULES = (
    _together("speed_done", "speed_done_unit"),
    _together("pain_next_morning", "next_morning_on"),
    _ENTRY,
)
_RULES: dict[str, tuple[Callable[[Row, str], None] | _View, ...]] = {
    "accounts": (_account,),
    "walkers": (_together("surgery_kind", "surgery_date"), _WALKER),
    "prescriptions": (_protocol, _together("max_speed", "max_speed_unit"), _LIMITS),
    "equipment": (_kind_columns, _together("ftms_device", "mph_quirk"), _EQUIPMENT),
    "planned_sessions": (_together("speed", "speed_unit"), _reasons, _state("state_before")),
    "session_logs": (*_ENTRY_RULES, _state("state_after")),
    "session_log_versions": _ENTRY_RULES,
    "session_samples": (_SAMPLE,),
    "profile_changes": (check_changes, check_flags, check_clearance),
}
