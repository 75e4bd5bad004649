"""Drafting details kept with a stored case go out and come back unchanged."""

from __future__ import annotations

from datetime import date

from petitions.services import details_from_store, details_to_store


def test_details_round_trip_through_storage() -> None:
    cleaned = {
        "service_date": date(2026, 12, 1),
        "control": "He kept my ID card.",
        "file_format": "pdf",
    }
    stored = details_to_store(cleaned)
    assert stored == {"service_date": "2026-12-01", "control": "He kept my ID card."}
    assert details_from_store(stored) == {
        "service_date": date(2026, 12, 1),
        "control": "He kept my ID card.",
    }


def test_a_stored_service_date_that_is_not_a_date_is_left_blank() -> None:
    assert details_from_store({"service_date": "1st of December"}) == {
        "service_date": None
    }
    assert details_from_store({"service_date": ""}) == {"service_date": ""}
    assert details_from_store({}) == {}
