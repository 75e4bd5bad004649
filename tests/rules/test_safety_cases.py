"""Safety comes before eligibility: someone still being harmed sees a hotline.

The brief's routing (§8 step 7, R14.19, §12.8): a person still being
victimized gets `needs_review` for vacatur, and "safety plan first; offer a
hotline". The YAML runner checks remedies only, so the contract's
`safety.show_hotline` is checked here, on the same personas.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from screener.rules import screen
from tests.rules.conftest import build_case

TODAY = date(2026, 11, 24)


def _screen(spec: dict[str, Any]) -> dict[str, Any]:
    return screen(build_case(spec), today=TODAY)


def _remedy(result: dict[str, Any], remedy: str) -> dict[str, Any]:
    (found,) = [r for r in result["records"][0]["remedies"] if r["remedy"] == remedy]
    return found


@pytest.mark.parametrize(
    ("persona", "remedy"),
    [("trafficking_survivor", "PC 236.14"), ("partner_violence_survivor", "PC 236.15")],
)
def test_still_being_victimized_shows_the_hotline_and_needs_review(
    persona: str, remedy: str
) -> None:
    result = _screen({"persona": persona, "victimization": {"ongoing": "yes"}})
    assert result["safety"]["show_hotline"] is True
    assert _remedy(result, remedy)["status"] == "needs_review"


def test_still_in_it_after_seeking_services_still_shows_the_hotline() -> None:
    result = _screen({"victimization": {"ongoing": "yes", "sought_services": "yes"}})
    assert result["safety"]["show_hotline"] is True


def test_unsure_whether_it_has_ended_errs_towards_safety() -> None:
    result = _screen({"victimization": {"ongoing": "unsure"}})
    assert result["safety"]["show_hotline"] is True
    assert _remedy(result, "PC 236.14")["status"] == "possible"


@pytest.mark.parametrize(
    "persona", ["trafficking_survivor", "partner_violence_survivor"]
)
def test_no_hotline_banner_when_the_harm_has_ended(persona: str) -> None:
    result = _screen({"persona": persona, "victimization": {"ongoing": "no"}})
    assert result["safety"]["show_hotline"] is False


def test_safety_is_about_the_person_not_the_record() -> None:
    """A federal record California cannot clear still shows the hotline."""
    result = _screen(
        {
            "victimization": {"ongoing": "yes"},
            "record": {"system": "federal", "offense": "21 USC 841", "level": "felony"},
        }
    )
    assert result["safety"]["show_hotline"] is True
    assert _remedy(result, "PC 236.14")["applicable"] is False


def test_safety_holds_on_any_screening_date() -> None:
    """Even before any vacatur law existed, the hotline shows."""
    result = _screen({"victimization": {"ongoing": "yes"}, "as_of": date(2016, 12, 31)})
    assert result["safety"]["show_hotline"] is True
    assert _remedy(result, "PC 236.14")["in_force"] is False


def test_safety_is_reported_once_for_several_records() -> None:
    case = build_case({"victimization": {"ongoing": "yes"}})
    second = dict(case["records"][0], id="2", offense="PC 211", level="felony")
    case["records"].append(second)
    result = screen(case, today=TODAY)
    assert result["safety"] == {"show_hotline": True}
    assert [r["id"] for r in result["records"]] == ["1", "2"]
