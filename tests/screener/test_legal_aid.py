"""The legal-aid list: every entry sourced, dated, and shown only where it serves.

A survivor who calls a group that does not serve her county loses a call she
may not be able to make twice, so counties come from sources, and the page
can show when each entry was checked.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from screener import data_strings
from screener.counties import COUNTIES
from screener.legal_aid import (
    DATA_FILE,
    LegalAidDataError,
    directory,
    help_for,
    load,
)

CHECKED = date(2026, 12, 1)


def _raw() -> list[dict]:
    document = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))
    return document["statewide"] + document["organizations"]


@pytest.mark.parametrize("entry", _raw(), ids=lambda e: e["name"])
def test_every_entry_in_the_file_has_a_source_and_the_checked_date(entry: dict) -> None:
    sources = (
        entry["source"] if isinstance(entry["source"], list) else [entry["source"]]
    )
    assert sources
    assert all(str(s).startswith(("http://", "https://")) for s in sources)
    assert entry["checked"] == CHECKED
    assert str(entry["url"]).startswith("https://")
    assert entry["about"] in data_strings.LEGAL_AID


def test_each_organisation_exposes_its_checked_date_and_source() -> None:
    listing = directory()
    orgs = listing.statewide + tuple(o for os in listing.by_county.values() for o in os)
    for org in orgs:
        assert org.checked == CHECKED
        assert org.source.startswith("http")
    assert listing.last_verified == CHECKED


def test_organisations_are_listed_only_for_counties_they_serve() -> None:
    listing = directory()
    assert set(listing.by_county) <= set(COUNTIES)
    names = {c: {o.name for o in orgs} for c, orgs in listing.by_county.items()}
    cast = "Coalition to Abolish Slavery & Trafficking (CAST)"
    assert [c for c, n in names.items() if cast in n] == ["Los Angeles"]
    assert "Inland Counties Legal Services" not in names.get("Inyo", set())
    assert "Inland Counties Legal Services" not in names.get("Mono", set())
    assert "Bay Area Legal Aid" not in names.get("Solano", set())
    assert "Bay Area Legal Aid" not in names.get("Sonoma", set())
    assert "Legal Aid Society of San Diego" not in names.get("Imperial", set())
    assert "Bay Area Legal Aid" in names["Santa Clara"]


def test_help_for_a_county_lists_local_help_before_the_statewide_directory() -> None:
    listing = directory()
    los_angeles = help_for("Los Angeles")
    assert (
        los_angeles[: len(listing.by_county["Los Angeles"])]
        == (listing.by_county["Los Angeles"])
    )
    assert los_angeles[-len(listing.statewide) :] == listing.statewide
    assert help_for(None) == listing.statewide
    assert help_for("Alpine") == listing.statewide  # no local source found


def test_no_organisation_name_hides_inside_another() -> None:
    """The soak test recognises a county's help by the names on the page."""
    names = [o["name"] for o in _raw()]
    assert len(set(names)) == len(names)
    for name in names:
        assert not any(name != other and name in other for other in names)


GOOD = {
    "name": "Example Legal Aid",
    "url": "https://example.org/",
    "about": "Free civil legal help.",
    "counties": ["Alpine"],
    "source": "https://example.org/about",
    "checked": CHECKED,
}
STATEWIDE = {k: v for k, v in GOOD.items() if k != "counties"}


def _write(tmp_path: Path, local: dict, statewide: dict = STATEWIDE) -> Path:
    path = tmp_path / "legal_aid.yaml"
    document = {"statewide": [statewide], "organizations": [local]}
    path.write_text(yaml.safe_dump(document), encoding="utf-8")
    return path


def test_loader_keeps_phone_hours_and_counties(tmp_path: Path) -> None:
    local = {**GOOD, "phone": "800-555-0100", "hours": "Mon-Fri 9-5"}
    listing = load(_write(tmp_path, local))
    (org,) = listing.by_county["Alpine"]
    assert (org.phone, org.hours, org.counties) == (
        "800-555-0100",
        "Mon-Fri 9-5",
        ("Alpine",),
    )
    assert listing.statewide[0].counties == ()


def test_last_verified_is_the_oldest_checked_date(tmp_path: Path) -> None:
    older = {**GOOD, "checked": date(2026, 6, 1)}
    assert load(_write(tmp_path, older)).last_verified == date(2026, 6, 1)


@pytest.mark.parametrize(
    "local",
    [
        {k: v for k, v in GOOD.items() if k != "source"},
        {k: v for k, v in GOOD.items() if k != "checked"},
        {**GOOD, "checked": "soon"},
        {**GOOD, "counties": []},
        {**GOOD, "counties": ["Cook"]},
        {k: v for k, v in GOOD.items() if k != "url"},
    ],
    ids=["no source", "no date", "bad date", "no county", "unknown county", "no url"],
)
def test_loader_refuses_an_unchecked_or_unplaced_entry(
    tmp_path: Path, local: dict
) -> None:
    with pytest.raises(LegalAidDataError):
        load(_write(tmp_path, local))


def test_loader_refuses_a_statewide_entry_with_counties(tmp_path: Path) -> None:
    with pytest.raises(LegalAidDataError):
        load(_write(tmp_path, GOOD, statewide=GOOD))
