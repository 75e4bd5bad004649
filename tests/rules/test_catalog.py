"""The offense catalog: its data, its loader, its parser and its search.

Plain pytest: no Django, no database. The legal expectations come from the
research brief (§ 6: Pen. Code § 667.5(c) and rules N1-N7; § 7: remedies).
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from screener.rules import catalog as catalog_module
from screener.rules.catalog import (
    FEDERAL_LEVELS,
    LAW_CODES,
    LEVELS,
    VIOLENT_KINDS,
    CatalogError,
    Offense,
    ParsedOffense,
    canonical_code,
    catalog,
    load_catalog,
    lookup,
    parse_offense,
)
from screener.rules.search import search


def entry(code: str) -> Offense:
    offense = catalog().get(code)
    assert offense is not None, f"{code} is missing from the catalog"
    return offense


# --------------------------------------------------------------- the data


def test_the_catalog_has_at_least_400_entries() -> None:
    assert len(catalog()) >= 400


@pytest.mark.parametrize(
    ("law_code", "at_least"),
    [("PC", 250), ("HS", 30), ("VC", 40), ("WI", 10), ("BP", 5), ("USC", 20)],
)
def test_every_law_code_is_covered(law_code: str, at_least: int) -> None:
    count = sum(1 for o in catalog().values() if o.law_code == law_code)
    assert count >= at_least
    assert law_code in LAW_CODES


def test_every_entry_is_well_formed() -> None:
    for offense in catalog().values():
        assert offense.title.strip() == offense.title, offense.code
        assert offense.levels <= set(LEVELS), offense.code
        assert offense.violent in VIOLENT_KINDS, offense.code
        assert offense.keywords, f"{offense.code} has no keywords to search by"
        assert offense.source, offense.code
        assert canonical_code(offense.code) == offense.code
        assert parse_offense(offense.code).offense is offense


def test_misdemeanor_and_infraction_only_entries_are_never_violent() -> None:
    """Brief §6, N1: § 667.5(c) lists felonies only."""
    lesser = [o for o in catalog().values() if "felony" not in o.levels]
    assert len(lesser) > 50
    for offense in lesser:
        assert offense.violent == "no", offense.code
        assert offense.violent_paragraph is None, offense.code


def test_violent_entries_cite_their_paragraph_and_findings() -> None:
    for offense in catalog().values():
        if offense.violent == "no":
            assert offense.violent_paragraph is None, offense.code
        else:
            assert offense.violent_paragraph.startswith("667.5(c)("), offense.code
        assert bool(offense.violent_findings) == (
            offense.violent in ("finding", "finding_review")
        )
        assert offense.serious == (offense.serious_paragraph is not None)


# Pen. Code § 667.5(c), paragraph by paragraph (brief §6). (8) and (22) are
# enhancements (the law table decides) and (12) is attempted murder (664/187).
VIOLENT_LIST = {
    1: ["PC 187", "PC 192(a)"],
    2: ["PC 203"],
    3: ["PC 261(a)(2)", "PC 261(a)(6)", "PC 262(a)(1)", "PC 262(a)(4)"],
    4: ["PC 286(c)", "PC 286(d)"],
    5: ["PC 287(c)", "PC 287(d)", "PC 288a(c)", "PC 288a(d)"],
    6: ["PC 288(a)", "PC 288(b)"],
    7: ["PC 205", "PC 206", "PC 236.1(c)(2)", "PC 269", "PC 288.7", "PC 451.5"],
    9: ["PC 211", "PC 212.5", "PC 212.5(a)", "PC 212.5(c)"],
    10: ["PC 451(a)", "PC 451(b)"],
    11: ["PC 289(a)", "PC 289(j)"],
    13: ["PC 18745", "PC 18750", "PC 18755"],
    14: ["PC 207", "PC 209", "PC 209.5"],
    15: ["PC 220"],
    16: ["PC 288.5"],
    17: ["PC 215", "PC 215(a)"],
    18: ["PC 264.1"],
    23: ["PC 11418(b)", "PC 11418(c)"],
}


@pytest.mark.parametrize(
    ("paragraph", "code"),
    [(p, code) for p, codes in VIOLENT_LIST.items() for code in codes],
)
def test_667_5_c_paragraph_is_violent(paragraph: int, code: str) -> None:
    offense = entry(code)
    assert offense.violent == "yes"
    assert offense.violent_paragraph == f"667.5(c)({paragraph})"
    assert offense.levels == {"felony"} or "felony" in offense.levels


@pytest.mark.parametrize(
    ("code", "paragraph", "finding"),
    [
        ("PC 518", 19, "PC 186.22"),
        ("PC 136.1", 20, "PC 186.22"),
        ("PC 136.1(c)", 20, "PC 186.22"),
        ("PC 459", 21, "person_present"),
        ("PC 460(a)", 21, "person_present"),
    ],
)
def test_667_5_c_finding_paragraphs(code: str, paragraph: int, finding: str) -> None:
    offense = entry(code)
    assert offense.violent == "finding"
    assert offense.violent_paragraph == f"667.5(c)({paragraph})"
    assert offense.violent_findings == (finding,)


@pytest.mark.parametrize(
    "code",
    [
        "PC 12022.7",
        "PC 12022.8",
        "PC 12022.9",
        "PC 12022.3(a)",
        "PC 12022.5",
        "PC 12022.55",
        "PC 12022.53",
        "PC 186.22",
    ],
)
def test_667_5_c_paragraphs_8_and_22_enhancements_exist(code: str) -> None:
    offense = entry(code)
    assert offense.enhancement
    assert "enhancement" in offense.keywords
    assert offense.violent == "no"  # the enhancement law table decides


def test_667_5_c_paragraph_12_is_attempted_murder() -> None:
    parsed = parse_offense("664/187")
    assert parsed.attempt
    assert parsed.offense is entry("PC 187")


@pytest.mark.parametrize(
    ("code", "paragraph"),
    [
        ("PC 261", 3),
        ("PC 262", 3),
        ("PC 286", 4),
        ("PC 287", 5),
        ("PC 288", 6),
        ("PC 289", 11),
        ("PC 236.1", 7),
        ("PC 236.1(c)", 7),
        ("PC 192", 1),
        ("PC 451", 10),
        ("PC 11418", 23),
        ("PC 182", 7),
        ("PC 664", 12),
    ],
)
def test_parents_with_mixed_subdivisions_send_the_record_to_a_lawyer(
    code: str, paragraph: int
) -> None:
    offense = entry(code)
    assert offense.violent == "subdivision"
    assert offense.violent_paragraph == f"667.5(c)({paragraph})"


@pytest.mark.parametrize(
    "code",
    [
        "PC 192(b)",
        "PC 192(c)",
        "PC 236.1(a)",
        "PC 236.1(b)",
        "PC 236.1(c)(1)",
        "PC 261(a)(3)",
        "PC 261(a)(4)",
        "PC 278",
        "PC 278.5",
        "PC 451(c)",
        "PC 451(d)",
        "PC 452",
        "PC 245(a)(1)",
        "PC 422",
        "PC 273.5",
        "PC 460(b)",
        "PC 266h",
        "PC 266i",
        "PC 236",
    ],
)
def test_offenses_not_on_the_violent_list(code: str) -> None:
    assert entry(code).violent == "no"


@pytest.mark.parametrize(
    ("code", "paragraph"),
    [
        ("PC 245(a)(1)", "1192.7(c)(31)"),
        ("PC 422", "1192.7(c)(38)"),
        ("PC 460(a)", "1192.7(c)(18)"),
        ("PC 211", "1192.7(c)(19)"),
        ("PC 246", "1192.7(c)(33)"),
        ("PC 236.1(c)(2)", "1192.7(c)(7)"),
    ],
)
def test_serious_felonies(code: str, paragraph: str) -> None:
    offense = entry(code)
    assert offense.serious
    assert offense.serious_paragraph == paragraph


@pytest.mark.parametrize("code", ["PC 245(a)(4)", "PC 460(b)", "PC 484", "HS 11350"])
def test_not_serious(code: str) -> None:
    assert not entry(code).serious


@pytest.mark.parametrize(
    ("code", "flag"),
    [
        ("PC 261.5", "excluded_1203_4"),
        ("PC 289", "excluded_1203_4"),
        ("PC 286", "serious"),
        ("PC 236.1", "registration_290"),
        ("PC 487", "prop_47"),
        ("VC 10851", "prop_47"),
    ],
)
def test_flags_that_depend_on_the_subdivision_say_so(code: str, flag: str) -> None:
    offense = entry(code)
    assert flag in offense.mixed
    assert getattr(offense, flag) is True  # the stricter reading


def test_flags_that_hold_for_every_subdivision_are_not_mixed() -> None:
    assert entry("PC 288").mixed == ("serious",)  # all of 288 is excluded
    assert entry("PC 261.5(d)").mixed == ()
    assert entry("PC 211").mixed == ()
    for offense in catalog().values():
        assert all(getattr(offense, flag) is True for flag in offense.mixed)


def test_wobblers_and_straight_levels() -> None:
    assert entry("PC 484").is_wobbler
    assert entry("PC 245(a)(1)").is_wobbler
    assert not entry("PC 211").is_wobbler
    assert entry("PC 647(b)").levels == {"misdemeanor"}
    assert entry("VC 22350").levels == {"infraction"}


@pytest.mark.parametrize(
    ("code", "repealed"),
    [
        ("PC 653.22", date(2023, 1, 1)),
        ("PC 647f", date(2018, 1, 1)),
        ("PC 288a", date(2019, 1, 1)),
        ("PC 262", date(2022, 1, 1)),
        ("PC 12308", date(2012, 1, 1)),
        ("HS 120291", date(2018, 1, 1)),
    ],
)
def test_repealed_dates(code: str, repealed: date) -> None:
    assert entry(code).repealed == repealed


def test_sections_in_force_have_no_repeal_date() -> None:
    for code in ("PC 647(b)", "PC 653.23", "PC 287", "PC 261", "PC 18745"):
        assert entry(code).repealed is None


@pytest.mark.parametrize(
    "code",
    ["PC 647(b)", "PC 653.22", "PC 647f", "PC 653.23", "PC 266h", "PC 266i"],
)
def test_prostitution_related(code: str) -> None:
    assert entry(code).prostitution_related


@pytest.mark.parametrize("code", ["PC 484", "PC 647(f)", "HS 11350", "PC 236.1(a)"])
def test_not_prostitution_related(code: str) -> None:
    assert not entry(code).prostitution_related


@pytest.mark.parametrize(
    "code",
    [
        "PC 459.5",
        "PC 473",
        "PC 476a",
        "PC 490.2",
        "PC 496",
        "PC 666",
        "HS 11350",
        "HS 11357",
        "HS 11377",
    ],
)
def test_prop_47_reducible(code: str) -> None:
    assert entry(code).prop_47


@pytest.mark.parametrize("code", ["PC 211", "HS 11351", "HS 11378", "PC 487(d)(2)"])
def test_not_prop_47(code: str) -> None:
    assert not entry(code).prop_47


@pytest.mark.parametrize(
    "code",
    [
        "PC 286(c)",
        "PC 287(c)",
        "PC 288a(c)",
        "PC 288",
        "PC 288(a)",
        "PC 289(j)",
        "PC 261.5(d)",
    ],
)
def test_excluded_from_1203_4(code: str) -> None:
    assert entry(code).excluded_1203_4


@pytest.mark.parametrize(
    "code", ["PC 286(d)", "PC 261.5(c)", "PC 647(b)", "PC 211", "PC 289(a)"]
)
def test_not_excluded_from_1203_4(code: str) -> None:
    assert not entry(code).excluded_1203_4


@pytest.mark.parametrize(
    "code", ["PC 261(a)(2)", "PC 288(a)", "PC 647.6", "PC 266h(b)", "PC 236.1(b)"]
)
def test_registration_required(code: str) -> None:
    assert entry(code).registration_290


@pytest.mark.parametrize(
    "code", ["PC 647(b)", "PC 266h(a)", "PC 236.1(a)", "PC 261.5(c)", "PC 484"]
)
def test_registration_not_required(code: str) -> None:
    assert not entry(code).registration_290


@pytest.mark.parametrize(
    ("code", "level"),
    [
        ("18 USC 1591", "probably_A"),
        ("18 USC 2421", "A"),
        ("18 USC 1028A", "A"),
        ("18 USC 922(g)", "A"),
        ("18 USC 924(c)", "unknown"),
        ("18 USC 1951", "unknown"),
        ("18 USC 2113(a)", "B"),
        ("18 USC 2119", "B"),
        ("8 USC 1326", "A"),
        ("21 USC 841", "A"),
    ],
)
def test_federal_levels(code: str, level: str) -> None:
    offense = entry(code)
    assert offense.is_federal
    assert offense.law_code == "USC"
    assert offense.federal_level == level


def test_only_federal_entries_have_a_federal_level() -> None:
    for offense in catalog().values():
        assert (offense.federal_level in FEDERAL_LEVELS) == offense.is_federal
        if offense.is_federal:
            assert offense.violent == "no"  # § 667.5(c) is California law


def test_state_entries_know_their_law_code() -> None:
    assert entry("HS 11350").law_code == "HS"
    assert not entry("HS 11350").is_federal


def test_juvenile_status_offense_and_602() -> None:
    assert entry("WI 601").violent == "no"
    parsed = parse_offense("WIC 602")
    # A 602 petition names no offense: a lawyer must look at the charge.
    assert parsed.code == "WI 602"
    assert not parsed.known


# ----------------------------------------------------------------- parser

PARSER_FORMS = [
    ("647b", "PC 647(b)", "PC 647(b)"),
    ("647 (b)", "PC 647(b)", "PC 647(b)"),
    ("647 b", "PC 647(b)", "PC 647(b)"),
    ("647.b", "PC 647(b)", "PC 647(b)"),
    ("PC 647(b)", "PC 647(b)", "PC 647(b)"),
    ("PC647(b)", "PC 647(b)", "PC 647(b)"),
    ("P.C. 647(b)", "PC 647(b)", "PC 647(b)"),
    ("Penal Code 647(b)", "PC 647(b)", "PC 647(b)"),
    ("Penal Code section 647(b)", "PC 647(b)", "PC 647(b)"),
    ("Pen. Code § 647(b)", "PC 647(b)", "PC 647(b)"),
    ("Pen. Code, § 647, subd. (b).", "PC 647(b)", "PC 647(b)"),
    ("Cal. Penal Code § 647(b)", "PC 647(b)", "PC 647(b)"),
    ("§ 647(b)", "PC 647(b)", "PC 647(b)"),
    ("§§647(B)", "PC 647(b)", "PC 647(b)"),
    ("647(b) PC", "PC 647(b)", "PC 647(b)"),
    ("647(b)(1)", "PC 647(b)(1)", "PC 647(b)"),
    ("  pc 647(b)\t", "PC 647(b)", "PC 647(b)"),
    ("\uff30\uff23 \uff16\uff14\uff17(b)", "PC 647(b)", "PC 647(b)"),
    ("HS 11350", "HS 11350", "HS 11350"),
    ("H&S 11350(a)", "HS 11350(a)", "HS 11350(a)"),
    ("HS11350", "HS 11350", "HS 11350"),
    ("Health and Safety Code 11350", "HS 11350", "HS 11350"),
    ("Health & Saf. Code § 11377", "HS 11377", "HS 11377"),
    ("11377 H&S", "HS 11377", "HS 11377"),
    ("VC 23152(a)", "VC 23152(a)", "VC 23152(a)"),
    ("Veh. Code 23152(a)", "VC 23152(a)", "VC 23152(a)"),
    ("California Vehicle Code 10851", "VC 10851", "VC 10851"),
    ("WIC 601", "WI 601", "WI 601"),
    ("W&I 871", "WI 871", "WI 871"),
    ("Welf. & Inst. Code § 601(b)", "WI 601(b)", "WI 601(b)"),
    ("B&P 25658(a)", "BP 25658(a)", "BP 25658(a)"),
    ("211 PC", "PC 211", "PC 211"),
    ("PC 211(z)", "PC 211(z)", "PC 211"),
    ("PC 647(B) DISORDERLY CONDUCT: PROSTITUTION", "PC 647(b)", "PC 647(b)"),
    ("Section 647(b) of the Penal Code", "PC 647(b)", "PC 647(b)"),
    ("HS 11377(a) - possess controlled substance", "HS 11377(a)", "HS 11377(a)"),
    ("PC 261(a)(9)", "PC 261(a)(9)", "PC 261"),
    ("PC 647f", "PC 647f", "PC 647f"),
    ("PC 647(f)", "PC 647(f)", "PC 647(f)"),
    ("PC 266h", "PC 266h", "PC 266h"),
    ("PC 266(h)", "PC 266h", "PC 266h"),
    ("PC 266h(b)(2)", "PC 266h(b)(2)", "PC 266h(b)"),
    ("PC 273ab", "PC 273ab", "PC 273ab"),
    ("18 USC 1591", "18 USC 1591", "18 USC 1591"),
    ("18 U.S.C. § 1591", "18 USC 1591", "18 USC 1591"),
    ("18 U.S.C. 1028a", "18 USC 1028A", "18 USC 1028A"),
    ("18 USC 922(g)(1)", "18 USC 922(g)(1)", "18 USC 922(g)"),
    ("21 U.S.C. § 841(a)(1)", "21 USC 841(a)(1)", "21 USC 841"),
]


@pytest.mark.parametrize(("text", "code", "offense"), PARSER_FORMS)
def test_parser_forms(text: str, code: str, offense: str) -> None:
    parsed = parse_offense(text)
    assert parsed.code == code
    assert parsed.offense is not None
    assert parsed.offense.code == offense
    assert parsed.known
    assert not parsed.attempt
    assert parsed.input == text
    assert parsed.title == parsed.offense.title


@pytest.mark.parametrize(
    ("text", "code", "offense"),
    [
        ("664/211", "PC 664/211", "PC 211"),
        ("PC 664/211 attempted robbery", "PC 664/211", "PC 211"),
        ("PC 664/211", "PC 664/211", "PC 211"),
        ("PC 664 / 211", "PC 664/211", "PC 211"),
        ("664/187", "PC 664/187", "PC 187"),
        ("Penal Code 664/215(a)", "PC 664/215(a)", "PC 215(a)"),
    ],
)
def test_attempts(text: str, code: str, offense: str) -> None:
    parsed = parse_offense(text)
    assert parsed.attempt
    assert parsed.code == code
    assert parsed.offense is entry(offense)
    title = entry(offense).title
    assert parsed.title == f"Attempted {title[0].lower()}{title[1:]}"


def test_an_attempt_title_is_one_phrase_translated_whole() -> None:
    """ "Intento de robo", not "Attempt: Robbery" or "Intento: Robo"."""
    spanish = {
        "Attempted %(offense)s": "Intento de %(offense)s",
        "Robbery": "Robo",
        "Murder": "Asesinato (murder)",
    }
    translate = lambda text: spanish.get(text, text)  # noqa: E731
    assert parse_offense("664/211").title == "Attempted robbery"
    assert parse_offense("664/211").title_in(translate) == "Intento de robo"
    assert (
        parse_offense("664/187").title_in(translate) == "Intento de asesinato (murder)"
    )
    assert parse_offense("211").title_in(translate) == "Robo"
    assert parse_offense("PC 664/99999").title_in(translate) is None


@pytest.mark.parametrize(
    ("title", "inside"),
    [
        ("Robbery", "robbery"),
        ("Disorderly conduct: prostitution", "disorderly conduct: prostitution"),
        ("Hurto (theft)", "hurto (theft)"),
        ("DUI after a prior felony DUI", "DUI after a prior felony DUI"),
        ("Medi-Cal fraud", "Medi-Cal fraud"),
        ("First-degree murder", "first-degree murder"),
        ("Agresión (assault)", "agresión (assault)"),
        ("PCP", "PCP"),
    ],
)
def test_a_title_inside_a_phrase_keeps_acronyms_and_names(
    title: str, inside: str
) -> None:
    from screener.rules.catalog import _inside_phrase

    assert _inside_phrase(title) == inside


def test_attempt_of_an_unknown_offense_is_unknown() -> None:
    parsed = parse_offense("PC 664/99999")
    assert parsed.attempt
    assert parsed.code == "PC 664/99999"
    assert not parsed.known
    assert parsed.title is None


def test_a_later_code_gives_the_degree() -> None:
    parsed = parse_offense("459/460(a)")
    assert parsed.code == "PC 459/460(a)"
    assert parsed.offense is entry("PC 460(a)")
    assert not parsed.attempt


def test_enhancements_after_a_slash_are_not_the_offense() -> None:
    parsed = parse_offense("PC 245(a)(1)/12022.7")
    assert parsed.offense is entry("PC 245(a)(1)")
    assert parsed.enhancements == ("PC 12022.7",)
    parsed = parse_offense("664/187/12022.53(d)")
    assert parsed.attempt
    assert parsed.offense is entry("PC 187")
    assert parsed.enhancements == ("PC 12022.53(d)",)


def test_only_enhancements_is_no_offense() -> None:
    parsed = parse_offense("12022.7/12022.5")
    assert parsed.code == "PC 12022.7/12022.5"
    assert parsed.offense is None
    assert parsed.enhancements == ("PC 12022.7", "PC 12022.5")


def test_conspiracy_is_not_the_target_offense() -> None:
    parsed = parse_offense("PC 182(a)(1)/211")
    assert parsed.offense is entry("PC 182(a)(1)")
    assert parsed.offense.violent == "subdivision"


def test_an_unknown_part_after_a_slash_makes_the_whole_unknown() -> None:
    parsed = parse_offense("PC 211/99999")
    assert parsed.code == "PC 211/99999"
    assert parsed.offense is None


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("PC 99999", "PC 99999"),
        ("HS 1", "HS 1"),
        ("WIC 602", "WI 602"),
        ("xyz", None),
        ("", None),
        ("   ", None),
        ("/", None),
        ("664/", None),
        ("211/abc", None),
        ("USC 1591", None),
        ("18 USC xyz", None),
        ("18 USC 1591/1594", None),
        ("USC 1591/1594", None),
        ("Penal Code", None),
        ("PC 211 and PC 459", None),
        ("PC 211 robbery 2nd degree", None),
        ("prostitution", None),
        ("\x00", None),
        ("647(b)\x00\x00", "PC 647(b)"),
    ],
)
def test_unknown_and_unreadable_codes(text: str, code: str | None) -> None:
    parsed = parse_offense(text)
    assert parsed.code == code
    if code != "PC 647(b)":
        assert not parsed.known
        assert parsed.title is None


def test_huge_input_is_unknown_without_parsing() -> None:
    text = "PC 211" + " " * 1_000_000
    parsed = parse_offense(text)
    assert parsed == ParsedOffense(input=text, code=None, offense=None)


def test_non_text_input_is_unknown() -> None:
    parsed = parse_offense(None)  # type: ignore[arg-type]  # bad input on purpose
    assert parsed.input == ""
    assert not parsed.known


@pytest.mark.parametrize(
    "text",
    [
        "\u202e112 CP",
        "İİİ 647(b)",
        "647(b)\u0301",
        "🙂 211",
        "\ud800",
        "(" * 5000,
        "1" * 5000 + " USC 1",
        "PC " + "(a)" * 60,
        "§" * 199,
    ],
)
def test_odd_input_never_raises(text: str) -> None:
    assert isinstance(parse_offense(text), ParsedOffense)
    canonical_code(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_parser_never_raises(text: str) -> None:
    parsed = parse_offense(text)
    assert parsed.input == text or len(text) > 200
    assert parsed.known == (parsed.offense is not None)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(sorted(catalog())))
def test_every_code_parses_back_to_its_entry(code: str) -> None:
    assert parse_offense(code).offense is entry(code)
    assert parse_offense(code.lower()).offense is entry(code)


def test_lookup_falls_back_to_the_parent_and_knows_when_to_stop() -> None:
    assert lookup("PC 245(a)(1)(z)") is entry("PC 245(a)(1)")
    assert lookup("PC 99999(a)") is None
    assert lookup("HS 11350(z)(9)") is entry("HS 11350")


# ----------------------------------------------------------------- search


def test_search_prostitution_puts_647b_first() -> None:
    results = search("prostitution")
    assert results[0] is entry("PC 647(b)")
    assert all(o.prostitution_related or o.is_federal for o in results)


@pytest.mark.parametrize("query", ["prostitución", "prostitucion", "PROSTITUCIÓN"])
def test_search_in_spanish_with_or_without_accents(query: str) -> None:
    assert entry("PC 647(b)") in search(query)


def test_search_robo_finds_robbery_and_theft() -> None:
    results = search("robo", limit=100)
    assert entry("PC 211") in results
    assert entry("PC 484") in results
    assert entry("PC 459.5") in results
    assert entry("HS 11350") not in results


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("drogas", "HS 11350"),
        ("drugs", "HS 11377"),
        ("shoplifting", "PC 459.5"),
        ("theft", "PC 484"),
        ("drunk driving", "VC 23152"),
        ("manejar sin licencia", "VC 12500"),
        ("domestic violence", "PC 273.5"),
        ("the trespass", "PC 602"),
        ("enhancement", "PC 12022.53"),
    ],
)
def test_search_plain_words(query: str, code: str) -> None:
    assert entry(code) in search(query, limit=50)


def test_search_by_code() -> None:
    assert search("PC 211")[0] is entry("PC 211")
    assert search("211")[0] is entry("PC 211")
    assert search("647b")[0] is entry("PC 647(b)")
    assert search("11350")[0] is entry("HS 11350")
    # A number must match a whole section: "211" is not "2110" or "12211".
    assert all("211" in o.code for o in search("211", limit=50))


# Ranking (plain words, how common a charge is, frightening charges):
# tests/rules/test_search.py.


def test_search_with_nothing_to_look_for() -> None:
    assert search("") == []
    assert search("the of and") == []
    assert search("zzzzqqq") == []
    assert search("§") == []


def test_search_limit() -> None:
    assert len(search("theft", limit=3)) == 3


# ----------------------------------------------------------------- loader

GOOD_ENTRY: dict[str, Any] = {
    "code": "PC 211",
    "title": "Robbery",
    "levels": ["felony"],
    "violent": "yes",
    "violent_paragraph": "667.5(c)(9)",
    "serious": True,
    "serious_paragraph": "1192.7(c)(19)",
    "keywords": ["robbery"],
}
MIXED_ENTRY = {**GOOD_ENTRY, "code": "PC 212.5", "mixed": ["serious"]}


def write(tmp_path: Path, document: Any, name: str = "test.yaml") -> Path:
    (tmp_path / name).write_text(
        yaml.safe_dump(document, allow_unicode=True), encoding="utf-8"
    )
    return tmp_path


def document(*entries: dict[str, Any]) -> dict[str, Any]:
    return {
        "source": "Test source",
        "last_verified": date(2026, 11, 24),
        "offenses": list(entries),
    }


def test_loader_reads_a_good_file(tmp_path: Path) -> None:
    finding = {
        "code": "PC 518",
        "title": "Extortion",
        "levels": ["felony"],
        "violent": "finding",
        "violent_paragraph": "667.5(c)(19)",
        "violent_findings": ["PC 186.22"],
        "repealed": date(2030, 1, 1),
        "enhancement": False,
        "notes": "A note.",
    }
    federal = {
        "code": "18 USC 1591",
        "title": "Sex trafficking",
        "levels": ["felony"],
        "violent": "no",
        "federal_level": "unknown",
    }
    loaded = load_catalog(
        write(tmp_path, document(GOOD_ENTRY, finding, federal, MIXED_ENTRY))
    )
    assert set(loaded) == {"PC 211", "PC 518", "18 USC 1591", "PC 212.5"}
    assert loaded["PC 212.5"].mixed == ("serious",)
    robbery = loaded["PC 211"]
    assert robbery.source == "Test source"
    assert robbery.levels == frozenset({"felony"})
    assert robbery.serious_paragraph == "1192.7(c)(19)"
    assert robbery.repealed is None
    assert robbery.keywords == ("robbery",)
    assert robbery.mixed == ()
    assert not robbery.enhancement
    assert loaded["PC 518"].violent_findings == ("PC 186.22",)
    assert loaded["PC 518"].repealed == date(2030, 1, 1)
    assert loaded["18 USC 1591"].federal_level == "unknown"
    assert loaded["18 USC 1591"].keywords == ()


def test_loader_reads_every_yaml_file_in_the_directory(tmp_path: Path) -> None:
    other = dict(GOOD_ENTRY, code="PC 212.5")
    write(tmp_path, document(GOOD_ENTRY), "a.yaml")
    write(tmp_path, document(other), "b.yaml")
    (tmp_path / "ignored.txt").write_text("not: yaml: at all", encoding="utf-8")
    assert set(load_catalog(tmp_path)) == {"PC 211", "PC 212.5"}


def changed(**changes: Any) -> dict[str, Any]:
    result = {**GOOD_ENTRY, **changes}
    return {key: value for key, value in result.items() if value is not DROP}


DROP = object()

BAD_ENTRIES = {
    "unknown key": changed(violent_flag=True),
    "missing title": changed(title=DROP),
    "missing levels": changed(levels=DROP),
    "missing violent": changed(violent=DROP, violent_paragraph=DROP),
    "bad violent value": changed(violent="maybe"),
    "unquoted no (YAML false)": changed(violent=False, violent_paragraph=DROP),
    "violent without paragraph": changed(violent_paragraph=DROP),
    "non-violent with paragraph": changed(violent="no"),
    "malformed paragraph": changed(violent_paragraph="667.5(c)(24)"),
    "paragraph not text": changed(violent_paragraph=9),
    "finding without findings": changed(violent="finding"),
    "findings without finding": changed(violent_findings=["person_present"]),
    "findings not a list": changed(
        violent="finding", violent_findings="person_present"
    ),
    "misdemeanor cannot be violent": changed(levels=["misdemeanor"]),
    "serious without paragraph": changed(serious_paragraph=DROP),
    "serious paragraph without serious": changed(serious=False),
    "malformed serious paragraph": changed(serious_paragraph="1192.7(c)(43)"),
    "serious not a bool": changed(serious="yes"),
    "prop_47 not a bool": changed(prop_47="no"),
    "bad federal level": changed(
        code="18 USC 2113(a)", violent="no", violent_paragraph=DROP, federal_level="C"
    ),
    "federal code without level": changed(
        code="18 USC 2113(a)", violent="no", violent_paragraph=DROP
    ),
    "state code with federal level": changed(federal_level="A"),
    "non-canonical code": changed(code="pc 211"),
    "non-canonical spacing": changed(code="PC  211"),
    "unreadable code": changed(code="robbery"),
    "code not text": changed(code=211),
    "title not text": changed(title=["Robbery"]),
    "empty title": changed(title="  "),
    "empty levels": changed(levels=[]),
    "unknown level": changed(levels=["felony", "wobbler"]),
    "duplicate level": changed(levels=["felony", "felony"]),
    "levels not a list": changed(levels="felony"),
    "keywords not a list": changed(keywords="robbery"),
    "keyword not text": changed(keywords=["robbery", 5150]),
    "repealed not a date": changed(repealed="2023-01-01"),
    "notes not text": changed(notes=["a"]),
    "mixed names an unknown flag": changed(mixed=["violent"]),
    "mixed names a flag that is not set": changed(mixed=["prop_47"]),
    "mixed not a list": changed(mixed="serious"),
}


@pytest.mark.parametrize("bad", BAD_ENTRIES.values(), ids=BAD_ENTRIES.keys())
def test_loader_rejects_a_bad_entry(tmp_path: Path, bad: dict[str, Any]) -> None:
    with pytest.raises(CatalogError, match=r"test\.yaml"):
        load_catalog(write(tmp_path, document(bad)))


def test_loader_rejects_an_entry_that_is_not_a_mapping(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="mapping"):
        # A list entry, not a mapping: the malformed file this test is about.
        load_catalog(write(tmp_path, document(["PC 211"])))  # type: ignore[arg-type]


def test_loader_rejects_a_duplicate_code(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="duplicate code PC 211"):
        load_catalog(write(tmp_path, document(GOOD_ENTRY, GOOD_ENTRY)))


def test_loader_rejects_a_duplicate_across_files(tmp_path: Path) -> None:
    write(tmp_path, document(GOOD_ENTRY), "a.yaml")
    write(tmp_path, document(GOOD_ENTRY), "b.yaml")
    with pytest.raises(CatalogError, match=r"b\.yaml: duplicate"):
        load_catalog(tmp_path)


BAD_DOCUMENTS = {
    "no source": {k: v for k, v in document(GOOD_ENTRY).items() if k != "source"},
    "no last_verified": {
        k: v for k, v in document(GOOD_ENTRY).items() if k != "last_verified"
    },
    "extra key": {**document(GOOD_ENTRY), "version": 2},
    "last_verified not a date": {**document(GOOD_ENTRY), "last_verified": "soon"},
    "empty source": {**document(GOOD_ENTRY), "source": " "},
    "source not text": {**document(GOOD_ENTRY), "source": 7},
    "offenses not a list": {**document(), "offenses": {"code": "PC 211"}},
    "a list, not a mapping": [GOOD_ENTRY],
    "empty file": None,
}


@pytest.mark.parametrize("bad", BAD_DOCUMENTS.values(), ids=BAD_DOCUMENTS.keys())
def test_loader_rejects_a_bad_file(tmp_path: Path, bad: Any) -> None:
    with pytest.raises(CatalogError, match=r"test\.yaml"):
        load_catalog(write(tmp_path, bad))


def test_loader_rejects_invalid_yaml(tmp_path: Path) -> None:
    (tmp_path / "broken.yaml").write_text("offenses: [unclosed", encoding="utf-8")
    with pytest.raises(CatalogError, match=r"broken\.yaml: not valid YAML"):
        load_catalog(tmp_path)


@pytest.mark.parametrize(
    ("name", "law_code"),
    [
        ("business_professions.yaml", "BP"),
        ("federal.yaml", "USC"),
        ("health_safety.yaml", "HS"),
        ("penal.yaml", "PC"),
        ("vehicle.yaml", "VC"),
        ("welfare_institutions.yaml", "WI"),
    ],
)
def test_the_shipped_files_are_split_by_law_code(
    tmp_path: Path, name: str, law_code: str
) -> None:
    shutil.copy(catalog_module.DATA_DIR / name, tmp_path / name)
    one = load_catalog(tmp_path)
    assert one
    assert {offense.law_code for offense in one.values()} == {law_code}
    assert all(catalog()[code] == offense for code, offense in one.items())


def test_there_are_no_other_data_files() -> None:
    files = sorted(path.name for path in catalog_module.DATA_DIR.glob("*.yaml"))
    assert len(files) == 6


def test_the_catalog_module_never_imports_django() -> None:
    source = Path(catalog_module.__file__).read_text(encoding="utf-8")
    assert "django" not in source.lower()
