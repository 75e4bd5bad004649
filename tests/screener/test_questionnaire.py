"""The questions as plain functions of plain answers: no client, no view.

Every condition on both sides, the choices that depend on earlier answers,
what the answers say as contract facts, the check page's rows, and the way
back from stored facts to the questions (staff re-screening).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from screener import forms as f
from screener import questionnaire as q
from screener.rules import screen
from tests.rules.conftest import build_case

CASE_DIR = Path(__file__).parents[1] / "rules" / "cases"
AS_OF = date(2026, 11, 25)

# One run of the questions, as the forms clean it: a trafficking survivor's
# 647(b) conviction in Los Angeles.
TRAFFICKING_647B: q.Answers = {
    f.SYSTEM: {"answer": "california"},
    f.HAPPENED: {"answer": "conviction"},
    f.OFFENSE: {"query": "647b", "dont_know": False},
    f.PICK: {"answer": "PC 647(b)"},
    f.COUNTY: {"answer": "Los Angeles"},
    f.HARM: {"answer": ["human_trafficking"]},
    f.DURING: {"answer": "yes"},
    f.BECAUSE: {"answer": "yes"},
    f.ONGOING: {"answer": "no"},
    f.HELP: {"answer": "yes"},
    f.IMMIGRATION: {"answer": ""},
}
BURGLARY = {
    **TRAFFICKING_647B,
    f.OFFENSE: {"query": "459", "dont_know": False},
    f.PICK: {"answer": "PC 459"},
    f.LEVEL: {"answer": "felony"},
}
DONT_KNOW = {**TRAFFICKING_647B, f.OFFENSE: {"query": "", "dont_know": True}}
DONT_KNOW.pop(f.PICK)


def given(base: q.Answers, **steps: Any) -> q.Answers:
    """``base`` with some answers changed (None drops the step)."""
    changed = {**base}
    for step, value in steps.items():
        if value is None:
            changed.pop(step, None)
        else:
            changed[step] = {"answer": value}
    return changed


def asks(step: str, answers: q.Answers, *, ask_person: bool = True) -> bool:
    return q.applies(step, answers, ask_person=ask_person)


# --- conditions ----------------------------------------------------------------


def test_the_steps_are_the_forms_in_order() -> None:
    assert tuple(step for step, _form in f.STEP_FORMS) == q.STEPS
    assert set(q.CASE_STEPS) | set(f.PERSON_STEPS) == set(q.STEPS)
    # Always asked: which court, what happened, the charge, and the person's harm.
    assert {f.SYSTEM, f.HAPPENED, f.OFFENSE, f.HARM, f.IMMIGRATION} <= set(
        q.asked({}, ask_person=True)
    )


def test_the_list_of_matches_is_shown_only_for_a_typed_charge() -> None:
    assert asks(f.PICK, TRAFFICKING_647B)
    assert not asks(f.PICK, DONT_KNOW)
    assert not asks(f.PICK, {})


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        (TRAFFICKING_647B, False),  # 647(b) is a misdemeanor only
        (BURGLARY, True),  # a wobbler
        (DONT_KNOW, True),
        (given(TRAFFICKING_647B, **{f.PICK: f.PICK_UNKNOWN}), True),
    ],
    ids=["one-level", "wobbler", "dont-know", "picked-dont-know"],
)
def test_the_level_is_asked_unless_the_catalog_allows_only_one(
    answers: q.Answers, expected: bool
) -> None:
    assert asks(f.LEVEL, answers) is expected


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, True),
        ({f.SYSTEM: f.NOT_SURE}, True),
        ({f.SYSTEM: None}, True),
        ({f.HAPPENED: "juvenile_adjudication"}, True),
        ({f.SYSTEM: "federal"}, False),
        ({f.SYSTEM: "other_state"}, False),
        ({f.HAPPENED: "pending"}, False),
        ({f.HAPPENED: "arrest"}, False),
        ({f.PICK: f.PICK_UNKNOWN}, False),  # no charge, no findings to ask
    ],
)
def test_findings_are_asked_for_a_decided_california_case_that_has_some(
    changes: dict[str, Any], expected: bool
) -> None:
    assert asks(f.FINDINGS, given(BURGLARY, **changes)) is expected


def test_findings_are_not_asked_for_a_charge_without_any() -> None:
    assert q.findings(TRAFFICKING_647B) == []
    assert not asks(f.FINDINGS, TRAFFICKING_647B)


@pytest.mark.parametrize(
    ("system", "expected"),
    [
        ("california", True),
        (f.NOT_SURE, True),
        (None, True),
        ("federal", False),
        ("other_state", False),
    ],
)
def test_the_county_is_asked_unless_the_case_was_surely_outside_california(
    system: str | None, expected: bool
) -> None:
    assert asks(f.COUNTY, given(TRAFFICKING_647B, **{f.SYSTEM: system})) is expected


@pytest.mark.parametrize(
    ("system", "happened", "expected"),
    [
        ("federal", "conviction", True),
        ("federal", f.NOT_SURE, False),
        ("federal", "arrest", False),
        ("california", "conviction", False),
        (f.NOT_SURE, "conviction", False),
    ],
)
def test_federal_prison_is_asked_for_a_federal_conviction_only(
    system: str, happened: str, expected: bool
) -> None:
    answers = given(TRAFFICKING_647B, **{f.SYSTEM: system, f.HAPPENED: happened})
    assert asks(f.FEDERAL_PRISON, answers) is expected


@pytest.mark.parametrize("step", [f.DURING, f.BECAUSE, f.ONGOING, f.HELP])
@pytest.mark.parametrize(
    ("harm", "expected"),
    [
        (["human_trafficking"], True),
        (["sexual_violence", "intimate_partner_violence"], True),
        ([f.NONE_OF_THESE], False),
        ([], False),
        (None, False),
    ],
)
def test_questions_about_the_harm_follow_a_harm_named(
    step: str, harm: list[str] | None, expected: bool
) -> None:
    assert asks(step, given(TRAFFICKING_647B, **{f.HARM: harm})) is expected


def test_a_second_case_asks_nothing_about_the_person_but_reads_her_answers() -> None:
    for step in f.PERSON_STEPS:
        assert asks(step, TRAFFICKING_647B)
        assert not asks(step, TRAFFICKING_647B, ask_person=False)
    # The harm she named for the first case still decides this case's questions.
    assert asks(f.DURING, TRAFFICKING_647B, ask_person=False)
    assert not asks(f.DURING, given(TRAFFICKING_647B, **{f.HARM: []}), ask_person=False)


# --- choices that depend on earlier answers -------------------------------------


def test_the_matches_are_those_of_what_was_typed() -> None:
    kwargs = q.form_kwargs(f.PICK, BURGLARY)
    assert kwargs["query"] == "459"
    assert "PC 459" in [match.code for match in kwargs["matches"]]
    assert q.form_kwargs(f.PICK, DONT_KNOW) == {"matches": [], "query": ""}
    form = f.PickForm(**q.form_kwargs(f.PICK, BURGLARY))
    values = [value for value, _label, _hint in form.choices]
    assert values[-2:] == [f.PICK_TYPED, f.PICK_UNKNOWN]


def test_the_levels_offered_are_those_the_charge_allows() -> None:
    assert list(q.form_kwargs(f.LEVEL, BURGLARY)["levels"]) == [
        "felony",
        "misdemeanor",
    ]
    offered = f.LevelForm(**q.form_kwargs(f.LEVEL, BURGLARY)).choices
    assert [value for value, _label, _hint in offered] == [
        "felony",
        "misdemeanor",
        "unknown",
    ]
    # No charge known: every level is offered.
    assert list(q.form_kwargs(f.LEVEL, DONT_KNOW)["levels"]) == []
    assert len(f.LevelForm(levels=[]).choices) == 4


def test_the_findings_offered_depend_on_the_charge_and_its_level() -> None:
    felony = q.form_kwargs(f.FINDINGS, BURGLARY)["findings"]
    assert "person_present" in felony
    assert q.form_kwargs(f.FINDINGS, TRAFFICKING_647B) == {"findings": []}


def _posted(answers: dict[str, Any]) -> dict[str, dict[str, list[str]]]:
    """Answers as the wizard stores posted forms (prefixed lists of strings)."""
    stored = {}
    for step, fields in answers.items():
        stored[step] = {
            f"{step}-{name}": [str(v) for v in value]
            if isinstance(value, list)
            else [str(value)]
            for name, value in fields.items()
        }
    return stored


def test_stored_steps_are_cleaned_with_the_choices_of_the_answers_before() -> None:
    stored = _posted(
        {
            f.SYSTEM: {"answer": "california"},
            f.HAPPENED: {"answer": "conviction"},
            f.OFFENSE: {"query": "459"},
            f.PICK: {"answer": "PC 459"},
            f.LEVEL: {"answer": "felony"},
            f.FINDINGS: {"answer": ["person_present"]},
        }
    )
    answers = q.clean(stored)
    assert answers[f.OFFENSE] == {"query": "459", "dont_know": False}
    assert answers[f.FINDINGS] == {"answer": ["person_present"]}
    # The person changed the charge: the old pick, and the findings it
    # offered, are no longer answers.
    stored[f.OFFENSE] = {f"{f.OFFENSE}-query": ["647b"]}
    answers = q.clean(stored)
    assert f.PICK not in answers
    assert f.FINDINGS not in answers
    assert q.clean({f.SYSTEM: {f"{f.SYSTEM}-answer": ["mars"]}}) == {}


# --- what the answers say ---------------------------------------------------------


def test_the_answers_say_the_record() -> None:
    assert q.record(TRAFFICKING_647B) == {
        "system": "california",
        "disposition": "conviction",
        "offense": "PC 647(b)",
        "level": "misdemeanor",
        "county": "Los Angeles",
        "while_victimized": "yes",
        "direct_result": "yes",
        "enhancements": None,  # never asked: unknown, not "none"
    }
    assert q.notes(TRAFFICKING_647B) == []


@pytest.mark.parametrize(
    ("findings", "enhancements", "notes"),
    [
        (["person_present"], ["person_present"], []),
        ([f.NONE_OF_THESE], [], []),
        ([f.NOT_SURE], None, ["findings"]),
    ],
)
def test_findings_said_and_not_sure(
    findings: list[str], enhancements: list[str] | None, notes: list[str]
) -> None:
    answers = given(BURGLARY, **{f.FINDINGS: findings})
    assert q.record(answers)["enhancements"] == enhancements
    assert q.notes(answers) == notes


def test_not_sure_and_skipped_are_unknown_in_the_record() -> None:
    answers = given(
        DONT_KNOW,
        **{f.SYSTEM: f.NOT_SURE, f.COUNTY: f.NOT_SURE, f.DURING: "", f.LEVEL: None},
    )
    record = q.record(answers)
    assert record["system"] is None
    assert record["county"] is None
    assert record["offense"] == ""
    assert record["level"] == "unknown"
    assert record["while_victimized"] == "unsure"


def test_federal_prison_is_in_the_record_only_when_answered() -> None:
    federal = given(
        TRAFFICKING_647B,
        **{f.SYSTEM: "federal", f.FEDERAL_PRISON: "yes", f.COUNTY: "Fresno"},
    )
    record = q.record(federal)
    assert record["federal_prison"] == "yes"
    assert record["county"] is None  # not asked for a federal case
    assert "federal_prison" not in q.record(given(federal, **{f.FEDERAL_PRISON: ""}))
    # Data left from a step that no longer applies is never read.
    california = given(federal, **{f.SYSTEM: "california"})
    assert "federal_prison" not in q.record(california)


def test_the_person_and_what_she_left_unsaid() -> None:
    assert q.person(TRAFFICKING_647B) == {
        "kinds": ["human_trafficking"],
        "ongoing": "no",
        "sought_services": "yes",
    }
    none = given(TRAFFICKING_647B, **{f.HARM: [f.NONE_OF_THESE], f.IMMIGRATION: "no"})
    assert q.person(none) == {
        "kinds": [],
        "ongoing": "no",  # "none of these" means nothing is happening
        "sought_services": "unsure",  # not asked
        "citizen": "no",
    }
    skipped = given(TRAFFICKING_647B, **{f.HARM: []})
    assert q.person(skipped)["ongoing"] == "unsure"  # the hotline stays shown


def test_the_facts_of_every_case_and_the_person() -> None:
    saved = {
        "records": [{"record": q.record(TRAFFICKING_647B)}, {"record": {"x": 1}}],
        "person": {**q.person(TRAFFICKING_647B), "citizen": "yes"},
    }
    facts = q.build_facts(saved, AS_OF)
    assert facts["as_of"] == "2026-11-25"
    assert facts["immigration"] == {"citizen": "yes"}
    assert [r["id"] for r in facts["records"]] == ["1", "2"]
    assert facts["victimization"]["kinds"] == ["human_trafficking"]
    assert "immigration" not in q.build_facts({**saved, "person": {}}, AS_OF)


# --- rows of the check page ------------------------------------------------------


def test_the_rows_are_the_questions_asked_with_their_answers() -> None:
    rows = q.rows(TRAFFICKING_647B, q.CASE_STEPS, ask_person=False)
    assert [row["step"] for row in rows] == [
        f.SYSTEM,
        f.HAPPENED,
        f.OFFENSE,  # the pick is shown in the charge's row
        f.COUNTY,
        f.DURING,
        f.BECAUSE,
    ]
    shown = {row["step"]: row["answer"] for row in rows}
    assert shown[f.SYSTEM] == "A California court"
    assert "647(b)" in shown[f.OFFENSE]
    assert shown[f.COUNTY] == "Los Angeles"
    assert rows[0]["question"] == "Which court handled the case?"


@pytest.mark.parametrize(
    ("answers", "shown"),
    [
        (DONT_KNOW, "I don’t know"),
        (given(TRAFFICKING_647B, **{f.PICK: f.PICK_UNKNOWN}), "I don’t know"),
        (given(TRAFFICKING_647B, **{f.PICK: f.PICK_TYPED}), "647b"),
    ],
)
def test_the_charge_row(answers: q.Answers, shown: str) -> None:
    rows = q.rows(answers, [f.OFFENSE], ask_person=False)
    assert rows == [
        {"step": f.OFFENSE, "question": "What was the charge?", "answer": shown}
    ]


def test_person_rows_say_skipped_and_list_every_harm() -> None:
    answers = given(
        TRAFFICKING_647B,
        **{f.HARM: ["human_trafficking", "sexual_violence"], f.HELP: ""},
    )
    shown = {
        row["step"]: row["answer"]
        for row in q.rows(answers, f.PERSON_STEPS, ask_person=True)
    }
    assert (
        shown[f.HARM]
        == "Made me work or trade sex, Someone forced sexual contact on me"
    )
    assert shown[f.HELP] == "Skipped"
    assert shown[f.IMMIGRATION] == "Skipped"
    assert q.rows(answers, f.PERSON_STEPS, ask_person=False) == []


# --- back from the facts to the questions -------------------------------------------

# The record facts the questions ask about; the rules' cases also set facts
# the wizard never asks (age, probation...), which staff enter by hand.
ASKED = (
    "system",
    "disposition",
    "offense",
    "level",
    "county",
    "while_victimized",
    "direct_result",
    "enhancements",
    "federal_prison",
)


def _asked_facts(case: dict[str, Any]) -> dict[str, Any]:
    facts = build_case(case)
    facts["records"] = [
        {"id": r["id"], **{k: r[k] for k in ASKED if k in r}} for r in facts["records"]
    ]
    return facts


def _statuses(facts: dict[str, Any]) -> list[list[tuple[str, str]]]:
    return [
        [(r["remedy"], r["status"]) for r in record["remedies"]]
        for record in screen(facts)["records"]
    ]


@pytest.mark.parametrize(
    "path", sorted(CASE_DIR.glob("*.yaml")), ids=lambda path: path.stem
)
def test_facts_come_back_from_their_answers(path: Path) -> None:
    """facts -> answers -> facts, over the record facts of the rules' cases."""
    came_back = 0
    for case in yaml.safe_load(path.read_text(encoding="utf-8")):
        facts = _asked_facts(case)
        saved = q.answers_from_facts(facts)
        if saved is None:
            continue
        came_back += 1
        as_of = date.fromisoformat(facts.get("as_of") or AS_OF.isoformat())
        rebuilt = q.build_facts(saved, as_of)
        assert rebuilt["victimization"] == {
            "kinds": facts["victimization"].get("kinds", []),
            "ongoing": facts["victimization"].get("ongoing", "unsure"),
            "sought_services": facts["victimization"].get("sought_services", "unsure"),
        }
        assert rebuilt.get("immigration") == facts.get("immigration"), case["name"]
        for record, entry in zip(facts["records"], saved["records"], strict=True):
            built = dict(entry["record"])
            if f.FINDINGS not in entry["steps"]:
                # Not asked for this charge: "unknown" where the facts may say
                # "none", and the results must not change for it.
                assert built["enhancements"] is None
                assert record.get("enhancements") in (None, [])
                built.pop("enhancements")
                if "enhancements" in record:
                    built["enhancements"] = record["enhancements"]
            assert {"id": record["id"], **built} == record, case["name"]
        assert _statuses(rebuilt) == _statuses({**facts, "as_of": as_of.isoformat()})
        # The answers are stable: their own facts give them again.
        assert q.answers_from_facts(rebuilt) == saved, case["name"]
    assert came_back, "no case of this file could be said by the questions"


@pytest.mark.parametrize(
    "change",
    [
        {"county": "Atlantis"},
        {"probation": "completed"},
        {"enhancements": ["PC 186.22"]},  # not a finding the catalog lists here
        {"disposition": "acquitted"},
        {"federal_prison": "yes"},  # never asked of a California case
    ],
    ids=["county", "unasked-fact", "finding", "disposition", "federal-prison"],
)
def test_facts_the_questions_cannot_say_give_no_answers(
    change: dict[str, Any],
) -> None:
    facts = _asked_facts({"record": {"offense": "PC 459", "level": "felony"}})
    assert q.answers_from_facts(facts) is not None
    facts["records"][0].update(change)
    assert q.answers_from_facts(facts) is None


def test_a_victimization_the_questions_cannot_say_gives_no_answers() -> None:
    facts = _asked_facts({})
    facts["victimization"]["kinds"] = ["being_sad"]
    assert q.answers_from_facts(facts) is None
    facts = _asked_facts({"immigration": {"citizen": "maybe"}})
    assert q.answers_from_facts(facts) is None
    assert q.answers_from_facts({"records": []}) is None
