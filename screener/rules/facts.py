"""The facts as the contract defines them, checked and turned into typed values.

Missing optional fields mean "unknown" (None). A value of the wrong kind is
an input error, reported per field so the CLI and the API can say exactly
what to fix. Unknown keys are ignored: partners may send more than we read.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from screener.rules.catalog import ParsedOffense, parse_offense, read_finding

KINDS = ("human_trafficking", "intimate_partner_violence", "sexual_violence")
ANSWERS = ("yes", "no", "unsure")
SYSTEMS = ("california", "federal", "other_state")
DISPOSITIONS = ("conviction", "arrest", "juvenile_adjudication", "pending")
LEVELS = ("felony", "misdemeanor", "infraction", "unknown")
PROBATION = ("none", "active", "completed", "unknown")
WHILE_VICTIMIZED = (*ANSWERS, "before", "after")
SENTENCES = ("probation", "county_jail", "prison", "none", "unknown")
MAX_RECORDS = 100
MAX_TEXT = 200
# No statute the rules know was in force before this day; an earlier as_of
# has nothing to compare with, so it is a field error rather than a crash.
EARLIEST_AS_OF = date(1900, 1, 1)


class InvalidFacts(ValueError):
    """The facts do not follow the contract; ``errors`` says where."""

    def __init__(self, errors: list[dict[str, str]]) -> None:
        super().__init__("; ".join(f"{e['field']}: {e['message']}" for e in errors))
        self.errors = errors


@dataclass(frozen=True, slots=True)
class Victimization:
    kinds: frozenset[str] | None
    ongoing: str | None
    sought_services: str | None


@dataclass(frozen=True, slots=True)
class Record:
    id: str
    system: str | None
    disposition: str | None
    offense: ParsedOffense
    level: str | None
    county: str | None
    age_at_offense: int | None
    while_victimized: str | None
    direct_result: str | None
    reasonable_fear: str | None
    enhancements: frozenset[str] | None
    probation: str | None
    in_custody: bool | None
    fines_unpaid: bool | None
    restitution_unpaid: bool | None
    # Issue 11 (verdicts): findings typed that no code or plain word matches,
    # as typed; "is or was in federal prison" (TSRA covered prisoner);
    # "before" or "after" when the offense was not while victimized.
    unreadable_findings: tuple[str, ...] = ()
    federal_prison: str | None = None
    offense_timing: str | None = None
    # Findings read from plain words ("GBI" -> "PC 12022.7"), said back.
    findings_read: tuple[tuple[str, str], ...] = ()
    sentence: str | None = None  # county_jail: § 1170(h) felony jail; prison: state


@dataclass(frozen=True, slots=True)
class CheckedFacts:
    """The contract's facts (``contract.Facts``) once checked: what the rules reason on."""

    as_of: date
    victimization: Victimization
    records: tuple[Record, ...]
    citizen: str | None = None  # immigration.citizen: routes to § 1473.7 and counsel


class _Errors:
    def __init__(self) -> None:
        self.items: list[dict[str, str]] = []

    def add(self, field: str, message: str) -> None:
        self.items.append({"field": field, "message": message})


def _choice(
    raw: dict[str, Any], key: str, allowed: tuple[str, ...], where: str, errors: _Errors
) -> str | None:
    value = raw.get(key)
    if value is None:
        return None
    if value in allowed:
        # Already as written in the contract (the usual case): strip() and
        # lower() would give it back unchanged.
        return value
    if isinstance(value, str) and value.strip().lower() in allowed:
        return value.strip().lower()
    if value == "unknown" and "unsure" in allowed:
        return "unsure"
    errors.add(f"{where}{key}", f"Must be one of: {', '.join(allowed)}.")
    return None


def _answer(raw: dict[str, Any], key: str, where: str, errors: _Errors) -> str | None:
    """yes / no / unsure, or None when not answered (the rules treat both alike)."""
    return _choice(raw, key, ANSWERS, where, errors)


def _flag(raw: dict[str, Any], key: str, where: str, errors: _Errors) -> bool | None:
    value = raw.get(key)
    if value is None or isinstance(value, bool):
        return value
    errors.add(f"{where}{key}", "Must be true, false or null.")
    return None


