"""Building one remedy's answer: a status from the reasons, never a bare verdict.

Each check adds a Reason of one kind:
  met        an element of the law is satisfied
  bar        a bar in the law applies          -> not_eligible
  unsettled  the law is unsettled for the facts -> needs_review
  unknown    a fact is unsure or not given      -> possible
  note       something to know that does not change the status
The status is the worst kind present, so a reason always explains it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from screener.rules.law import Law
from screener.rules.messages import MESSAGES

LIKELY = "likely"
POSSIBLE = "possible"
NEEDS_REVIEW = "needs_review"
NOT_ELIGIBLE = "not_eligible"
STATUS_RANK = {LIKELY: 0, POSSIBLE: 1, NEEDS_REVIEW: 2, NOT_ELIGIBLE: 3}
_KIND_STATUS = {"bar": NOT_ELIGIBLE, "unsettled": NEEDS_REVIEW, "unknown": POSSIBLE}

Translate = Callable[[str], str]


def _identity(text: str) -> str:
    return text


@dataclass(slots=True)
class Outcome:
    """The reasons gathered for one remedy on one record."""

    law: Law
    as_of: date
    applicable: bool = True
    reasons: list[tuple[str, str, dict[str, Any]]] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    def add(self, kind: str, code: str, *missing: str, **params: Any) -> None:
        self.reasons.append((kind, code, params))
        for name in missing:
            if name not in self.missing:
                self.missing.append(name)

    def met(self, code: str, **params: Any) -> None:
        self.add("met", code, **params)

    def bar(self, code: str, **params: Any) -> None:
        self.add("bar", code, **params)

    def unsettled(self, code: str, **params: Any) -> None:
        self.add("unsettled", code, **params)

    def unknown(self, code: str, *missing: str, **params: Any) -> None:
        self.add("unknown", code, *missing, **params)

    def note(self, code: str, **params: Any) -> None:
        self.add("note", code, **params)

    def not_applicable(self, code: str, **params: Any) -> None:
        """A bar that means the remedy does not fit this kind of record at all."""
        self.applicable = False
        self.bar(code, **params)

    @property
    def status(self) -> str:
        worst = LIKELY
        for kind, _, _ in self.reasons:
            status = _KIND_STATUS.get(kind, LIKELY)
            if STATUS_RANK[status] > STATUS_RANK[worst]:
                worst = status
        return worst

    def render(self, translate: Translate | None) -> dict[str, Any]:
        translate = translate or _identity
        law = self.law
        return {
            "remedy": law.remedy,
            "title": translate(law.title),
            "status": self.status,
            "in_force": law.in_force(self.as_of),
            "applicable": self.applicable,
            "reasons": [
                _reason(law, kind, code, params, translate)
                for kind, code, params in self.reasons
            ],
            "missing": list(self.missing),
        }


def _reason(
    law: Law, kind: str, code: str, params: dict[str, Any], translate: Translate
) -> dict[str, Any]:
    condition = law.condition(code)
    template = MESSAGES.get(f"{law.id}.{code}") or MESSAGES[code]
    return {
        "code": code,
        "kind": kind,
        "text": translate(template) % params if params else translate(template),
        "cite": condition.cite % params if params else condition.cite,
        "verified": condition.verified,
    }
