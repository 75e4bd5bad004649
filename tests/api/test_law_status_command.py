"""``manage.py law_status``: statutes, bills, stale flags (issue 11)."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError


def _run(*args: str) -> str:
    out = StringIO()
    call_command("law_status", *args, stdout=out)
    return out.getvalue()


def test_it_lists_statutes_with_versions_and_ab_938_as_pending() -> None:
    text = _run("--as-of", "2026-12-01")
    assert "PC 236.14 (pc_236_14): in force; version 2023-01-01 AB 2169" in text
    assert "AB 2354 (ab_2354): NOT in force" in text
    assert "Law checked on 2026-11-24" in text
    assert (
        "AB 938 (Bonta, 2025-26 Reg. Sess.), successor of AB 2354: last recorded action "
        '"held under submission", Senate Appropriations, 2025-08-29; later status unverified'
    ) in text
    assert "STALE" not in text


def test_it_flags_what_was_not_verified_in_180_days() -> None:
    text = _run("--as-of", "2027-06-30")
    assert "STALE PC 236.14" in text
    assert "STALE AB 938" in text
    assert "not verified in 180 days" in text


def test_strict_exits_1_when_stale_and_today_is_the_default() -> None:
    with pytest.raises(SystemExit) as raised:
        _run("--as-of", "2027-06-30", "--strict")
    assert raised.value.code == 1
    assert "Law data as of" in _run()


def test_a_bad_date_is_a_clear_error() -> None:
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        _run("--as-of", "tomorrow")
