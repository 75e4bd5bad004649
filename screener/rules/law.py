"""Law as data: one YAML file per statute in ``data/law/``.

Each file names the remedy, its citation, the dates it is in force, dated
parameters, and every condition the reasoning may report, each with its
citation to the subdivision, effective dates, confidence and the date a
person last checked it. The loader is strict (unknown keys, missing
citations, unsorted dates are errors) because a silent typo in law data
is a wrong answer to a survivor.

Confidence follows the legal brief: C confirmed from a source, H high,
M medium (verify before relying), U unverified. Reasons built from M or U
conditions are reported with ``verified: false``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).parent / "data" / "law"

CONFIDENCE = ("C", "H", "M", "U")
MEMO_LIMIT = 4096
_FILE_KEYS = {
    "id",
    "remedy",
    "title",
    "description",
    "citation",
    "last_verified",
    "in_force",
    "parameters",
    "conditions",
    "notes",
    "relief",
}
_FILE_REQUIRED = _FILE_KEYS - {"parameters", "notes", "relief"}
_DATED_KEYS = {"from", "value", "cite", "confidence"}
_CONDITION_KEYS = {"cite", "confidence", "from", "to", "last_verified", "note"}
_CONDITION_REQUIRED = {"cite", "confidence", "from", "last_verified"}
_RELIEF_KEYS = {
    "kind", "showing", "immigration", "immigration_cite", "immigration_reason",
    "confidence", "last_verified", "when", "conditional",
}  # fmt: skip
_RELIEF_REQUIRED = _RELIEF_KEYS - {
    "showing",
    "immigration_reason",
    "when",
    "conditional",
}
RELIEF_FILE = DATA_DIR.parent / "relief.yaml"
BILLS_FILE = DATA_DIR.parent / "bills.yaml"


class LawDataError(ValueError):
    """A law data file does not follow the schema."""


@dataclass(frozen=True, slots=True)
class Dated:
    """A value in force from a date until the next entry."""

    start: date
    value: Any
    cite: str
    confidence: str


@dataclass(frozen=True, slots=True)
class Condition:
    """Something the reasoning can report, with where the law says it."""

    code: str
    cite: str
    confidence: str
    start: date
    end: date | None
    last_verified: date

    @property
    def verified(self) -> bool:
        return self.confidence in ("C", "H")

    def in_effect(self, as_of: date) -> bool:
        return self.start <= as_of and (self.end is None or as_of < self.end)


@dataclass(frozen=True, slots=True)
class Relief:
    """What a remedy does for the person, and whether it helps with immigration.

    ``immigration`` is True where the relief removes the conviction for
    federal immigration purposes (a vacatur for a legal defect), False for
    rehabilitative relief, reductions and sealing, None where it depends
    (``immigration_reason`` names the message saying why). Matter of
    Pickering, 23 I&N Dec. 621 (BIA 2003). ``showing`` lists the conditions
    that, all met, mean the survivor's own answers point to this relief;
    a ``conditional`` relief turns on a fact the screening does not ask
    (§ 1473.7: the immigration advice) and leads only when so pointed to.
    ``when`` changes the relief when a reason is present (TSRA level B:
    only the sentence reduction is open).
    """

    kind: str
    immigration: bool | None
    immigration_cite: str
    immigration_reason: str | None
    confidence: str
    last_verified: date
    showing: tuple[str, ...] = ()
    when: tuple[tuple[str, Relief], ...] = ()
    conditional: bool = False

    def for_reasons(self, codes: set[str]) -> Relief:
        for code, relief in self.when:
            if code in codes:
                return relief
        return self


@dataclass(frozen=True, slots=True)
class Law:
    """One statute or bill, as data."""

    id: str
    remedy: str
    title: str
    citation: dict[str, str]
    last_verified: date
    in_force_values: tuple[Dated, ...]
    parameters: dict[str, tuple[Dated, ...]]
    conditions: dict[str, Condition]
    relief: Relief | None = None
    # Answers by (name, date): every record of a screening asks the same
    # questions of the same law on the same date, thousands of times a second.
    _memo: dict[tuple[str, date], Any] = field(
        default_factory=dict, compare=False, repr=False
    )

    def in_force(self, as_of: date) -> bool:
        key = ("", as_of)
        try:
            return self._memo[key]
        except KeyError:
            return self._remember(
                key, bool(_value_at(self.in_force_values, as_of, default=False))
            )

    def param(self, name: str, as_of: date) -> Any:
        """The parameter's value in force on ``as_of`` (None before the first)."""
        key = (name, as_of)
        try:
            return self._memo[key]
        except KeyError:
            return self._remember(
                key, _value_at(self.parameters[name], as_of, default=None)
            )

    def dated(self, name: str, as_of: date) -> Dated | None:
        """The parameter's entry in force on ``as_of``, with its citation."""
        found = None
        for entry in self.parameters[name]:
            if entry.start > as_of:
                break
            found = entry
        return found

    def params_on(self, as_of: date) -> dict[str, Any]:
        """Every parameter's value in force on ``as_of``, by name.

        A new dict each call: callers keep it for a whole screening date.
        """
        return {name: self.param(name, as_of) for name in self.parameters}

    def _remember(self, key: tuple[str, date], value: Any) -> Any:
        """Bounded: API callers choose any date, and must not grow memory without end."""
        if len(self._memo) >= MEMO_LIMIT:
            self._memo.clear()
        self._memo[key] = value
        return value

    def condition(self, code: str) -> Condition:
        return self.conditions[code]


