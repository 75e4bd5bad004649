"""What goes in a packet: statute, records, agencies, blanks and dates."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from petitions.packet import (
    PARTNER_OR_SEXUAL_VIOLENCE,
    TRAFFICKING,
    Packet,
    candidate_records,
    initials_of,
    packet_build,
    statute_for,
    statute_options,
)
from screener.rules import screen

Build = Callable[..., Packet]
TODAY = date(2026, 11, 24)


@pytest.mark.parametrize(
    ("kinds", "expected"),
    [
        (["human_trafficking"], [TRAFFICKING]),
        (["intimate_partner_violence"], [PARTNER_OR_SEXUAL_VIOLENCE]),
        (["sexual_violence"], [PARTNER_OR_SEXUAL_VIOLENCE]),
        (
            ["sexual_violence", "human_trafficking"],
            [TRAFFICKING, PARTNER_OR_SEXUAL_VIOLENCE],
        ),
        ([], []),
    ],
)
def test_victimization_kinds_decide_the_statute(
    kinds: list[str], expected: list[str]
) -> None:
    assert statute_options({"victimization": {"kinds": kinds}}) == expected


def test_violent_felony_is_left_out_and_unknown_offense_is_flagged(
    trafficking_case: dict[str, Any],
) -> None:
    trafficking_case["records"].append(
        {
            "id": "5",
            "system": "california",
            "disposition": "arrest",
            "offense": "XX 999",
            "level": "unknown",
            "county": "Alameda",
            "while_victimized": "yes",
            "direct_result": "yes",
        }
    )
    screening = screen(trafficking_case)
    records = candidate_records(trafficking_case, screening, TRAFFICKING)
    ids = [record.record_id for record in records]
    assert ids == ["1", "2", "3", "5"]  # PC 211 robbery: violent, § 667.5(c)(9)
    engine_review = {
        output["id"]
        for output in screening["records"]
        for remedy in output["remedies"]
        if remedy["remedy"] == TRAFFICKING and remedy["status"] == "needs_review"
    }
    flagged = {record.record_id for record in records if record.needs_attorney_review}
    assert "5" in flagged
    assert flagged == engine_review


def test_record_screened_not_eligible_is_never_included() -> None:
    case = {"victimization": {"kinds": ["human_trafficking"]}, "records": [{"id": "x"}]}
    screening = {
        "records": [
            {"id": "x", "remedies": [{"remedy": TRAFFICKING, "status": "not_eligible"}]}
        ]
    }
    assert candidate_records(case, screening, TRAFFICKING) == []
    screening["records"][0]["remedies"][0]["status"] = "possible"
    assert [r.record_id for r in candidate_records(case, screening, TRAFFICKING)] == [
        "x"
    ]


def test_same_county_records_share_one_petition_other_counties_get_their_own(
    trafficking_case: dict[str, Any], full_details: dict[str, Any], build_packet: Build
) -> None:
    packet = build_packet(trafficking_case, full_details)
    by_county = {cp.county_label: cp for cp in packet.county_packets}
    assert list(by_county) == ["Los Angeles", "Alameda"]
    assert by_county["Los Angeles"].case_numbers == ("23CR12345", "23CR67890")
    assert by_county["Alameda"].case_numbers == ("22-CR-555",)


def test_felony_goes_to_district_attorney_and_chosen_city_office_to_misdemeanor(
    trafficking_case: dict[str, Any], full_details: dict[str, Any], build_packet: Build
) -> None:
    los_angeles = build_packet(trafficking_case, full_details).county_packets[0]
    misdemeanor, felony = los_angeles.records
    assert misdemeanor.agency.name == "Los Angeles City Attorney"
    assert felony.agency.name == "Los Angeles County District Attorney"
    assert [a.name for a in los_angeles.agencies] == [
        "Los Angeles City Attorney",
        "Los Angeles County District Attorney",
    ]


def test_unknown_city_of_a_city_misdemeanor_leaves_the_prosecutor_blank(
    trafficking_case: dict[str, Any], full_details: dict[str, Any], build_packet: Build
) -> None:
    del full_details["prosecutor_0"]
    record = build_packet(trafficking_case, full_details).county_packets[0].records[0]
    # Never the DA by default: in Los Angeles the City Attorney may have.
    assert record.agency.name.startswith("[TO BE COMPLETED: prosecuting agency")
    assert record.agency_unsure
    assert "city of arrest is not known" in record.agency_unknown_because
    full_details["prosecutor_0"] = "da"  # arrested elsewhere in the county
    record = build_packet(trafficking_case, full_details).county_packets[0].records[0]
    assert record.agency.name == "Los Angeles County District Attorney"
    assert not record.agency_unsure


@pytest.mark.parametrize(
    ("level", "city", "office"),
    [
        ("misdemeanor", "Los Angeles", "Los Angeles City Attorney"),
        ("infraction", "Los Angeles", "Los Angeles City Attorney"),
        ("felony", "Los Angeles", "Los Angeles County District Attorney"),
        ("felony", "", "Los Angeles County District Attorney"),
        ("misdemeanor", "da", "Los Angeles County District Attorney"),
        ("unknown", "Los Angeles", None),  # felony: DA; misdemeanor: city
        ("misdemeanor", "", None),
    ],
)
def test_prosecutor_is_derived_from_the_city_of_arrest_and_the_level(
    level: str, city: str, office: str | None, build_packet: Build
) -> None:
    case = {
        "victimization": {"kinds": ["human_trafficking"]},
        "records": [
            {
                "id": "1",
                "system": "california",
                "disposition": "conviction",
                "offense": "PC 484",
                "level": level,
                "county": "Los Angeles",
                "while_victimized": "yes",
                "direct_result": "yes",
                "enhancements": [],
            }
        ],
    }
    record = build_packet(case, {"prosecutor_0": city}).county_packets[0].records[0]
    assert record.agency.known == (office is not None)
    if office:
        assert record.agency.name == office


def test_a_misdemeanor_outside_the_city_offices_is_served_on_the_da(
    trafficking_case: dict[str, Any], build_packet: Build
) -> None:
    # Record 3 (index 2), a misdemeanor in Alameda County: "somewhere else in
    # the county" than the City of Alameda means the district attorney.
    alameda = build_packet(trafficking_case, {"prosecutor_2": "da"}).county_packets[1]
    assert [a.name for a in alameda.agencies] == ["Alameda County District Attorney"]


def test_a_misdemeanor_whose_city_is_not_known_is_served_on_a_blank(
    trafficking_case: dict[str, Any], build_packet: Build
) -> None:
    """Alameda County has a city office for misdemeanors: never guess the DA."""
    alameda = build_packet(trafficking_case, {}).county_packets[1]
    assert [a.name for a in alameda.agencies] == [
        "[TO BE COMPLETED: prosecuting agency that obtained the conviction]"
    ]


@pytest.mark.parametrize(
    ("served", "due"),
    [
        (date(2026, 12, 1), date(2027, 1, 15)),
        (date(2027, 2, 1), date(2027, 3, 18)),
        (date(2028, 1, 31), date(2028, 3, 16)),  # leap year
    ],
)
def test_response_is_due_45_days_after_service(
    served: date, due: date, trafficking_case: dict[str, Any], build_packet: Build
) -> None:
    packet = build_packet(trafficking_case, {"service_date": served})
    assert packet.response_due == due


def test_no_service_date_is_invented(
    trafficking_case: dict[str, Any], build_packet: Build
) -> None:
    packet = build_packet(trafficking_case, {}, today=date(2026, 11, 24))
    assert packet.service_date is None  # the server dates the proof of service
    assert packet.response_due is None  # "45 days after service"


def test_nothing_is_invented_when_the_drafter_says_nothing(
    trafficking_case: dict[str, Any], build_packet: Build
) -> None:
    packet = build_packet(trafficking_case, {})
    assert packet.petitioner.display_name == "[TO BE COMPLETED: full name]"
    assert packet.petitioner.address_lines == ()  # the caption prints a blank
    assert packet.petitioner.phone == ""  # no "None": the line is left out
    for said in (
        packet.narrative.began,
        packet.narrative.ended,
        packet.narrative.control,
        packet.narrative.direct_result,
        packet.narrative.left_or_services,
    ):
        assert said.startswith("[TO BE COMPLETED: ")
    numbers = [n for cp in packet.county_packets for n in cp.case_numbers]
    assert numbers == ["[TO BE COMPLETED: case number]"] * 3
    assert packet.evidence == ()
    assert packet.sealed_evidence == ()


@pytest.mark.parametrize(
    ("name", "initials"),
    [
        ("Maria Elena Lopez", "M.E.L."),
        ("M.L.", "M.L."),
        ("ana-sofía ruiz", "A.S.R."),
        ("", ""),
    ],
)
def test_initials(name: str, initials: str) -> None:
    assert initials_of(name) == initials


def test_initials_only_when_asked(
    trafficking_case: dict[str, Any], full_details: dict[str, Any], build_packet: Build
) -> None:
    assert (
        build_packet(trafficking_case, full_details).petitioner.display_name == "M.E.L."
    )
    full_details["use_initials"] = False
    packet = build_packet(trafficking_case, full_details)
    assert packet.petitioner.display_name == "Maria Elena Lopez"


def test_attached_evidence_gets_exhibit_letters_in_order(
    trafficking_case: dict[str, Any], build_packet: Build
) -> None:
    details = {"evidence_police_report": "attached", "evidence_t_visa": "attached"}
    details |= {
        "evidence_protective_order": "attached",
        "evidence_u_visa": "will_obtain",
    }
    packet = build_packet(trafficking_case, details)
    exhibits = {item.key: item.exhibit for item in packet.evidence}
    # Immigration documents are never public exhibits: sealed, unlettered.
    assert exhibits == {"protective_order": "A", "police_report": "B"}
    assert [(i.key, i.exhibit) for i in packet.sealed_evidence] == [
        ("t_visa", None),
        ("u_visa", None),
    ]


def test_only_confirmed_subdivisions_are_cited_by_letter() -> None:
    trafficking = statute_for(TRAFFICKING, TODAY)
    for letter in "abcdefiq":
        assert trafficking.cite(letter).endswith(f"subd.\u00a0({letter})")
    for letter in "ghjklmnoprst":
        assert trafficking.cite(letter) == "see Pen. Code, §\u00a0236.14"
    partner = statute_for(PARTNER_OR_SEXUAL_VIOLENCE, TODAY)
    assert partner.cite("a") == "see Pen. Code, §\u00a0236.15"


def test_user_choice_of_236_15_is_honoured_when_both_kinds_were_reported(
    trafficking_case: dict[str, Any],
) -> None:
    trafficking_case["victimization"]["kinds"].append("intimate_partner_violence")
    screening = screen(trafficking_case)
    default = packet_build(
        facts=trafficking_case,
        screening=screening,
        details={},
        today=date(2026, 11, 24),
    )
    chosen = packet_build(
        facts=trafficking_case,
        screening=screening,
        details={"statute": PARTNER_OR_SEXUAL_VIOLENCE},
        today=date(2026, 11, 24),
    )
    assert default.statute.section == "236.14"
    assert chosen.statute.section == "236.15"


def test_record_without_a_known_county_gets_blanks_for_court_and_agency(
    build_packet: Build,
) -> None:
    case = {
        "victimization": {"kinds": ["human_trafficking"]},
        "records": [
            {
                "id": "1",
                "system": "california",
                "disposition": "conviction",
                "offense": "PC 647(b)",
                "level": "misdemeanor",
                "county": None,
                "while_victimized": "yes",
                "direct_result": "yes",
            }
        ],
    }
    (county_packet,) = build_packet(case, {}).county_packets
    assert county_packet.county is None
    assert county_packet.county_label == "[TO BE COMPLETED: county]"
    (record,) = county_packet.records
    assert record.agency.name == (
        "[TO BE COMPLETED: prosecuting agency that obtained the conviction]"
    )
    assert record.agency_unsure


def test_the_response_time_is_the_law_datas_not_the_drafting_codes(
    trafficking_case: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A change to the dated law data reaches the due date and the sheet."""
    import petitions.packet
    from petitions.packet import before_you_file
    from screener.rules.petition import petition_law

    def amended(remedy: str, as_of: date) -> Any:
        return dataclasses.replace(petition_law(remedy, as_of), response_days=60)

    monkeypatch.setattr(petitions.packet, "petition_law", amended)
    packet = packet_build(
        facts=trafficking_case,
        screening=screen(trafficking_case),
        details={"service_date": date(2026, 12, 1)},
        today=TODAY,
    )
    assert packet.statute.response_days == 60
    assert packet.response_due == date(2027, 1, 30)
    sheet = " ".join(" ".join(section.points) for section in before_you_file(packet))
    assert "has 60 days from service to respond" in sheet
    assert "45 days" not in sheet
