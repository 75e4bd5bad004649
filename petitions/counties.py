"""The county directory: which court hears a petition and whom to serve.

Reads ``petitions/data/counties.yaml``. Every address there was compiled
without web access, so each entry is flagged ``verify_before_filing`` and the
packet repeats that warning wherever an address is printed.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

DATA_FILE = Path(__file__).resolve().parent / "data" / "counties.yaml"


@dataclass(frozen=True)
class Agency:
    """A prosecuting office: the party a petition must be served on."""

    name: str
    address: tuple[str, ...]
    city: str | None = None  # set for a city office that prosecutes misdemeanors


@dataclass(frozen=True)
class County:
    """One California county's superior court and prosecutors."""

    name: str
    court_name: str
    court_address: tuple[str, ...]
    district_attorney: Agency
    city_prosecutors: tuple[Agency, ...]
    misdemeanor_note: str
    source: str
    verify_before_filing: bool

    def city_prosecutor(self, city: str) -> Agency | None:
        """Return the city office for ``city``, if that city prosecutes."""
        for agency in self.city_prosecutors:
            if agency.city == city:
                return agency
        return None


def _agency(raw: dict[str, Any]) -> Agency:
    return Agency(
        name=str(raw["name"]),
        address=tuple(str(line) for line in raw["address"]),
        city=raw.get("city"),
    )


def _county(raw: dict[str, Any]) -> County:
    return County(
        name=str(raw["county"]),
        court_name=str(raw["court"]["name"]),
        court_address=tuple(str(x) for x in raw["court"]["criminal_filing_address"]),
        district_attorney=_agency(raw["district_attorney"]),
        city_prosecutors=tuple(_agency(x) for x in raw.get("city_prosecutors") or []),
        misdemeanor_note=str(raw.get("misdemeanor_note") or ""),
        source=str(raw["source"]),
        verify_before_filing=bool(raw["verify_before_filing"]),
    )


@cache
def county_directory() -> dict[str, County]:
    """All counties, keyed by a normalised name (see ``normalise_county``)."""
    with DATA_FILE.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    counties = (_county(raw) for raw in data["counties"])
    return {normalise_county(county.name): county for county in counties}


def normalise_county(name: str) -> str:
    """Fold "Los Angeles County", "los angeles " and "LOS ANGELES" together."""
    folded = " ".join(name.split()).casefold()
    return folded.removesuffix(" county").strip()


def county_lookup(name: str | None) -> County | None:
    """Return the county for a name as the screening recorded it, or None."""
    if not name:
        return None
    return county_directory().get(normalise_county(name))
