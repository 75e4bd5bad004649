"""Back from a stored case to the questions (staff re-screening a case).

``answers_from_facts`` must give questions that say exactly what the case
says, or nothing: a re-screen that quietly changed a fact would change an
answer about someone's record.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.test import Client

from core import visitor_store
from screener import questionnaire
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
BANK_ROBBERY_FEDERAL = {
    **{k: v for k, v in TRAFFICKING_647B.items() if k != "q7"},
    "q1": {"answer": "federal"},
    "q3": {"query": "18 USC 2113(a)"},
    "q4": {"answer": "18 USC 2113(a)"},
    "q14": {"answer": "yes"},
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
    saved = stored(client, visitor_store.ANSWERS_KEY)
    return questionnaire.build_facts(saved, date(2026, 11, 25))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "given",
    [
        TRAFFICKING_647B,
        ROBBERY_FEDERAL_UNSURE,
        BURGLARY_WITH_FINDING,
        {**TRAFFICKING_647B, "q13": {"answer": "no"}},
        BANK_ROBBERY_FEDERAL,
        {**BANK_ROBBERY_FEDERAL, "q14": {"answer": "no"}},
        {**BANK_ROBBERY_FEDERAL, "q14": {"answer": "unsure"}},
        {**BANK_ROBBERY_FEDERAL, "q14": {}},
    ],
    ids=[
        "647b",
        "unsure-everywhere",
        "finding",
        "not-a-citizen",
        "federal-prison",
        "no-federal-prison",
        "federal-prison-unsure",
        "federal-prison-skipped",
    ],
)
def test_a_case_made_by_the_questions_comes_back_to_the_same_questions(
    given: dict[str, dict[str, Any]],
) -> None:
    case = wizard_case(given)
    saved = questionnaire.answers_from_facts(case)
    assert saved is not None
    assert questionnaire.build_facts(saved, date(2026, 11, 25)) == case
    assert ("immigration" in case) == ("q13" in saved["person_steps"])
    # Federal prison is a question about the case: with the case's answers,
    # asked for a federal conviction only, answered as the case says.
    record, steps = case["records"][0], saved["records"][0]["steps"]
    assert ("q14" in steps) == (record["system"] == "federal")
    if "q14" in steps:
        assert steps["q14"].get("q14-answer") == (
            [record["federal_prison"]] if "federal_prison" in record else None
        )


def test_federal_prison_on_a_record_the_questions_never_ask_about_gives_nothing() -> (
    None
):
    """A California record cannot say "in federal prison": staff must look."""
    case = contract_case(county="Los Angeles")
    assert questionnaire.answers_from_facts(case) is not None
    case["records"][0]["federal_prison"] = "yes"
    assert questionnaire.answers_from_facts(case) is None


@pytest.mark.django_db
def test_staff_reopening_a_federal_case_see_the_federal_prison_answer() -> None:
    """The check page's rows for the case say the answer the case holds."""
    case = wizard_case(BANK_ROBBERY_FEDERAL)
    saved = questionnaire.answers_from_facts(case)
    assert saved is not None
    entry = saved["records"][0]
    given = questionnaire.clean({**entry["steps"], **saved["person_steps"]})
    rows = {
        row["step"]: row
        for row in questionnaire.rows(given, ["q1", "q14"], ask_person=False)
    }
    assert rows["q14"]["question"] == (
        "Are you in federal prison for this case now, or were you ever?"
    )
    assert rows["q14"]["answer"] == "Yes"


def test_facts_the_questions_cannot_say_give_nothing() -> None:
    case = contract_case(county="Los Angeles", direct_result="unsure")
    # No harm named, so the questions never ask "during": they cannot say the
    # record's "yes" there.
    case["victimization"] = {"kinds": [], "ongoing": "no", "sought_services": "unsure"}
    assert case["records"][0]["while_victimized"] == "yes"
    assert questionnaire.answers_from_facts(case) is None
    case["records"][0]["while_victimized"] = "unsure"
    assert questionnaire.answers_from_facts(case) is not None
    case["records"][0]["probation"] = "completed"  # the wizard never asks it
    assert questionnaire.answers_from_facts(case) is None
