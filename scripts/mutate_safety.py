"""Mutation testing of the safety rules: would the tests notice a wrong rule?

The targets are the device layer's `devices/safety.py` (the envelope) and
`devices/status_watch.py` (claims and the echo rule), and the engine's `domain/programme.py`
(the protocol row, the equipment and the clinician's caps combined), `domain/steps.py` (one
step up or down inside them) and `domain/equipment_screening.py` (the clinician's caps against
the equipment). Each mutant changes one thing in a target: a comparison flipped (`<` to `<=`,
and to its opposite), `+` and `-` (and `*` and `/`) swapped, a number moved by 1 or 0.1 either
way, `min` and `max` swapped, `and` and `or` swapped, or a `raise` dropped. The module-level
constants (the 0.5 km/h, the 3 s) are mutated too. For each mutant the relevant tests run
(`-x -q`) on a copy of `src/` and `tests/` where only that module differs; a mutant the tests
do not fail "survives".

Usage: `python scripts/mutate_safety.py [--jobs 2] [--target TEXT] [--list] [--only TEXT ...]`;
`--target domain/steps` runs one target file (a full run takes hours on two cores). The exit
status is 1 when a mutant survives that is not listed in `EQUIVALENT` below with the reason it
cannot be told apart, or when a listed one is killed after all (the list is stale); 0 otherwise.

Why not mutmut: mutmut 3.8.1 installs from the local index, but it mutates only inside
top-level functions and methods without decorators (mutmut/mutation/file_mutation.py), so the
module-level constants that are the rules' numbers, and the `@property` methods, would never be
mutated. This file is small and does what the rules need.
"""

from __future__ import annotations

