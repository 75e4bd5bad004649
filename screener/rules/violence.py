"""Is this record a violent felony under Pen. Code § 667.5(c)?

§§ 236.14, 236.15, 236.23 and 236.24 exclude violent felonies, so this one
question decides more survivors' answers than any other. The order of the
checks follows the brief's classification rules (§6, N1-N7) as corrected by
the legal review of issue 11:

1. An enhancement typed as the offense ("PC 12022.7") names no charge: a
   lawyer must look.
2. Misdemeanors and infractions are never violent felonies (N1), unless the
   catalog says the offense can only be a felony, or a GBI or firearm
   finding (felony-only) is given: then the facts disagree.
3. Enhancements found true make any felony violent: GBI or firearm use under
   paragraph (8), a gang life term under (7), § 12022.53 under (22). A bare
   § 12022.3 may be (a) or (b): a lawyer must look.
4. An offense not in the catalog cannot be classified: a lawyer must look.
5. § 667.5(c) lists attempted murder and no other attempt: other attempts
   are nonviolent unless an enhancement makes them violent. A conspiracy is
   punished as its target, so conspiracy to murder is a life term, (7).
6. Otherwise the catalog decides, with findings for (19)-(21).

Whatever the answer, a finding the engine could not read never lets a record
through as nonviolent: it is quoted back and a lawyer must look.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from screener.rules.catalog import PERSON_PRESENT, Offense
from screener.rules.facts import Record
from screener.rules.law import Law, laws

NONVIOLENT = "nonviolent"
VIOLENT = "violent"
DEPENDS = "depends"  # a fact the person can find out decides it
UNSETTLED = "unsettled"  # the law or the catalog cannot say; a lawyer must look
QUOTE_LIMIT = 60  # characters of each unreadable finding quoted back


@dataclass(frozen=True, slots=True)
class Violence:
    state: str
    code: str
    paragraph: str | None = None
    missing: tuple[str, ...] = ()
    # The findings we could not read, quoted, for the reason that says so.
    unreadable: str = ""
    # Plain words we read as a code, when they made the felony violent.
    read_as: tuple[tuple[str, str], ...] = ()


def has_finding(found: frozenset[str], listed: list[str] | tuple[str, ...]) -> bool:
    """ "PC 12022.53(d)" is a violation of § 12022.53: a subdivision still counts."""
    return any(
        item == code or item.startswith(code + "(") for item in found for code in listed
    )


def _enhancement_paragraph(record: Record, law: Law, as_of: date) -> str | None:
    if not record.enhancements:
        return None
    for name, paragraph in _ENHANCEMENT_PARAGRAPHS:
        if has_finding(record.enhancements, law.param(name, as_of)):
            return paragraph
    return None


_ENHANCEMENT_PARAGRAPHS = (
    ("paragraph_22_enhancements", "667.5(c)(22)"),
    ("paragraph_7_enhancements", "667.5(c)(7)"),
    ("paragraph_8_enhancements", "667.5(c)(8)"),
)


def quote(texts: tuple[str, ...]) -> str:
    """“GBI”, “firearm thing”: short, so a pasted paragraph stays readable."""
    return ", ".join(
        f"“{text[:QUOTE_LIMIT]}…”" if len(text) > QUOTE_LIMIT else f"“{text}”"
        for text in texts
    )


def _section(code: str) -> str:
    """ "PC 12022.7" -> "12022.7"; a person present is § 667.5(c)(21)."""
    return "667.5(c)(21)" if code == PERSON_PRESENT else code.removeprefix("PC ")


def classify(record: Record, as_of: date) -> Violence:
    """Classify one record against § 667.5(c) as of a date."""
    found = _classify(record, as_of)
    if found.state == VIOLENT and record.findings_read:
        read_as = tuple((text, _section(code)) for text, code in record.findings_read)
        return Violence(VIOLENT, found.code, found.paragraph, (), "", read_as)
    if not record.unreadable_findings or found.state == VIOLENT:
        return found
    quoted = quote(record.unreadable_findings)
    if found.state == UNSETTLED:
        return Violence(UNSETTLED, found.code, found.paragraph, (), quoted)
    return Violence(UNSETTLED, "finding_unreadable", None, (), quoted)


def _classify(record: Record, as_of: date) -> Violence:
    offense = record.offense.offense
    if offense is not None and offense.enhancement:
        return Violence(UNSETTLED, "enhancement_as_offense")
    law = laws()["pc_667_5_c"]
    never_felony = offense is not None and "felony" not in offense.levels
    if record.level in ("misdemeanor", "infraction") or never_felony:
        felony_only = offense is not None and offense.levels == frozenset({"felony"})
        if felony_only or _life_conspiracy(record, law, as_of):
            return Violence(UNSETTLED, "level_inconsistent")
        if _enhancement_paragraph(record, law, as_of) is not None:
            return Violence(UNSETTLED, "finding_on_misdemeanor")
        return Violence(NONVIOLENT, "misdemeanor_never_violent")
    paragraph = _enhancement_paragraph(record, law, as_of)
    if paragraph is not None:
        return Violence(VIOLENT, "violent_by_enhancement", paragraph)
    if record.enhancements and any(
        item in law.param("subdivision_needed_enhancements", as_of)
        for item in record.enhancements
    ):
        return Violence(UNSETTLED, "enhancement_subdivision_unknown", "667.5(c)(8)")
    if offense is None:
        return Violence(UNSETTLED, "offense_not_in_catalog")
    return _by_catalog(record, offense, law, as_of)


def _is(code: str, listed: list[str]) -> bool:
    return any(code == item or code.startswith(item + "(") for item in listed)


def _by_catalog(record: Record, offense: Offense, law: Law, as_of: date) -> Violence:
    """What the catalog says of the offense, attempts and conspiracies first."""
    if record.offense.attempt:
        if _is(offense.code, law.param("listed_attempts", as_of)):
            return Violence(VIOLENT, "violent_felony", "667.5(c)(12)")
        return _unless_enhancements_unknown(record, "nonviolent_attempt")
    target = record.offense.target
    if target is not None and offense.code.startswith("PC 182"):
        return _conspiracy(record, target, law, as_of)
    if offense.violent == "subdivision":
        return Violence(
            UNSETTLED, "violent_subdivision_unknown", offense.violent_paragraph
        )
    if offense.violent in ("finding", "finding_review"):
        return _by_finding(record, offense)
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


def _life_conspiracy(record: Record, law: Law, as_of: date) -> bool:
    """A conspiracy punished by a life term (to murder): a felony, violent (c)(7)."""
    target = record.offense.target
    offense = record.offense.offense
    if target is None or offense is None or not offense.code.startswith("PC 182"):
        return False
    life = target.violent == "yes" and target.violent_paragraph == "667.5(c)(7)"
    return life or _is(target.code, law.param("conspiracy_life_targets", as_of))


def _conspiracy(record: Record, target: Offense, law: Law, as_of: date) -> Violence:
    """Pen. Code § 182(a): a conspiracy is punished as its target felony."""
    if _life_conspiracy(record, law, as_of):
        if record.level is None or record.level == "unknown":
            # § 182 is a wobbler in the catalog; only a felony level closes it.
            return Violence(
                DEPENDS, "violence_depends_on_level", "667.5(c)(7)", ("level",)
            )
        return Violence(VIOLENT, "violent_felony", "667.5(c)(7)")
    if target.violent == "no":
        return _unless_enhancements_unknown(record)
    return Violence(UNSETTLED, "violent_subdivision_unknown", "667.5(c)(7)")


def _by_finding(record: Record, offense: Offense) -> Violence:
    paragraph = offense.violent_paragraph
    if record.enhancements is None:
        return Violence(
            DEPENDS, "violence_depends_on_finding", paragraph, ("enhancements",)
        )
    if not has_finding(record.enhancements, offense.violent_findings):
        return Violence(NONVIOLENT, "nonviolent_offense")
    if offense.violent == "finding_review":
        return Violence(UNSETTLED, "finding_paragraph_unsettled", paragraph)
    return Violence(VIOLENT, "violent_felony", paragraph)


def _unless_enhancements_unknown(
    record: Record, nonviolent: str = "nonviolent_offense"
) -> Violence:
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
    return Violence(NONVIOLENT, nonviolent)
