"""Records California courts cannot clear: federal cases go to the Trafficking
Survivors Relief Act (18 U.S.C. § 3771A), other states' cases to that state."""

from __future__ import annotations

from typing import Any

from screener.rules.catalog import Offense
from screener.rules.facts import CheckedFacts, Record
from screener.rules.outcome import Outcome
from screener.rules.remedies import common
from screener.rules.violence import Violence

_DISPOSITION_NOTES = {"conviction": "vacate_conviction", "arrest": "expunge_arrest"}
_DISPOSITION_UNSETTLED = {
    "pending": "pending_duress_defense",
    "juvenile_adjudication": "juvenile_federal_unsettled",
}


_LEVEL_REASONS = {
    "A": "level_a_offense",
    "B": "level_b_offense",
    "probably_A": "level_probably_a",
    "unknown": "level_unsettled",
}


def _matches(rule: dict[str, Any], record: Record) -> bool:
    """A divisible offense's rule: the predicate's code or level, or the words."""
    target, words = record.offense.target, record.offense.words
    if target is not None and target.code in rule.get("predicates", ()):
        return True
    if target is not None and "predicate_level" in rule:
        return bool(target.federal_level == rule["predicate_level"])
    return any(w in words for w in rule.get("words", ())) and not any(
        w in words for w in rule.get("unless", ())
    )


def federal_level(out: Outcome, record: Record, offense: Offense) -> tuple[str, str]:
    """The level and the reason for it; divisible offenses read their data."""
    divisible = out.params["divisible_levels"].get(offense.code)
    if divisible is None:
        level = offense.federal_level or "unknown"
        return level, _LEVEL_REASONS[level]
    for rule in divisible["rules"]:
        if _matches(rule, record):
            return rule["level"], rule["reason"]
    return "unknown", divisible["unknown"]


def _federal_level(out: Outcome, record: Record) -> str | None:
    """Report the level; return it (None when the code cannot say)."""
    offense = record.offense.offense
    if offense is None:
        out.unsettled("offense_not_in_catalog")
        return None
    if not offense.is_federal:
        out.unsettled("not_federal_offense_code")
        return None
    level, reason = federal_level(out, record, offense)
    if level == "A":
        out.met(reason)
        if reason != "level_a_offense":
            out.met("level_a_offense")
        if record.federal_prison == "yes":
            out.note("covered_prisoner_reduction")
    elif level == "B" and record.disposition == "conviction":
        _level_b_conviction(out, record, reason)
    elif level == "B":
        out.unsettled("level_b_offense")
    else:
        out.unsettled(reason)
    return level


def _level_b_conviction(out: Outcome, record: Record, reason: str) -> None:
    """Vacatur is closed, but a covered prisoner may ask for a shorter sentence."""
    if reason != "level_b_offense":
        out.note(reason)
    out.note("level_b_offense")
    if record.federal_prison == "yes":
        out.met("covered_prisoner")
    elif record.federal_prison == "no":
        out.bar("not_covered_prisoner")
    else:
        out.unknown("level_b_sentence_reduction", "federal_prison")


def tsra(out: Outcome, facts: CheckedFacts, record: Record, found: Violence) -> Outcome:
    if record.system is None:
        out.unknown("system_unknown", "system")
    elif record.system == "california" and record.offense.is_federal:
        # "18 USC 1591" on a record marked California may be a federal case
        # after all: ask which court rather than close the federal door.
        out.unsettled("federal_code_on_state_record")
    elif record.system != "federal":
        out.not_applicable("not_federal_record")
        return out
    else:
        out.met("federal_record_covered")
    if not common.in_force(out):
        return out
    common.victimization_kind(out, facts.victimization)
    level = _federal_level(out, record)
    if record.disposition is None:
        out.unknown("disposition_unknown", "disposition")
    elif record.disposition in _DISPOSITION_NOTES:
        if level != "B":  # level B: no vacatur, and arrests only in limited cases
            out.note(_DISPOSITION_NOTES[record.disposition])
    else:
        out.unsettled(_DISPOSITION_UNSETTLED[record.disposition])
    common.direct_result(out, record)
    return out


def other_state(
    out: Outcome, facts: CheckedFacts, record: Record, found: Violence
) -> Outcome:
    if record.system == "other_state":
        out.unsettled("refer_other_state")
    elif record.system is None:
        out.unknown("system_unknown", "system")
    else:
        out.not_applicable("not_other_state")
    return out
