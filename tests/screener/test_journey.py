"""Whole screenings through the web layer, checked against the rules' answer.

Expected outcomes come from ``screen()`` on the case the wizard stored, so
these tests check that the wizard asks the right things and passes the
answers on faithfully, and that the page shows what the rules said.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from core import visitor_store
from screener.rules import screen
from tests.screener.conftest import post_step, stored, walk

pytestmark = pytest.mark.django_db


def results(client: Client) -> tuple[dict[str, Any], str]:
    response = client.post("/check/", {"action": "results"})
    assert response.status_code == 302
    assert response["Location"].endswith("/results/")
    case = stored(client, visitor_store.FACTS_KEY)
    page = client.get("/results/")
    assert page.status_code == 200
    return case, page.content.decode()


def best(case: dict[str, Any], index: int = 0) -> dict[str, Any]:
    record = screen(case)["records"][index]
    return next(r for r in record["remedies"] if r["remedy"] == record["best"])


def test_647b_trafficking_survivor_is_likely_eligible_for_vacatur(
    client: Client, trafficking_647b: dict[str, Any]
) -> None:
    asked = walk(client, trafficking_647b)
    assert "q5" not in asked  # 647(b) has one level: no level question
    case, page = results(client)
    record = case["records"][0]
    assert record["offense"] == "PC 647(b)"
    assert record["system"] == "california"
    assert record["while_victimized"] == "yes"
    assert case["victimization"] == {
        "kinds": ["human_trafficking"],
        "ongoing": "no",
        "sought_services": "yes",
    }
    top = best(case)
    assert top["status"] == "likely"
    assert top["title"] in page
    assert "You are likely able to ask the court to erase this case (vacatur)." in page
    assert "If you are not safe now" not in page
    assert "Not law: a bill that did not pass" in page


def test_robbery_is_not_eligible_but_the_page_says_why_and_shows_ab_2354(
    client: Client, trafficking_647b: dict[str, Any]
) -> None:
    answers = trafficking_647b | {
        "q3": {"query": "211"},
        "q4": {"answer": "PC 211"},
        "q6": {"answer": ["none"]},
    }
    asked = walk(client, answers)
    assert "q5" not in asked  # robbery is felony only
    case, page = results(client)
    output = screen(case)["records"][0]
    vacatur = next(r for r in output["remedies"] if r["remedy"] == "PC 236.14")
    assert vacatur["status"] == "not_eligible"
    # The bar is explained with its citation, and the proposed law is shown.
    bar = next(r for r in vacatur["reasons"] if r["kind"] == "bar")
    assert bar["cite"] in page.replace("&#x27;", "'")
    assert "AB 2354" in page
    assert "It is not the law today" in page


def test_federal_case_routes_to_the_trafficking_survivors_relief_act(
    client: Client, trafficking_647b: dict[str, Any]
) -> None:
    answers = trafficking_647b | {
        "q1": {"answer": "federal"},
        "q3": {"query": "21 USC 841"},
        "q4": {"answer": "21 USC 841"},
        "q14": {},
    }
    answers.pop("q7")
    asked = walk(client, answers)
    assert "q7" not in asked  # no county for a federal case
    case, page = results(client)
    assert case["records"][0]["system"] == "federal"
    assert screen(case)["records"][0]["best"] == "TSRA"
    assert best(case)["title"] in page


# A federal bank robbery conviction: TSRA level B, so vacatur is closed and
# only a "covered prisoner" (is, or was, in federal prison on the case) may
# ask for a shorter sentence. The federal prison answer decides the way.
BANK_ROBBERY = {
    "q1": {"answer": "federal"},
    "q2": {"answer": "conviction"},
    "q3": {"query": "18 USC 2113(a)"},
    "q4": {"answer": "18 USC 2113(a)"},
    "q8": {"answer": ["human_trafficking"]},
    "q9": {"answer": "yes"},
    "q10": {"answer": "yes"},
    "q11": {"answer": "no"},
    "q12": {"answer": "yes"},
    "q13": {},
}


def tsra(case: dict[str, Any]) -> dict[str, Any]:
    record = screen(case)["records"][0]
    return next(r for r in record["remedies"] if r["remedy"] == "TSRA")


@pytest.mark.parametrize(
    ("said", "sent", "status"),
    [
        ("yes", "yes", "likely"),
        ("no", "no", "not_eligible"),
        ("unsure", "unsure", "possible"),
    ],
)
def test_a_federal_conviction_asks_about_federal_prison(
    client: Client, said: str, sent: str, status: str
) -> None:
    asked = walk(client, BANK_ROBBERY | {"q14": {"answer": said}})
    # Asked with the case's questions, before the questions about the person.
    assert asked.index("q14") == asked.index("q4") + 1
    assert asked.index("q14") < asked.index("q8")
    check = client.get("/check/").content.decode()
    assert "Are you in federal prison for this case now, or were you ever?" in check
    assert "/change/0/q14/" in check  # a Change link, like every answer
    case, _page = results(client)
    assert case["records"][0]["federal_prison"] == sent
    assert tsra(case)["status"] == status


def test_skipping_federal_prison_leaves_it_out_and_the_way_stays_open(
    client: Client,
) -> None:
    walk(client, BANK_ROBBERY | {"q14": {}})
    check = client.get("/check/").content.decode()
    assert "Are you in federal prison for this case now, or were you ever?" in check
    case, _page = results(client)
    assert "federal_prison" not in case["records"][0]
    # Unknown, so never a closed door: a lawyer is told what to check.
    assert tsra(case)["status"] == "possible"
    assert "federal_prison" in tsra(case)["missing"]


@pytest.mark.parametrize(
    "changes",
    [
        {},  # California
        {"q1": {"answer": "other_state"}},
        {"q1": {"answer": "unsure"}},
        {"q1": {"answer": "federal"}, "q2": {"answer": "arrest"}},
        {"q1": {"answer": "federal"}, "q2": {"answer": "pending"}},
    ],
    ids=["california", "other-state", "court-unsure", "federal-arrest", "pending"],
)
def test_federal_prison_is_asked_only_for_a_federal_conviction(
    client: Client, trafficking_647b: dict[str, Any], changes: dict[str, Any]
) -> None:
    answers = trafficking_647b | changes
    # walk() fails on any question the plan does not expect, q14 included.
    asked = walk(client, answers)
    assert "q14" not in asked
    assert "Are you in federal prison" not in client.get("/check/").content.decode()
    case, _page = results(client)
    assert "federal_prison" not in case["records"][0]
    # Nor can it be reached by typing its address.
    response = client.get("/q/q14/")
    assert response.status_code == 302
    assert not response["Location"].endswith("/q/q14/")


def test_a_case_changed_to_federal_asks_about_federal_prison_before_results(
    client: Client, trafficking_647b: dict[str, Any]
) -> None:
    walk(client, trafficking_647b)
    client.get("/change/0/q1/")
    response = post_step(client, "q1", answer="federal")
    # Back to the check page, which first asks what now applies.
    response = client.get(response["Location"])
    assert response["Location"].endswith("/q/q14/")
    post_step(client, "q14", answer="yes")
    client.get("/q/end/")
    case, _page = results(client)
    assert case["records"][0]["system"] == "federal"
    assert case["records"][0]["federal_prison"] == "yes"


def test_pending_case_points_to_the_defense(
    client: Client, trafficking_647b: dict[str, Any]
) -> None:
    answers = trafficking_647b | {"q2": {"answer": "pending"}}
    walk(client, answers)
    case, page = results(client)
    assert case["records"][0]["disposition"] == "pending"
    assert screen(case)["records"][0]["best"] == "PC 236.23"
    assert "Your case is still open" in page


def test_unknown_code_needs_review_never_not_eligible(
    client: Client, trafficking_647b: dict[str, Any]
) -> None:
    answers = trafficking_647b | {
        "q3": {"query": "PC 99999"},
        "q4": {"answer": "typed"},
        "q5": {"answer": "unknown"},
        "q6": {"answer": ["unsure"]},
    }
    walk(client, answers)
    case, page = results(client)
    vacatur = next(
        r for r in screen(case)["records"][0]["remedies"] if r["remedy"] == "PC 236.14"
    )
    assert vacatur["status"] == "needs_review"
    assert "A lawyer should look at this" in page


def test_ongoing_harm_shows_the_hotlines_before_anything_else(
    client: Client, trafficking_647b: dict[str, Any]
) -> None:
    answers = trafficking_647b | {"q11": {"answer": "yes"}}
    walk(client, answers)
    _case, page = results(client)
    main = page[page.index('<main id="main"') :]
    assert main.index("1-888-373-7888") < main.index("Your results")
    assert 'href="tel:+18883737888"' in main
    assert 'href="sms:88788"' in main


def test_dont_know_the_charge_skips_the_list_and_still_gets_an_answer(
    client: Client, trafficking_647b: dict[str, Any]
) -> None:
    answers = trafficking_647b | {
        "q3": {"dont_know": "on"},
        "q5": {"answer": "misdemeanor"},
    }
    answers.pop("q4")
    asked = walk(client, answers)
    assert "q4" not in asked
    case, page = results(client)
    assert case["records"][0]["offense"] == ""
    assert "Charge not known" in page


def test_residential_burglary_asks_whether_someone_was_home(
    client: Client, trafficking_647b: dict[str, Any]
) -> None:
    answers = trafficking_647b | {
        "q3": {"query": "burglary"},
        "q4": {"answer": "PC 460(a)"},
        "q6": {"answer": ["person_present"]},
    }
    asked = walk(client, answers)
    assert "q6" in asked
    page = client.get("/check/").content.decode()
    assert "Someone else was in the home" in page
    case, _page = results(client)
    assert case["records"][0]["enhancements"] == ["person_present"]


@pytest.mark.parametrize(
    ("finding", "sent", "status"),
    [("unsure", None, "possible"), ("none", [], "likely")],
)
def test_unsure_about_findings_is_unknown_not_none(
    client: Client,
    trafficking_647b: dict[str, Any],
    finding: str,
    sent: list[str] | None,
    status: str,
) -> None:
    """ "Not sure if someone was home" must never read as "nobody was home"."""
    answers = trafficking_647b | {
        "q3": {"query": "burglary"},
        "q4": {"answer": "PC 460(a)"},
        "q6": {"answer": [finding]},
    }
    walk(client, answers)
    case, _page = results(client)
    assert case["records"][0]["enhancements"] == sent
    vacatur = screen(case)["records"][0]["remedies"][0]
    assert vacatur["remedy"] == "PC 236.14"
    assert vacatur["status"] == status


def test_no_harm_named_skips_the_connection_questions(
    client: Client, trafficking_647b: dict[str, Any]
) -> None:
    answers = trafficking_647b | {"q8": {"answer": ["none"]}}
    asked = walk(client, answers)
    assert not {"q9", "q10", "q11", "q12"} & set(asked)
    case, page = results(client)
    assert case["victimization"]["kinds"] == []
    assert case["victimization"]["ongoing"] == "no"
    # Still never a bare "not eligible": reasons and legal help are shown.
    assert "Free legal help" in page
    assert "Why" in page


def test_two_cases_in_one_screening(
    client: Client, trafficking_647b: dict[str, Any]
) -> None:
    walk(client, trafficking_647b)
    response = client.post("/check/", {"action": "add"})
    assert response["Location"].endswith("/q/q1/")
    second = {
        k: v for k, v in trafficking_647b.items() if k not in ("q8", "q11", "q12")
    }
    second |= {
        "q3": {"query": "211"},
        "q4": {"answer": "PC 211"},
        "q6": {"answer": ["none"]},
    }
    asked = walk(client, second, start=response)
    assert "q8" not in asked  # questions about the person are not asked twice
    assert "q9" in asked
    case, page = results(client)
    assert [r["offense"] for r in case["records"]] == ["PC 647(b)", "PC 211"]
    assert [r["id"] for r in case["records"]] == ["1", "2"]
    assert "Case 2" in page


def test_the_federal_prison_question_says_why_it_is_asked(client: Client) -> None:
    client.post("/begin/")
    for step in ("q1", "q2", "q3", "q4"):
        post_step(client, step, **BANK_ROBBERY[step])
    page = client.get("/q/q14/").content.decode()
    assert "Are you in federal prison for this case now, or were you ever?" in page
    assert (
        "A shorter sentence may be possible for people who are or were in federal prison."
        in page
    )
    for value in ("yes", "no", "unsure"):
        assert f'value="{value}"' in page