import argparse
import ast
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The safety rules mutated, and the tests that guard them (fast ones first: `-x` stops early).
_DEVICE_TESTS = (
    "tests/devices/test_device_rates.py",
    "tests/devices/test_safety.py",
    "tests/devices/test_safety_base.py",
    "tests/devices/test_status_echo.py",
    "tests/devices/test_status_claims.py",
    "tests/devices/test_safety_invariants.py",
    "tests/devices/test_safety_under_claims.py",
    "tests/devices/test_safety_properties.py",
    "tests/devices/test_live_session.py",
)
_DOMAIN_TESTS = (
    "tests/domain/test_steps.py",
    "tests/domain/test_programme.py",
    "tests/domain/test_clinician_limits.py",
    "tests/domain/test_equipment_grid.py",
    "tests/domain/test_modalities.py",
    "tests/domain/test_screening.py",
    "tests/domain/test_stagnation.py",
    "tests/domain/test_missed_and_layoffs.py",
    "tests/domain/test_hands_and_balance.py",
    "tests/domain/test_equipment_change.py",
    "tests/domain/test_effort.py",
    "tests/domain/test_unknown_answers.py",
    "tests/domain/test_pain_model.py",
    "tests/domain/test_stop_and_refer.py",
    "tests/domain/test_calendar_pacing.py",
    "tests/domain/test_engine_properties.py",
)
TARGETS: dict[str, tuple[str, ...]] = {
    "src/retrowalk/devices/safety.py": _DEVICE_TESTS,
    "src/retrowalk/devices/status_watch.py": _DEVICE_TESTS,
    "src/retrowalk/domain/programme.py": _DOMAIN_TESTS,
    "src/retrowalk/domain/steps.py": _DOMAIN_TESTS,
    "src/retrowalk/domain/equipment_screening.py": _DOMAIN_TESTS,
    "src/retrowalk/domain/stepping_up.py": _DOMAIN_TESTS,
}
# Mutants no test can kill because the program behaves the same, each with the reason. The key
# is the mutant's id as `--list` prints it: "module:function: original -> mutated".
EQUIVALENT: dict[str, str] = {
    "safety:Envelope._incline_step: goal is None or self.inclines is None"
    " -> goal is None and self.inclines is None": (
        "incline_goal() is None exactly when the treadmill has no incline range, so the two"
        " tests are both true or both false; the second is there for the type checker"
    ),
    "safety:_lowering: goal < target - _EPSILON -> goal <= target - _EPSILON": (
        "the goal is a grid speed and the target a grid speed or a claim in hundredths, so they"
        " differ by 0 or by 0.01 or more, never by exactly the 1e-6 slack"
    ),
    "steps:_incline_up: ceiling >= clinicians - 1e-09 -> ceiling > clinicians - 1e-09": (
        "the two differ only when the incline ceiling is exactly 1e-9 below the clinician's cap;"
        " the ceiling is the cap itself or a protocol or treadmill number (tenths of a percent),"
        " never that; the slack is there for a cap given in degrees and turned to a percentage"
    ),
    "programme:build_programme: extended > target -> extended >= target (#2)": (
        "`extended_target_minutes` is read as `extended or target` (equipment_change.py) and by"
        " the extended-minutes phase, which exists only when extended > target: equal to the"
        " target, it changes neither"
    ),
    **{
        f"programme:_GridLimits: 0.0 -> {value}": (
            "the default incline ceiling is that of equipment with no incline setting (a"
            " deadmill, a sled, outdoors); the only readers of the ceiling, `steps._incline_up`"
            " and `equipment_change._on_treadmill`, act on a motorized treadmill, whose ceiling"
            " is always set"
        )
        for value in ("1.0", "-1.0", "0.1", "-0.1")
    },
    **{
        f"equipment_screening:equipment_flags: isinstance(equipment, {kit})"
        f" and isinstance(modality, {rules}) -> isinstance(equipment, {kit})"
        f" or isinstance(modality, {rules})": (
            "the modality rules are loaded for the equipment's kind (`load_modality`): this"
            " equipment always comes with these rules and no other equipment does; the second"
            " test is there for the type checker"
        )
        for kit, rules in (
            ("MotorizedTreadmill", "MotorizedRules"),
            ("ManualTreadmill", "ManualRules"),
        )
    },
    **{
        f"{where}: isinstance({kit}) and isinstance({rules}) -> isinstance({kit})"
        f" or isinstance({rules})": (
            "the modality rules are loaded for the equipment's kind (`load_modality`): this"
            " equipment always comes with these rules and no other equipment does; the second"
            " test is there for the type checker"
        )
        for where, kit, rules in (
            ("programme:_start_dose", "equipment, Sled", "modality, SledRules"),
        )
    },
    **{
        f"{where}: 1 -> {value}{nth}": (
            f"the default of `getattr(..., '{field}', 1)` is never read: the manual treadmill's"
            f" rules always have `{field}` (modalities/manual_treadmill.toml)"
        )
        for where, nth, field in (
            ("programme:_start_dose", " (#2)", "start_level"),
            ("steps:_resistance_move", "", "level_step"),
        )
        for value in ("2", "0")
    },
    **{
        f"steps:_sled_move: {default} -> {value}{nth}": (
            "a sled's dose always carries its distance and sets, at least one step and one set"
            " (`sled_dose` builds them), so the default after `or` is never read (the load's is:"
            " 0 kg is falsy, and a test steps up from it)"
        )
        for default, values, nth in (
            ("0", ("1", "-1"), ""),
            ("0", ("1", "-1"), " (#2)"),
        )
        for value in values
    },
    "steps:_sled_move: not isinstance(sled, Sled) or not isinstance(rules, SledRules)"
    " -> not isinstance(sled, Sled) and (not isinstance(rules, SledRules))": (
        "the modality rules are loaded for the equipment's kind: a sled always comes with"
        " `SledRules` and nothing else does, so both tests are true or false together"
    ),
    "steps:_sled_move: 2 -> 3": (
        "the load is rounded only to take float noise off a sum of loads in hundredths of a kg;"
        " three places keep the same value"
    ),
    "steps:_sled_move: load > sled_max_load(sled, rules) + 1e-09"
    " -> load >= sled_max_load(sled, rules) + 1e-09": (
        "loads and limits are in hundredths of a kg, never exactly the 1e-9 slack apart"
    ),
    "steps:_outdoor_down: lowered >= easy -> lowered > easy": (
        "`easy` is a speed in metres a minute times minutes (0.44704 m/s per mph), never a"
        " whole number of metres for the protocol's assumed speeds, so a lowered distance in"
        " whole metres never equals it"
    ),
    **{
        f"steps:_incline_down: 0.0 -> {value}": (
            "`incline_first_percent` is None only on an incline grid in steps over 2 %, where"
            " every lowered incline is 0 or at least one such step: the default first step,"
            " moved within ±1, sorts every lowered incline the same way"
        )
        for value in ("1.0", "-1.0", "0.1", "-0.1")
    },
    **{
        f"steps:outdoor_distance_cap: 10 -> {value}": (
            "the rounding for rules other than the outdoor ones is never read: the cap is only"
            " asked for by `_outdoor_up`, after it checked the rules are `OutdoorRules`"
        )
        for value in ("11", "9")
    },
    "steps:_compare: isinstance(now, Speed) and isinstance(first, Speed)"
    " -> isinstance(now, Speed) or isinstance(first, Speed)": (
        "a dose and its programme's start dose both have a speed (a motorized treadmill) or"
        " neither has; a change to or from a treadmill starts again from the start dose"
    ),
    **{
        f"steps:_compare: {before} -> {after}": (
            "a dose and the start dose are values of the same steps (minutes, the"
            " treadmill's speeds and inclines, levels, loads in 2.5 kg, distances in metres), so"
            " they differ by 0 or by far more than the 1e-6 slack, never by exactly that"
        )
        for before, after in (
            ("now < first - _SLACK", "now <= first - _SLACK"),
            ("now > first + _SLACK", "now >= first + _SLACK"),
        )
    },
    "equipment_screening:_deck_flags: machine.incline_percent > limit + 1e-09"
    " -> machine.incline_percent >= limit + 1e-09": (
        "a deck's slope (the tangent of its angle) and the clinician's cap never differ by"
        " exactly the 1e-9 slack"
    ),
    "programme:_treadmill_limits: step > Speed.mph(rules.max_speed_step_mph).in_unit(unit)"
    " + 1e-09 -> step >= Speed.mph(rules.max_speed_step_mph).in_unit(unit) + 1e-09": (
        "a grid step and 0.2 mph in the treadmill's unit never differ by exactly the 1e-9 slack"
    ),
    "steps:_speed_up: not isinstance(treadmill, MotorizedTreadmill) or speed is None or"
    " p.speed_cap is None -> not isinstance(treadmill, MotorizedTreadmill) and speed is None"
    " and (p.speed_cap is None)": (
        "the speed phase is in the order of a motorized treadmill only, where every dose has a"
        " speed and the programme a speed cap: the three tests are all false together"
    ),
    "steps:_speed_down: not isinstance(treadmill, MotorizedTreadmill) or speed is None"
    " -> not isinstance(treadmill, MotorizedTreadmill) and speed is None": (
        "speed is stepped down on a motorized treadmill only, where every dose has a speed:"
        " the two tests are false together"
    ),
    "programme:_treadmill_limits: 0 -> 1 (#3)": (
        "an incline ceiling is floored on the treadmill's incline grid, which starts at 0 %:"
        " on a grid coarse enough to warn about (steps over 2 %) it is 0 or above 2 %, never"
        " between 0 and 1 %"
    ),
    "programme:_treadmill_limits: coarse_start or coarse_steps -> coarse_start and coarse_steps": (
        "on an incline grid from 0 % the first step (1 % rounded up to the grid) is over 2 %"
        " exactly when the grid's steps are: the two tests agree"
    ),
    **{
        f"programme:_treadmill_limits: 1e-09 -> {value} (#2)": (
            "incline steps over 2 % leave the first step coarse too (`incline_first_percent`"
            " None), so the incline never rises; the step is then read only to step down, where"
            " None falls back to the grid's own step, the same value"
        )
        for value in ("1.000000001", "0.100000001")
    },
    "programme:_treadmill_limits: incline_step <= rules.max_incline_step_percent + 1e-09"
    " -> incline_step < rules.max_incline_step_percent + 1e-09": (
        "an incline step never differs from 2 % by exactly the 1e-9 slack"
    ),
    "steps:_incline_up: not isinstance(treadmill, MotorizedTreadmill) or not isinstance(rules,"
    " MotorizedRules) -> not isinstance(treadmill, MotorizedTreadmill) and (not isinstance(rules,"
    " MotorizedRules))": (
        "the incline phase is in the order of a motorized treadmill only, which always comes"
        " with its own rules: the two tests are false together"
    ),
    **{
        f"programme:_grid_step: 6 -> {value}": (
            "the rounding only takes float noise off a whole number of grid steps; for steps"
            " given with at most five decimals (0.1 mph, 0.5 %) it is the same value at 5, 6 or"
            " 7 decimals"
        )
        for value in ("7", "5")
    },
    "steps:_resistance_move: not isinstance(machine, ManualTreadmill) or level is None"
    " -> not isinstance(machine, ManualTreadmill) and level is None": (
        "resistance is in the order of a manual treadmill only, where every dose has a level:"
        " the two tests are false together"
    ),
    "steps:_compare: 0 -> 1": (
        "`_compare` answers 0 only for hand support (not a number) or a value the start dose"
        " lacks (an outdoor distance); `below_start` asks only whether it is below 0, and"
        " `at_low_dose` asks whether it is above 0 only of speed, incline, resistance and load,"
        " which are numbers in both doses"
    ),
    "steps:_compare: 1 -> 2": (
        "-1 becomes -2: `_compare`'s callers only ask whether it is below or above 0"
    ),
    "status_watch:_same: abs(value - target) < _SAME -> abs(value - target) <= _SAME": (
        "targets are hundredths of a km/h (the wire's resolution) or grid values, so a claim"
        " and a target differ by 0, or by 0.01 or more, never by exactly 0.005"
    ),
}

