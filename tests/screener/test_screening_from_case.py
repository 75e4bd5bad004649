"""Back from a stored case to the questions (staff re-screening a case).

``screening_from_case`` must give questions that say exactly what the case
says, or nothing: a re-screen that quietly changed a fact would change an
answer about someone's record.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.test import Client

from screener import answers, session_store
from tests.intake.conftest import contract_case
from tests.screener.conftest import TRAFFICKING_647B, stored, walk

ROBBERY_FEDERAL_UNSURE = {
    **TRAFFICKING_647B,
    "q1": {"answer": "unsure"},
    "q3": {"dont_know": "on"},
    "q5": {"answer": "unknown"},
    "q7": {"answer": "unsure"},
    "q9": {"answer": "unsure"},
}
BURGLARY_WITH_FINDING = {
    **TRAFFICKING_647B,
    "q3": {"query": "459"},
    "q4": {"answer": "PC 459"},
    "q5": {"answer": "felony"},
    "q6": {"answer": ["person_present"]},
}


def wizard_case(answers_given: dict[str, dict[str, Any]]) -> dict[str, Any]:
    client = Client()
    walk(client, answers_given)
    screening = stored(client, session_store.SCREENING_KEY)
    return answers.build_case(screening, date(2026, 11, 25))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "given",
    [
        TRAFFICKING_647B,
        ROBBERY_FEDERAL_UNSURE,
        BURGLARY_WITH_FINDING,
        {**TRAFFICKING_647B, "q13": {"answer": "no"}},
    ],
    ids=["647b", "unsure-everywhere", "finding", "not-a-citizen"],
)
def test_a_case_made_by_the_questions_comes_back_to_the_same_questions(
    given: dict[str, dict[str, Any]],
) -> None:
    case = wizard_case(given)
    screening = answers.screening_from_case(case)
    assert screening is not None
    assert answers.build_case(screening, date(2026, 11, 25)) == case
    assert ("immigration" in case) == ("q13" in screening["person_steps"])


def test_facts_the_questions_cannot_say_give_nothing() -> None:
    case = contract_case(county="Los Angeles", direct_result="unsure")
    # No harm named, so the questions never ask "during": they cannot say the
    # record's "yes" there.
    case["victimization"] = {"kinds": [], "ongoing": "no", "sought_services": "unsure"}
    assert case["records"][0]["while_victimized"] == "yes"
    assert answers.screening_from_case(case) is None
    case["records"][0]["while_victimized"] = "unsure"
    assert answers.screening_from_case(case) is not None
    case["records"][0]["probation"] = "completed"  # the wizard never asks it
    assert answers.screening_from_case(case) is None
