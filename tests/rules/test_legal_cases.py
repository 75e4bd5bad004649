"""YAML legal cases, OpenFisca style: each names the rule it exercises and the
answer the law gives, on both sides of every condition and effective date.

A case file is a list of:
  name:    a sentence saying what the law does here
  rule:    "<law id>.<condition>" it exercises (checked to exist)
  persona: a persona from conftest.py (default trafficking_survivor)
  as_of:   the screening date
  victimization / record: overrides of the persona; drop: keys to remove
  immigration: the case's immigration block (docs/screening-api.md)
  expect:  {"PC 236.14": {status, applicable, in_force, reasons, missing}, ...}
           reasons: codes that must be present; missing: exact list;
           offense: fields of the record's offense block; best: remedy id or null
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from screener.rules import screen
from screener.rules.law import laws
from tests.rules.conftest import build_case

CASE_DIR = Path(__file__).parent / "cases"
CASE_KEYS = {
    "name",
    "rule",
    "persona",
    "as_of",
    "victimization",
    "record",
    "drop",
    "expect",
    "immigration",
}


def _cases() -> list[Any]:
    params = []
    for path in sorted(CASE_DIR.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            params.append(pytest.param(case, id=f"{path.stem}: {case['name']}"))
    return params


CASES = _cases()


def _remedy(result: dict[str, Any], remedy: str) -> dict[str, Any]:
    found = [r for r in result["records"][0]["remedies"] if r["remedy"] == remedy]
    assert len(found) == 1, f"{remedy} should be reported exactly once"
    return found[0]


@pytest.mark.parametrize("case", CASES)
def test_legal_case(case: dict[str, Any]) -> None:
    assert set(case) <= CASE_KEYS, f"unknown keys {set(case) - CASE_KEYS}"
    law_id, _, condition = case["rule"].partition(".")
    assert condition in laws()[law_id].conditions, f"no such rule {case['rule']}"
    result = screen(build_case(case), today=date(2026, 11, 24))
    expect = case["expect"]
    record = result["records"][0]
    for key, value in expect.get("offense", {}).items():
        assert record["offense"][key] == value, key
    if "best" in expect:
        assert record["best"] == expect["best"]
    for remedy, wanted in expect.items():
        if remedy in ("offense", "best"):
            continue
        got = _remedy(result, remedy)
        codes = [reason["code"] for reason in got["reasons"]]
        assert got["status"] == wanted["status"], (remedy, got["status"], codes)
        for key in ("applicable", "in_force", "missing"):
            if key in wanted:
                assert got[key] == wanted[key], (remedy, key, got[key])
        for code in wanted.get("reasons", []):
            assert code in codes, (remedy, code, codes)
        for code in wanted.get("not_reasons", []):
            assert code not in codes, (remedy, code, codes)


def test_there_are_at_least_150_legal_cases() -> None:
    assert len(CASES) >= 150


def test_every_rule_named_by_a_case_is_exercised_on_its_own_law() -> None:
    """The rule a case names must appear among the reasons it produces."""
    for param in CASES:
        case = param.values[0]
        law_id, _, condition = case["rule"].partition(".")
        result = screen(build_case(case), today=date(2026, 11, 24))
        remedy = laws()[law_id].remedy
        if law_id == "pc_667_5_c":
            continue
        codes = [
            r["code"]
            for rem in result["records"][0]["remedies"]
            if rem["remedy"] == remedy
            for r in rem["reasons"]
        ]
        assert condition in codes, (case["name"], condition, codes)
