"""The results page model: one plain line per case, details behind "Why?"."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.utils import translation
from django.utils.translation import gettext

from screener import citations, results
from screener.rules import screen
from screener.rules.contract import Status

VICTIM = {"kinds": ["human_trafficking"], "ongoing": "no", "sought_services": "yes"}


def case(**record: Any) -> dict[str, Any]:
    return {
        "as_of": "2026-11-24",
        "victimization": VICTIM,
        "records": [{"id": "1", "system": "california", **record}],
    }


CASES = [
    case(disposition="conviction", offense="PC 647(b)", level="misdemeanor"),
    case(disposition="conviction", offense="PC 211", level="felony"),
    case(disposition="arrest", offense="PC 459", level="unknown"),
    case(disposition="juvenile_adjudication", offense="PC 484"),
    case(disposition="pending", offense="HS 11350", level="misdemeanor"),
    case(offense="PC 99999"),
    {
        "victimization": {},
        "records": [{"id": "1", "system": "federal", "offense": "21 USC 841"}],
    },
]
INTERNAL = re.compile(r"unverif|\[verify|\bbrief\b|from memory|not retrieved", re.I)


@pytest.mark.parametrize("data", CASES)
def test_results_model_follows_the_rules_and_never_shows_raw_field_names(
    data: dict[str, Any],
) -> None:
    context = results.build(data, {"records": []}, translate=gettext)
    output = screen(data)
    (record,) = context["records"]
    (raw,) = output["records"]
    if raw["best"]:
        assert record["best"]["remedy"] == raw["best"]
    else:
        assert record["best"] is None
    shown = {r["remedy"] for r in [record["best"] or {}, *record["others"]] if r}
    hidden = {r["remedy"] for r in raw["remedies"] if not r["applicable"]}
    assert not shown & hidden
    assert all(not r["in_force"] for r in raw["remedies"] if r["remedy"] == "AB 2354")
    for remedy in [record["best"], *record["others"], *record["proposed"]]:
        if remedy:
            for label in remedy["missing_labels"]:
                assert "_" not in label, label
            # A closed way never carries an instruction to file it.
            if remedy["status"] == "not_eligible":
                assert remedy["next_step"] is None
                assert all(r["kind"] != "note" for r in remedy["reasons"])
            else:
                assert remedy["next_step"]
            for reason in remedy["reasons"]:
                assert not INTERNAL.search(reason["cite"]), reason["cite"]
    assert str(record["answer"])
    assert context["help"]  # free legal help, always


def test_plain_answers_say_the_best_way_and_how_likely() -> None:
    def answer(data: dict[str, Any]) -> str:
        return str(
            results.build(data, {"records": []}, translate=gettext)["records"][0][
                "answer"
            ]
        )

    # Whether it happened while she was hurt is not known: "may".
    assert answer(CASES[0]) == (
        "You may be able to ask the court to erase this case (vacatur)."
    )
    assert "does not let a court erase" in answer(CASES[1]) or "dismiss" in answer(
        CASES[1]
    )
    assert answer(CASES[4]).startswith("Your case is still open.")
    assert "federal court" in answer(CASES[6])
    # An unknown code never reads as closed.
    assert "does not let" not in answer(CASES[5])


def test_others_are_sorted_best_status_first() -> None:
    context = results.build(CASES[1], {"records": []}, translate=gettext)
    ranks = [Status(r["status"]).rank for r in context["records"][0]["others"]]
    assert ranks == sorted(ranks)


def test_the_proposed_law_is_summed_up_once_for_several_cases() -> None:
    data = case(disposition="conviction", offense="PC 211", level="felony")
    data["records"] += [
        {"id": "2", "system": "california", "disposition": "conviction",
         "offense": "PC 647(b)", "level": "misdemeanor",
         "while_victimized": "yes", "direct_result": "yes"},
        {"id": "3", "system": "california", "disposition": "conviction",
         "offense": "PC 211", "level": "felony", "enhancements": [],
         "while_victimized": "yes", "direct_result": "yes"},
    ]  # fmt: skip
    data["records"][0].update(
        while_victimized="yes", direct_result="yes", enhancements=[]
    )
    proposed = results.build(data, {"records": []}, translate=gettext)["proposed"]
    assert proposed["changed"] == ["1", "3"]
    assert proposed["line"] == (
        "If AB 2354 had become law, the court could also have erased cases 1, 3 (vacatur)."
    )
    # Each of the bill's reasons once, though three cases have the bill.
    texts = [r["text"] for r in proposed["reasons"]]
    assert len(texts) == len(set(texts))


def test_a_case_where_vacatur_is_already_open_is_not_changed_by_the_bill() -> None:
    # Unknown code: vacatur needs review today, so the bill adds nothing.
    proposed = results.build(CASES[5], {"records": []}, translate=gettext)["proposed"]
    assert proposed["changed"] == []


def test_a_bill_that_changes_nothing_says_so() -> None:
    proposed = results.build(CASES[0], {"records": []}, translate=gettext)["proposed"]
    assert proposed["changed"] == []
    assert "would not have changed your results" in proposed["line"]


def test_research_notes_become_a_lawyer_should_confirm() -> None:
    cite = citations.survivor_cite(
        "Pen. Code § 236.14 (timing, AB 262, Stats. 2021); subdivision letter (l) unverified",
        language="en",
    )
    assert cite == citations.Cite(
        "Pen. Code § 236.14 (timing, AB 262, Stats. 2021)", True
    )
    assert citations.survivor_cite(
        "Pen. Code § 236.15(a); 4th Dist., Div. 2, Dec. 9, 2025 (published; name not retrieved)",
        language="en",
    ) == citations.Cite("Pen. Code § 236.15(a); 4th Dist., Div. 2, Dec. 9, 2025", True)
    plain = citations.survivor_cite(
        "Pen. Code § 236.14(a); § 667.5(c)(9)", language="en"
    )
    assert plain == citations.Cite("Pen. Code § 236.14(a); § 667.5(c)(9)", False)
    unverified = citations.survivor_cite(
        "Pen. Code § 236.15", language="en", verified=False
    )
    assert unverified.confirm


@pytest.mark.parametrize(
    ("cite", "spanish"),
    [
        ("Pen. Code § 236.14(a); § 667.5(c)(9)",
         "Código Penal, art. 236.14(a); art. 667.5(c)(9)"),
        ("Welf. & Inst. Code § 781(a)", "Código de Bienestar e Instituciones, art. 781(a)"),
        ("18 U.S.C. § 3771A", "Código de los EE. UU., título 18, art. 3771A"),
        ("AB 2354 (2024), proposed §§ 236.14(a), 236.15(a)",
         "AB 2354 (2024), proposed arts. 236.14(a), 236.15(a)"),
        ("Health & Saf. Code § 11350", "Código de Salud y Seguridad, art. 11350"),
        ("Veh. Code § 23152(a)", "Código de Vehículos, art. 23152(a)"),
        ("Bus. & Prof. Code § 25658", "Código de Negocios y Profesiones, art. 25658"),
    ],
)  # fmt: skip
def test_spanish_citations_name_the_code_the_spanish_way(
    cite: str, spanish: str
) -> None:
    assert citations.survivor_cite(cite, language="es").text == spanish


@pytest.mark.parametrize(
    ("code", "spanish"),
    [
        ("PC 647(b)", "Código Penal, art. 647(b)"),
        ("HS 11350", "Código de Salud y Seguridad, art. 11350"),
        ("VC 23152(a)", "Código de Vehículos, art. 23152(a)"),
        ("WIC 602", "Código de Bienestar e Instituciones, art. 602"),
        ("BP 25658", "Código de Negocios y Profesiones, art. 25658"),
        ("21 USC 841", "Código de los EE. UU., título 21, art. 841"),
        ("something else", "something else"),
    ],
)
def test_offense_codes_in_spanish(code: str, spanish: str) -> None:
    assert citations.offense_code(code, language="es") == spanish
    assert citations.offense_code(code, language="en") == code


def test_spanish_results_use_spanish_citations_throughout() -> None:
    with translation.override("es"):
        context = results.build(CASES[1], {"records": []}, translate=gettext)
    record = context["records"][0]
    assert record["offense_code_shown"] == "Código Penal, art. 211"
    cites = [
        r["cite"]
        for w in [record["best"], *record["others"]]
        if w
        for r in w["reasons"]
    ]
    assert any(c.startswith("Código Penal, art. 236.14") for c in cites)
    assert not any("Pen. Code" in c or "§" in c for c in cites), cites


def remedy(name: str, status: str, relief: bool | None, **extra: Any) -> dict[str, Any]:
    return {"remedy": name, "title": name, "status": status, "in_force": True,
            "applicable": True, "reasons": [], "missing": [],
            "immigration_relief": relief, **extra}  # fmt: skip


def test_immigration_shows_only_for_non_citizens_and_only_open_ways() -> None:
    view = results._remedy_view
    record = {
        "number": "1", "offense_title": "Robbery", "offense_code_shown": "PC 211",
        "best": view(remedy("PC 1203.4", "possible", False), "en"),
        "others": [
            view(remedy("PC 236.14", "needs_review", True), "en"),
            view(remedy("PC 236.15", "not_eligible", True), "en"),
            view(remedy("TSRA", "possible", None,
                        immigration_reason="Federal vacatur and immigration: unsettled."), "en"),
        ],
    }  # fmt: skip
    assert results.immigration_view([record], "yes") is None
    assert results.immigration_view([record], None) is None
    (row,) = results.immigration_view([record], "no")
    assert [w["remedy"] for w in row["helps"]] == ["PC 236.14"]
    assert [w["remedy"] for w in row["does_not_help"]] == ["PC 1203.4"]
    assert [w["remedy"] for w in row["unsure"]] == ["TSRA"]
    assert (
        row["unsure"][0]["immigration_reason"]
        == "Federal vacatur and immigration: unsettled."
    )
    assert results.immigration_view([record], "unsure") == [row]


def test_help_lists_each_county_organisation_once_then_statewide() -> None:
    from screener import legal_aid

    counties = ["Los Angeles", "Los Angeles", "Alameda"]
    names = [o.name for o in results.help_for_counties(counties)]
    statewide = [o.name for o in legal_aid.directory().statewide]
    assert len(names) == len(set(names))
    assert names[-len(statewide) :] == statewide
    for county in counties:
        for org in legal_aid.help_for(county):
            assert org.name in names
    assert [o.name for o in results.help_for_counties([])] == statewide


def test_an_organisation_is_found_by_its_name_however_it_is_spaced_or_cased() -> None:
    from screener import legal_aid

    assert legal_aid.find("lawhelpca") is legal_aid.find("LawHelpCA")
    assert legal_aid.find("  LawHelpCA ") is not None
    assert legal_aid.find("Nobody Legal") is None


def test_phone_links_dial_digits_only() -> None:
    from screener.templatetags.law import tel_href

    assert tel_href("(213) 555-0100") == "tel:2135550100"
    assert tel_href("+1 800 799 7233") == "tel:+18007997233"
    assert tel_href(None) == ""


def test_a_remedy_the_page_does_not_know_is_read_by_what_it_does() -> None:
    reduction = {**remedy("PC 17(b)", "possible", False), "relief": "reduction"}
    view = results._remedy_view(reduction, "en")
    assert view["group"] == "reduction"
    assert "lower this conviction" in str(results.plain_answer(view))
    unknown = results._remedy_view(remedy("PC 9999", "likely", None), "en")
    assert unknown["group"] == ""
    assert str(results.plain_answer(unknown)) == str(results.OTHER_ANSWER)
