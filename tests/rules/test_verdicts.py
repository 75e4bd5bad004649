"""The verdict fixes of issue 11 that YAML cases cannot reach: the findings
word list and its loader, dated seriousness, the infraction sweep over the
whole catalog, the new contract inputs, and bounded caches for quoted text."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from screener.rules import InvalidFacts, screen
from screener.rules import outcome as outcome_module
from screener.rules.catalog import (
    CatalogError,
    catalog,
    load_catalog,
    load_findings,
    parse_offense,
    read_finding,
)
from screener.rules.facts import read_facts
from screener.rules.violence import QUOTE_LIMIT, quote
from tests.rules.conftest import build_case

TODAY = date(2026, 12, 1)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("GBI", "PC 12022.7"),
        ("  Great  Bodily Injury. ", "PC 12022.7"),
        ("personally used a firearm", "PC 12022.5"),
        ("10-20-Life", "PC 12022.53"),
        ("667.5(c)(21)", "person_present"),
        ("person_present", "person_present"),
        ("Penal Code § 667.5(c)(22)", "PC 12022.53"),
        ("gang enhancement", "PC 186.22"),
        ("12022.7(a)", "PC 12022.7(a)"),
        ("PC 12022.53(d)", "PC 12022.53(d)"),
        ("PC 12022.3", "PC 12022.3"),
    ],
)
def test_plain_words_and_codes_read_as_findings(text: str, code: str) -> None:
    assert read_finding(text) == (code, True)


@pytest.mark.parametrize(
    "text",
    [
        "no great bodily injury",
        "GBI?? maybe",
        "PC 211",
        "667.5(c)(8)",
        "xyz",
        "PC 9999",
    ],
)
def test_anything_else_stays_unreadable_as_typed(text: str) -> None:
    assert read_finding(text) == (text, False)


def test_every_listed_finding_code_is_a_catalog_enhancement_or_a_finding() -> None:
    entries = catalog()
    for code in set(load_findings().values()) - {"person_present"}:
        offense = parse_offense(code).offense
        assert offense is not None, code
        assert offense.enhancement, code
        assert offense.code in entries


def _findings_file(tmp_path: Path, document: Any) -> Path:
    path = tmp_path / "findings.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    return path


GOOD_FINDINGS = {
    "source": "Test",
    "last_verified": date(2026, 12, 1),
    "findings": [{"code": "PC 12022.7", "words": ["GBI"], "codes": ["PC 667.5(c)(8)"]}],
}


def test_the_findings_loader_reads_a_good_file(tmp_path: Path) -> None:
    names = load_findings(_findings_file(tmp_path, GOOD_FINDINGS))
    assert names == {"gbi": "PC 12022.7", "PC 667.5(c)(8)": "PC 12022.7"}


@pytest.mark.parametrize(
    "document",
    [
        ["not", "a", "mapping"],
        {**GOOD_FINDINGS, "extra": 1},
        {**GOOD_FINDINGS, "last_verified": "soon"},
        {**GOOD_FINDINGS, "findings": ["PC 12022.7"]},
        {**GOOD_FINDINGS, "findings": [{"code": "PC 12022.7", "typo": []}]},
        {**GOOD_FINDINGS, "findings": [{"code": "12022.7", "words": ["gbi"]}]},
        {**GOOD_FINDINGS, "findings": [{"code": 7, "words": ["gbi"]}]},
        {**GOOD_FINDINGS, "findings": [{"code": "PC 12022.7", "words": [7]}]},
        {**GOOD_FINDINGS, "findings": [{"code": "PC 12022.7", "codes": ["667.5"]}]},
        {
            **GOOD_FINDINGS,
            "findings": [
                {"code": "PC 12022.7", "words": ["gbi"]},
                {"code": "PC 12022.5", "words": ["GBI"]},
            ],
        },
    ],
)
def test_the_findings_loader_rejects_a_broken_file(
    tmp_path: Path, document: Any
) -> None:
    with pytest.raises(CatalogError):
        load_findings(_findings_file(tmp_path, document))


def test_the_findings_loader_rejects_invalid_yaml(tmp_path: Path) -> None:
    path = tmp_path / "findings.yaml"
    path.write_text("findings: [", encoding="utf-8")
    with pytest.raises(CatalogError):
        load_findings(path)


SB14_ENTRY = {
    "code": "PC 236.1(c)(1)",
    "title": "Trafficking of a minor",
    "levels": ["felony"],
    "violent": "no",
    "serious": True,
    "serious_paragraph": "1192.7(c)",
    "serious_from": date(2024, 1, 1),
}


def _catalog(tmp_path: Path, *entries: dict[str, Any]) -> Path:
    document = {"source": "Test", "last_verified": TODAY, "offenses": list(entries)}
    (tmp_path / "test.yaml").write_text(yaml.safe_dump(document), encoding="utf-8")
    return tmp_path


def test_seriousness_is_dated(tmp_path: Path) -> None:
    offense = load_catalog(_catalog(tmp_path, SB14_ENTRY))["PC 236.1(c)(1)"]
    assert not offense.serious_on(date(2023, 12, 31))
    assert offense.serious_on(date(2024, 1, 1))
    assert catalog()["PC 236.1(c)(1)"].serious_from == date(2024, 1, 1)
    assert catalog()["PC 236.1(c)(2)"].serious_on(date(2000, 1, 1))


@pytest.mark.parametrize(
    "bad",
    [
        {**SB14_ENTRY, "serious_from": "2024"},
        {**SB14_ENTRY, "serious_paragraph": "1192.7(c)", "serious_from": None},
        {
            key: value
            for key, value in SB14_ENTRY.items()
            if key not in ("serious", "serious_paragraph")
        },
    ],
)
def test_a_bad_serious_date_is_rejected(tmp_path: Path, bad: dict[str, Any]) -> None:
    with pytest.raises(CatalogError):
        load_catalog(_catalog(tmp_path, bad))


def test_a_bare_1192_7_paragraph_needs_a_date(tmp_path: Path) -> None:
    bare = {key: value for key, value in SB14_ENTRY.items() if key != "serious_from"}
    with pytest.raises(CatalogError):
        load_catalog(_catalog(tmp_path, bare))


INFRACTIONS = sorted(
    code for code, offense in catalog().items() if offense.levels == {"infraction"}
)


@pytest.mark.parametrize("code", INFRACTIONS)
def test_no_infraction_in_the_catalog_is_dismissed_under_1203_4(code: str) -> None:
    case = build_case({"record": {"offense": code, "level": "infraction"}})
    for level in ("infraction", None):
        case["records"][0]["level"] = level
        remedies = screen(case, today=TODAY)["records"][0]["remedies"]
        got = next(r for r in remedies if r["remedy"] == "PC 1203.4")
        assert got["status"] == "not_eligible", code
        assert [r["code"] for r in got["reasons"]] == ["infraction_not_covered"]


def test_the_catalog_has_infraction_only_entries_to_check() -> None:
    assert len(INFRACTIONS) >= 10


def test_before_and_after_are_a_no_with_the_timing_kept() -> None:
    for value in ("before", "after"):
        case = build_case({"record": {"while_victimized": value}})
        record = read_facts(case, today=TODAY).records[0]
        assert (record.while_victimized, record.offense_timing) == ("no", value)
    record = read_facts(build_case({}), today=TODAY).records[0]
    assert (record.while_victimized, record.offense_timing) == ("yes", None)


def test_federal_prison_is_read_and_a_bad_value_names_the_field() -> None:
    case = build_case({"record": {"federal_prison": "Yes"}})
    assert read_facts(case, today=TODAY).records[0].federal_prison == "yes"
    with pytest.raises(InvalidFacts) as error:
        read_facts(build_case({"record": {"federal_prison": "maybe"}}), today=TODAY)
    assert error.value.errors[0]["field"] == "records[0].federal_prison"


def test_a_federal_compound_needs_a_federal_second_code() -> None:
    assert parse_offense("18 USC 924(c)/841").code is None
    assert parse_offense("18 USC xyz/21 USC 841").code is None
    parsed = parse_offense("18 USC 924(c) / 21 U.S.C. § 841(a)(1)")
    assert parsed.code == "18 USC 924(c)/21 USC 841(a)(1)"
    assert parsed.target is not None
    assert parsed.target.code == "21 USC 841"


def test_the_reason_quotes_what_it_could_not_read_and_keeps_it_short() -> None:
    long_text = "x" * 150
    case = build_case(
        {
            "record": {
                "offense": "PC 487",
                "level": "felony",
                "enhancements": ["odd", long_text, "odd"],
            }
        }
    )
    remedies = screen(case, today=TODAY)["records"][0]["remedies"]
    reason = next(
        r
        for rem in remedies
        if rem["remedy"] == "PC 236.14"
        for r in rem["reasons"]
        if r["code"] == "finding_unreadable"
    )
    assert "“odd”" in reason["text"]
    assert "“" + "x" * QUOTE_LIMIT + "…”" in reason["text"]
    assert reason["text"].count("“odd”") == 1
    assert quote(("a", "b")) == "“a”, “b”"


def test_rendered_answers_stay_bounded_with_quoted_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(outcome_module, "RENDER_LIMIT", 3)
    monkeypatch.setattr(outcome_module, "_RENDERED", {})
    for index in range(5):
        case = build_case({"record": {"enhancements": [f"finding {index}"]}})
        remedies = screen(case, today=TODAY)["records"][0]["remedies"]
        texts = [r["text"] for rem in remedies for r in rem["reasons"]]
        assert any(f"“finding {index}”" in text for text in texts)
        assert len(outcome_module._RENDERED) <= 3


def test_a_reading_of_plain_words_is_said_back_with_the_section() -> None:
    case = build_case(
        {
            "record": {
                "offense": "PC 460(a)",
                "level": "felony",
                "enhancements": ["someone was home", "GBI"],
            }
        }
    )
    remedies = screen(case, today=TODAY)["records"][0]["remedies"]
    texts = [
        r["text"]
        for rem in remedies
        if rem["remedy"] == "PC 236.14"
        for r in rem["reasons"]
        if r["code"] == "finding_read_as"
    ]
    assert texts == [
        "We read “someone was home” as Penal Code § 667.5(c)(21). If that is not what "
        "the court found, a lawyer should check your court papers.",
        "We read “GBI” as Penal Code § 12022.7. If that is not what the court found, a "
        "lawyer should check your court papers.",
    ]


def test_an_enhancement_written_after_a_slash_needs_no_enhancements_list() -> None:
    """ "PC 245(a)(1)/12022.7" with no "enhancements" key once raised KeyError (a 500)."""
    record = screen({"records": [{"offense": "PC 245(a)(1)/12022.7"}]})["records"][0]
    statuses = {r["remedy"]: r["status"] for r in record["remedies"]}
    assert statuses["PC 236.14"] != "likely"
