"""The rules engine: every record scored against current and proposed law.

Pure Python, no Django (a test imports it with Django absent). The public
API is the screening contract (docs/screening-api.md), typed in
``contract``: ``screen(facts: Facts) -> Screening``. The law lives in
``data/`` as effective-dated YAML with citations; the reasoning lives in
small functions under ``remedies/``.
The clock is read in one place only: when the facts give no ``as_of``,
``screen`` uses today's date, as the contract says.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import date
from functools import lru_cache
from typing import Any

from screener.rules import violence
from screener.rules.catalog import parse_offense
from screener.rules.contract import (
    Facts,
    RecordScreening,
    Remedy,
    ScreenedOffense,
    Screening,
)
from screener.rules.facts import CheckedFacts, InvalidFacts, Record, read_facts
from screener.rules.law import DATA_DIR, Law, laws
from screener.rules.outcome import Outcome, Rank, Translate
from screener.rules.remedies import (
    defenses,
    doors,
    general,
    outside,
    prostitution,
    vacatur,
)

__all__ = [
    "RULES_VERSION",
    "InvalidFacts",
    "findings_for",
    "law_checked_on",
    "levels_for",
    "screen",
]

Evaluate = Callable[[Outcome, CheckedFacts, Record, violence.Violence], Outcome]

# In the order a survivor should read them: vacatur first, then the
# defenses, the offense-specific relief, the federal and out-of-state
# routes, the general fallbacks, and last the proposed law beside them.
REMEDIES: tuple[tuple[Remedy, Evaluate], ...] = (
    (Remedy.PC_236_14, vacatur.current),
    (Remedy.PC_236_15, vacatur.current),
    (Remedy.PC_236_23, defenses.defense),
    (Remedy.PC_236_24, defenses.defense),
    (Remedy.PC_1203_49, prostitution.pc_1203_49),
    (Remedy.PC_653_29, prostitution.pc_653_29),
    (Remedy.PC_1170_22, prostitution.pc_1170_22),
    (Remedy.TSRA, outside.tsra),
    (Remedy.OTHER_STATE, outside.other_state),
    (Remedy.PC_1473_7, doors.pc_1473_7),
    (Remedy.PC_1203_4, general.pc_1203_4),
    (Remedy.PC_1203_4A, general.pc_1203_4a),
    (Remedy.PC_1203_41, doors.pc_1203_41),
    (Remedy.PC_1203_42, doors.pc_1203_42),
    (Remedy.PC_1203_425, doors.pc_1203_425),
    (Remedy.PC_1170_18, doors.pc_1170_18),
    (Remedy.PC_17_B, doors.pc_17_b),
    (Remedy.PC_851_91, general.pc_851_91),
    (Remedy.PC_851_93, doors.pc_851_93),
    (Remedy.WIC_781, general.wic_781),
    (Remedy.AB_2354, vacatur.proposed),
)


def _rules_version() -> str:
    digest = hashlib.sha256()
    for path in sorted(DATA_DIR.parent.rglob("*.yaml")):
        digest.update(path.read_bytes())
    return f"2026.11.0+{digest.hexdigest()[:8]}"


RULES_VERSION = _rules_version()


Step = tuple[Law, Evaluate, bool, dict[str, Any]]


@lru_cache(maxsize=512)
def _plan(as_of: date) -> tuple[Step, ...]:
    """REMEDIES with each law, whether it is in force and its parameters on ``as_of``.

    Looked up once per screening date rather than for every record: the
    answers depend on the date alone. Bounded like ``law_checked_on``.
    """
    steps = []
    for remedy, evaluate in REMEDIES:
        law = laws()[remedy.law_id]
        steps.append((law, evaluate, law.in_force(as_of), law.params_on(as_of)))
    return tuple(steps)


@lru_cache(maxsize=512)
def law_checked_on(as_of: date) -> date:
    """The day the law behind a screening was last checked by a person.

    The oldest ``last_verified`` of the screened laws in force on ``as_of``:
    results pages and packets print "law checked on <date>".
    """
    checked = [law.last_verified for law, _, in_force, _ in _plan(as_of) if in_force]
    return min(checked or [law.last_verified for law in laws().values()])


def _offense(
    record: Record, found: violence.Violence, translate: Translate | None
) -> ScreenedOffense:
    parsed = record.offense
    violent = {violence.VIOLENT: True, violence.NONVIOLENT: False}.get(found.state)
    return {
        "input": parsed.input,
        "code": parsed.code,
        "title": parsed.title_in(translate),
        "known": parsed.known,
        "violent": violent,
        "violent_cite": f"Pen. Code § {found.paragraph}" if violent else None,
    }


def _screen_record(
    facts: CheckedFacts,
    record: Record,
    translate: Translate | None,
    plan: tuple[Step, ...],
) -> RecordScreening:
    as_of = facts.as_of
    found = violence.classify(record, as_of)
    remedies = []
    best: str | None = None
    best_rank: Rank | None = None
    for law, evaluate, in_force, params in plan:
        out = evaluate(Outcome(law, as_of, in_force, params), facts, record, found)
        remedies.append(out.render(translate))
        # The best path: lowest rank (outcome._rank); ties keep REMEDIES order.
        # So best is never weaker than an available vacatur of equal or
        # better status (docs/screening-api.md, "How best is chosen").
        rank = out.rank
        if rank is not None and (best_rank is None or rank < best_rank):
            best, best_rank = law.remedy, rank
    return {
        "id": record.id,
        "offense": _offense(record, found, translate),
        "remedies": remedies,
        "best": best,
    }


def screen(
    facts: Facts, *, translate: Translate | None = None, today: date | None = None
) -> Screening:
    """Screen every record in the contract's facts; raise InvalidFacts on bad input.

    ``facts`` is typed as the contract says, but it is checked whatever it
    holds: it is often JSON straight from a partner.
    """
    checked = read_facts(facts, today=today or date.today())  # noqa: DTZ011 - contract default
    plan = _plan(checked.as_of)
    return {
        "as_of": checked.as_of.isoformat(),
        "rules_version": RULES_VERSION,
        "law_checked_on": law_checked_on(checked.as_of).isoformat(),
        "records": [
            _screen_record(checked, record, translate, plan)
            for record in checked.records
        ],
        "safety": {"show_hotline": checked.victimization.ongoing in ("yes", "unsure")},
        "immigration": {"show_counsel": checked.citizen in ("no", "unsure")},
    }


def levels_for(offense_text: str) -> list[str]:
    """The levels an offense can be, per the catalog (empty when unknown)."""
    offense = parse_offense(offense_text).offense
    if offense is None:
        return []
    return [
        level
        for level in ("felony", "misdemeanor", "infraction")
        if level in offense.levels
    ]


def findings_for(offense_text: str, level: str, *, as_of: date) -> list[str]:
    """Findings and enhancements that could make this record a violent felony.

    The wizard asks only these. Misdemeanors and infractions need none (N1).
    ``as_of`` is the caller's (the rules never read the clock): the lists of
    enhancements are dated law. An attempt is asked only the enhancements
    (§ 667.5(c)(8), (22)): an offense's own findings, such as a person
    present in a first-degree burglary ((c)(21)), are about the completed
    offense.
    """
    if level in ("misdemeanor", "infraction"):
        return []
    parsed = parse_offense(offense_text)
    offense = parsed.offense
    if offense is not None and "felony" not in offense.levels:
        return []
    if offense is not None and offense.violent == "yes" and not parsed.attempt:
        # Always violent as a felony (robbery): no finding changes the answer.
        return []
    law = laws()["pc_667_5_c"]
    specific = (
        list(parsed.offense.violent_findings)
        if parsed.offense and not parsed.attempt
        else []
    )
    general_findings = [
        *law.param("paragraph_8_enhancements", as_of),
        *law.param("paragraph_22_enhancements", as_of),
    ]
    return specific + [f for f in general_findings if f not in specific]
