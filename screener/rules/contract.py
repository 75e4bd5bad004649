"""The screening contract as types: what goes in (facts), what comes out (a screening).

docs/screening-api.md is the one source of truth; this module spells it out
for Python so every app reads the same names. Pure Python, no Django.

- ``Facts`` is the INPUT: one person's victimization and records.
- ``Screening`` is the OUTPUT of ``screener.rules.screen``.
- ``Status`` is a remedy's answer, with its rank (lower is more certain).
- ``Remedy`` is a remedy's stable identifier ("PC 236.14"), with the id of
  its law data file (``pc_236_14``).

Every other module names a status or a remedy through these, never as a
bare string: tests/test_contract_literals.py holds that. The TypedDicts
describe JSON, so the values of enumerated fields are plain ``str`` (the
rules check them, ``screener.rules.facts``); a screening read back from
storage carries plain strings too, hence ``Status(value).rank``.
"""

from __future__ import annotations

from enum import StrEnum
from typing import NotRequired, TypedDict


class Status(StrEnum):
    """A remedy's answer for one record, most certain first (docs/screening-api.md)."""

    LIKELY = "likely"
    POSSIBLE = "possible"
    NEEDS_REVIEW = "needs_review"
    NOT_ELIGIBLE = "not_eligible"

    @property
    def rank(self) -> int:
        """0 for likely up to 3 for not eligible: lower is the better answer."""
        return _RANK[self]


_RANK = {status: rank for rank, status in enumerate(Status)}


class Remedy(StrEnum):
    """The stable remedy identifiers of the contract ("Remedy identifiers").

    The member name, lower-cased, is the id of the law's data file
    (``data/law/pc_236_14.yaml``).
    """

    PC_236_14 = "PC 236.14"
    PC_236_15 = "PC 236.15"
    AB_2354 = "AB 2354"
    PC_236_23 = "PC 236.23"
    PC_236_24 = "PC 236.24"
    PC_1203_49 = "PC 1203.49"
    PC_653_29 = "PC 653.29"
    PC_1170_22 = "PC 1170.22"
    PC_1203_4 = "PC 1203.4"
    TSRA = "TSRA"
    OTHER_STATE = "OTHER_STATE"
    PC_1203_4A = "PC 1203.4a"
    PC_1203_41 = "PC 1203.41"
    PC_1203_42 = "PC 1203.42"
    PC_1203_425 = "PC 1203.425"
    PC_851_91 = "PC 851.91"
    PC_851_93 = "PC 851.93"
    PC_17_B = "PC 17(b)"
    PC_1170_18 = "PC 1170.18"
    WIC_781 = "WIC 781"
    # Named in the contract's second group but not evaluated yet: no law file.
    WIC_786 = "WIC 786"
    PC_1473_7 = "PC 1473.7"

    @property
    def law_id(self) -> str:
        """The id of this remedy's law data file: "PC 236.14" -> "pc_236_14"."""
        return self.name.lower()


# Input: facts ----------------------------------------------------------


class Victimization(TypedDict, total=False):
    kinds: (
        list[str] | None
    )  # human_trafficking, intimate_partner_violence, sexual_violence
    ongoing: str | None  # yes / no / unsure
    sought_services: str | None  # yes / no / unsure


class Immigration(TypedDict, total=False):
    citizen: str | None  # yes / no / unsure (added, issue 11)


class RecordFacts(TypedDict, total=False):
    """One record; every field but ``id`` optional, missing means unknown."""

    id: str
    system: str | None  # california / federal / other_state
    disposition: str | None  # conviction / arrest / juvenile_adjudication / pending
    offense: str | None  # a code citation as people write it: "PC 647(b)"
    level: str | None  # felony / misdemeanor / infraction / unknown
    county: str | None
    age_at_offense: int | None
    # yes / no / unsure; the rules also read "before" and "after" (both a no).
    while_victimized: str | None
    direct_result: str | None  # yes / no / unsure
    # yes / no / unsure: read by the rules beside the documented fields.
    reasonable_fear: str | None
    enhancements: list[str] | None  # code citations, or the finding person_present
    probation: str | None  # none / active / completed / unknown
    in_custody: bool | None
    fines_unpaid: bool | None
    restitution_unpaid: bool | None
    sentence: str | None  # probation / county_jail / prison / none / unknown (added)
    federal_prison: str | None  # yes / no / unsure (added)


class Facts(TypedDict):
    """The contract's input: one person's records and victimization."""

    as_of: NotRequired[str]  # ISO date; default today
    victimization: NotRequired[Victimization]
    records: list[RecordFacts]
    immigration: NotRequired[Immigration]


# Output: a screening ---------------------------------------------------


class ScreenedOffense(TypedDict):
    """How the rules read a record's offense."""

    input: str
    code: str | None
    title: str | None
    known: bool
    violent: bool | None
    violent_cite: str | None


class Reason(TypedDict):
    code: str
    kind: str  # met / bar / unsettled / unknown / note
    text: str
    cite: str
    verified: bool


class RemedyScreening(TypedDict):
    """One remedy's answer for one record."""

    remedy: str  # a Remedy value
    title: str
    status: Status
    in_force: bool
    applicable: bool
    reasons: list[Reason]
    missing: list[str]
    relief: str | None  # vacatur / defense / dismissal / reduction / sealing / referral
    immigration_relief: bool | None
    immigration_reason: str | None
    immigration_cite: str


class RecordScreening(TypedDict):
    """Every remedy considered for one record, and the best path among them."""

    id: str
    offense: ScreenedOffense
    remedies: list[RemedyScreening]
    best: str | None  # a Remedy value, or None when nothing fits


class Safety(TypedDict):
    show_hotline: bool


class ImmigrationAdvice(TypedDict):
    show_counsel: bool


class Screening(TypedDict):
    """The contract's output: what ``screen(facts)`` returns."""

    as_of: str
    rules_version: str
    law_checked_on: str
    records: list[RecordScreening]
    safety: Safety
    immigration: ImmigrationAdvice
