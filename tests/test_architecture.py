"""What may import what: the picture in docs/architecture.md, held by a test.

Read with ``ast`` (nothing is imported or run), function-local imports
included. A new arrow between apps is a design decision: draw it in
docs/architecture.md and here, or find the shared piece a lower layer
should own.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
APPS = ("core", "screener", "petitions", "intake", "rapsheet")

# app -> the other apps it may import (never their views). Every app may
# import core, the shared plumbing; core imports none of ours.
ALLOWED = {
    "core": set(),
    "screener": {"core"},
    "petitions": {"core", "screener"},
    "intake": {"core", "screener", "petitions"},
    "rapsheet": {"core", "screener", "intake"},
}


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.append(node.module)
            # "from screener import views" names the module in the alias.
            found += [f"{node.module}.{alias.name}" for alias in node.names]
    return found


def _modules(app: str) -> list[Path]:
    return [
        path
        for path in sorted((ROOT / app).rglob("*.py"))
        if "migrations" not in path.parts
    ]


@pytest.mark.parametrize("app", APPS)
def test_an_app_imports_only_the_apps_below_it(app: str) -> None:
    wrong = []
    for path in _modules(app):
        for name in _imports(path):
            other = name.split(".")[0]
            if other in APPS and other != app and other not in ALLOWED[app]:
                wrong.append(f"{path.relative_to(ROOT)}: {name}")
    assert wrong == []


@pytest.mark.parametrize("app", APPS)
def test_no_app_imports_another_apps_views(app: str) -> None:
    wrong = [
        f"{path.relative_to(ROOT)}: {name}"
        for path in _modules(app)
        for name in _imports(path)
        if name.split(".")[0] in APPS
        and name.split(".")[0] != app
        and ".views" in f".{name}."[len(name.split(".")[0]) + 1 :]
    ]
    assert wrong == []


def test_the_rules_engine_imports_no_app_and_no_django() -> None:
    """screener/rules is a package of its own: pure Python, law as data."""
    wrong = [
        f"{path.relative_to(ROOT)}: {name}"
        for path in sorted((ROOT / "screener" / "rules").rglob("*.py"))
        for name in _imports(path)
        if name.split(".")[0] in ("django", *APPS)
        and not name.startswith("screener.rules")
    ]
    assert wrong == []


def test_the_picture_in_the_docs_names_every_app() -> None:
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    for app in (*APPS, "screener/rules"):
        assert f"`{app}`" in text, app
