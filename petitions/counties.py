"""The county directory: which court hears a petition and whom to serve.

Reads ``petitions/data/counties.yaml``. Every address or phone number there
was taken from a public page named in its ``source``, on the date in its
``checked``; one that no page confirmed is left empty, so a paper prints a
blank to complete rather than a guess. The loader refuses a file in which an
address or a phone number has no source or no checked date: a from-memory
address must never reach a filing as if it were fact.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import yaml

DATA_FILE = Path(__file__).resolve().parent / "data" / "counties.yaml"


class DirectoryError(ValueError):
    """The data file breaks a rule that keeps unsourced facts out of papers."""


@dataclass(frozen=True)
class Agency:
    """A prosecuting office: the party a petition must be served on.

    ``address`` is empty when no public page confirmed it; ``source`` is the
    page the address and phone were taken from and ``checked`` the day that
    page was read.
    """

    name: str
    address: tuple[str, ...]
    city: str | None = None  # set for a city office that prosecutes misdemeanors
    phone: str | None = None
    source: str | None = None
    checked: date | None = None
    # For a city office: the page saying it prosecutes state misdemeanors.
    jurisdiction_source: str | None = None
    note: str | None = None  # what to confirm before filing, from the source

    @property
    def sourced(self) -> bool:
        """True when the address comes from a named page, read on a known day."""
        return bool(self.address and self.source and self.checked)


@dataclass(frozen=True)
class Court:
    """The courthouse that takes criminal post-conviction filings."""

    name: str
    location: str | None  # the courthouse, e.g. "Hall of Justice"
    address: tuple[str, ...]
    phone: str | None = None
    source: str | None = None
    checked: date | None = None
    note: str | None = None  # what to confirm before filing, from the source

    @property
    def sourced(self) -> bool:
        """True when the address comes from a named page, read on a known day."""
        return bool(self.address and self.source and self.checked)


@dataclass(frozen=True)
class County:
    """One California county's superior court and prosecutors."""

    name: str
    court: Court
    district_attorney: Agency
    city_prosecutors: tuple[Agency, ...]
    misdemeanor_note: str

    @property
    def court_name(self) -> str:
        """The court's formal name, as a caption prints it."""
        return self.court.name

    @property
    def court_address(self) -> tuple[str, ...]:
        """Courthouse name and street address; empty when not sourced."""
        if not self.court.address:
            return ()
        location = (self.court.location,) if self.court.location else ()
        return location + self.court.address

    @property
    def offices(self) -> tuple[Court | Agency, ...]:
        """Every entry of the county, each with its own source and date."""
        return (self.court, self.district_attorney, *self.city_prosecutors)

    @property
    def verify_before_filing(self) -> bool:
        """True while any address of the county is still a blank to complete."""
        return not all(office.sourced for office in self.offices)

    @property
    def source(self) -> str:
        """Where each address came from, in one line for a drafting note."""
        parts = [
            f"{_label(office)}: {office.source} (checked {office.checked})"
            for office in self.offices
            if office.source and office.checked
        ]
        return "; ".join(parts)

    def city_prosecutor(self, city: str) -> Agency | None:
        """Return the city office for ``city``, if that city prosecutes."""
        for agency in self.city_prosecutors:
            if agency.city == city:
                return agency
        return None


def _label(office: Court | Agency) -> str:
    if isinstance(office, Court):
        return office.location or "Court"
    return office.name


def _checked(raw: dict[str, Any], where: str) -> date | None:
    """The checked date, required whenever an address or phone is given."""
    value = raw.get("checked")
    if value is not None and not isinstance(value, date):
        raise DirectoryError(f"{where}: checked must be a date, not {value!r}")
    has_fact = bool(raw.get("address") or raw.get("phone"))
    if has_fact and not (raw.get("source") and value):
        raise DirectoryError(f"{where}: an address or phone without source/checked")
    return value


def _lines(raw: dict[str, Any]) -> tuple[str, ...]:
    return tuple(str(line) for line in raw.get("address") or ())


def _text(raw: dict[str, Any], key: str) -> str | None:
    """A text field; a list of page addresses is joined with "; "."""
    value = raw.get(key)
    if isinstance(value, list):
        return "; ".join(str(item) for item in value) or None
    return str(value) if value else None


def _agency(raw: dict[str, Any], where: str) -> Agency:
    agency = Agency(
        name=str(raw["name"]),
        address=_lines(raw),
        city=raw.get("city"),
        phone=_text(raw, "phone"),
        source=_text(raw, "source"),
        checked=_checked(raw, where),
        jurisdiction_source=_text(raw, "jurisdiction_source"),
        note=_text(raw, "note"),
    )
    if agency.city and not agency.jurisdiction_source:
        # A city office offered as "the prosecutor" must rest on a page
        # saying that city prosecutes state misdemeanors, not on memory.
        raise DirectoryError(f"{where}: a city prosecutor needs jurisdiction_source")
    return agency


def _court(raw: dict[str, Any], where: str) -> Court:
    return Court(
        name=str(raw["name"]),
        location=_text(raw, "location"),
        address=_lines(raw),
        phone=_text(raw, "phone"),
        source=_text(raw, "source"),
        checked=_checked(raw, where),
        note=_text(raw, "note"),
    )


def _county(raw: dict[str, Any]) -> County:
    name = str(raw["county"])
    return County(
        name=name,
        court=_court(raw["court"], f"{name} court"),
        district_attorney=_agency(raw["district_attorney"], f"{name} DA"),
        city_prosecutors=tuple(
            _agency(x, f"{name} {x.get('name')}")
            for x in raw.get("city_prosecutors") or []
        ),
        misdemeanor_note=str(raw.get("misdemeanor_note") or ""),
    )


def load(path: Path) -> dict[str, County]:
    """Read a directory file; raise ``DirectoryError`` on an unsourced fact."""
    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    counties = (_county(raw) for raw in data["counties"])
    return {normalise_county(county.name): county for county in counties}


@cache
def county_directory() -> dict[str, County]:
    """All counties, keyed by a normalised name (see ``normalise_county``)."""
    return load(DATA_FILE)


def normalise_county(name: str) -> str:
    """Fold "Los Angeles County", "los angeles " and "LOS ANGELES" together."""
    folded = " ".join(name.split()).casefold()
    return folded.removesuffix(" county").strip()


def county_lookup(name: str | None) -> County | None:
    """Return the county for a name as the screening recorded it, or None."""
    if not name:
        return None
    return county_directory().get(normalise_county(name))
