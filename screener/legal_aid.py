"""Free legal help for a county, from a small data file a person checks.

The list is short on purpose: a survivor needs one or two places to call,
plus the statewide directory, and every entry carries a "verify" note on the
page because organisations move and change numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

import yaml

from screener.counties import COUNTIES

DATA_FILE = Path(__file__).parent / "data" / "legal_aid.yaml"


@dataclass(frozen=True, slots=True)
class Organization:
    name: str
    url: str
    about: str


@dataclass(frozen=True, slots=True)
class Directory:
    last_verified: date
    statewide: tuple[Organization, ...]
    by_county: dict[str, tuple[Organization, ...]]


def _orgs(entries: list[dict[str, str]]) -> tuple[Organization, ...]:
    return tuple(
        Organization(name=e["name"], url=e["url"], about=e["about"]) for e in entries
    )


@lru_cache(maxsize=1)
def directory() -> Directory:
    """Load the file once; unknown county names are a data error."""
    document = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))
    by_county: dict[str, tuple[Organization, ...]] = {}
    for region in document["regions"].values():
        for county in region["counties"]:
            if county not in COUNTIES:
                raise ValueError(f"legal_aid.yaml: unknown county {county!r}")
            by_county[county] = by_county.get(county, ()) + _orgs(
                region["organizations"]
            )
    return Directory(
        last_verified=document["last_verified"],
        statewide=_orgs(document["statewide"]),
        by_county=by_county,
    )


def help_for(county: str | None) -> tuple[Organization, ...]:
    """Organisations for the county first, then the statewide ones."""
    data = directory()
    local = data.by_county.get(county or "", ())
    return local + data.statewide


def find(name: str) -> Organization | None:
    """The directory entry of an organisation by its name (for its phone, hours).

    Matched without regard to case or spacing: the staff side names its
    organisations by hand (``manage.py org_add``).
    """
    wanted = " ".join(name.split()).casefold()
    data = directory()
    for org in (
        *data.statewide,
        *(o for orgs in data.by_county.values() for o in orgs),
    ):
        if " ".join(org.name.split()).casefold() == wanted:
            return org
    return None