_COMPARISONS: dict[type[ast.cmpop], tuple[type[ast.cmpop], ...]] = {
    ast.Lt: (ast.LtE, ast.GtE),
    ast.LtE: (ast.Lt, ast.Gt),
    ast.Gt: (ast.GtE, ast.LtE),
    ast.GtE: (ast.Gt, ast.Lt),
    ast.Eq: (ast.NotEq,),
    ast.NotEq: (ast.Eq,),
    ast.Is: (ast.IsNot,),
    ast.IsNot: (ast.Is,),
    ast.In: (ast.NotIn,),
    ast.NotIn: (ast.In,),
}
_ARITHMETIC: dict[type[ast.operator], type[ast.operator]] = {
    ast.Add: ast.Sub,
    ast.Sub: ast.Add,
    ast.Mult: ast.Div,
    ast.Div: ast.Mult,
}
_SWAPPED_NAMES = {"min": "max", "max": "min"}


@dataclass(frozen=True)
class Mutant:
    target: str
    index: int  # the mutation's place in the walk of the module, for applying it
    line: int
    ident: str  # stable across edits elsewhere: module, function, original and mutated code


def _changes(node: ast.AST) -> Iterator[ast.AST]:
    """Every single-point change of `node` itself (not its children), as new nodes."""
    if isinstance(node, ast.Compare):
        for position, op in enumerate(node.ops):
            for replacement in _COMPARISONS.get(type(op), ()):
                ops = list(node.ops)
                ops[position] = replacement()
                yield ast.Compare(node.left, ops, node.comparators)
    elif isinstance(node, ast.BinOp) and type(node.op) in _ARITHMETIC:
        yield ast.BinOp(node.left, _ARITHMETIC[type(node.op)](), node.right)
    elif isinstance(node, ast.BoolOp):
        yield ast.BoolOp(ast.Or() if isinstance(node.op, ast.And) else ast.And(), node.values)
    elif isinstance(node, ast.Constant) and type(node.value) in (int, float):
        value = node.value
        assert isinstance(value, int | float)
        deltas = (1, -1) if isinstance(value, int) else (1, -1, 0.1, -0.1)
        for delta in deltas:
            yield ast.Constant(round(value + delta, 12))
    elif isinstance(node, ast.Name) and node.id in _SWAPPED_NAMES:
        yield ast.Name(_SWAPPED_NAMES[node.id], node.ctx)
    elif isinstance(node, ast.Raise):
        yield ast.Pass()


