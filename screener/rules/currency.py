"""Law currency: what each statute's data says, when a person last checked
it, and which bills could change it (``manage.py law_status``).

Pure Python, like the rest of the rules. A law is stale when its file, one
of its conditions or its relief data was last verified more than
``STALE_DAYS`` before the date asked about.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from screener.rules.law import Law, laws, pending_bills

STALE_DAYS = 180


@dataclass(frozen=True, slots=True)
class LawStatus:
    id: str
    remedy: str
    in_force: bool
    version: str  # the latest dated change in effect: "2023-01-01 AB 2169, Stats. 2022"
    last_verified: date  # the oldest check of the file, its conditions and relief
    stale: bool


def _version(law: Law, as_of: date) -> str:
    changes = [
        value
        for values in (law.in_force_values, *law.parameters.values())
        for value in values
        if value.start <= as_of
    ]
    if not changes:
        return "not yet in effect"
    latest = max(changes, key=lambda value: value.start)
    return f"{latest.start.isoformat()} {latest.cite}"


def law_status(as_of: date) -> list[LawStatus]:
    """Every statute and bill in the law data, oldest check first."""
    found = []
    for law in laws().values():
        checked = min(
            [law.last_verified]
            + [condition.last_verified for condition in law.conditions.values()]
            + ([law.relief.last_verified] if law.relief else [])
        )
        found.append(
            LawStatus(
                id=law.id,
                remedy=law.remedy,
                in_force=law.in_force(as_of),
                version=_version(law, as_of),
                last_verified=checked,
                stale=(as_of - checked).days > STALE_DAYS,
            )
        )
    return sorted(found, key=lambda status: (status.last_verified, status.id))


def bills_to_watch(as_of: date) -> list[dict[str, Any]]:
    """Pending bills with their last recorded action, flagged when stale."""
    return [
        {**bill, "stale": (as_of - bill["last_verified"]).days > STALE_DAYS}
        for bill in pending_bills()
    ]
