"""Relief as law data (issue 11): what each remedy does, whether it helps with
immigration (Matter of Pickering, 23 I&N Dec. 621 (BIA 2003)), the bills
to watch, the "law checked on" date, and the Proposition 47 list."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from screener.rules import REMEDIES, law_checked_on, screen
from screener.rules.catalog import parse_offense
from screener.rules.law import (
    LawDataError,
    laws,
    load_law_file,
    pending_bills,
    relief_strength,
)
from screener.rules.messages import MESSAGES
from screener.rules.outcome import Outcome
from tests.rules.conftest import build_case
from tests.rules.test_law_data import GOOD

TODAY = date(2026, 11, 24)
RELIEF = {
    "kind": "vacatur",
    "showing": ["met"],
    "immigration": True,
    "immigration_cite": "Matter of Pickering, 23 I&N Dec. 621 (BIA 2003)",
    "confidence": "H",
    "last_verified": date(2026, 12, 1),
}


def _write(tmp_path: Path, relief: Any) -> Path:
    data = yaml.safe_load(yaml.safe_dump(GOOD))
    data["relief"] = relief
    path = tmp_path / "pc_1.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def _remedies(case: dict[str, Any]) -> dict[str, dict[str, Any]]:
    record = screen(case, today=TODAY)["records"][0]
    return {r["remedy"]: r for r in record["remedies"]}


def test_a_good_relief_block_loads_with_its_override(tmp_path: Path) -> None:
    relief = dict(RELIEF, when={"met": {"kind": "reduction", "immigration": False}})
    law = load_law_file(_write(tmp_path, relief))
    assert law.relief is not None
    assert law.relief.kind == "vacatur"
    assert law.relief.for_reasons(set()).immigration is True
    changed = law.relief.for_reasons({"met"})
    assert (changed.kind, changed.immigration, changed.showing) == (
        "reduction",
        False,
        ("met",),
    )


@pytest.mark.parametrize(
    "relief",
    [
        pytest.param("vacatur", id="not a mapping"),
        pytest.param(dict(RELIEF, surprise=1), id="unknown key"),
        pytest.param({k: v for k, v in RELIEF.items() if k != "kind"}, id="no kind"),
        pytest.param(dict(RELIEF, kind="pardon"), id="unknown kind"),
        pytest.param(dict(RELIEF, immigration="maybe"), id="immigration not a bool"),
        pytest.param(dict(RELIEF, immigration=None), id="null without a reason"),
        pytest.param(dict(RELIEF, confidence="Z"), id="unknown confidence"),
        pytest.param(dict(RELIEF, last_verified="soon"), id="undated"),
        pytest.param(dict(RELIEF, immigration_cite=""), id="no citation"),
        pytest.param(dict(RELIEF, showing=["nowhere"]), id="showing unknown"),
        pytest.param(dict(RELIEF, when={"nowhere": {}}), id="when unknown"),
        pytest.param(dict(RELIEF, when=["met"]), id="when not a mapping"),
    ],
)
def test_the_loader_rejects_a_broken_relief_block(tmp_path: Path, relief: Any) -> None:
    with pytest.raises(LawDataError):
        load_law_file(_write(tmp_path, relief))


def test_every_remedy_says_what_it_does_and_why_for_immigration() -> None:
    for remedy, _ in REMEDIES:
        law_id = remedy.law_id
        relief = laws()[law_id].relief
        assert relief is not None, law_id
        assert relief.kind in relief_strength()
        assert "Pickering" in relief.immigration_cite
        if relief.immigration is None:
            assert relief.immigration_reason in MESSAGES, law_id


def test_the_strength_order_is_the_one_the_review_asked_for() -> None:
    strength = relief_strength()
    order = ["vacatur", "dismissal", "reduction", "sealing"]
    assert [strength[kind] for kind in order] == sorted(strength[k] for k in order)


@pytest.mark.parametrize(
    ("remedy", "expected"),
    [
        ("PC 236.14", True), ("PC 236.15", True), ("PC 1473.7", True), ("TSRA", True),
        ("PC 1203.4", False), ("PC 1203.4a", False), ("PC 1203.41", False),
        ("PC 1203.42", False), ("PC 1203.49", False), ("PC 1203.425", False),
        ("PC 17(b)", False), ("PC 1170.18", False), ("PC 851.91", False),
        ("PC 851.93", False), ("WIC 781", None), ("PC 236.23", None),
        ("PC 653.29", None), ("OTHER_STATE", None), ("AB 2354", None),
    ],
)  # fmt: skip
def test_immigration_relief_follows_pickering(
    remedy: str, expected: bool | None
) -> None:
    got = _remedies(build_case({}))[remedy]
    assert got["immigration_relief"] is expected
    assert "Pickering" in got["immigration_cite"]
    assert (got["immigration_reason"] is None) is (expected is not None)


def test_only_tsra_sentence_reduction_is_left_when_the_offense_is_level_b() -> None:
    case = build_case({"record": {"system": "federal", "offense": "18 USC 2113(a)"}})
    tsra = _remedies(case)["TSRA"]
    assert "level_b_offense" in [r["code"] for r in tsra["reasons"]]
    assert (tsra["relief"], tsra["immigration_relief"]) == ("reduction", False)
    level_a = _remedies(
        build_case({"record": {"system": "federal", "offense": "21 USC 844"}})
    )
    assert level_a["TSRA"]["relief"] == "vacatur"


def test_a_law_without_relief_data_is_never_said_to_help_with_immigration(
    tmp_path: Path,
) -> None:
    path = tmp_path / "pc_1.yaml"
    path.write_text(yaml.safe_dump(GOOD), encoding="utf-8")
    out = Outcome(load_law_file(path), TODAY)
    rendered = out.render(None)
    assert rendered["immigration_relief"] is None
    assert rendered["immigration_reason"] == MESSAGES["immigration_not_recorded"]


@pytest.mark.parametrize(
    ("citizen", "shown"),
    [("no", True), ("unsure", True), ("unknown", True), ("yes", False)],
)
def test_immigration_counsel_is_shown_to_non_citizens_and_the_unsure(
    citizen: str, shown: bool
) -> None:
    case = build_case({})
    case["immigration"] = {"citizen": citizen}
    assert screen(case, today=TODAY)["immigration"] == {"show_counsel": shown}
    assert screen(build_case({}), today=TODAY)["immigration"] == {"show_counsel": False}


def test_law_checked_on_is_the_oldest_check_of_the_laws_in_force() -> None:
    in_force = [laws()[remedy.law_id] for remedy, _ in REMEDIES]
    checked = law_checked_on(TODAY)
    assert checked == min(law.last_verified for law in in_force if law.in_force(TODAY))
    assert screen(build_case({}), today=TODAY)["law_checked_on"] == checked.isoformat()
    # Before any screened law was in force, the oldest check of any law file.
    assert law_checked_on(date(1800, 1, 1)) == min(
        law.last_verified for law in laws().values()
    )


def test_the_bills_to_watch_name_ab_938_as_held_in_the_senate() -> None:
    bills = {bill["id"]: bill for bill in pending_bills()}
    ab_938 = bills["ab_938"]
    assert ab_938["successor_of"] == "AB 2354"
    assert ab_938["last_action"] == "held under submission"
    assert ab_938["where"] == "Senate Appropriations"
    assert ab_938["action_date"] == date(2025, 8, 29)
    assert ab_938["later_status"] == "unverified"
    for bill in pending_bills():
        assert bill["cite"]
        assert bill["confidence"] in "CHMU"
        assert isinstance(bill["last_verified"], date)


def _catalog_prop_47_codes() -> list[str]:
    root = Path(__file__).resolve().parents[2] / "screener/rules/data/offenses"
    return [
        entry["code"]
        for path in sorted(root.glob("*.yaml"))
        for entry in yaml.safe_load(path.read_text(encoding="utf-8"))["offenses"]
        if entry.get("prop_47")
    ]


def test_the_prop_47_list_in_law_data_agrees_with_the_catalog() -> None:
    law = laws()["pc_1170_18"]
    listed = law.param("covered_offenses", TODAY) + law.param("covered_if_value", TODAY)
    for code in _catalog_prop_47_codes():
        assert any(code == c or code.startswith(c + "(") for c in listed), code
    for code in listed:
        assert parse_offense(code).offense is not None, code
    for code in ("HS 11350", "HS 11357", "HS 11377", "PC 459.5", "PC 473", "PC 476a",
                 "PC 490.2", "PC 496", "PC 666"):  # fmt: skip
        assert code in listed


def test_no_infraction_in_the_catalog_is_offered_1203_4() -> None:
    root = Path(__file__).resolve().parents[2] / "screener/rules/data/offenses"
    for path in sorted(root.glob("*.yaml")):
        for entry in yaml.safe_load(path.read_text(encoding="utf-8"))["offenses"]:
            if "infraction" not in entry["levels"]:
                continue
            case = build_case(
                {"record": {"offense": entry["code"], "level": "infraction"}}
            )
            assert _remedies(case)["PC 1203.4"]["status"] == "not_eligible", entry[
                "code"
            ]
            assert _remedies(case)["PC 1203.4a"]["status"] != "not_eligible", entry[
                "code"
            ]
