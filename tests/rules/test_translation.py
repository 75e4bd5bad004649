"""A stored English screening translated when shown equals the rules' own translation.

Pure, like the rules: the translator here marks every string it is asked
for, so a word translated twice, or left out, or a value read back wrong
from a reason, shows as a difference. The Spanish catalog itself is held
against the same property in tests/screener/test_stored_screening.py.
"""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

import pytest

from screener.rules import screen
from screener.rules.translation import translated
from tests.rules.conftest import build_case
from tests.rules.test_legal_cases import CASES

TODAY = date(2026, 12, 1)


def marked(text: str) -> str:
    """A "translation" that keeps placeholders and shows where it was used."""
    return f"<{text}>"


@pytest.mark.parametrize("spec", [p.values[0] for p in CASES])
def test_every_legal_case_reads_as_the_rules_would_say_it(spec: dict[str, Any]) -> None:
    facts = build_case(spec)
    english = screen(facts, today=TODAY)
    assert translated(english, marked) == screen(
        facts,
        translate=marked,
        today=TODAY,
    )


def test_an_attempt_is_titled_again_as_one_phrase() -> None:
    facts = build_case({"record": {"offense": "attempted PC 211", "level": "felony"}})
    english = screen(facts, today=TODAY)
    shown = translated(english, marked)
    assert shown == screen(facts, translate=marked, today=TODAY)
    assert shown["records"][0]["offense"]["title"] != marked(
        english["records"][0]["offense"]["title"]
    )


def test_the_stored_screening_is_left_as_it_was() -> None:
    english = screen(build_case({}), today=TODAY)
    kept = copy.deepcopy(english)
    translated(english, marked)
    assert english == kept


def _one_reason(code: str, text: str, remedy: str = "PC 236.14") -> dict[str, Any]:
    return {
        "records": [
            {
                "remedies": [
                    {"remedy": remedy, "reasons": [{"code": code, "text": text}]}
                ]
            }
        ]
    }


def _text(screening: dict[str, Any]) -> str:
    return str(screening["records"][0]["remedies"][0]["reasons"][0]["text"])


def test_a_reason_the_rules_do_not_know_is_translated_whole() -> None:
    shown = translated(_one_reason("no_such_code", "Some words."), marked)
    assert _text(shown) == "<Some words.>"


def test_a_reason_whose_words_differ_from_its_message_is_translated_whole() -> None:
    """A stored text not made from its message (older rules): never re-filled."""
    from screener.rules.messages import MESSAGES

    code, template = next(
        (c, t) for c, t in MESSAGES.items() if "%(" not in t and "." not in c
    )
    shown = translated(_one_reason(code, template + " (edited)"), marked)
    assert _text(shown) == marked(template + " (edited)")
    assert _text(translated(_one_reason(code, template), marked)) == marked(template)


def test_values_that_do_not_fill_the_message_again_are_not_guessed() -> None:
    from screener.rules.messages import MESSAGES

    code = next(c for c, t in MESSAGES.items() if "%(" in t and "." not in c)
    shown = translated(_one_reason(code, "Nothing like the message."), marked)
    assert _text(shown) == "<Nothing like the message.>"


def test_a_message_naming_one_value_twice_and_a_percent_sign_reads_back() -> None:
    from screener.rules import messages

    template = "%(x)s is %(x)s at 100%% and %(y)s."
    messages.MESSAGES["test_twice"] = template
    try:
        english = template % {"x": "A", "y": "B"}
        shown = translated(_one_reason("test_twice", english), marked)
        assert _text(shown) == marked(template) % {"x": "A", "y": "B"}
        odd = "A is C at 100% and B."  # x read twice must agree
        assert _text(translated(_one_reason("test_twice", odd), marked)) == marked(odd)
    finally:
        del messages.MESSAGES["test_twice"]


def test_an_offense_title_not_the_catalogs_own_is_translated_whole() -> None:
    stored = {"records": [{"offense": {"input": "PC 647(b)", "title": "Old words"}}]}
    shown = translated(stored, marked)
    assert shown["records"][0]["offense"]["title"] == "<Old words>"


def test_a_reason_without_text_is_left_as_it_is() -> None:
    stored = {"records": [{"remedies": [{"remedy": "PC 236.14", "reasons": [{}]}]}]}
    assert translated(stored, marked) == stored
