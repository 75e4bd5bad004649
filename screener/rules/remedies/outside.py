"""Records California courts cannot clear: federal cases go to the Trafficking
Survivors Relief Act (18 U.S.C. § 3771A), other states' cases to that state."""

from __future__ import annotations

from screener.rules.facts import Case, Record
from screener.rules.outcome import Outcome
from screener.rules.remedies import common
from screener.rules.violence import Violence

_DISPOSITION_NOTES = {"conviction": "vacate_conviction", "arrest": "expunge_arrest"}
_DISPOSITION_UNSETTLED = {
    "pending": "pending_duress_defense",
    "juvenile_adjudication": "juvenile_federal_unsettled",
}


def _federal_level(out: Outcome, record: Record) -> None:
    offense = record.offense.offense
    if offense is None:
        out.unsettled("offense_not_in_catalog")
    elif not offense.is_federal:
        out.unsettled("not_federal_offense_code")
    elif offense.federal_level == "A":
        out.met("level_a_offense")
    elif offense.federal_level == "B" and record.disposition == "conviction":
        out.bar("level_b_offense")
        out.note("level_b_sentence_reduction")
    elif offense.federal_level == "B":
        out.unsettled("level_b_offense")
    else:
        out.unsettled("level_unsettled")


def tsra(out: Outcome, case: Case, record: Record, found: Violence) -> Outcome:
    if record.system is None:
        out.unknown("system_unknown", "system")
    elif record.system != "federal":
        out.not_applicable("not_federal_record")
        return out
    else:
        out.met("federal_record_covered")
    if not common.in_force(out):
        return out
    common.victimization_kind(out, case.victimization)
    _federal_level(out, record)
    if record.disposition is None:
        out.unknown("disposition_unknown", "disposition")
    elif record.disposition in _DISPOSITION_NOTES:
        out.note(_DISPOSITION_NOTES[record.disposition])
    else:
        out.unsettled(_DISPOSITION_UNSETTLED[record.disposition])
    common.direct_result(out, record)
    return out


def other_state(out: Outcome, case: Case, record: Record, found: Violence) -> Outcome:
    if record.system == "other_state":
        out.unsettled("refer_other_state")
    elif record.system is None:
        out.unknown("system_unknown", "system")
    else:
        out.not_applicable("not_other_state")
    return out