class _Walker(ast.NodeTransformer):
    """Walks a module in a fixed order, numbering every possible change; replaces the one
    numbered `apply` (when given) and records each change's id."""

    def __init__(self, target: str, apply: int | None = None) -> None:
        self.target, self.apply = target, apply
        self.mutants: list[Mutant] = []
        self._scope: list[str] = []
        self._seen: dict[str, int] = {}

    def visit_FunctionDef(self, node: ast.FunctionDef) -> ast.AST:
        return self._scoped(node)

    def visit_ClassDef(self, node: ast.ClassDef) -> ast.AST:
        return self._scoped(node)

    def visit_Expr(self, node: ast.Expr) -> ast.AST:
        is_docstring = isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)
        return node if is_docstring else self.generic_visit(node)

    def visit_AnnAssign(self, node: ast.AnnAssign) -> ast.AST:
        if node.value is not None:
            node.value = self.visit(node.value)
        return node  # annotations are not code

    def visit_arguments(self, node: ast.arguments) -> ast.AST:
        node.defaults = [self.visit(default) for default in node.defaults]
        node.kw_defaults = [d if d is None else self.visit(d) for d in node.kw_defaults]
        return node  # annotations are not code

    def _scoped(self, node: ast.FunctionDef | ast.ClassDef) -> ast.AST:
        self._scope.append(node.name)
        node.body = [self.visit(statement) for statement in node.body]
        self._scope.pop()
        return node

    def generic_visit(self, node: ast.AST) -> ast.AST:
        visited = super().generic_visit(node)
        for change in _changes(node):
            index = len(self.mutants)
            self.mutants.append(self._mutant(index, node, change))
            if index == self.apply:
                return ast.copy_location(change, node)
        return visited

    def _mutant(self, index: int, node: ast.AST, change: ast.AST) -> Mutant:
        where = ".".join(self._scope) or "(module)"
        before, after = _shown(node), _shown(change)
        ident = f"{Path(self.target).stem}:{where}: {before} -> {after}"
        self._seen[ident] = self._seen.get(ident, 0) + 1
        if self._seen[ident] > 1:
            ident += f" (#{self._seen[ident]})"
        return Mutant(self.target, index, getattr(node, "lineno", 0), ident)


