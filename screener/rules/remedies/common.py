"""Checks that several remedies share, each citing the remedy's own law."""

from __future__ import annotations

from screener.rules.facts import Record, Victimization
from screener.rules.outcome import Outcome
from screener.rules.violence import DEPENDS, NONVIOLENT, VIOLENT, Violence


def california_record(out: Outcome, record: Record) -> bool:
    """California courts act only on California records (brief R14.7)."""
    if record.system == "california" and not record.offense.is_federal:
        return True  # the usual record, first: nothing to report
    if record.system == "federal":
        out.not_applicable("federal_record")
        return False
    if record.system == "other_state":
        out.not_applicable("other_state_record")
        return False
    if record.system is None:
        out.unknown("system_unknown", "system")
    if (
        record.offense.is_federal
        and "federal_code_on_state_record" in out.law.conditions
    ):
        # "18 USC 1591" on a California record: which court was it?
        out.unsettled("federal_code_on_state_record")
    return True


def in_force(out: Outcome) -> bool:
    if out.in_force:
        return True
    out.bar("not_in_force")
    return False


def victimization_kind(out: Outcome, victimization: Victimization) -> None:
    kinds = out.params["victimization_kinds"]
    if victimization.kinds is None:
        out.unknown("victimization_unknown", "victimization.kinds")
    elif not victimization.kinds.isdisjoint(kinds):
        out.met("victim_of_kind")
    elif victimization.kinds:
        # They told us of another harm, which another remedy covers.
        out.not_applicable("no_victimization_of_kind")
    else:
        out.bar("no_victimization_of_kind")


def violence(out: Outcome, found: Violence) -> None:
    paragraph = found.paragraph or "667.5(c)"
    if found.state == NONVIOLENT:
        out.met(found.code)
    elif found.state == VIOLENT:
        out.bar(found.code, paragraph=paragraph)
        for text, section in found.read_as:
            out.add("note", "finding_read_as", text=text, section=section)
    elif found.state == DEPENDS:
        out.unknown(found.code, *found.missing, paragraph=paragraph)
    elif found.code == "finding_unreadable":
        out.unsettled(found.code, text=found.unreadable)
    else:
        out.unsettled(found.code, paragraph=paragraph)
        if found.unreadable:
            out.unsettled("finding_unreadable", text=found.unreadable)


def answer(
    out: Outcome, value: str | None, field: str, yes: str, unsure: str, no: str
) -> None:
    """A yes/no/unsure element: yes meets it, no bars it, anything else is unknown."""
    if value == "yes":
        out.met(yes)
    elif value == "no":
        out.bar(no)
    else:
        out.unknown(unsure, field)


def direct_result(out: Outcome, record: Record) -> None:
    """The nexus every survivor remedy asks for: the offense was the direct result."""
    answer(
        out, record.direct_result, "direct_result",
        "direct_result", "direct_result_unsure", "not_direct_result",
    )  # fmt: skip


def offense_in(
    out: Outcome, record: Record, covered: list[str], hit: str, miss: str
) -> bool:
    """Relief written for named offenses; an unknown offense needs a lawyer's look."""
    offense = record.offense.offense
    if offense is None:
        out.unsettled("offense_not_in_catalog")
        return True
    if offense.code in covered and not record.offense.attempt:
        out.met(hit)
        return True
    out.not_applicable(miss)
    return False
