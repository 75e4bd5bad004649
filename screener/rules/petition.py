"""What the vacatur statutes say about a petition's papers, from the law data.

The drafting app (``petitions.packet``) cites subdivisions and dates the
prosecutor's response from here, so the lettering of § 236.14 and § 236.15
and the response time live in one dated, cited place
(``data/law/pc_236_14.yaml`` and ``pc_236_15.yaml``), beside the rest of
what those statutes say, and not in a table of the drafting code.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from screener.rules.law import laws

# The parameters a law file gives for its petition's papers.
PARAMETERS = frozenset({"response_days", "confirmed_subdivisions"})


class NoPetitionLaw(LookupError):
    """The remedy has no petition papers in the law data on that date."""


@dataclass(frozen=True, slots=True)
class PetitionLaw:
    """A vacatur statute, as its petition papers cite it.

    ``confirmed_subdivisions`` are the letters a source confirms; any other
    point is cited to the section alone rather than to a guessed letter.
    """

    remedy: str
    section: str
    response_days: int
    response_days_cite: str
    confirmed_subdivisions: frozenset[str]
    subdivisions_cite: str


def petition_law(remedy: str, as_of: date) -> PetitionLaw:
    """The petition facts of ``remedy`` (e.g. ``"PC 236.14"``) in force on ``as_of``.

    Raises ``NoPetitionLaw`` for a remedy whose data carries no petition
    facts, or none yet on that date (§ 236.15 before 2022).
    """
    law = next((law for law in laws().values() if law.remedy == remedy), None)
    if law is None or not law.parameters.keys() >= PARAMETERS:
        raise NoPetitionLaw(f"{remedy}: no petition in the law data")
    days = law.dated("response_days", as_of)
    letters = law.dated("confirmed_subdivisions", as_of)
    if days is None or letters is None:
        raise NoPetitionLaw(f"{remedy}: no petition on {as_of.isoformat()}")
    return PetitionLaw(
        remedy=law.remedy,
        section=law.remedy.removeprefix("PC ").strip(),
        response_days=int(days.value),
        response_days_cite=days.cite,
        confirmed_subdivisions=frozenset(letters.value),
        subdivisions_cite=letters.cite,
    )
