"""Law currency (issue 11): versions, last checks, stale flags, bills to watch."""

from __future__ import annotations

from datetime import date, timedelta

from screener.rules.currency import STALE_DAYS, bills_to_watch, law_status
from screener.rules.law import laws


def test_every_statute_and_bill_is_listed_with_its_version() -> None:
    statuses = {status.id: status for status in law_status(date(2026, 12, 1))}
    assert set(statuses) == set(laws())
    assert statuses["pc_236_14"].version.startswith("2023-01-01 AB 2169")
    assert statuses["pc_1203_41"].version.startswith("2023-07-01 SB 731")
    assert statuses["ab_2354"].in_force is False
    assert not any(status.stale for status in statuses.values())


def test_a_law_not_yet_in_effect_says_so() -> None:
    statuses = {status.id: status for status in law_status(date(1899, 1, 1))}
    assert statuses["pc_236_14"].version == "not yet in effect"


def test_anything_not_checked_in_180_days_is_flagged() -> None:
    oldest = min(status.last_verified for status in law_status(date(2026, 12, 1)))
    on_the_day = law_status(oldest + timedelta(days=STALE_DAYS))
    the_day_after = law_status(oldest + timedelta(days=STALE_DAYS + 1))
    assert not any(
        status.stale for status in on_the_day if status.last_verified == oldest
    )
    assert all(
        status.stale for status in the_day_after if status.last_verified == oldest
    )
    assert the_day_after[0].last_verified == oldest  # oldest first


def test_ab_938_is_listed_as_pending_and_flagged_when_stale() -> None:
    bills = {bill["id"]: bill for bill in bills_to_watch(date(2026, 12, 1))}
    assert bills["ab_938"]["successor_of"] == "AB 2354"
    assert bills["ab_938"]["stale"] is False
    later = {bill["id"]: bill for bill in bills_to_watch(date(2027, 12, 1))}
    assert later["ab_938"]["stale"] is True
