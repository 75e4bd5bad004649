"""Is this record a violent felony under Pen. Code § 667.5(c)?

§§ 236.14, 236.15, 236.23 and 236.24 exclude violent felonies, so this one
question decides more survivors' answers than any other. The order of the
checks follows the brief's classification rules (§6, N1-N7):

1. Misdemeanors and infractions are never violent felonies (N1), unless the
   catalog says the offense can only be a felony (then the facts disagree).
2. Enhancements found true make any felony violent: GBI or firearm use under
   paragraph (8), § 12022.53 under paragraph (22).
3. An offense not in the catalog cannot be classified: a lawyer must look.
4. Attempted murder is paragraph (12); other attempts are probably not
   violent, but case law is unverified (N4), so a lawyer must look.
5. Otherwise the catalog decides, with findings for (19)-(21).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from screener.rules.catalog import Offense
from screener.rules.facts import Record
from screener.rules.law import laws

NONVIOLENT = "nonviolent"
VIOLENT = "violent"
DEPENDS = "depends"  # a fact the person can find out decides it
UNSETTLED = "unsettled"  # the law or the catalog cannot say; a lawyer must look


@dataclass(frozen=True, slots=True)
class Violence:
    state: str
    code: str
    paragraph: str | None = None
    missing: tuple[str, ...] = ()


def has_finding(found: frozenset[str], listed: list[str] | tuple[str, ...]) -> bool:
    """ "PC 12022.53(d)" is a violation of § 12022.53: a subdivision still counts."""
    return any(
        item == code or item.startswith(code + "(") for item in found for code in listed
    )


def _enhancement_paragraph(record: Record, as_of: date) -> str | None:
    if not record.enhancements:
        return None
    law = laws()["pc_667_5_c"]
    if has_finding(record.enhancements, law.param("paragraph_22_enhancements", as_of)):
        return "667.5(c)(22)"
    if has_finding(record.enhancements, law.param("paragraph_8_enhancements", as_of)):
        return "667.5(c)(8)"
    return None


def classify(record: Record, as_of: date) -> Violence:
    """Classify one record against § 667.5(c) as of a date."""
    offense = record.offense.offense
    never_felony = offense is not None and "felony" not in offense.levels
    if record.level in ("misdemeanor", "infraction") or never_felony:
        if offense is not None and offense.levels == frozenset({"felony"}):
            return Violence(UNSETTLED, "level_inconsistent")
        return Violence(NONVIOLENT, "misdemeanor_never_violent")
    paragraph = _enhancement_paragraph(record, as_of)
    if paragraph is not None:
        return Violence(VIOLENT, "violent_by_enhancement", paragraph)
    if offense is None:
        return Violence(UNSETTLED, "offense_not_in_catalog")
    return _by_catalog(record, offense)


def _by_catalog(record: Record, offense: Offense) -> Violence:
    """What the catalog says of the offense (attempts read per note N4)."""
    if record.offense.attempt:
        if offense.code == "PC 187":
            return Violence(VIOLENT, "violent_felony", "667.5(c)(12)")
        if offense.violent != "no":
            return Violence(UNSETTLED, "attempt_unsettled")
        return _unless_enhancements_unknown(record)
    if offense.violent == "subdivision":
        return Violence(
            UNSETTLED, "violent_subdivision_unknown", offense.violent_paragraph
        )
    if offense.violent == "finding":
        return _by_finding(record, offense.violent_findings, offense.violent_paragraph)
    if offense.violent == "yes":
        level_unknown = record.level is None or record.level == "unknown"
        if level_unknown and offense.levels != frozenset({"felony"}):
            return Violence(
                DEPENDS,
                "violence_depends_on_level",
                offense.violent_paragraph,
                ("level",),
            )
        return Violence(VIOLENT, "violent_felony", offense.violent_paragraph)
    return _unless_enhancements_unknown(record)


def _by_finding(
    record: Record, findings: tuple[str, ...], paragraph: str | None
) -> Violence:
    if record.enhancements is None:
        return Violence(
            DEPENDS, "violence_depends_on_finding", paragraph, ("enhancements",)
        )
    if has_finding(record.enhancements, findings):
        return Violence(VIOLENT, "violent_felony", paragraph)
    return Violence(NONVIOLENT, "nonviolent_offense")


def _unless_enhancements_unknown(record: Record) -> Violence:
    """Any felony is violent with a GBI or firearm finding (c)(8), (c)(22).

    Misdemeanors were handled first, so the level here is felony or unknown.
    """
    offense = record.offense.offense
    felony_possible = record.level == "felony" or (
        offense is not None and "felony" in offense.levels
    )
    if record.enhancements is None and felony_possible:
        return Violence(
            DEPENDS, "violence_depends_on_enhancements", None, ("enhancements",)
        )
    return Violence(NONVIOLENT, "nonviolent_offense")
