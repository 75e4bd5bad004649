"""The JSON contract (docs/screening-api.md), field by field."""

from __future__ import annotations

from datetime import date

import pytest

from screener.rules import InvalidFacts, findings_for, levels_for, screen
from tests.rules.conftest import build_case

FIRST_GROUP = [
    "PC 236.14", "PC 236.15", "AB 2354", "PC 236.23", "PC 236.24", "PC 1203.49",
    "PC 653.29", "PC 1170.22", "PC 1203.4", "TSRA", "OTHER_STATE",
]  # fmt: skip
TODAY = date(2026, 11, 24)


def test_the_contract_example_gives_the_documented_shape() -> None:
    case = build_case({})
    case["as_of"] = "2026-11-22"
    result = screen(case, today=TODAY)
    assert result["as_of"] == "2026-11-22"
    assert result["rules_version"].startswith("2026.11.0")
    assert result["safety"] == {"show_hotline": False}
    record = result["records"][0]
    assert record["id"] == "1"
    assert record["offense"] == {
        "input": "PC 647(b)",
        "code": "PC 647(b)",
        "title": "Disorderly conduct: prostitution",
        "known": True,
        "violent": False,
        "violent_cite": None,
    }
    first = record["remedies"][0]
    assert first["remedy"] == "PC 236.14"
    assert first["status"] == "likely"
    assert first["in_force"] is True
    assert first["missing"] == []
    for reason in first["reasons"]:
        assert set(reason) >= {"code", "text", "cite"}
        assert reason["text"]
        assert reason["cite"]


def test_every_record_reports_every_remedy_of_the_first_group() -> None:
    for system in ("california", "federal", "other_state"):
        result = screen(build_case({"record": {"system": system}}), today=TODAY)
        remedies = [r["remedy"] for r in result["records"][0]["remedies"]]
        assert set(FIRST_GROUP) <= set(remedies), system
        assert len(remedies) == len(set(remedies))


def test_proposed_law_is_reported_beside_current_law_and_not_in_force() -> None:
    result = screen(
        build_case({"record": {"offense": "PC 211", "level": "felony"}}), today=TODAY
    )
    remedies = {r["remedy"]: r for r in result["records"][0]["remedies"]}
    assert remedies["PC 236.14"]["status"] == "not_eligible"
    assert remedies["AB 2354"]["in_force"] is False
    assert remedies["AB 2354"]["status"] == "likely"
    assert result["records"][0]["best"] != "AB 2354"


def test_as_of_defaults_to_the_day_given_by_the_caller() -> None:
    case = build_case({})
    assert screen(case, today=date(2021, 6, 1))["as_of"] == "2021-06-01"


def test_records_are_echoed_in_order_with_their_ids() -> None:
    case = build_case({})
    case["records"] = [dict(case["records"][0], id=name) for name in ("b", "a", "c")]
    assert [r["id"] for r in screen(case, today=TODAY)["records"]] == ["b", "a", "c"]


def test_a_missing_id_is_numbered_and_a_numeric_id_becomes_text() -> None:
    case = {"records": [{"offense": "647b"}, {"id": 7, "offense": "647b"}]}
    assert [r["id"] for r in screen(case, today=TODAY)["records"]] == ["1", "7"]


def test_unknown_keys_are_ignored_for_forward_compatibility() -> None:
    case = build_case({"record": {"docket": "X1"}})
    case["partner_field"] = {"anything": True}
    assert screen(case, today=TODAY)["records"][0]["remedies"][0]["status"] == "likely"


def test_unknown_is_accepted_as_unsure() -> None:
    result = screen(build_case({"record": {"direct_result": "unknown"}}), today=TODAY)
    assert result["records"][0]["remedies"][0]["missing"] == ["direct_result"]


