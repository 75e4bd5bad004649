"""Anonymous counts: right totals, small cells hidden, CSV for admins."""

from __future__ import annotations

import csv
import io
from datetime import date
from typing import Any

import pytest
from django.test import Client

from intake import stats
from intake.models import Action, AuditEntry, Organization, Tally
from screener.rules import screen
from tests.intake.conftest import MakeCase, contract_case, verified_client
from tests.screener.conftest import TRAFFICKING_647B, walk

ROBBERY = {"offense": "PC 211", "level": "felony"}


def test_a_violent_felony_that_ab_2354_would_open_counts_as_blocked_only_by_violence() -> (
    None
):
    output = screen(contract_case(**ROBBERY))
    assert ("violent_only", "blocked only by the violent-felony bar") in stats.counters(
        output
    )
    assert all(
        not stats.blocked_only_by_violence(r)
        for r in screen(contract_case())["records"]
    )


def test_a_violent_felony_also_barred_for_another_reason_is_not_counted() -> None:
    output = screen(contract_case(**ROBBERY, direct_result="no"))
    assert not stats.blocked_only_by_violence(output["records"][0])


def test_counters_name_the_outcome_county_and_open_remedies() -> None:
    pairs = stats.counters(screen(contract_case()))
    assert ("outcome", "likely") in pairs
    assert ("remedy", "PC 236.14") in pairs
    assert ("total", "screenings") in pairs
    assert not any(d == "remedy" and v == "AB 2354" for d, v in pairs)


@pytest.mark.django_db
@pytest.mark.parametrize(("screenings", "shown"), [(9, "<10"), (10, 10), (12, 12)])
def test_cells_under_ten_are_suppressed(
    org_a: Organization, screenings: int, shown: Any
) -> None:
    output = screen(contract_case())
    for _ in range(screenings):
        stats.record_screening(
            output, ["Los Angeles"], today=date(2026, 11, 24), organization=org_a
        )
    rows = {(r["dimension"], r["value"]): r["count"] for r in stats.table("all")}
    assert rows[("total", "screenings")] == shown
    assert rows[("county", "Los Angeles")] == shown


@pytest.mark.django_db
def test_admins_export_csv_without_small_cells_and_it_is_logged(
    org_a: Organization, org_b: Organization, admin_a: Any, make_case: MakeCase
) -> None:
    for _ in range(11):
        make_case(org_a)
    make_case(org_a, facts=contract_case(**ROBBERY))
    make_case(org_b)
    client = verified_client(admin_a)
    response = client.get("/staff/counts.csv")
    assert response["Content-Disposition"] == 'attachment; filename="counts.csv"'
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    by_key = {(r["dimension"], r["value"]): r["count"] for r in rows}
    assert by_key[("total", "screenings")] == "12"
    assert by_key[("violent_only", "blocked only by the violent-felony bar")] == "<10"
    # Hand-offs are counted statewide when the survivor first saw results,
    # never a second time when they are sent.
    everyone = client.get("/staff/counts.csv", {"scope": "all"})
    rows = list(csv.DictReader(io.StringIO(everyone.content.decode())))
    assert ("total", "screenings") not in {(r["dimension"], r["value"]) for r in rows}
    page = client.get("/staff/counts/")
    assert b"&lt;10" in page.content
    assert AuditEntry.objects.filter(action=Action.EXPORT_STATS).count() == 2


@pytest.mark.django_db
def test_a_survivor_screening_is_counted_once_statewide_when_results_are_first_shown() -> (
    None
):
    survivor = Client()
    walk(survivor, TRAFFICKING_647B)
    for _ in range(3):
        response = survivor.post("/check/", {"action": "results"})
        assert response["Location"].endswith("/results/")
    rows = {
        (r.dimension, r.value): r.count for r in Tally.objects.filter(scope=stats.ALL)
    }
    assert rows[("total", "screenings")] == 1
    assert rows[("outcome", "likely")] == 1
    assert rows[("county", "Los Angeles")] == 1
    assert rows[("remedy", "PC 236.14")] == 1
    assert not Tally.objects.exclude(scope=stats.ALL).exists()
