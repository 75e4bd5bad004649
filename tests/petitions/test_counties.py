"""The county directory: 58 counties, and no address or phone without a source.

An address printed on a proof of service is one a survivor will mail papers
to. Each must come from a named public page read on a known date; what no
page confirmed stays empty so the papers print a blank to complete.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from petitions.counties import (
    DATA_FILE,
    DirectoryError,
    county_directory,
    county_lookup,
    load,
)

CHECKED = date(2026, 12, 1)

CALIFORNIA_COUNTIES = [
    "Alameda",
    "Alpine",
    "Amador",
    "Butte",
    "Calaveras",
    "Colusa",
    "Contra_Costa",
    "Del_Norte",
    "El_Dorado",
    "Fresno",
    "Glenn",
    "Humboldt",
    "Imperial",
    "Inyo",
    "Kern",
    "Kings",
    "Lake",
    "Lassen",
    "Los_Angeles",
    "Madera",
    "Marin",
    "Mariposa",
    "Mendocino",
    "Merced",
    "Modoc",
    "Mono",
    "Monterey",
    "Napa",
    "Nevada",
    "Orange",
    "Placer",
    "Plumas",
    "Riverside",
    "Sacramento",
    "San_Benito",
    "San_Bernardino",
    "San_Diego",
    "San_Francisco",
    "San_Joaquin",
    "San_Luis_Obispo",
    "San_Mateo",
    "Santa_Barbara",
    "Santa_Clara",
    "Santa_Cruz",
    "Shasta",
    "Sierra",
    "Siskiyou",
    "Solano",
    "Sonoma",
    "Stanislaus",
    "Sutter",
    "Tehama",
    "Trinity",
    "Tulare",
    "Tuolumne",
    "Ventura",
    "Yolo",
    "Yuba",
]


def _names() -> list[str]:
    return [n.replace("_", " ") for n in CALIFORNIA_COUNTIES]


def _raw_entries() -> list[tuple[str, dict]]:
    """Every court, DA and city office as written in the YAML file itself."""
    data = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))
    entries = []
    for county in data["counties"]:
        name = county["county"]
        entries.append((f"{name} court", county["court"]))
        entries.append((f"{name} DA", county["district_attorney"]))
        for office in county.get("city_prosecutors") or []:
            entries.append((f"{name} {office['name']}", office))
    return entries


def test_directory_has_exactly_the_58_california_counties() -> None:
    names = sorted(county.name for county in county_directory().values())
    assert len(_names()) == 58
    assert names == sorted(_names())


@pytest.mark.parametrize(
    ("where", "entry"), [pytest.param(w, e, id=w) for w, e in _raw_entries()]
)
def test_no_address_or_phone_in_the_file_lacks_a_source_and_checked_date(
    where: str, entry: dict
) -> None:
    """Read from the YAML, not the loader, so a lenient loader cannot hide it."""
    if entry.get("address") or entry.get("phone"):
        sources = entry.get("source")
        sources = sources if isinstance(sources, list) else [sources]
        assert all(str(s).startswith(("http://", "https://")) for s in sources), where
        assert entry.get("checked") == CHECKED, where


@pytest.mark.parametrize("name", _names())
def test_every_county_names_its_court_and_district_attorney(name: str) -> None:
    county = county_lookup(name)
    assert county is not None
    assert county.court_name == f"Superior Court of California, County of {name}"
    assert county.court.name == county.court_name
    assert "District Attorney" in county.district_attorney.name


def test_every_office_exposes_its_own_checked_date_or_none() -> None:
    for county in county_directory().values():
        for office in county.offices:
            if office.address or office.phone:
                assert office.checked == CHECKED
                assert office.source
            else:
                assert office.checked in (None, CHECKED)


def test_an_unsourced_address_is_empty_and_flags_the_county() -> None:
    blanks = [c for c in county_directory().values() if not c.court.address]
    for county in blanks:
        assert county.court_address == ()
        assert county.verify_before_filing is True
    sourced = [c for c in county_directory().values() if c.court.sourced]
    assert sourced, "at least the audited counties have a sourced court"
    for county in sourced:
        assert (
            county.court_address[-len(county.court.address) :] == county.court.address
        )
        assert county.court.source in county.source


def test_audit_corrections_are_applied() -> None:
    santa_clara = county_lookup("Santa Clara")
    assert santa_clara is not None
    assert "190 West Hedding Street" in santa_clara.court_address
    assert not any("First Street" in line for line in santa_clara.court_address)
    contra_costa = county_lookup("Contra Costa")
    assert contra_costa is not None
    assert any("Martinez" in line for line in contra_costa.court_address)
    assert not any("Bray" in line for line in contra_costa.court_address)
    alameda = county_lookup("Alameda")
    assert alameda is not None
    assert alameda.court.location == "René C. Davidson Courthouse"
    fresno = county_lookup("Fresno")
    assert fresno is not None
    assert "2100 Tulare Street" in fresno.district_attorney.address


def test_city_prosecutors_rest_on_a_page_saying_they_prosecute() -> None:
    for county in county_directory().values():
        for office in county.city_prosecutors:
            assert office.city
            assert office.jurisdiction_source
    san_diego = county_lookup("San Diego")
    assert san_diego is not None
    assert san_diego.city_prosecutor("San Diego") is not None
    assert san_diego.city_prosecutor("Chula Vista") is None
    alameda = county_lookup("Alameda")
    assert alameda is not None
    assert alameda.city_prosecutor("Alameda") is not None
    assert alameda.city_prosecutor("Oakland") is None


def test_san_francisco_has_no_city_prosecutor() -> None:
    county = county_lookup("San Francisco")
    assert county is not None
    assert county.city_prosecutors == ()


@pytest.mark.parametrize(
    "spelling", ["Los Angeles", "los angeles", "Los Angeles County", " LOS  ANGELES "]
)
def test_lookup_accepts_the_ways_people_write_a_county(spelling: str) -> None:
    county = county_lookup(spelling)
    assert county is not None
    assert county.name == "Los Angeles"


@pytest.mark.parametrize("name", [None, "", "Cook", "Los Angeles City"])
def test_lookup_returns_none_for_unknown_counties(name: str | None) -> None:
    assert county_lookup(name) is None


GOOD = {
    "county": "Alpine",
    "court": {"name": "Superior Court of California, County of Alpine"},
    "district_attorney": {"name": "Alpine County District Attorney"},
}


def _write(tmp_path: Path, county: dict) -> Path:
    path = tmp_path / "counties.yaml"
    path.write_text(yaml.safe_dump({"counties": [county]}), encoding="utf-8")
    return path


def test_loader_accepts_an_entry_with_everything_blank(tmp_path: Path) -> None:
    county = load(_write(tmp_path, GOOD))["alpine"]
    assert county.court_address == ()
    assert county.district_attorney.address == ()
    assert county.district_attorney.checked is None
    assert county.source == ""
    assert county.verify_before_filing is True


def test_loader_keeps_sources_and_dates_of_a_sourced_entry(tmp_path: Path) -> None:
    office = {
        "name": "Alpine County District Attorney",
        "address": ["1 Main Street", "Town, CA 90000"],
        "phone": "(555) 555-0100",
        "source": ["https://example.org/a", "https://example.org/b"],
        "checked": CHECKED,
    }
    court = {**GOOD["court"], "location": "Courthouse", **office}
    court["name"] = GOOD["court"]["name"]
    county = load(
        _write(tmp_path, {**GOOD, "court": court, "district_attorney": office})
    )["alpine"]
    assert (
        county.district_attorney.source
        == "https://example.org/a; https://example.org/b"
    )
    assert county.district_attorney.checked == CHECKED
    assert county.district_attorney.phone == "(555) 555-0100"
    assert county.court_address == ("Courthouse", "1 Main Street", "Town, CA 90000")
    assert county.verify_before_filing is False
    assert "https://example.org/a" in county.source


@pytest.mark.parametrize(
    "office",
    [
        {"address": ["1 Main Street"]},
        {"address": ["1 Main Street"], "source": "https://example.org"},
        {"address": ["1 Main Street"], "checked": CHECKED},
        {"phone": "(555) 555-0100", "source": "https://example.org"},
        {"address": ["1 Main Street"], "source": "https://x.org", "checked": "soon"},
    ],
    ids=["no source", "no date", "no source with date", "phone no date", "bad date"],
)
def test_loader_refuses_an_address_or_phone_without_source_and_date(
    tmp_path: Path, office: dict
) -> None:
    da = {"name": "Alpine County District Attorney", **office}
    with pytest.raises(DirectoryError):
        load(_write(tmp_path, {**GOOD, "district_attorney": da}))


def test_loader_refuses_a_city_prosecutor_without_jurisdiction_source(
    tmp_path: Path,
) -> None:
    city = {"city": "Markleeville", "name": "Markleeville City Attorney"}
    with pytest.raises(DirectoryError):
        load(_write(tmp_path, {**GOOD, "city_prosecutors": [city]}))
