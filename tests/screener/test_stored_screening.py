"""A screening is computed once, when the facts change, and stored beside them.

The survivor's whole journey (check, results, draft, download) runs the
rules once; a stored screening is shown in Spanish word for word as the
rules would have said it; it is run again only for new facts, new rules or
another day (``screener.screenings``).
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

import pytest
from django.test import Client
from django.utils import translation

from core import visitor_store
from screener import screenings
from screener.rules import RULES_VERSION, screen
from screener.rules.translation import translated
from tests.petitions.test_views import _form_data
from tests.rules.conftest import build_case
from tests.rules.test_legal_cases import CASES as LEGAL_CASES
from tests.screen_runs import counting_runs
from tests.screener.conftest import stored, walk
from tests.screener.test_results import CASES as RESULT_CASES

FINDINGS_CASES = [
    {"records": [{"offense": offense}]} for offense in ("664/211", "664/187", "PC 484")
] + [
    {
        "victimization": {"kinds": ["human_trafficking"], "ongoing": "no"},
        "records": [
            {"id": "1", "system": "california", "disposition": "conviction",
             "offense": "PC 459", "level": "felony",
             "enhancements": ["PC 12022.7", "something the court wrote %(x)s"]},
        ],
    },
]  # fmt: skip


def gettext_es(text: str) -> str:
    return translation.gettext(text)


@pytest.mark.parametrize(
    "case",
    [build_case(p.values[0]) for p in LEGAL_CASES] + RESULT_CASES + FINDINGS_CASES,
)
def test_a_stored_screening_reads_in_spanish_exactly_as_the_rules_would_say_it(
    case: dict[str, Any],
) -> None:
    today = date(2026, 12, 1)
    with translation.override("es"):
        english = screen(case, today=today)
        assert translated(english, gettext_es) == screen(
            case, translate=gettext_es, today=today
        )


def test_translating_leaves_the_stored_screening_as_it_was() -> None:
    english = screen(RESULT_CASES[1])
    kept = screen(RESULT_CASES[1])
    with translation.override("es"):
        translated(english, gettext_es)
    assert english == kept


@pytest.mark.django_db
def test_the_survivors_journey_runs_the_rules_once(
    client: Client, trafficking_647b: dict[str, Any]
) -> None:
    """check -> results -> draft GET -> draft POST (download): one run.

    Before issue 15 the same journey ran the rules 4 times (the count on the
    check page, the results page, the draft page's GET and its POST).
    """
    walk(client, trafficking_647b)
    with counting_runs() as runs:
        assert client.post("/check/", {"action": "results"}).status_code == 302
        english = client.get("/results/").content.decode()
        client.post("/i18n/setlang/", {"language": "es", "next": "/"})
        spanish = client.get("/results/").content.decode()
        assert client.get("/petition/").status_code == 200
        response = client.post("/petition/", _form_data())
        assert response["Content-Type"] == "application/pdf"
    assert runs.count == 1
    assert '<html lang="es">' in spanish
    assert '<html lang="es">' not in english
    screening = stored(client, visitor_store.SCREENED_KEY)
    facts = stored(client, visitor_store.FACTS_KEY)
    assert screening == screen(facts)


@pytest.mark.django_db
def test_changing_one_fact_runs_the_rules_once_more(
    client: Client, trafficking_647b: dict[str, Any]
) -> None:
    walk(client, trafficking_647b)
    client.post("/check/", {"action": "results"})
    before = stored(client, visitor_store.SCREENED_KEY)
    with counting_runs() as runs:
        # Not the direct result of the trafficking, after all.
        walk(client, {"q10": {"answer": "no"}}, start=client.get("/change/0/q10/"))
        assert client.post("/check/", {"action": "results"}).status_code == 302
        assert client.get("/results/").status_code == 200
        assert client.get("/petition/").status_code == 200
    assert runs.count == 1
    after = stored(client, visitor_store.SCREENED_KEY)
    assert after != before
    assert after == screen(stored(client, visitor_store.FACTS_KEY))


def test_a_stored_screening_stands_for_its_facts_rules_and_day() -> None:
    facts = {**RESULT_CASES[0], "as_of": "2026-11-24"}
    screening = screen(facts)
    with counting_runs() as runs:
        same, reason = screenings.screening_for(facts, screening)
    assert (same, reason, runs.count) == (screening, None, 0)


def test_new_rules_run_again_and_say_so(caplog: pytest.LogCaptureFixture) -> None:
    facts = RESULT_CASES[0]
    old = {**screen(facts), "rules_version": "2025.01.0+00000000"}
    with counting_runs() as runs, caplog.at_level(logging.INFO):
        fresh, reason = screenings.screening_for(facts, old)
    assert (reason, runs.count) == (screenings.RULES_CHANGED, 1)
    assert fresh["rules_version"] == RULES_VERSION
    assert "re-run under rules version" in caplog.text


def test_facts_without_a_date_are_screened_again_on_another_day() -> None:
    facts = {k: v for k, v in RESULT_CASES[0].items() if k != "as_of"}
    yesterday = screen(facts, today=date(2026, 11, 30))
    with counting_runs() as runs:
        fresh, reason = screenings.screening_for(
            facts, yesterday, today=date(2026, 12, 1)
        )
    assert (reason, runs.count, fresh["as_of"]) == (screenings.NEW_DAY, 1, "2026-12-01")
    with counting_runs() as runs:
        _same, reason = screenings.screening_for(facts, fresh, today=date(2026, 12, 1))
    assert (reason, runs.count) == (None, 0)


@pytest.mark.django_db
def test_a_new_screening_forgets_the_last_ones_facts_and_screening(
    client: Client, trafficking_647b: dict[str, Any]
) -> None:
    walk(client, trafficking_647b)
    client.post("/check/", {"action": "results"})
    assert stored(client, visitor_store.SCREENED_KEY) is not None
    client.post("/begin/")
    assert stored(client, visitor_store.FACTS_KEY) is None
    assert stored(client, visitor_store.SCREENED_KEY) is None
