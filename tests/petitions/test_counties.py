"""The county directory covers all 58 counties and flags every address."""

from __future__ import annotations

import pytest

from petitions.counties import county_directory, county_lookup

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
    return list(CALIFORNIA_COUNTIES)


def test_directory_has_exactly_the_58_california_counties() -> None:
    names = sorted(county.name for county in county_directory().values())
    expected = sorted(n.replace("_", " ") for n in _names())
    assert len(expected) == 58
    assert names == expected


@pytest.mark.parametrize("name", [n.replace("_", " ") for n in _names()])
def test_every_county_has_court_prosecutor_source_and_verify_flag(name: str) -> None:
    county = county_lookup(name)
    assert county is not None
    assert county.court_name == f"Superior Court of California, County of {name}"
    assert county.court_address
    assert county.district_attorney.address
    assert "District Attorney" in county.district_attorney.name
    assert county.source.strip()
    assert county.verify_before_filing is True


def test_city_prosecutors_handle_misdemeanors_in_los_angeles_and_san_diego() -> None:
    los_angeles = county_lookup("Los Angeles")
    assert los_angeles is not None
    cities = {agency.city for agency in los_angeles.city_prosecutors}
    assert {"Los Angeles", "Long Beach", "Pasadena", "Santa Monica"} <= cities
    san_diego = county_lookup("San Diego")
    assert san_diego is not None
    assert san_diego.city_prosecutor("San Diego") is not None


def test_oakland_and_san_francisco_misdemeanors_go_to_the_district_attorney() -> None:
    for name in ("Alameda", "San Francisco"):
        county = county_lookup(name)
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