@pytest.mark.parametrize(
    ("case", "field"),
    [
        ([], ""),
        ({"records": "x"}, "records"),
        ({"records": [1]}, "records[0]"),
        ({"records": [{"system": "mars"}]}, "records[0].system"),
        ({"records": [{"disposition": "maybe"}]}, "records[0].disposition"),
        ({"records": [{"level": 3}]}, "records[0].level"),
        ({"records": [{"offense": 647}]}, "records[0].offense"),
        ({"records": [{"offense": "x" * 201}]}, "records[0].offense"),
        ({"records": [{"age_at_offense": "twenty"}]}, "records[0].age_at_offense"),
        ({"records": [{"age_at_offense": True}]}, "records[0].age_at_offense"),
        ({"records": [{"age_at_offense": 200}]}, "records[0].age_at_offense"),
        ({"records": [{"enhancements": "PC 12022.7"}]}, "records[0].enhancements"),
        ({"records": [{"in_custody": "no"}]}, "records[0].in_custody"),
        ({"records": [{"id": ["x"]}]}, "records[0].id"),
        ({"records": [{"while_victimized": "perhaps"}]}, "records[0].while_victimized"),
        ({"as_of": "22/11/2026", "records": []}, "as_of"),
        ({"as_of": 20261122, "records": []}, "as_of"),
        ({"victimization": [], "records": []}, "victimization"),
        ({"victimization": {"kinds": ["abuse"]}, "records": []}, "victimization.kinds"),
        (
            {"victimization": {"ongoing": "often"}, "records": []},
            "victimization.ongoing",
        ),
        ({"records": [{}] * 101}, "records"),
        ({"immigration": "no", "records": []}, "immigration"),
        ({"immigration": {"citizen": "maybe"}, "records": []}, "immigration.citizen"),
        ({"records": [{"sentence": "jail"}]}, "records[0].sentence"),
    ],
)
def test_invalid_input_names_the_field_to_fix(case: object, field: str) -> None:
    with pytest.raises(InvalidFacts) as raised:
        screen(case, today=TODAY)
    assert field in [error["field"] for error in raised.value.errors]
    assert all(error["message"].endswith(".") for error in raised.value.errors)


def test_translate_is_applied_to_titles_and_reason_texts() -> None:
    result = screen(build_case({}), translate=str.upper, today=TODAY)
    remedy = result["records"][0]["remedies"][0]
    assert remedy["title"] == remedy["title"].upper()
    assert all(r["text"] == r["text"].upper() for r in remedy["reasons"])
    assert (
        screen(build_case({}), today=TODAY)["records"][0]["remedies"][0]["title"]
        != (remedy["title"])
    )


def test_a_caller_changing_the_answer_cannot_change_the_next_answer() -> None:
    first = screen(build_case({}), today=TODAY)
    first["records"][0]["remedies"][0]["reasons"][0]["text"] = "tampered"
    first["records"][0]["remedies"][0]["missing"].append("tampered")
    second = screen(build_case({}), today=TODAY)
    assert second["records"][0]["remedies"][0]["reasons"][0]["text"] != "tampered"
    assert second["records"][0]["remedies"][0]["missing"] == []


def test_levels_for_reads_the_catalog() -> None:
    assert levels_for("PC 211") == ["felony"]
    assert set(levels_for("PC 484")) >= {"felony", "misdemeanor"}
    assert levels_for("PC 99999") == []


def test_findings_for_a_burglary_asks_whether_someone_was_home() -> None:
    assert findings_for("PC 459/460(a)", "felony", as_of=TODAY)[0] == "person_present"
    assert "PC 12022.53" in findings_for("PC 459", "unknown", as_of=TODAY)
    assert findings_for("PC 459", "misdemeanor", as_of=TODAY) == []


def test_findings_for_a_misdemeanor_only_offense_is_empty() -> None:
    assert findings_for("PC 647(b)", "unknown", as_of=TODAY) == []


def test_findings_for_an_unknown_code_asks_the_general_findings() -> None:
    found = findings_for("PC 99999", "felony", as_of=TODAY)
    assert "PC 12022.7" in found
    assert "person_present" not in found


def test_several_records_are_screened_independently() -> None:
    case = build_case({})
    case["records"].append(
        dict(case["records"][0], id="2", offense="PC 211", level="felony")
    )
    result = screen(case, today=TODAY)
    statuses = [r["remedies"][0]["status"] for r in result["records"]]
    assert statuses == ["likely", "not_eligible"]
    assert [r["best"] for r in result["records"]] == ["PC 236.14", "PC 1203.4"]


def test_nothing_fits_gives_no_best_path() -> None:
    result = screen(
        build_case(
            {"record": {"system": "other_state"}, "victimization": {"kinds": []}}
        ),
        today=TODAY,
    )
    assert result["records"][0]["best"] == "OTHER_STATE"
    result = screen(
        build_case({"record": {"system": "federal"}, "victimization": {"kinds": []}}),
        today=TODAY,
    )
    assert result["records"][0]["best"] is None


