"""Affirmative defenses in a pending case: Pen. Code § 236.23 (trafficking)
and § 236.24 (partner or sexual violence). Not for violent felonies; before
AB 124 (2022) § 236.23 also excluded serious felonies."""

from __future__ import annotations

from screener.rules.facts import CheckedFacts, Record
from screener.rules.outcome import Outcome
from screener.rules.remedies import common
from screener.rules.violence import Violence


def _serious(out: Outcome, record: Record) -> None:
    """Before AB 124, § 236.23 excluded serious felonies; a wobbler may be a misdemeanor."""
    offense = record.offense.offense
    if not out.params["excludes_serious_felonies"] or offense is None:
        return
    if not offense.serious_on(out.as_of) or record.level in (
        "misdemeanor",
        "infraction",
    ):
        return
    if "serious" in offense.mixed:
        out.unsettled("serious_felony_excluded")
    elif record.level == "felony" or "misdemeanor" not in offense.levels:
        out.bar("serious_felony_excluded")
    else:
        out.unknown("serious_felony_excluded", "level")


def defense(
    out: Outcome, facts: CheckedFacts, record: Record, found: Violence
) -> Outcome:
    if not common.california_record(out, record):
        return out
    if record.disposition is None:
        out.unknown("disposition_unknown", "disposition")
    elif record.disposition != "pending":
        out.not_applicable("not_pending")
        return out
    else:
        out.met("pending_case_covered")
    if not common.in_force(out):
        return out
    common.victimization_kind(out, facts.victimization)
    common.violence(out, found)
    _serious(out, record)
    common.answer(
        out,
        record.while_victimized,
        "while_victimized",
        "while_victim",
        "while_victim_unsure",
        "not_while_victim",
    )
    common.answer(
        out,
        record.direct_result,
        "direct_result",
        "coerced_direct_result",
        "coercion_unsure",
        "not_coerced",
    )
    common.answer(
        out,
        record.reasonable_fear,
        "reasonable_fear",
        "reasonable_fear",
        "reasonable_fear_unsure",
        "no_reasonable_fear",
    )
    out.note("preponderance")
    out.note("raise_before_plea")
    return out