def _shown(node: ast.AST) -> str:
    text = "pass" if isinstance(node, ast.Pass) else ast.unparse(node)
    if isinstance(node, ast.Raise):
        text = "raise ..."
    return " ".join(text.split())


def mutants_of(target: str) -> list[Mutant]:
    walker = _Walker(target)
    walker.visit(ast.parse((ROOT / target).read_text(encoding="utf-8")))
    return walker.mutants


def mutated_source(mutant: Mutant) -> str:
    tree = ast.parse((ROOT / mutant.target).read_text(encoding="utf-8"))
    tree = _Walker(mutant.target, apply=mutant.index).visit(tree)
    return ast.unparse(ast.fix_missing_locations(tree))


@dataclass(frozen=True)
class Outcome:
    mutant: Mutant
    verdict: str  # "killed", "timeout" (counts as killed), "survived"
    seconds: float


class Sandbox:
    """A copy of `src/` and `tests/` where one module at a time is replaced by a mutant; the
    tests are copied too, so editing them during a long run changes nothing in it."""

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="mutate-safety-"))
        ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".hypothesis")
        for folder in ("src", "tests"):
            shutil.copytree(ROOT / folder, self.root / folder, ignore=ignore)
        shutil.copy2(ROOT / "pyproject.toml", self.root / "pyproject.toml")

    def run(self, mutant: Mutant, timeout: float) -> Outcome:
        path = self.root / mutant.target
        original = path.read_text(encoding="utf-8")
        path.write_text(mutated_source(mutant), encoding="utf-8")
        started = time.monotonic()
        try:
            passed = _tests_pass(self.root, TARGETS[mutant.target], timeout)
            verdict = "survived" if passed else "killed"
        except subprocess.TimeoutExpired:
            verdict = "timeout"
        finally:
            path.write_text(original, encoding="utf-8")
        return Outcome(mutant, verdict, time.monotonic() - started)

    def remove(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


def _tests_pass(sandbox: Path, tests: tuple[str, ...], timeout: float) -> bool:
    # The sandbox's src first on the path (ahead of the editable install), and no bytecode
    # written, so no mutant is ever run from another's cached .pyc.
    env = {**os.environ, "PYTHONPATH": f"{sandbox / 'src'}{os.pathsep}{sandbox}"}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    command = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *tests]
    done = subprocess.run(command, cwd=sandbox, env=env, capture_output=True, timeout=timeout)
    return done.returncode == 0


