"""Vacatur under Pen. Code § 236.14 (trafficking), § 236.15 (partner or sexual
violence), and the same test under AB 2354 as proposed (never law).

The three share one test; what differs is data: which harms count, whether
violent felonies are excluded, the timing rule in force, and whether a gap
between the harm and the offense bars relief.
"""

from __future__ import annotations

from screener.rules.facts import CheckedFacts, Record
from screener.rules.outcome import Outcome
from screener.rules.remedies import common
from screener.rules.violence import Violence


def _record_kind(out: Outcome, record: Record) -> bool:
    if not common.california_record(out, record):
        return False
    if record.disposition == "pending":
        out.not_applicable("pending_case")
        return False
    if record.disposition is None:
        out.unknown("disposition_unknown", "disposition")
    else:
        out.met("record_type_covered")
    return True


def _while_victimized(out: Outcome, record: Record) -> None:
    if record.while_victimized == "yes":
        out.met("while_victim")
    elif record.while_victimized == "no":
        # Before the harm began is always outside "while a victim"; after it
        # ended is a bar only where the law says so (not § 236.15, R15.5).
        gap_bars = out.params["victim_period_gap_bars"]
        if gap_bars or record.offense_timing == "before":
            out.bar("not_while_victim")
        else:
            out.unsettled("victim_period_gap")
    else:
        out.unknown("while_victim_unsure", "while_victimized")


def _timing(out: Outcome, facts: CheckedFacts) -> None:
    """§ 236.14: at any time after the harm ends (AB 262); before 2022, a reasonable time."""
    ongoing = facts.victimization.ongoing
    if ongoing == "yes":
        # Safety first either way; seeking services opens the door in the
        # text, but whether a court hears it while the harm goes on is open.
        sought = facts.victimization.sought_services == "yes"
        out.unsettled(
            "still_victimized_sought_services" if sought else "still_victimized"
        )
    elif ongoing == "no":
        if out.params["timing_any_time"] is False:
            out.unknown("reasonable_time", "victimization.ended_on")
        else:
            out.met("ceased_to_be_victim")
    else:
        out.unknown("timing_unsure", "victimization.ongoing")


def _findings(out: Outcome) -> None:
    """AB 2169 (2023): the showing proves lack of intent; before, more findings."""
    if out.params["lacked_intent_standard"]:
        out.note("lacked_intent_legal_defect")
    else:
        out.unknown("former_findings_discretionary", "court_findings")


def _is_647b(record: Record) -> bool:
    offense = record.offense.offense
    return offense is not None and offense.code.startswith("PC 647(b)")


def _fines_and_probation(out: Outcome, record: Record) -> None:
    """AB 262's rule for § 236.14; for § 236.15 the same rule is unverified (R15.7)."""
    no_bar = out.params["fines_probation_no_bar"]
    if no_bar is False:
        return
    if record.fines_unpaid:
        out.note("fines_no_bar" if no_bar else "fines_rule_unverified")
    if record.probation == "active":
        out.note("probation_no_bar" if no_bar else "probation_rule_unverified")
    if record.restitution_unpaid:
        out.note("restitution_survives")


def _notes(out: Outcome, record: Record) -> None:
    if record.disposition == "juvenile_adjudication":
        out.note("juvenile_presumption")
    if _is_647b(record) and "prostitution_named" in out.law.conditions:
        out.note("prostitution_named")
        if record.age_at_offense is not None and record.age_at_offense < 18:
            out.note("safe_harbor_minor")
    _fines_and_probation(out, record)
    if record.in_custody:
        out.note("custody_no_bar")


def current(
    out: Outcome, facts: CheckedFacts, record: Record, found: Violence
) -> Outcome:
    """§ 236.14 or § 236.15 as in force on the screening date."""
    if not _record_kind(out, record) or not common.in_force(out):
        return out
    common.victimization_kind(out, facts.victimization)
    common.violence(out, found)
    _while_victimized(out, record)
    common.direct_result(out, record)
    _timing(out, facts)
    _findings(out)
    if out.params["timing_any_time"] is None:
        out.note("file_promptly")
    _notes(out, record)
    return out


def proposed(
    out: Outcome, facts: CheckedFacts, record: Record, found: Violence
) -> Outcome:
    """AB 2354 as introduced: any offense, same showing. Not law."""
    out.note("not_enacted")
    if "successor_bill" in out.law.conditions and out.law.condition(
        "successor_bill"
    ).in_effect(out.as_of):
        out.note("successor_bill")
    if not _record_kind(out, record):
        return out
    common.victimization_kind(out, facts.victimization)
    if found.code == "offense_not_in_catalog":
        out.unsettled("offense_not_in_catalog")
    else:
        out.met("any_offense_proposed")
    _while_victimized(out, record)
    common.direct_result(out, record)
    _timing(out, facts)
    return out
