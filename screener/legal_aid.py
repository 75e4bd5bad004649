"""Free legal help for a county, from a small data file a person checks.

The list is short on purpose: a survivor needs one or two places to call,
plus the statewide directory. Each organisation carries the public page it
was checked against and the day it was checked, so the page can say when
each entry was last checked instead of one date for a list nobody checked.
An organisation is listed only for the counties a source shows it serves:
sending someone to a group that turns them away costs a call they may not
be able to make twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from screener.counties import COUNTIES

DATA_FILE = Path(__file__).parent / "data" / "legal_aid.yaml"


class LegalAidDataError(ValueError):
    """The data file breaks a rule that keeps unchecked entries off the page."""


@dataclass(frozen=True, slots=True)
class Organization:
    """One place to call; ``counties`` is empty for a statewide entry."""

    name: str
    url: str
    about: str
    source: str
    checked: date
    phone: str | None = None
    hours: str | None = None
    counties: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Directory:
    """Statewide entries, and the local ones per county.

    ``last_verified`` is the oldest ``checked`` date of any entry: a page
    that shows one date for the whole list must not claim more than that.
    """

    last_verified: date
    statewide: tuple[Organization, ...]
    by_county: dict[str, tuple[Organization, ...]]


def _text(entry: dict[str, Any], key: str) -> str | None:
    value = entry.get(key)
    if isinstance(value, list):
        return "; ".join(str(item) for item in value) or None
    return str(value) if value else None


def _org(entry: dict[str, Any], *, statewide: bool) -> Organization:
    """One entry; refuse it without a source, a checked date or counties."""
    name = str(entry.get("name") or "")
    source = _text(entry, "source")
    checked = entry.get("checked")
    if not name or not entry.get("url") or not entry.get("about"):
        raise LegalAidDataError(f"legal_aid.yaml: {name!r} needs name, url, about")
    if not source or not isinstance(checked, date):
        raise LegalAidDataError(f"legal_aid.yaml: {name!r} needs source and checked")
    counties = tuple(str(c) for c in entry.get("counties") or ())
    if statewide and counties:
        raise LegalAidDataError(f"legal_aid.yaml: statewide {name!r} lists counties")
    if not statewide and not counties:
        raise LegalAidDataError(f"legal_aid.yaml: {name!r} serves no county")
    for county in counties:
        if county not in COUNTIES:
            raise LegalAidDataError(f"legal_aid.yaml: unknown county {county!r}")
    return Organization(
        name=name,
        url=str(entry["url"]),
        about=str(entry["about"]),
        source=source,
        checked=checked,
        phone=_text(entry, "phone"),
        hours=_text(entry, "hours"),
        counties=counties,
    )


def load(path: Path) -> Directory:
    """Read a legal-aid file; raise ``LegalAidDataError`` on a bad entry."""
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    statewide = tuple(_org(e, statewide=True) for e in document["statewide"])
    local = tuple(_org(e, statewide=False) for e in document["organizations"])
    by_county: dict[str, tuple[Organization, ...]] = {}
    for org in local:
        for county in org.counties:
            by_county[county] = (*by_county.get(county, ()), org)
    return Directory(
        last_verified=min(org.checked for org in statewide + local),
        statewide=statewide,
        by_county=by_county,
    )


@lru_cache(maxsize=1)
def directory() -> Directory:
    """Load the file once; a bad entry is a data error raised at first use."""
    return load(DATA_FILE)


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
