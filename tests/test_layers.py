"""The import graph points one way: bot -> scheduling -> channels -> store -> conversations.

Every import in the five packages is read from the source (at module level, inside functions,
and under TYPE_CHECKING alike: a type-only import up the layers is still a dependency on the
layer above), and one that points up is a failure naming the file, the line and the import.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LAYERS = ("conversations", "store", "channels", "scheduling", "bot")  # lowest first
RANK = {name: rank for rank, name in enumerate(LAYERS)}

# Known back-edges, (file, module): none. Nothing new goes here.
KNOWN: set[tuple[str, str]] = set()


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
    return found


def back_edges() -> list[str]:
    """Every import from a layer to one above it, as `file:line imports module`."""
    problems = []
    for layer in LAYERS:
        for path in sorted((ROOT / layer).rglob("*.py")):
            relative = path.relative_to(ROOT).as_posix()
            if relative.startswith("store/migrations/"):
                continue
            for line, module in _imports(path):
                target = module.split(".")[0]
                if (target in RANK and RANK[target] > RANK[layer]
                        and (relative, module) not in KNOWN):
                    problems.append(f"{relative}:{line} imports {module} ({layer} is below "
                                    f"{target})")
    return problems


def test_no_layer_imports_a_layer_above_it() -> None:
    assert back_edges() == []


def test_the_check_sees_a_back_edge(tmp_path: Path) -> None:
    # The walk must find imports nested in functions and TYPE_CHECKING blocks too.
    source = ("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
              "    from bot.settings import Settings\ndef f() -> None:\n    import scheduling.x\n")
    path = tmp_path / "m.py"
    path.write_text(source)
    assert [m for _, m in _imports(path)] == ["typing", "bot.settings", "scheduling.x"]
