"""Relief written for prostitution-related convictions: Pen. Code § 1203.49
(a trafficking survivor's § 647(b) conviction), § 653.29 (repealed § 653.22)
and § 1170.22 (former § 647f)."""

from __future__ import annotations

from screener.rules.facts import CheckedFacts, Record
from screener.rules.outcome import Outcome
from screener.rules.remedies import common
from screener.rules.violence import Violence


def _conviction(
    out: Outcome, record: Record, *, arrest_unsettled: bool = False
) -> bool:
    if record.disposition == "conviction":
        return True
    if record.disposition is None:
        out.unknown("disposition_unknown", "disposition")
        return True
    if record.disposition == "arrest" and arrest_unsettled:
        out.unsettled("arrest_only_unsettled")
        return True
    out.not_applicable("needs_conviction")
    return False


def _covered(out: Outcome, record: Record, hit: str, miss: str) -> bool:
    """California record, law in force on the date, and one of the named offenses."""
    if not common.california_record(out, record) or not common.in_force(out):
        return False
    covered = out.params["covered_offenses"]
    return common.offense_in(out, record, covered, hit, miss)


def pc_1203_49(
    out: Outcome, facts: CheckedFacts, record: Record, found: Violence
) -> Outcome:
    if not _covered(out, record, "conviction_647b", "not_647b_conviction"):
        return out
    if not _conviction(out, record):
        return out
    common.victimization_kind(out, facts.victimization)
    if record.probation in ("completed", "none"):
        out.met("probation_completed")
    elif record.probation == "active":
        out.bar("probation_not_completed")
    else:
        out.unknown("probation_unknown", "probation")
    common.direct_result(out, record)
    out.note("dismissal_not_vacatur")
    return out


def pc_653_29(
    out: Outcome, facts: CheckedFacts, record: Record, found: Violence
) -> Outcome:
    if not _covered(out, record, "conviction_653_22", "not_653_22"):
        return out
    if not _conviction(out, record, arrest_unsettled=True):
        return out
    out.note("no_victim_showing")
    out.note("forms_cr_425")
    return out


def pc_1170_22(
    out: Outcome, facts: CheckedFacts, record: Record, found: Violence
) -> Outcome:
    if not _covered(out, record, "conviction_647f", "not_647f"):
        return out
    if not _conviction(out, record):
        return out
    out.note("forms_cr_404")
    return out