def _value_at(values: tuple[Dated, ...], as_of: date, *, default: Any) -> Any:
    found = default
    for entry in values:
        if entry.start > as_of:
            break
        found = entry.value
    return found


def _fail(path: Path, message: str) -> LawDataError:
    return LawDataError(f"{path.name}: {message}")


def _dated(path: Path, name: str, raw: Any) -> tuple[Dated, ...]:
    if not isinstance(raw, list) or not raw:
        raise _fail(path, f"{name}: needs a non-empty list of dated values")
    values: list[Dated] = []
    for entry in raw:
        if not isinstance(entry, dict) or set(entry) != _DATED_KEYS:
            raise _fail(path, f"{name}: each value needs exactly {sorted(_DATED_KEYS)}")
        if not isinstance(entry["from"], date) or not entry["cite"]:
            raise _fail(path, f"{name}: a value needs a date and a citation")
        if entry["confidence"] not in CONFIDENCE:
            raise _fail(path, f"{name}: unknown confidence {entry['confidence']}")
        values.append(
            Dated(entry["from"], entry["value"], entry["cite"], entry["confidence"])
        )
    starts = [value.start for value in values]
    if starts != sorted(starts) or len(set(starts)) != len(starts):
        raise _fail(path, f"{name}: dates must be in increasing order")
    return tuple(values)


def _condition(path: Path, code: str, raw: Any) -> Condition:
    if not isinstance(raw, dict):
        raise _fail(path, f"condition {code}: must be a mapping")
    unknown = set(raw) - _CONDITION_KEYS
    missing = _CONDITION_REQUIRED - set(raw)
    if unknown or missing:
        raise _fail(
            path,
            f"condition {code}: unknown {unknown or '-'}, missing {missing or '-'}",
        )
    if not raw["cite"] or raw["confidence"] not in CONFIDENCE:
        raise _fail(path, f"condition {code}: needs a citation and a confidence")
    end = raw.get("to")
    if not isinstance(raw["from"], date) or not isinstance(raw["last_verified"], date):
        raise _fail(path, f"condition {code}: from and last_verified must be dates")
    if end is not None and (not isinstance(end, date) or end <= raw["from"]):
        raise _fail(path, f"condition {code}: to must be a date after from")
    return Condition(
        code=code,
        cite=str(raw["cite"]),
        confidence=raw["confidence"],
        start=raw["from"],
        end=end,
        last_verified=raw["last_verified"],
    )