def is_unicode(value: str) -> bool:
    """False for text holding a lone surrogate (``"\\ud800"`` in JSON).

    Such a string cannot be written as UTF-8, so echoing it in the output
    would crash the response instead of answering.
    """
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


NOT_UNICODE = "Must be text without unpaired surrogate characters."


def _text(raw: dict[str, Any], key: str, where: str, errors: _Errors) -> str | None:
    value = raw.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        errors.add(f"{where}{key}", "Must be a string or null.")
        return None
    if not is_unicode(value):
        errors.add(f"{where}{key}", NOT_UNICODE)
        return None
    if len(value) > MAX_TEXT:
        errors.add(f"{where}{key}", f"Must be at most {MAX_TEXT} characters.")
        return None
    return value.strip() or None


def _age(raw: dict[str, Any], where: str, errors: _Errors) -> int | None:
    value = raw.get("age_at_offense")
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value < 120:
        errors.add(
            f"{where}age_at_offense", "Must be a whole number of years, or null."
        )
        return None
    return value


def _enhancements(
    raw: dict[str, Any], where: str, errors: _Errors
) -> frozenset[str] | None:
    value = raw.get("enhancements")
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        errors.add(f"{where}enhancements", "Must be a list of strings.")
        return None
    if not all(map(is_unicode, value)):
        errors.add(f"{where}enhancements", NOT_UNICODE)
        return None
    return frozenset(normalise_finding(v) for v in value if v.strip())


def normalise_finding(text: str) -> str:
    """ "GBI" and "PC 12022.7" both read as "PC 12022.7"; unreadable text stays as typed."""
    return read_finding(text)[0]


def _unreadable(raw: dict[str, Any]) -> tuple[str, ...]:
    """Findings no code or plain word matches: quoted back, never dropped.

    Called once ``_enhancements`` has accepted the list.
    """
    # An enhancement written after a slash ("245(a)(1)/12022.7") may come
    # with no "enhancements" list at all.
    found = (v.strip() for v in raw.get("enhancements") or () if v.strip())
    return tuple(dict.fromkeys(text for text in found if not read_finding(text)[1]))


