"""The charge question: "no sé" is the I-don't-know path; plain words find charges."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from core import visitor_store
from tests.screener.conftest import post_step, stored, walk

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("typed", ["no sé", "No se", "not sure", "I don't know", "idk"])
def test_i_dont_know_words_skip_the_list_of_charges(
    client: Client, trafficking_647b: dict[str, Any], typed: str
) -> None:
    answers = {k: v for k, v in trafficking_647b.items() if k != "q4"}
    answers |= {
        "q3": {"query": typed},
        "q5": {"answer": "unknown"},
        "q6": {"answer": ["unsure"]},
    }
    asked = walk(client, answers)
    assert "q4" not in asked  # no list: nothing frightening can be offered
    screening = stored(client, visitor_store.ANSWERS_KEY)
    assert screening["records"][0]["record"]["offense"] == ""
    check = client.get("/check/").content.decode()
    assert "I don’t know" in check


def test_plain_spanish_words_list_the_common_charges(client: Client) -> None:
    client.post("/begin/")
    post_step(client, "q1", answer="california")
    post_step(client, "q2", answer="conviction")
    post_step(client, "q3", query="robo")
    page = client.get("/q/q4/").content.decode()
    assert 'value="PC 211"' in page
    assert 'value="PC 487"' in page
    assert "explosive" not in page.lower()


def test_spanish_pick_list_names_the_code_the_spanish_way(client: Client) -> None:
    client.post("/i18n/setlang/", {"language": "es", "next": "/"})
    client.post("/begin/")
    post_step(client, "q1", answer="california")
    post_step(client, "q2", answer="conviction")
    post_step(client, "q3", query="robo")
    page = client.get("/q/q4/").content.decode()
    assert 'value="PC 211"' in page
    assert "Código Penal, art. 211:" in page
    assert ">PC 211:" not in page
