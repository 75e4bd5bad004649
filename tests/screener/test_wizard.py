"""Navigation: Back, refresh and Change never lose an answer (formtools
#284, #277, #166), and questions that do not apply are skipped."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from core.visitor_store import FACTS_KEY
from tests.screener.conftest import current_step, post_step, stored, walk

pytestmark = pytest.mark.django_db


def test_each_valid_answer_redirects_so_refresh_does_not_repost(client: Client) -> None:
    client.post("/begin/")
    response = post_step(client, "q1", answer="california")
    assert response.status_code == 302
    assert current_step(response) == "q2"
    assert client.get("/q/q2/").status_code == 200
    assert client.get("/q/q2/").status_code == 200  # refresh: same page


def test_back_link_is_a_plain_link_and_shows_the_answer_given(client: Client) -> None:
    client.post("/begin/")
    post_step(client, "q1", answer="federal")
    page = client.get("/q/q2/").content.decode()
    assert '<a class="back-link" href="/q/q1/">' in page
    previous = client.get("/q/q1/").content.decode()
    assert 'value="federal" checked' in previous


def test_first_question_goes_back_to_the_safety_page(client: Client) -> None:
    client.post("/begin/")
    page = client.get("/q/q1/").content.decode()
    assert '<a class="back-link" href="/safety/">' in page


def test_going_back_with_goto_keeps_what_was_typed(client: Client) -> None:
    client.post("/begin/")
    post_step(client, "q1", answer="california")
    post_step(client, "q2", answer="conviction")
    response = client.post(
        "/q/q3/",
        {"s-current_step": "q3", "q3-query": "half typed", "wizard_goto_step": "q2"},
    )
    assert response["Location"].endswith("/q/q2/")
    page = client.get("/q/q3/").content.decode()
    assert 'value="half typed"' in page
    assert "There is a problem" not in page


def test_an_error_shows_the_summary_and_an_error_title(client: Client) -> None:
    client.post("/begin/")
    response = post_step(client, "q1")
    page = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error:" in page
    assert "There is a problem" in page
    assert 'href="#id_q1-answer-0"' in page
    assert 'id="id_q1-answer-0"' in page


def test_one_level_offense_skips_the_level_and_keeps_the_old_answer(
    client: Client,
) -> None:
    client.post("/begin/")
    post_step(client, "q1", answer="california")
    post_step(client, "q2", answer="conviction")
    post_step(client, "q3", query="PC 99999")
    response = post_step(client, "q4", answer="typed")
    assert current_step(response) == "q5"
    post_step(client, "q5", answer="misdemeanor")
    # Go back and pick an offense with only one level: the level is skipped.
    post_step(client, "q3", query="647b")
    response = post_step(client, "q4", answer="PC 647(b)")
    assert current_step(response) == "q7"
    # Back to the unknown code: the earlier level answer is still there.
    post_step(client, "q3", query="PC 99999")
    post_step(client, "q4", answer="typed")
    assert 'value="misdemeanor" checked' in client.get("/q/q5/").content.decode()


def test_change_link_returns_to_check_and_asks_newly_needed_questions(
    client: Client, trafficking_647b: dict[str, Any]
) -> None:
    walk(client, trafficking_647b)
    check = client.get("/check/").content.decode()
    assert 'href="/change/0/q3/"' in check
    response = client.get("/change/0/q3/")
    assert response["Location"].endswith("/q/q3/")
    page = client.get("/q/q3/").content.decode()
    assert 'value="647b"' in page
    assert 'href="/check/"' in page  # back goes to the answers
    response = post_step(client, "q3", query="burglary")
    assert response["Location"].endswith("/q/end/")
    response = client.get("/q/end/")
    assert current_step(response) == "q4"  # the old pick does not fit any more
    post_step(client, "q4", answer="PC 460(a)")
    response = client.get("/q/end/")
    assert current_step(response) == "q6"  # findings now matter
    post_step(client, "q6", answer=["none"])
    response = client.get("/q/end/")
    assert response["Location"].endswith("/check/")
    check = client.get("/check/").content.decode()
    assert "Case 2" not in check
    assert "burglary" in check


def test_browser_back_after_finishing_edits_the_same_case(
    client: Client, trafficking_647b: dict[str, Any]
) -> None:
    walk(client, trafficking_647b)
    page = client.get("/q/q12/").content.decode()
    assert 'value="yes" checked' in page
    post_step(client, "q12", answer="no")
    client.get("/q/end/")
    client.post("/check/", {"action": "results"})
    case = stored(client, FACTS_KEY)
    assert len(case["records"]) == 1
    assert case["victimization"]["sought_services"] == "no"


def test_sensitive_questions_can_be_skipped(client: Client) -> None:
    answers = {
        "q1": {"answer": "california"},
        "q2": {"answer": "arrest"},
        "q3": {"query": "647b"},
        "q4": {"answer": "PC 647(b)"},
        "q7": {"answer": "unsure"},
        "q8": {"answer": ["sexual_violence"]},
        "q9": {},
        "q10": {},
        "q11": {},
        "q12": {},
        "q13": {},
    }
    walk(client, answers)
    client.post("/check/", {"action": "results"})
    case = stored(client, FACTS_KEY)
    assert case["records"][0]["while_victimized"] == "unsure"
    assert case["records"][0]["county"] is None
    assert case["victimization"]["ongoing"] == "unsure"
    assert "If you are not safe now" in client.get("/results/").content.decode()


def test_why_we_ask_is_on_sensitive_questions(client: Client) -> None:
    client.post("/begin/")
    for step, values in [
        ("q1", {"answer": "california"}),
        ("q2", {"answer": "arrest"}),
        ("q3", {"query": "647b"}),
        ("q4", {"answer": "PC 647(b)"}),
        ("q7", {"answer": "Fresno"}),
    ]:
        post_step(client, step, **values)
    page = client.get("/q/q8/").content.decode()
    assert "<summary" in page
    assert "Why we ask" in page
    assert "You can skip this question." in page


def test_remove_a_case(client: Client, trafficking_647b: dict[str, Any]) -> None:
    walk(client, trafficking_647b)
    response = client.post("/check/", {"action": "add"})
    second = {
        k: v for k, v in trafficking_647b.items() if k not in ("q8", "q11", "q12")
    }
    page = client.get("/q/q1/").content.decode()
    assert '<a class="back-link" href="/check/">' in page
    walk(client, second, start=response)
    assert "Remove case 2" in client.get("/check/").content.decode()
    client.post("/check/", {"action": "remove", "index": "0"})
    page = client.get("/check/").content.decode()
    assert "Case 2" not in page
    assert "Case 1" in page


def test_results_without_a_screening_go_to_the_start(client: Client) -> None:
    assert client.get("/results/")["Location"] == "/"
    assert client.get("/check/")["Location"] == "/"


def test_results_link_to_the_petition_page_only_when_it_exists(
    client: Client, trafficking_647b: dict[str, Any]
) -> None:
    from django.urls import NoReverseMatch, reverse

    walk(client, trafficking_647b)
    client.post("/check/", {"action": "results"})
    page = client.get("/results/").content.decode()
    try:
        url = reverse("petitions:draft")
    except NoReverseMatch:
        assert "Start a draft petition" not in page
    else:
        assert f'href="{url}"' in page
        assert client.get(url).status_code == 200  # the case reached petitions


def test_an_invalid_stored_case_is_a_kind_400_not_a_500(client: Client) -> None:
    from core import visitor_store
    from tests.screener.conftest import stored

    client.post("/begin/")
    assert stored(client, "wizard_s") is not None
    request = type("R", (), {})()
    request.session = client.session
    request.COOKIES = {k: v.value for k, v in client.cookies.items()}
    visitor_store.store_facts(request, {"records": "not a list"})
    request.session.save()
    response = client.get("/results/")
    assert response.status_code == 400
    assert "Something went wrong with that page" in response.content.decode()
