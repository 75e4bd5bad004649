"""No remedy identifier or status is written out as a bare string outside the contract.

``screener/rules/contract.py`` names them once (``Remedy``, ``Status``);
every app imports them, so a renamed or mistyped identifier fails where it
is used instead of quietly matching nothing. Tests, migrations, YAML and
templates are data and are not walked.
"""

from __future__ import annotations

import ast
from pathlib import Path

from screener.rules.contract import Remedy, Status

ROOT = Path(__file__).resolve().parent.parent
APPS = ("screener", "petitions", "intake", "rapsheet")
CONTRACT = ROOT / "screener" / "rules" / "contract.py"

# "other_state" is the law file of Remedy.OTHER_STATE, but it is also the
# contract's own value for records[].system (and the results page's group of
# that name): the same word with another meaning, so it stays allowed.
SYSTEM_VALUES = {"other_state"}

FORBIDDEN = (
    {remedy.value for remedy in Remedy}
    | {remedy.law_id for remedy in Remedy} - SYSTEM_VALUES
    | {status.value for status in Status}
)


def _python_files() -> list[Path]:
    return [
        path
        for app in APPS
        for path in sorted((ROOT / app).rglob("*.py"))
        if path != CONTRACT and "migrations" not in path.parts
    ]


def literals_in(source: str, name: str) -> list[str]:
    """Each string literal in ``source`` equal to a remedy id or a status, as name:line."""
    return [
        f"{name}:{node.lineno}: {node.value!r}"
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and node.value in FORBIDDEN
    ]


def test_no_remedy_id_or_status_literal_outside_the_contract() -> None:
    found = [
        hit
        for path in _python_files()
        for hit in literals_in(
            path.read_text(encoding="utf-8"), str(path.relative_to(ROOT))
        )
    ]
    assert not found, "use screener.rules.contract (Remedy, Status):\n" + "\n".join(
        found
    )


def test_the_check_finds_each_kind_of_literal() -> None:
    """The walk sees remedy ids, law ids and statuses, even inside f-strings and keys."""
    source = (
        'A = "PC 236.14"\n'
        'B = {"pc_1203_4a": 1}\n'
        "def f(x):\n"
        '    return x == "needs_review" or f"{x}" == "WIC 786"\n'
        'C = "other_state"  # a system value: allowed\n'
        'D = "PC 236.14 "  # not equal: allowed\n'
    )
    assert sorted(literals_in(source, "m.py")) == [
        "m.py:1: 'PC 236.14'",
        "m.py:2: 'pc_1203_4a'",
        "m.py:4: 'WIC 786'",
        "m.py:4: 'needs_review'",
    ]


def test_the_walk_covers_every_app() -> None:
    """A moved app or an empty walk would make the first test pass for nothing."""
    files = _python_files()
    for app in APPS:
        assert any(path.relative_to(ROOT).parts[0] == app for path in files), app
    assert CONTRACT not in files
    assert ROOT / "screener" / "results.py" in files
