"""Every law data file loads, cites, dates and explains what it says."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from screener.rules.law import LawDataError, laws, load_law_file, load_laws
from screener.rules.messages import MESSAGES

GOOD = {
    "id": "pc_1",
    "remedy": "PC 1",
    "title": "A law",
    "description": "A description.",
    "citation": {"title": "Pen. Code § 1", "href": "https://example.invalid/1"},
    "last_verified": date(2026, 11, 24),
    "in_force": [
        {"from": date(2020, 1, 1), "value": True, "cite": "§ 1", "confidence": "C"}
    ],
    "parameters": {
        "limit": [
            {"from": date(2020, 1, 1), "value": 1, "cite": "§ 1(a)", "confidence": "C"},
            {"from": date(2021, 1, 1), "value": 2, "cite": "§ 1(b)", "confidence": "M"},
        ]
    },
    "conditions": {
        "met": {
            "cite": "§ 1(a)",
            "confidence": "C",
            "from": date(2020, 1, 1),
            "to": date(2024, 1, 1),
            "last_verified": date(2026, 11, 24),
        }
    },
}


def _write(tmp_path: Path, data: dict, name: str = "pc_1") -> Path:
    path = tmp_path / f"{name}.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def test_a_good_file_loads_with_dated_values(tmp_path: Path) -> None:
    law = load_law_file(_write(tmp_path, GOOD))
    assert law.param("limit", date(2019, 12, 31)) is None
    assert law.param("limit", date(2020, 1, 1)) == 1
    assert law.param("limit", date(2020, 12, 31)) == 1
    assert law.param("limit", date(2021, 1, 1)) == 2
    assert law.dated("limit", date(2019, 12, 31)) is None
    entry = law.dated("limit", date(2020, 6, 1))
    assert entry is not None
    assert (entry.value, entry.cite) == (1, "§ 1(a)")
    later = law.dated("limit", date(2022, 1, 1))
    assert later is not None
    assert (later.value, later.confidence) == (2, "M")
    assert not law.in_force(date(2019, 12, 31))
    assert law.in_force(date(2020, 1, 1))
    condition = law.condition("met")
    assert condition.verified
    assert condition.in_effect(date(2023, 12, 31))
    assert not condition.in_effect(date(2024, 1, 1))
    assert not condition.in_effect(date(2019, 12, 31))


def _broken(**changes: object) -> dict:
    data = yaml.safe_load(yaml.safe_dump(GOOD))
    for dotted, value in changes.items():
        target = data
        *parents, last = dotted.split("__")
        for key in parents:
            target = target[key]
        if value is None:
            del target[last]
        else:
            target[last] = value
    return data


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(_broken(surprise=1), id="unknown top-level key"),
        pytest.param(_broken(citation=None), id="missing citation"),
        pytest.param(_broken(citation={"title": "x"}), id="citation without href"),
        pytest.param(_broken(last_verified="soon"), id="last_verified not a date"),
        pytest.param(_broken(conditions={}), id="no conditions"),
        pytest.param(_broken(in_force=[]), id="empty dated values"),
        pytest.param(
            _broken(in_force=[{"from": date(2020, 1, 1), "value": True, "cite": ""}]),
            id="dated value without all keys",
        ),
        pytest.param(
            _broken(
                in_force=[
                    {
                        "from": date(2020, 1, 1),
                        "value": True,
                        "cite": "",
                        "confidence": "C",
                    }
                ]
            ),
            id="dated value without citation",
        ),
        pytest.param(
            _broken(
                in_force=[
                    {
                        "from": date(2020, 1, 1),
                        "value": True,
                        "cite": "x",
                        "confidence": "Z",
                    }
                ]
            ),
            id="unknown confidence",
        ),
        pytest.param(
            _broken(parameters={"limit": list(reversed(GOOD["parameters"]["limit"]))}),
            id="dates out of order",
        ),
        pytest.param(_broken(conditions__met__surprise=1), id="unknown condition key"),
        pytest.param(
            _broken(conditions__met__cite=None), id="condition without citation"
        ),
        pytest.param(
            _broken(conditions__met__cite=""), id="condition with empty citation"
        ),
        pytest.param(
            _broken(conditions__met__from="2020"), id="condition from not a date"
        ),
        pytest.param(
            _broken(conditions__met__to=date(2019, 1, 1)),
            id="condition ends before it starts",
        ),
        pytest.param(_broken(conditions__met="yes"), id="condition not a mapping"),
    ],
)
def test_the_loader_rejects_a_broken_file(tmp_path: Path, data: dict) -> None:
    with pytest.raises(LawDataError):
        load_law_file(_write(tmp_path, data))


def test_the_loader_rejects_a_file_that_is_not_a_mapping(tmp_path: Path) -> None:
    path = tmp_path / "pc_1.yaml"
    path.write_text("- just a list\n", encoding="utf-8")
    with pytest.raises(LawDataError):
        load_law_file(path)


def test_the_id_must_match_the_file_name(tmp_path: Path) -> None:
    _write(tmp_path, GOOD, name="pc_2")
    with pytest.raises(LawDataError):
        load_laws(tmp_path)


def test_every_statute_of_the_contract_is_encoded() -> None:
    remedies = {law.remedy for law in laws().values()}
    first_group = {
        "PC 236.14", "PC 236.15", "AB 2354", "PC 236.23", "PC 236.24", "PC 1203.49",
        "PC 653.29", "PC 1170.22", "PC 1203.4", "TSRA", "OTHER_STATE",
    }  # fmt: skip
    assert first_group <= remedies


def test_every_condition_has_plain_text_and_a_recent_check() -> None:
    for law in laws().values():
        assert law.last_verified <= date(2026, 12, 1)
        for code, condition in law.conditions.items():
            assert code in MESSAGES, f"{law.id}.{code} has no text"
            assert condition.cite.strip(), f"{law.id}.{code} has no citation"
            assert (date(2026, 11, 24) - condition.last_verified).days < 366


def test_unverified_points_are_marked_unverified_in_citation_data() -> None:
    """The brief's open questions must not be reported as verified."""
    assert not laws()["pc_236_14"].condition("still_victimized").verified
    assert not laws()["pc_236_15"].condition("file_promptly").verified
    assert not laws()["pc_236_14"].condition("attempt_unsettled").verified
    assert laws()["pc_236_14"].condition("violent_felony").verified


def test_proposed_law_is_never_in_force() -> None:
    ab_2354 = laws()["ab_2354"]
    for year in (2000, 2024, 2026, 2030):
        assert not ab_2354.in_force(date(year, 6, 1))


def test_remembered_answers_stay_bounded_and_right(tmp_path: Path) -> None:
    """The API lets callers pick any date; memory must not grow without end."""
    from datetime import timedelta

    from screener.rules.law import MEMO_LIMIT

    law = load_law_file(_write(tmp_path, GOOD))
    start = date(2019, 1, 1)
    for offset in range(MEMO_LIMIT + 50):
        day = start + timedelta(days=offset)
        assert law.in_force(day) is (day >= date(2020, 1, 1))
        assert law.param("limit", day) == (
            None if day < date(2020, 1, 1) else 1 if day < date(2021, 1, 1) else 2
        )
    assert len(law._memo) <= MEMO_LIMIT
