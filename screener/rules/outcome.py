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
from datetime import date
from typing import Any

from screener.rules.contract import Reason, RemedyScreening, Status
from screener.rules.law import Law, relief_strength
from screener.rules.messages import MESSAGES

RENDER_LIMIT = 8192

Translate = Callable[[str], str]


def _identity(text: str) -> str:
    return text


Params = tuple[tuple[str, Any], ...]


class Outcome:
    """The reasons gathered for one remedy on one record.

    A plain class with slots, not a dataclass: twenty-one are made per record.
    ``in_force`` and ``params`` are the law's answers for ``as_of`` (every
    parameter by name, as ``Law.param`` gives it); the screening passes them
    in, computed once per date, because every record asks the same of them.
    """

    __slots__ = (
        "applicable", "as_of", "in_force", "law", "missing", "params", "rank",
        "reasons",
    )  # fmt: skip

    def __init__(
        self,
        law: Law,
        as_of: date,
        in_force: bool | None = None,
        params: dict[str, Any] | None = None,
    ) -> None:
        self.law = law
        self.as_of = as_of
        self.in_force = law.in_force(as_of) if in_force is None else in_force
        self.params = law.params_on(as_of) if params is None else params
        self.applicable = True
        self.reasons: list[tuple[str, str, Params]] = []
        # A tuple, grown on the rare unknown: most remedies miss nothing, and
        # the render cache key takes it as it is.
        self.missing: tuple[str, ...] = ()
        # Set by render(): how this remedy ranks for the record's best path.
        self.rank: Rank | None = None

    def add(self, kind: str, code: str, **params: Any) -> None:
        """A reason of any kind with parameters; a missing fact goes through unknown()."""
        self.reasons.append((kind, code, tuple(params.items()) if params else ()))

    # The wrappers append directly: they run ~400,000 times a second.
    def met(self, code: str) -> None:
        self.reasons.append(("met", code, ()))

    def bar(self, code: str, **params: Any) -> None:
        self.reasons.append(("bar", code, tuple(params.items()) if params else ()))

    def unsettled(self, code: str, **params: Any) -> None:
        self.reasons.append(
            ("unsettled", code, tuple(params.items()) if params else ())
        )

    def unknown(self, code: str, *missing: str, **params: Any) -> None:
        self.reasons.append(("unknown", code, tuple(params.items()) if params else ()))
        for name in missing:
            if name not in self.missing:
                self.missing += (name,)

    def note(self, code: str) -> None:
        self.reasons.append(("note", code, ()))

    def not_applicable(self, code: str) -> None:
        """A bar that means the remedy does not fit this kind of record at all.

        No parameters: no such bar has any, and this runs for most of the 21
        remedies of every record, so it saves building an empty **params.
        """
        self.applicable = False
        self.reasons.append(("bar", code, ()))

    @property
    def status(self) -> Status:
        kinds = {kind for kind, _, _ in self.reasons}
        if "bar" in kinds:
            return Status.NOT_ELIGIBLE
        if "unsettled" in kinds:
            return Status.NEEDS_REVIEW
        if "unknown" in kinds:
            return Status.POSSIBLE
        return Status.LIKELY

    def render(self, translate: Translate | None) -> RemedyScreening:
        """The contract's remedy object.

        In English the same outcome recurs across many records, so it is
        built once and each caller gets its own copy (reasons included):
        nothing a caller changes can leak into another answer. Translated
        output is never cached, because the active language can change
        between calls to the same translate function.
        """
        if translate is not None:
            built = self._build(translate)
            self.rank = _rank(self.law, built)
            return built
        key = (self.law.id, self.in_force, self.applicable,
               tuple(self.reasons), self.missing)  # fmt: skip
        try:
            cached, reasons, self.rank = _RENDERED[key]
        except KeyError:
            cached, reasons, self.rank = self._remember(key)
        # A caller's own copy, reasons included. Inline and C-level calls
        # only: it runs 21 times per record, and [*map(...)] copies a list
        # of dicts faster than a comprehension or dict(...) would.
        copy = cached.copy()
        copy["reasons"] = [*map(_copy_dict, reasons)]
        copy["missing"] = [*self.missing]
        return copy

    def _remember(self, key: tuple[Any, ...]) -> Rendered:
        """Build the English remedy object once, bounded: quoted findings are free text."""
        if len(_RENDERED) >= RENDER_LIMIT:
            _RENDERED.clear()
        built = self._build(_identity)
        entry = _RENDERED[key] = (
            built,
            tuple(built["reasons"]),
            _rank(self.law, built),
        )
        return entry

    def _build(self, translate: Translate) -> RemedyScreening:
        law = self.law
        kind, immigration, immigration_reason, immigration_cite = self._relief(
            translate
        )
        return {
            "remedy": law.remedy,
            "title": translate(law.title),
            "status": self.status,
            "in_force": self.in_force,
            "applicable": self.applicable,
            "reasons": [_reason(law, *reason, translate) for reason in self.reasons],
            "missing": list(self.missing),
            "relief": kind,
            "immigration_relief": immigration,
            "immigration_reason": immigration_reason,
            "immigration_cite": immigration_cite,
        }

    def _relief(
        self, translate: Translate
    ) -> tuple[str | None, bool | None, str | None, str]:
        """What the relief does and whether it helps with immigration (docs/screening-api.md).

        As (relief, immigration_relief, immigration_reason, immigration_cite).
        """
        relief = self.law.relief
        if relief is None:
            return (
                None,
                None,
                translate(MESSAGES["immigration_not_recorded"]),
                "Matter of Pickering, 23 I&N Dec. 621 (BIA 2003)",
            )
        relief = relief.for_reasons({code for _, code, _ in self.reasons})
        reason = relief.immigration_reason
        return (
            relief.kind,
            relief.immigration,
            translate(MESSAGES[reason]) if reason else None,
            relief.immigration_cite,
        )


Rank = tuple[int, int, int]


# key -> (remedy object, its reasons, rank): the reasons apart, so a copy
# need not look them up in the object first.
Rendered = tuple[RemedyScreening, tuple[Reason, ...], "Rank | None"]
_RENDERED: dict[tuple[Any, ...], Rendered] = {}
# Any: dict.copy of a Reason is a Reason, which the stubs cannot say.
_copy_dict: Any = dict.copy


def _rank(law: Law, built: RemedyScreening) -> Rank | None:
    """How a remedy ranks for the record's ``best`` path; None when it cannot be it.

    Lower is better: first a relief the survivor's own answers point to (its
    law data names the showing, all met), then the most certain status, then
    the strongest relief (data/relief.yaml). A conditional relief (§ 1473.7)
    that the answers do not point to comes after every other.
    """
    if not built["in_force"] or not built["applicable"]:
        return None
    status = built["status"]
    if status is Status.NOT_ELIGIBLE:
        return None
    strength = relief_strength()
    group = 1
    relief = law.relief
    if relief is not None:
        met = {r["code"] for r in built["reasons"] if r["kind"] == "met"}
        pointed = bool(relief.showing) and met.issuperset(relief.showing)
        group = int(relief.conditional) + int(not pointed)
    kind = strength.get(built["relief"] or "", len(strength))
    return (group, status.rank, kind)


def _reason(
    law: Law, kind: str, code: str, params: Params, translate: Translate
) -> Reason:
    condition = law.condition(code)
    template = MESSAGES.get(f"{law.id}.{code}") or MESSAGES[code]
    values = dict(params)
    return {
        "code": code,
        "kind": kind,
        "text": translate(template) % values if values else translate(template),
        "cite": condition.cite % values if values else condition.cite,
        "verified": condition.verified,
    }
