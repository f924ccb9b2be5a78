"""The import graph points one way: bot -> scheduling -> channels -> store -> conversations.

Every import in the five packages is read from the source (at module level, inside functions,
and under TYPE_CHECKING alike: a type-only import up the layers is still a dependency on the
layer above), and one that points up is a failure naming the file, the line and the import.

Queries live in `store/` (issue 18): outside it, a module neither imports SQLAlchemy's query
builders nor calls the session's query and write methods; it calls a store function named for
what it does.
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


# Modules that still query the database themselves: none. Nothing new goes here.
QUERYING: set[str] = set()
# What a module outside store/ may take from SQLAlchemy: the session's type (to pass it on)
# and the errors it raises (to catch them).
ALLOWED_SQL_NAMES = frozenset({"Session"})
SESSION_METHODS = frozenset({"exec", "execute", "get", "add", "add_all", "delete", "flush",
                             "refresh", "merge", "query", "scalar", "scalars", "connection",
                             "no_autoflush", "get_bind", "bulk_save_objects"})


def _queries(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            root = node.module.split(".")[0]
            if root in ("sqlmodel", "sqlalchemy") and node.module != "sqlalchemy.exc":
                found += [f"{node.lineno} imports {node.module}.{a.name}" for a in node.names
                          if a.name not in ALLOWED_SQL_NAMES]
        elif isinstance(node, ast.Import):
            found += [f"{node.lineno} imports {a.name}" for a in node.names
                      if a.name.split(".")[0] in ("sqlmodel", "sqlalchemy")]
        elif (isinstance(node, ast.Attribute) and node.attr in SESSION_METHODS
              and isinstance(node.value, ast.Name) and node.value.id == "session"):
            found.append(f"{node.lineno} calls session.{node.attr}")
    return found


def queries_outside_store() -> dict[str, list[str]]:
    """Every module outside store/ that queries the database itself, with where it does."""
    found = {}
    for layer in LAYERS:
        if layer == "store":
            continue
        for path in sorted((ROOT / layer).rglob("*.py")):
            problems = _queries(path)
            if problems:
                found[path.relative_to(ROOT).as_posix()] = problems
    return found


def test_queries_live_in_the_store() -> None:
    found = queries_outside_store()
    new = {path: lines for path, lines in found.items() if path not in QUERYING}
    assert new == {}, "call a store/ function named for what it does instead"


def test_the_list_of_modules_still_querying_only_shrinks() -> None:
    # A module moved to store/ functions leaves the list, so it cannot slip back.
    assert sorted(QUERYING - set(queries_outside_store())) == []


def test_the_query_check_sees_a_query(tmp_path: Path) -> None:
    source = ("from sqlmodel import Session, select\nfrom sqlalchemy.exc import IntegrityError\n"
              "def f(session: Session) -> None:\n    session.add(1)\n    {}.get(1)\n")
    path = tmp_path / "m.py"
    path.write_text(source)
    assert _queries(path) == ["1 imports sqlmodel.select", "4 calls session.add"]


def test_the_check_sees_a_back_edge(tmp_path: Path) -> None:
    # The walk must find imports nested in functions and TYPE_CHECKING blocks too.
    source = ("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
              "    from bot.settings import Settings\ndef f() -> None:\n    import scheduling.x\n")
    path = tmp_path / "m.py"
    path.write_text(source)
    assert [m for _, m in _imports(path)] == ["typing", "bot.settings", "scheduling.x"]
