"""The domain imports only the standard library and itself (ARCHITECTURE.md, rules of the house)."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import retrowalk.domain

DOMAIN = Path(retrowalk.domain.__file__).parent


def _imported_roots(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    roots: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module)
    return roots


def test_domain_modules_import_only_the_standard_library_and_the_domain():
    outside: dict[str, list[str]] = {}
    for path in sorted(DOMAIN.glob("*.py")):
        for module in _imported_roots(path):
            top = module.split(".")[0]
            ours = module.startswith("retrowalk.domain")
            if not ours and top not in sys.stdlib_module_names and top != "__future__":
                outside.setdefault(path.name, []).append(module)

    assert outside == {}


def test_domain_modules_never_read_the_clock_or_the_environment():
    for path in DOMAIN.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "date.today(" not in text and "datetime.now(" not in text, path.name
        assert "os.environ" not in text and "open(" not in text, path.name