def test_a_robbery_without_probation_still_has_a_door() -> None:
    """Vacatur and § 1203.4 are closed; felony dismissal under § 1203.41 is not."""
    result = screen(
        build_case(
            {"record": {"offense": "PC 211", "level": "felony", "probation": "none"}}
        ),
        today=TODAY,
    )
    assert result["records"][0]["best"] == "PC 1203.41"


def test_the_hotline_shows_when_the_harm_may_still_be_happening() -> None:
    for ongoing, shown in (("yes", True), ("unsure", True), ("no", False)):
        case = build_case({"victimization": {"ongoing": ongoing}})
        assert screen(case, today=TODAY)["safety"]["show_hotline"] is shown
    case = build_case({"drop": ["victimization.ongoing"]})
    assert screen(case, today=TODAY)["safety"]["show_hotline"] is False


def test_a_fact_missing_for_two_reasons_is_listed_once() -> None:
    """Former spousal rape was a wobbler, violent and serious as a felony: before
    AB 124 its unknown level decides both the violence and the serious-felony bar."""
    case = build_case(
        {
            "as_of": date(2021, 12, 31),
            "record": {
                "disposition": "pending",
                "offense": "PC 262(a)(1)",
                "level": "unknown",
            },
        }
    )
    remedies = {
        r["remedy"]: r for r in screen(case, today=TODAY)["records"][0]["remedies"]
    }
    defense = remedies["PC 236.23"]
    codes = [reason["code"] for reason in defense["reasons"]]
    assert "violence_depends_on_level" in codes
    assert "serious_felony_excluded" in codes
    assert defense["missing"].count("level") == 1


def test_findings_for_an_always_violent_felony_is_empty() -> None:
    """Robbery is violent under (c)(9) whatever the findings: nothing to ask."""
    assert findings_for("PC 211", "felony", as_of=TODAY) == []
    assert "PC 12022.7" in findings_for("PC 664/211", "felony", as_of=TODAY)


def test_an_attempted_burglary_is_not_asked_whether_someone_was_home() -> None:
    """(c)(21) is a finding on a completed first-degree burglary, not an attempt."""
    completed = findings_for("PC 459/460(a)", "felony", as_of=TODAY)
    attempted = findings_for("PC 664/459", "felony", as_of=TODAY)
    assert "person_present" in completed
    assert "person_present" not in attempted
    assert "PC 12022.53" in attempted  # the enhancements still make it violent


def test_the_added_fields_are_in_every_answer() -> None:
    """docs/screening-api.md, "Additions": law_checked_on, immigration, relief."""
    case = build_case({"record": {"sentence": "county_jail"}})
    case["immigration"] = {"citizen": "unsure"}
    result = screen(case, today=TODAY)
    assert date.fromisoformat(result["law_checked_on"]) <= TODAY
    assert result["immigration"] == {"show_counsel": True}
    for remedy in result["records"][0]["remedies"]:
        assert remedy["relief"] in (
            "vacatur", "defense", "dismissal", "reduction", "sealing", "referral",
        )  # fmt: skip
        assert remedy["immigration_relief"] in (True, False, None)
        assert isinstance(remedy["immigration_cite"], str)
        if remedy["immigration_relief"] is None:
            assert remedy["immigration_reason"]
        else:
            assert remedy["immigration_reason"] is None


def test_the_second_group_of_remedies_is_evaluated_for_every_record() -> None:
    second = {
        "PC 1203.4a", "PC 1203.41", "PC 1203.42", "PC 1203.425", "PC 851.91",
        "PC 851.93", "PC 17(b)", "PC 1170.18", "WIC 781", "PC 1473.7",
    }  # fmt: skip
    result = screen(build_case({}), today=TODAY)
    assert second <= {r["remedy"] for r in result["records"][0]["remedies"]}


def test_immigration_reasons_are_translated_with_the_rest() -> None:
    result = screen(build_case({}), translate=str.upper, today=TODAY)
    for remedy in result["records"][0]["remedies"]:
        if remedy["immigration_reason"]:
            assert remedy["immigration_reason"] == remedy["immigration_reason"].upper()
