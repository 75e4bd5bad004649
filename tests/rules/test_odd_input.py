"""Odd input a security probe sent: each is a field error, never a crash.

A 5,000-digit id (Python's integer-string limit), a lone surrogate (text
that cannot be written as UTF-8), and an ``as_of`` before 1900 (no statute
the rules know was in force, so nothing to compare with) used to raise
ValueError, UnicodeEncodeError or TypeError out of ``screen``.
"""

from __future__ import annotations

import json
import sys
from datetime import date

import pytest

from screener.rules import InvalidFacts, screen

TODAY = date(2026, 12, 1)


def _huge() -> int:
    old = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)
    try:
        return int("9" * 5000)
    finally:
        sys.set_int_max_str_digits(old)


def _errors(case: object) -> list[dict[str, str]]:
    with pytest.raises(InvalidFacts) as raised:
        screen(case, today=TODAY)
    return raised.value.errors


def test_a_huge_numeric_id_is_a_field_error() -> None:
    errors = _errors({"records": [{"id": _huge()}]})
    assert [e["field"] for e in errors] == ["records[0].id"]


def test_a_numeric_id_of_ordinary_size_still_becomes_text() -> None:
    result = screen({"records": [{"id": 12345678901234567890}]}, today=TODAY)
    assert result["records"][0]["id"] == "12345678901234567890"


@pytest.mark.parametrize(
    ("record", "field"),
    [
        ({"id": "\ud800"}, "records[0].id"),
        ({"offense": "PC \udfff"}, "records[0].offense"),
        ({"county": "Los \ud800Angeles"}, "records[0].county"),
        ({"enhancements": ["\ud800"]}, "records[0].enhancements"),
    ],
)
def test_text_that_is_not_unicode_is_a_field_error(
    record: dict[str, object], field: str
) -> None:
    errors = _errors({"records": [record]})
    assert field in [e["field"] for e in errors]
    assert all(e["message"].endswith(".") for e in errors)
    json.dumps(errors, ensure_ascii=False).encode("utf-8")  # the errors can be sent


@pytest.mark.parametrize("as_of", ["0001-01-01", "1850-06-01", "1899-12-31"])
@pytest.mark.parametrize(
    "kinds", [["human_trafficking"], ["sexual_violence"], ["intimate_partner_violence"]]
)
def test_a_date_before_1900_is_a_field_error(as_of: str, kinds: list[str]) -> None:
    case = {
        "as_of": as_of,
        "victimization": {"kinds": kinds},
        "records": [{"offense": "PC 245(a)(1)", "enhancements": ["PC 12022.7"]}],
    }
    assert [e["field"] for e in _errors(case)] == ["as_of"]


def test_the_first_day_of_1900_is_still_screened() -> None:
    case = {"as_of": "1900-01-01", "records": [{"offense": "647b"}]}
    assert screen(case, today=TODAY)["as_of"] == "1900-01-01"