def _relief(path: Path, raw: Any, conditions: dict[str, Any]) -> Relief:
    """The ``relief`` block; a ``when`` entry restates only what changes."""
    if not isinstance(raw, dict):
        raise _fail(path, "relief must be a mapping")
    unknown = set(raw) - _RELIEF_KEYS
    missing = _RELIEF_REQUIRED - set(raw)
    if unknown or missing:
        raise _fail(path, f"relief: unknown {unknown or '-'}, missing {missing or '-'}")
    if raw["kind"] not in relief_strength():
        raise _fail(path, f"relief: unknown kind {raw['kind']}")
    if raw["immigration"] not in (True, False, None):
        raise _fail(path, "relief: immigration must be true, false or null")
    if raw["immigration"] is None and not raw.get("immigration_reason"):
        raise _fail(path, "relief: immigration null needs an immigration_reason")
    if (
        raw["confidence"] not in CONFIDENCE
        or not isinstance(raw["last_verified"], date)
        or not raw["immigration_cite"]
    ):
        raise _fail(path, "relief: needs a cite, a confidence and a last_verified date")
    showing = tuple(raw.get("showing") or ())
    when = raw.get("when") or {}
    if not isinstance(when, dict) or any(
        code not in conditions for code in (*showing, *when)
    ):
        raise _fail(path, "relief: showing and when must name conditions of this law")
    return Relief(
        kind=raw["kind"],
        immigration=raw["immigration"],
        immigration_cite=str(raw["immigration_cite"]),
        immigration_reason=raw.get("immigration_reason"),
        confidence=raw["confidence"],
        last_verified=raw["last_verified"],
        showing=showing,
        conditional=raw.get("conditional") is True,
        when=tuple(
            (code, _relief(path, {**raw, "when": None, **entry}, conditions))
            for code, entry in when.items()
        ),
    )


def load_law_file(path: Path) -> Law:
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(document, dict):
        raise _fail(path, "must be a mapping")
    unknown = set(document) - _FILE_KEYS
    missing = _FILE_REQUIRED - set(document)
    if unknown or missing:
        raise _fail(path, f"unknown keys {unknown or '-'}, missing {missing or '-'}")
    citation = document["citation"]
    if (
        not isinstance(citation, dict)
        or not citation.get("title")
        or not citation.get("href")
    ):
        raise _fail(path, "citation needs a title and an href")
    if not isinstance(document["last_verified"], date):
        raise _fail(path, "last_verified must be a date")
    conditions = document["conditions"]
    if not isinstance(conditions, dict) or not conditions:
        raise _fail(path, "conditions must be a non-empty mapping")
    parameters = document.get("parameters") or {}
    return Law(
        id=document["id"],
        remedy=document["remedy"],
        title=document["title"],
        citation={"title": citation["title"], "href": citation["href"]},
        last_verified=document["last_verified"],
        in_force_values=_dated(path, "in_force", document["in_force"]),
        parameters={name: _dated(path, name, raw) for name, raw in parameters.items()},
        conditions={
            code: _condition(path, code, raw) for code, raw in conditions.items()
        },
        relief=(
            _relief(path, document["relief"], conditions)
            if "relief" in document
            else None
        ),
    )


def load_laws(directory: Path = DATA_DIR) -> dict[str, Law]:
    laws: dict[str, Law] = {}
    for path in sorted(directory.glob("*.yaml")):
        law = load_law_file(path)
        if law.id != path.stem:
            raise _fail(path, "id must match the file name")
        laws[law.id] = law
    return laws


@lru_cache(maxsize=1)
def laws() -> dict[str, Law]:
    """Every statute's data, loaded once per process."""
    return load_laws()


@lru_cache(maxsize=1)
def relief_strength() -> dict[str, int]:
    """Kinds of relief by what they do for the person: 0 is the strongest.

    Law data (``data/relief.yaml``), not literals: vacatur for legal
    invalidity > a defense that ends the case > dismissal > reduction >
    sealing > a referral elsewhere.
    """
    document = yaml.safe_load(RELIEF_FILE.read_text(encoding="utf-8"))
    return {entry["kind"]: rank for rank, entry in enumerate(document["kinds"])}


@lru_cache(maxsize=1)
def pending_bills() -> tuple[dict[str, Any], ...]:
    """Bills that could change the law, as recorded in ``data/bills.yaml``."""
    document = yaml.safe_load(BILLS_FILE.read_text(encoding="utf-8"))
    return tuple(document["bills"])