def _read_from_words(raw: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    """(typed, code) where plain words were read as a code, so we can say so."""
    pairs = []
    typed = raw.get("enhancements") or ()
    for text in dict.fromkeys(v.strip() for v in typed if v.strip()):
        code, readable = read_finding(text)
        if readable and code != parse_offense(text).code:
            pairs.append((text, code))
    return tuple(pairs)


def _timing(
    raw: dict[str, Any], where: str, errors: _Errors
) -> tuple[str | None, str | None]:
    """while_victimized, plus "before" or "after" (both a "no") when given."""
    value = _choice(raw, "while_victimized", WHILE_VICTIMIZED, where, errors)
    if value in ("before", "after"):
        return "no", value
    return value, None


def _victimization(raw: Any, errors: _Errors) -> Victimization:
    if raw is None:
        return Victimization(None, None, None)
    if not isinstance(raw, dict):
        errors.add("victimization", "Must be an object.")
        return Victimization(None, None, None)
    kinds_raw = raw.get("kinds")
    kinds: frozenset[str] | None = None
    if kinds_raw is not None:
        if not isinstance(kinds_raw, list) or not all(k in KINDS for k in kinds_raw):
            errors.add("victimization.kinds", f"Must be a list of: {', '.join(KINDS)}.")
        else:
            kinds = frozenset(kinds_raw)
    where = "victimization."
    return Victimization(
        kinds=kinds,
        ongoing=_answer(raw, "ongoing", where, errors),
        sought_services=_answer(raw, "sought_services", where, errors),
    )


def _record(raw: Any, index: int, errors: _Errors) -> Record | None:
    where = f"records[{index}]."
    if not isinstance(raw, dict):
        errors.add(f"records[{index}]", "Must be an object.")
        return None
    record_id = raw.get("id", str(index + 1))
    # A number that long (Python refuses to turn one of over 4,300 digits
    # into text) is no one's record id.
    if isinstance(record_id, int) and not isinstance(record_id, bool):
        record_id = str(record_id) if record_id.bit_length() <= 256 else None
    if not isinstance(record_id, str) or len(record_id) > MAX_TEXT:
        errors.add(f"{where}id", "Must be a string.")
        record_id = str(index + 1)
    elif not is_unicode(record_id):
        errors.add(f"{where}id", NOT_UNICODE)
        record_id = str(index + 1)
    offense = _text(raw, "offense", where, errors)
    parsed = parse_offense(offense or "")
    enhancements = _enhancements(raw, where, errors)
    while_victimized, offense_timing = _timing(raw, where, errors)
    if parsed.enhancements:
        # "245(a)(1)/12022.7": an enhancement written into the offense counts too.
        written = frozenset(normalise_finding(code) for code in parsed.enhancements)
        enhancements = written | (enhancements or frozenset())
    return Record(
        id=record_id,
        system=_choice(raw, "system", SYSTEMS, where, errors),
        disposition=_choice(raw, "disposition", DISPOSITIONS, where, errors),
        offense=parsed,
        level=_choice(raw, "level", LEVELS, where, errors),
        county=_text(raw, "county", where, errors),
        age_at_offense=_age(raw, where, errors),
        while_victimized=while_victimized,
        direct_result=_answer(raw, "direct_result", where, errors),
        reasonable_fear=_answer(raw, "reasonable_fear", where, errors),
        enhancements=enhancements,
        probation=_choice(raw, "probation", PROBATION, where, errors),
        in_custody=_flag(raw, "in_custody", where, errors),
        fines_unpaid=_flag(raw, "fines_unpaid", where, errors),
        restitution_unpaid=_flag(raw, "restitution_unpaid", where, errors),
        unreadable_findings=_unreadable(raw) if enhancements else (),
        findings_read=_read_from_words(raw) if enhancements else (),
        federal_prison=_answer(raw, "federal_prison", where, errors),
        offense_timing=offense_timing,
        sentence=_choice(raw, "sentence", SENTENCES, where, errors),
    )


def _as_of(raw: Any, today: date, errors: _Errors) -> date:
    if raw is None:
        return today
    if isinstance(raw, str):
        try:
            as_of = date.fromisoformat(raw)
        except ValueError:
            pass
        else:
            if as_of >= EARLIEST_AS_OF:
                return as_of
            errors.add("as_of", f"Must be on or after {EARLIEST_AS_OF.isoformat()}.")
            return today
    errors.add("as_of", "Must be a date written as YYYY-MM-DD.")
    return today


def read_facts(raw: Any, *, today: date) -> CheckedFacts:
    """Check the contract's facts and return them typed, or raise InvalidFacts.

    ``raw`` is whatever JSON arrived (typed ``Any``): checking it is this
    function's job, so nothing about its shape is assumed.
    """
    errors = _Errors()
    if not isinstance(raw, dict):
        raise InvalidFacts(
            [{"field": "", "message": "The case must be a JSON object."}]
        )
    as_of = _as_of(raw.get("as_of"), today, errors)
    victimization = _victimization(raw.get("victimization"), errors)
    records_raw = raw.get("records")
    records: list[Record] = []
    if not isinstance(records_raw, list):
        errors.add("records", "Must be a list of records.")
    elif len(records_raw) > MAX_RECORDS:
        errors.add("records", f"At most {MAX_RECORDS} records in one screening.")
    else:
        for index, item in enumerate(records_raw):
            record = _record(item, index, errors)
            if record is not None:
                records.append(record)
    citizen = _immigration(raw.get("immigration"), errors)
    if errors.items:
        raise InvalidFacts(errors.items)
    return CheckedFacts(as_of, victimization, tuple(records), citizen)


def _immigration(raw: Any, errors: _Errors) -> str | None:
    """Optional and skippable: only ever routes to more help, never closes a door."""
    if raw is None:
        return None
    if not isinstance(raw, dict):
        errors.add("immigration", "Must be an object.")
        return None
    return _answer(raw, "citizen", "immigration.", errors)