def _write(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=2, help="mutants run at once (default 2)")
    parser.add_argument("--list", action="store_true", help="list the mutants and stop")
    parser.add_argument(
        "--only", action="append", default=[], help="run only mutants whose id contains this"
    )
    parser.add_argument("--target", default="", help="run only targets whose path contains this")
    parser.add_argument(
        "--skip-listed",
        action="store_true",
        help="leave out the mutants listed in EQUIVALENT (a re-run once they were seen to survive)",
    )
    args = parser.parse_args(argv)
    targets = [target for target in TARGETS if args.target in target]
    mutants = [
        m
        for target in targets
        for m in mutants_of(target)
        if (not args.only or any(text in m.ident for text in args.only))
        and not (args.skip_listed and m.ident in EQUIVALENT)
    ]
    if args.list:
        for mutant in mutants:
            _write(f"{mutant.target}:{mutant.line}: {mutant.ident}")
        return 0
    baseline = Sandbox()
    started = time.monotonic()
    tests = tuple(dict.fromkeys(test for target in targets for test in TARGETS[target]))
    if not _tests_pass(baseline.root, tests, timeout=3600):
        baseline.remove()
        _write("The tests fail without any mutant: fix them first.")
        return 2
    timeout = max(60.0, 5 * (time.monotonic() - started))
    baseline.remove()
    outcomes = _run_all(mutants, max(1, args.jobs), timeout)
    return _report(outcomes, targets, every_mutant_ran=not args.only and not args.skip_listed)


def _run_all(mutants: list[Mutant], jobs: int, timeout: float) -> list[Outcome]:
    sandboxes = [Sandbox() for _ in range(jobs)]
    free = list(sandboxes)
    outcomes: list[Outcome] = []

    def one(mutant: Mutant) -> Outcome:
        sandbox = free.pop()
        try:
            outcome = sandbox.run(mutant, timeout)
        finally:
            free.append(sandbox)
        _write(f"{outcome.verdict:>8}  {outcome.seconds:5.1f}s  {mutant.ident}")
        return outcome

    try:
        with ThreadPoolExecutor(jobs) as pool:
            outcomes = list(pool.map(one, mutants))
    finally:
        for sandbox in sandboxes:
            sandbox.remove()
    return outcomes


def _report(outcomes: list[Outcome], targets: list[str], every_mutant_ran: bool) -> int:
    survived = [o.mutant for o in outcomes if o.verdict == "survived"]
    unexplained = [m for m in survived if m.ident not in EQUIVALENT]
    equivalent = [m for m in survived if m.ident in EQUIVALENT]
    ran = {o.mutant.ident for o in outcomes}
    stems = {Path(target).stem for target in targets}
    # A listed mutant that was killed, or (on a full run of its target) that no longer exists,
    # is stale.
    stale = sorted(
        ident
        for ident in EQUIVALENT
        if ident not in {m.ident for m in survived}
        and (ident in ran or (every_mutant_ran and ident.split(":")[0] in stems))
    )
    killed = sum(o.verdict == "killed" for o in outcomes)
    timeouts = sum(o.verdict == "timeout" for o in outcomes)
    _write("")
    for target in targets:
        mine = [o for o in outcomes if o.mutant.target == target]
        dead = sum(o.verdict != "survived" for o in mine)
        same = sum(o.verdict == "survived" and o.mutant.ident in EQUIVALENT for o in mine)
        _write(
            f"{target}: {len(mine)} mutants, {dead} killed, {same} equivalent, "
            f"{len(mine) - dead - same} survived"
        )
    _write(
        f"{len(outcomes)} mutants: {killed} killed, {timeouts} timed out (killed), "
        f"{len(equivalent)} equivalent, {len(unexplained)} survived"
    )
    for mutant in unexplained:
        _write(f"SURVIVED  {mutant.target}:{mutant.line}: {mutant.ident}")
    for ident in stale:
        _write(f"STALE     listed as equivalent but not a surviving mutant: {ident}")
    return 1 if unexplained or stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
