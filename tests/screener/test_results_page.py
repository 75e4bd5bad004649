"""The results page as served: next steps that lead somewhere, no research
notes, Spanish citations, the bill once, immigration for non-citizens."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from intake.models import Organization
from tests.screener.conftest import walk

pytestmark = pytest.mark.django_db

INTERNAL = re.compile(r"unverif|\[verify|\bbrief\b|from memory|not retrieved", re.I)


def results(client: Client) -> str:
    client.post("/check/", {"action": "results"})
    page = client.get("/results/")
    assert page.status_code == 200
    return page.content.decode()


def main(page: str) -> str:
    return page.split('<main id="main"')[1].split("</main>")[0]


def test_a_likely_case_has_one_line_one_button_and_details_behind_why(
    client: Client, trafficking_647b: dict[str, Any]
) -> None:
    walk(client, trafficking_647b)
    page = main(results(client))
    assert "You are likely able to ask the court to erase this case (vacatur)." in page
    assert page.count("Start a draft petition") == 1
    assert '<details class="details why">' in page
    assert page.index("Start a draft petition") < page.index("Why?")
    assert page.count("Not law: a bill that did not pass") == 1
    assert page.index("Why?") < page.index("Not law")
    assert 'action="/delete/"' in page
    assert "Don’t know your record?" in page
    assert not INTERNAL.search(page)


def test_a_closed_case_is_never_told_to_file(
    client: Client, trafficking_647b: dict[str, Any]
) -> None:
    walk(client, trafficking_647b | {"q3": {"query": "211"}, "q4": {"answer": "PC 211"},
                                      "q6": {"answer": ["none"]}})  # fmt: skip
    page = main(results(client))
    assert "Start a draft petition" not in page
    assert "vacate it" not in page
    assert "erase it (vacatur)" not in page  # the open-way instruction
    assert "cases 1" not in page
    assert "case 1 (vacatur)" in page
    assert "Talk to free legal help" in page or "Send my answers to legal aid" in page
    assert not INTERNAL.search(page)


def test_send_to_legal_aid_only_where_an_organisation_serves_the_county(
    client: Client, trafficking_647b: dict[str, Any]
) -> None:
    walk(client, trafficking_647b)
    assert 'href="/send/"' not in results(client)
    Organization.objects.create(name="Harbor Legal Aid", counties=["Los Angeles"])
    assert 'href="/send/"' in results(client)
    Organization.objects.all().delete()
    Organization.objects.create(name="Far Away Aid", counties=["Modoc"])
    page = results(client)
    assert 'href="/send/"' not in page
    import html

    from screener import legal_aid

    for org in legal_aid.directory().statewide:  # statewide help instead
        assert html.escape(org.name) in page


def test_spanish_results_cite_the_codes_the_spanish_way(
    client: Client, trafficking_647b: dict[str, Any]
) -> None:
    client.post("/i18n/setlang/", {"language": "es", "next": "/"})
    walk(client, trafficking_647b | {"q3": {"query": "211"}, "q4": {"answer": "PC 211"},
                                      "q6": {"answer": ["none"]}})  # fmt: skip
    page = main(results(client))
    assert "Código Penal, art. 211" in page
    assert "Código Penal, art. 236.14" in page
    cites = re.findall(r'<span class="cite">(.*?)</span>', page)
    assert len(cites) > 5
    for cite in cites:
        assert "Pen. Code" not in cite
        assert "§" not in cite
    assert not INTERNAL.search(page)


def test_several_records_grow_by_summary_lines_and_the_bill_shows_once(
    client: Client, trafficking_647b: dict[str, Any]
) -> None:
    walk(client, trafficking_647b)
    for query, code in (("211", "PC 211"), ("theft", "PC 484")):
        response = client.post("/check/", {"action": "add"})
        extra = {
            k: v
            for k, v in trafficking_647b.items()
            if k not in ("q8", "q11", "q12", "q13")
        }
        extra |= {"q3": {"query": query}, "q4": {"answer": code},
                  "q5": {"answer": "felony"}, "q6": {"answer": ["none"]}}  # fmt: skip
        walk(client, extra, start=response)
    page = main(results(client))
    assert page.count('class="case ') == 3
    assert page.count("Not law: a bill that did not pass") == 1
    assert page.count('<section id="help"') == 1
    assert page.count('action="/delete/"') == 1
    # Each "Why?" names its case for screen readers (unique accessible names).
    for number in (1, 2, 3):
        assert f'<span class="visually-hidden"> Case {number}</span>' in page


def test_non_citizens_see_what_helps_with_immigration(
    client: Client, trafficking_647b: dict[str, Any]
) -> None:
    walk(client, trafficking_647b | {"q13": {"answer": "no"}})
    page = main(results(client))
    assert "Not a U.S. citizen? What helps with immigration" in page
    client2 = Client()
    walk(client2, trafficking_647b | {"q13": {"answer": "yes"}})
    assert "What helps with immigration" not in results(client2)
    client3 = Client()
    walk(client3, trafficking_647b)  # skipped
    assert "What helps with immigration" not in results(client3)


def test_the_citizenship_answer_reaches_the_rules_only_when_given(
    client: Client, trafficking_647b: dict[str, Any]
) -> None:
    from core import visitor_store
    from tests.screener.conftest import stored

    walk(client, trafficking_647b | {"q13": {"answer": "unsure"}})
    client.post("/check/", {"action": "results"})
    assert stored(client, visitor_store.FACTS_KEY)["immigration"] == {
        "citizen": "unsure"
    }
    check = client.get("/check/").content.decode()
    assert "Are you a U.S. citizen?" in check
    other = Client()
    walk(other, trafficking_647b)
    other.post("/check/", {"action": "results"})
    assert "immigration" not in stored(other, visitor_store.FACTS_KEY)


def test_the_charge_question_says_how_to_get_the_record(client: Client) -> None:
    from tests.screener.conftest import post_step

    client.post("/begin/")
    post_step(client, "q1", answer="california")
    post_step(client, "q2", answer="conviction")
    page = client.get("/q/q3/").content.decode()
    assert "Don’t know your record? How to get it" in page
    assert "Live Scan" in page
    assert "$25" in page


def test_delete_now_wipes_like_the_exit_and_says_so(
    client: Client, trafficking_647b: dict[str, Any]
) -> None:
    walk(client, trafficking_647b)
    results(client)
    response = client.post("/delete/")
    assert response["Location"] == "/deleted/"
    assert response["Clear-Site-Data"] == '"cache", "cookies", "storage"'
    assert client.get("/results/")["Location"] == "/"
    page = client.get("/deleted/").content.decode()
    assert "Your answers are deleted" in page
    assert "Start again" in page
    assert client.get("/delete/").status_code == 405
