"""Properties over random cases (hypothesis): what must hold for every survivor.

- screening never raises on valid input;
- an unknown fact never produces not_eligible unless every possible answer
  to it would (a bar must rest on something we know);
- a violent felony under § 667.5(c) is never "likely" under current
  § 236.14 or § 236.15;
- ``best`` is never a weaker relief than an available vacatur of equal or
  better status (issue 11), and every remedy says whether it helps with
  immigration, with a reason when it depends;
- answering "yes" instead of "unsure" to a question where yes helps
  (while_victimized, direct_result, sought_services, reasonable_fear,
  federal_prison) never
  makes a status worse; for "is it still happening" the helpful answer is no;
- a finding or enhancement the engine cannot read never gives "likely" under
  §§ 236.14, 236.15, 236.23 or 236.24 (issue 11).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from screener.rules import levels_for, screen
from screener.rules.catalog import read_finding
from screener.rules.contract import Status

ANSWER = st.sampled_from(["yes", "no", "unsure", None])
OFFENSES = [
    "PC 647(b)", "647b", "PC 211", "PC 664/211", "PC 664/187", "PC 459", "PC 460(a)",
    "PC 459/460(a)", "PC 451(a)", "PC 451(d)", "PC 518", "PC 245(a)(1)", "PC 261",
    "PC 261(a)(2)", "PC 653.22", "PC 647f", "PC 484", "PC 288(a)", "PC 236.1(c)(2)",
    "HS 11350", "VC 23152(a)", "18 USC 1591", "21 USC 841", "18 USC 2113(a)",
    "PC 99999", "", "xyz", "PC 12022.7", "PC 182(a)(1)/187", "PC 523",
    "18 USC 924(c)/21 USC 841", "18 USC 1951 attempted robbery", "18 USC 1951",
]  # fmt: skip
FELONY_ENHANCEMENTS = {"PC 12022.7", "PC 12022.53", "PC 12022.5"}
ENHANCEMENTS = [
    "PC 12022.7",
    "PC 12022.53",
    "PC 12022.5",
    "PC 186.22",
    "person_present",
]
TODAY = date(2026, 11, 24)


def _drop_none(values: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in values.items() if value is not None}


records = st.builds(
    lambda **fields: _drop_none(fields),
    id=st.just("1"),
    system=st.sampled_from(["california", "federal", "other_state", None]),
    disposition=st.sampled_from(
        ["conviction", "arrest", "juvenile_adjudication", "pending", None]
    ),
    offense=st.sampled_from(OFFENSES),
    level=st.sampled_from(["felony", "misdemeanor", "infraction", "unknown", None]),
    age_at_offense=st.one_of(st.none(), st.integers(min_value=10, max_value=80)),
    while_victimized=st.sampled_from(["yes", "no", "unsure", "before", "after", None]),
    federal_prison=ANSWER,
    direct_result=ANSWER,
    reasonable_fear=ANSWER,
    enhancements=st.one_of(
        st.none(), st.lists(st.sampled_from(ENHANCEMENTS), max_size=2)
    ),
    probation=st.sampled_from(["none", "active", "completed", "unknown", None]),
    in_custody=st.sampled_from([True, False, None]),
    fines_unpaid=st.sampled_from([True, False, None]),
    restitution_unpaid=st.sampled_from([True, False, None]),
    sentence=st.sampled_from(["probation", "county_jail", "prison", "none", None]),
)
victimizations = st.builds(
    lambda **fields: _drop_none(fields),
    kinds=st.one_of(
        st.none(),
        st.lists(
            st.sampled_from(
                ["human_trafficking", "intimate_partner_violence", "sexual_violence"]
            ),
            unique=True,
        ),
    ),
    ongoing=ANSWER,
    sought_services=ANSWER,
)
as_ofs = st.dates(min_value=date(2014, 1, 1), max_value=date(2030, 12, 31))


def _case(victimization: dict, record: dict, as_of: date) -> dict[str, Any]:
    return {
        "as_of": as_of.isoformat(),
        "victimization": victimization,
        "records": [record],
    }


def _statuses(case: dict[str, Any]) -> dict[str, str]:
    result = screen(case, today=TODAY)
    return {r["remedy"]: r["status"] for r in result["records"][0]["remedies"]}


@settings(max_examples=400, deadline=None)
@given(victimizations, records, as_ofs)
def test_screening_never_raises_and_every_remedy_has_a_reason(
    victimization: dict, record: dict, as_of: date
) -> None:
    result = screen(_case(victimization, record, as_of), today=TODAY)
    for remedy in result["records"][0]["remedies"]:
        assert remedy["status"] in set(Status)
        assert remedy["reasons"], remedy["remedy"]
        if remedy["status"] != "likely":
            kinds = {reason["kind"] for reason in remedy["reasons"]}
            assert kinds & {"bar", "unsettled", "unknown"}, remedy


RECORD_UNKNOWNS = {
    "system": ["california", "federal", "other_state"],
    "disposition": ["conviction", "arrest", "juvenile_adjudication", "pending"],
    "level": ["felony", "misdemeanor", "infraction"],
    "while_victimized": ["yes", "no", "before", "after"],
    "federal_prison": ["yes", "no"],
    "direct_result": ["yes", "no"],
    "reasonable_fear": ["yes", "no"],
    "probation": ["none", "active", "completed"],
    "in_custody": [True, False],
    "enhancements": [
        [],
        ["PC 12022.7"],
        ["person_present"],
        ["PC 186.22"],
        ["firearm thing"],
    ],
    "sentence": ["probation", "county_jail", "prison", "none"],
}


@settings(max_examples=300, deadline=None)
@given(victimizations, records, as_ofs, st.sampled_from(sorted(RECORD_UNKNOWNS)))
def test_an_unknown_fact_is_not_eligible_only_if_every_answer_would_be(
    victimization: dict, record: dict, as_of: date, field: str
) -> None:
    unknown = {key: value for key, value in record.items() if key != field}
    unknown_statuses = _statuses(_case(victimization, unknown, as_of))
    answers = RECORD_UNKNOWNS[field]
    if field == "level":
        # A level the catalog rules out for this offense is not a possible
        # truth, and GBI or firearm enhancements are found only on felonies.
        answers = levels_for(record.get("offense", "")) or answers
        if set(record.get("enhancements") or ()) & FELONY_ENHANCEMENTS:
            answers = ["felony"]
    for remedy, status in unknown_statuses.items():
        if status != "not_eligible":
            continue
        for value in answers:
            known = _statuses(_case(victimization, {**unknown, field: value}, as_of))
            assert known[remedy] == "not_eligible", (remedy, field, value)


@settings(max_examples=200, deadline=None)
@given(records, as_ofs)
def test_nothing_is_not_eligible_for_vacatur_when_only_unknowns_are_given(
    record: dict, as_of: date
) -> None:
    """With every fact unknown but the offense, only a known violent felony bars vacatur."""
    bare = {"id": "1", "offense": record.get("offense", "")}
    result = screen(_case({}, bare, max(as_of, date(2022, 1, 1))), today=TODAY)
    screened = result["records"][0]
    statuses = {r["remedy"]: r["status"] for r in screened["remedies"]}
    if screened["offense"]["violent"]:
        assert statuses["PC 236.14"] == "not_eligible"
    else:
        assert statuses["PC 236.14"] != "not_eligible"
        assert statuses["PC 236.15"] != "not_eligible"


@settings(max_examples=400, deadline=None)
@given(victimizations, records, as_ofs)
def test_a_violent_felony_is_never_likely_under_current_vacatur(
    victimization: dict, record: dict, as_of: date
) -> None:
    result = screen(_case(victimization, record, as_of), today=TODAY)
    screened = result["records"][0]
    if screened["offense"]["violent"]:
        for remedy in screened["remedies"]:
            if remedy["remedy"] in ("PC 236.14", "PC 236.15", "PC 236.23", "PC 236.24"):
                assert remedy["status"] != "likely"


@settings(max_examples=300, deadline=None)
@given(
    victimizations,
    records,
    as_ofs,
    st.sampled_from(
        [
            "while_victimized",
            "direct_result",
            "reasonable_fear",
            "sought_services",
            "federal_prison",
        ]
    ),
)
def test_yes_instead_of_unsure_never_makes_a_status_worse(
    victimization: dict, record: dict, as_of: date, field: str
) -> None:
    def with_answer(answer: str) -> dict[str, str]:
        if field == "sought_services":
            return _statuses(_case({**victimization, field: answer}, record, as_of))
        return _statuses(_case(victimization, {**record, field: answer}, as_of))

    unsure, yes = with_answer("unsure"), with_answer("yes")
    for remedy, status in unsure.items():
        assert Status(yes[remedy]).rank <= Status(status).rank, (remedy, field)


@settings(max_examples=200, deadline=None)
@given(victimizations, records, as_ofs)
def test_no_instead_of_unsure_about_ongoing_harm_never_makes_a_status_worse(
    victimization: dict, record: dict, as_of: date
) -> None:
    unsure = _statuses(_case({**victimization, "ongoing": "unsure"}, record, as_of))
    ended = _statuses(_case({**victimization, "ongoing": "no"}, record, as_of))
    for remedy, status in unsure.items():
        assert Status(ended[remedy]).rank <= Status(status).rank, remedy


UNREADABLE = st.one_of(
    st.sampled_from(["firearm thing", "no GBI", "PC 12022", "667.5(c)(8)", "PC 211"]),
    st.text(min_size=1, max_size=30).filter(
        lambda text: bool(text.strip()) and not read_finding(text)[1]
    ),
)


@settings(max_examples=300, deadline=None)
@given(
    victimizations,
    records,
    as_ofs,
    st.lists(UNREADABLE, min_size=1, max_size=2),
)
def test_an_unreadable_finding_never_gives_likely(
    victimization: dict, record: dict, as_of: date, unreadable: list[str]
) -> None:
    """A finding the engine cannot read may make the felony violent: never a quiet yes."""
    found = [*(record.get("enhancements") or []), *unreadable]
    case = _case(victimization, {**record, "enhancements": found}, as_of)
    for remedy in screen(case, today=TODAY)["records"][0]["remedies"]:
        if remedy["remedy"] in ("PC 236.14", "PC 236.15", "PC 236.23", "PC 236.24"):
            assert remedy["status"] != "likely", (remedy["remedy"], found)


CITIZEN = st.sampled_from(["yes", "no", "unsure", None])


@settings(max_examples=400, deadline=None)
@given(victimizations, records, as_ofs, CITIZEN)
def test_best_is_never_weaker_than_an_available_vacatur_of_equal_or_better_status(
    victimization: dict, record: dict, as_of: date, citizen: str | None
) -> None:
    from screener.rules.law import laws, relief_strength

    conditional = {
        law.remedy for law in laws().values() if law.relief and law.relief.conditional
    }
    case = _case(victimization, record, as_of)
    if citizen is not None:
        case["immigration"] = {"citizen": citizen}
    screened = screen(case, today=TODAY)["records"][0]
    remedies = {r["remedy"]: r for r in screened["remedies"]}
    strength = relief_strength()
    open_vacaturs = [
        r
        for r in screened["remedies"]
        if r["relief"] == "vacatur"
        and r["remedy"] not in conditional
        and r["in_force"]
        and r["applicable"]
        and r["status"] != "not_eligible"
    ]
    if not open_vacaturs:
        return
    best = remedies[screened["best"]]
    assert best["in_force"]
    for vacatur in open_vacaturs:
        if Status(vacatur["status"]).rank <= Status(best["status"]).rank:
            assert strength[best["relief"]] <= strength["vacatur"], (
                best["remedy"],
                vacatur["remedy"],
            )
    for remedy in screened["remedies"]:
        assert remedy["immigration_relief"] in (True, False, None)
        assert (remedy["immigration_reason"] is None) is (
            remedy["immigration_relief"] is not None
        )


@settings(max_examples=200, deadline=None)
@given(victimizations, records, as_ofs)
def test_citizenship_not_given_closes_a_door_only_if_every_answer_would(
    victimization: dict, record: dict, as_of: date
) -> None:
    """immigration.citizen is skippable: skipping it must never close a door."""
    unknown = _statuses(_case(victimization, record, as_of))
    answered = []
    for citizen in ("yes", "no", "unsure"):
        case = _case(victimization, record, as_of)
        case["immigration"] = {"citizen": citizen}
        answered.append(_statuses(case))
    for remedy, status in unknown.items():
        if status == "not_eligible":
            assert all(known[remedy] == "not_eligible" for known in answered), remedy


@settings(max_examples=300, deadline=None)
@given(victimizations, st.lists(records, min_size=1, max_size=3), as_ofs, CITIZEN)
def test_a_cached_english_answer_is_the_answer_built_afresh(
    victimization: dict, several: list[dict], as_of: date, citizen: str | None
) -> None:
    """English remedy objects come from a cache (outcome._RENDERED); a translate
    function, even one that changes nothing, builds every object anew. Both
    must give the same answer, so no speed-up of the cache can change one."""
    case = {
        "as_of": as_of.isoformat(),
        "victimization": victimization,
        "records": [{**record, "id": str(i)} for i, record in enumerate(several)],
    }
    if citizen is not None:
        case["immigration"] = {"citizen": citizen}
    cached = screen(case, today=TODAY)
    assert screen(case, today=TODAY) == cached
    assert screen(case, today=TODAY, translate=lambda text: text) == cached
