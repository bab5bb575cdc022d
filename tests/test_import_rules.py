"""The import directions of ARCHITECTURE.md ("Rules of the house"), read from the source with
`ast`: every import, at the top of a module or inside a function, `TYPE_CHECKING` ones too.

domain ← coach ← services ← faces; devices implement the coach's belt port and know no voice,
screen or face; store implements the services' ports; faces reach storage only through the
composition root (`retrowalk.bootstrap`). A broken rule names each module and what it imports.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

import retrowalk

SOURCE = Path(retrowalk.__file__).parent


@dataclass(frozen=True)
class Rule:
    """Modules under `package` may import nothing under `forbidden`, except under `allowed`
    (a more precise name wins: `retrowalk.coach.belt` allowed inside a forbidden coach)."""

    package: str
    forbidden: tuple[str, ...]
    allowed: tuple[str, ...] = ()
    why: str = ""

    def breaks(self, imported: str) -> bool:
        def under(prefixes: tuple[str, ...]) -> int:
            return max((len(p) for p in prefixes if _is_under(imported, p)), default=-1)

        return under(self.forbidden) > under(self.allowed)


# The coach's ports a treadmill implements or is opened with: the belt, the connected belt's
# answers and alerts, the clock, today's walk. Not the voice, inbox, view or terminal.
COACH_PORTS = (
    "retrowalk.coach.belt",
    "retrowalk.coach.connected",
    "retrowalk.coach.clock",
    "retrowalk.coach.walk",
)

# What only the composition root builds: the store, a treadmill opened for a walk, the voice
# chosen for the terminal, the live walk's real clocks.
WIRED_BY_THE_ROOT = (
    "retrowalk.store",
    "retrowalk.devices.opening",
    "retrowalk.coach.speech.choose_voice",
    "retrowalk.coach.clock.MonotonicClock",
    "retrowalk.coach.clock.ScaledClock",
)

RULES = (
    Rule(
        "retrowalk.domain",
        forbidden=("retrowalk",),
        allowed=("retrowalk.domain",),
        why="the domain imports nothing of ours outside itself",
    ),
    Rule(
        "retrowalk.coach",
        forbidden=("retrowalk",),
        allowed=("retrowalk.coach", "retrowalk.domain", "retrowalk.protocols"),
        why="the live core imports only the domain (and the protocol data)",
    ),
    Rule(
        "retrowalk.services",
        forbidden=(
            "retrowalk.store",
            "retrowalk.web",
            "retrowalk.cli",
            "retrowalk.devices",
            "retrowalk.formats",
        ),
        why="use cases take ports, never an adapter or a face (a face reads a file with formats "
        "and hands the service what it read)",
    ),
    Rule(
        "retrowalk.formats",
        forbidden=("retrowalk",),
        allowed=("retrowalk.formats", "retrowalk.domain"),
        why="file readers and writers know the domain's types and bytes, never a service or face",
    ),
    Rule(
        "retrowalk.store",
        forbidden=("retrowalk.coach", "retrowalk.devices", "retrowalk.cli", "retrowalk.web"),
        why="storage implements the services' ports and knows no face or device",
    ),
    Rule(
        "retrowalk.devices",
        forbidden=(
            "retrowalk.coach",
            "retrowalk.cli",
            "retrowalk.web",
            "retrowalk.store",
            "retrowalk.bootstrap",
            "rich",
        ),
        allowed=COACH_PORTS,
        why="devices implement the coach's belt port and know no voice, screen or face",
    ),
    Rule(
        "retrowalk.cli",
        forbidden=WIRED_BY_THE_ROOT,
        why="faces reach storage, treadmills, voices and clocks only through the composition "
        "root (retrowalk.bootstrap)",
    ),
    Rule(
        "retrowalk.web",
        forbidden=WIRED_BY_THE_ROOT,
        why="faces reach storage, treadmills, voices and clocks only through the composition "
        "root (retrowalk.bootstrap)",
    ),
)


@dataclass(frozen=True)
class Import:
    module: str
    line: int
    imported: str

    def __str__(self) -> str:
        return f"{self.module} (line {self.line}) imports {self.imported}"


def _is_under(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def _module_name(path: Path, root: Path) -> str:
    parts = ["retrowalk", *path.relative_to(root).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(source: str, module: str, is_package: bool = False) -> Iterator[Import]:
    """Every import in `source`, with relative ones resolved against `module`."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(module, node.lineno, alias.name)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = module.split(".")
                drop = node.level - 1 if is_package else node.level
                anchor = anchor[: len(anchor) - drop]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                # `from retrowalk.x import y` may name a module y: judge the longer name too.
                yield Import(module, node.lineno, f"{base}.{alias.name}")


def all_imports(root: Path = SOURCE) -> Iterator[Import]:
    for path in sorted(root.rglob("*.py")):
        module = _module_name(path, root)
        text = path.read_text(encoding="utf-8")
        yield from imports_of(text, module, path.name == "__init__.py")


def broken(rule: Rule, imports: list[Import]) -> list[str]:
    return [
        str(found)
        for found in imports
        if _is_under(found.module, rule.package) and rule.breaks(found.imported)
    ]


@pytest.fixture(scope="module", name="imports")
def imports_fixture() -> list[Import]:
    return list(all_imports())


@pytest.mark.parametrize("rule", RULES, ids=[rule.package for rule in RULES])
def test_imports_point_the_way_architecture_md_says(rule: Rule, imports: list[Import]) -> None:
    assert broken(rule, imports) == [], rule.why


def test_every_rule_looks_at_a_package_that_has_modules(imports: list[Import]) -> None:
    importers = {found.module for found in imports}
    for rule in RULES:
        assert any(_is_under(module, rule.package) for module in importers), rule.package


def test_a_broken_rule_names_the_module_and_what_it_imports() -> None:
    source = (
        "from retrowalk.coach.speech import Voice\n"
        "from retrowalk.coach.belt import BeltSetting\n"
        "def later():\n"
        "    from ..store import uow\n"
        "    import rich.console\n"
    )
    devices = next(rule for rule in RULES if rule.package == "retrowalk.devices")

    found = broken(devices, list(imports_of(source, "retrowalk.devices.example")))

    assert found == [
        "retrowalk.devices.example (line 1) imports retrowalk.coach.speech.Voice",
        "retrowalk.devices.example (line 4) imports retrowalk.store.uow",
        "retrowalk.devices.example (line 5) imports rich.console",
    ]
