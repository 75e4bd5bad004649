"""The general clean-slate remedies every survivor should also hear about,
as a fallback when vacatur does not fit: dismissal after probation
(§ 1203.4), misdemeanors without probation (§ 1203.4a), arrest sealing
(§ 851.91) and juvenile sealing (Welf. & Inst. Code § 781)."""

from __future__ import annotations

from screener.rules.facts import CheckedFacts, Record
from screener.rules.outcome import Outcome
from screener.rules.remedies import common
from screener.rules.violence import Violence


def _disposition(
    out: Outcome, record: Record, wanted: str, code: str, miss: str
) -> bool:
    if record.disposition is None:
        out.unknown("disposition_unknown", "disposition")
    elif record.disposition != wanted:
        out.not_applicable(miss)
        return False
    elif code:
        out.met(code)
    return True


def _known_offense(out: Outcome, record: Record) -> bool:
    if record.offense.offense is None:
        out.unsettled("offense_not_in_catalog")
        return False
    return True


def _excluded(out: Outcome, record: Record) -> None:
    """§ 1203.4(b) excludes some sex offenses, for some sections only some subdivisions."""
    if not _known_offense(out, record):
        return
    offense = record.offense.offense
    if offense is None or not offense.excluded_1203_4:
        return
    if "excluded_1203_4" in offense.mixed:
        out.unsettled("excluded_depends_on_subdivision")
    else:
        out.bar("excluded_sex_offense")


def pc_1203_4(
    out: Outcome, facts: CheckedFacts, record: Record, found: Violence
) -> Outcome:
    if not common.california_record(out, record) or not common.in_force(out):
        return out
    if not _disposition(out, record, "conviction", "", "needs_conviction"):
        return out
    offense = record.offense.offense
    if record.level == "infraction" or (
        offense is not None and offense.levels == frozenset({"infraction"})
    ):
        out.not_applicable("infraction_not_covered")
        return out
    if record.probation == "none":
        out.not_applicable("no_probation_granted")
        return out
    _excluded(out, record)
    if record.probation == "completed":
        out.met("probation_completed")
    elif record.probation == "active":
        out.unknown("probation_active", "probation")
    else:
        out.unknown("probation_unknown", "probation")
    if record.in_custody:
        out.bar("serving_sentence")
    elif record.in_custody is False:
        out.met("not_in_custody")
    else:
        out.unknown("custody_unknown", "in_custody")
    out.note("not_for_immigration")
    out.note("prior_still_counts")
    return out


def pc_1203_4a(
    out: Outcome, facts: CheckedFacts, record: Record, found: Violence
) -> Outcome:
    if not common.california_record(out, record) or not common.in_force(out):
        return out
    if not _disposition(out, record, "conviction", "", "needs_conviction"):
        return out
    if record.level == "felony":
        out.not_applicable("felony_not_covered")
        return out
    offense = record.offense.offense
    if record.level == "infraction" or (
        offense is not None and offense.levels == frozenset({"infraction"})
    ):
        # § 1203.4a(a): every infraction, with or without probation.
        out.met("infraction_covered")
        out.unknown("one_year_after_judgment", "sentence_date")
        return out
    if record.probation in ("active", "completed"):
        if record.level == "misdemeanor" or (
            offense is not None and "infraction" not in offense.levels
        ):
            out.not_applicable("probation_granted")
            return out
        # An infraction is covered with probation too: the level decides.
        out.unknown("level_unknown", "level")
        return out
    if record.level == "misdemeanor" and record.probation == "none":
        out.met("misdemeanor_without_probation")
    if record.level != "misdemeanor":
        out.unknown("level_unknown", "level")
    if record.probation != "none":
        out.unknown("probation_unknown", "probation")
    out.unknown("one_year_after_judgment", "sentence_date")
    return out


def pc_851_91(
    out: Outcome, facts: CheckedFacts, record: Record, found: Violence
) -> Outcome:
    if not common.california_record(out, record) or not common.in_force(out):
        return out
    if not _disposition(
        out, record, "arrest", "arrest_without_conviction", "needs_arrest_only"
    ):
        return out
    out.unknown("arrest_outcome_unknown", "arrest_outcome")
    out.note("automatic_arrest_relief")
    return out


def wic_781(
    out: Outcome, facts: CheckedFacts, record: Record, found: Violence
) -> Outcome:
    if not common.california_record(out, record) or not common.in_force(out):
        return out
    if not _disposition(
        out, record, "juvenile_adjudication", "juvenile_record", "needs_juvenile_record"
    ):
        return out
    offense = record.offense.offense
    if (
        _known_offense(out, record)
        and offense is not None
        and (offense.violent != "no" or offense.serious)
    ):
        out.unsettled("serious_juvenile_offense")
    out.unknown("age_or_time_unknown", "current_age")
    out.note("automatic_sealing_786")
    return out
