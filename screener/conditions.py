"""Which question pages apply, decided by asking the rules.

Each ``condition_dict`` callable reads only earlier steps, through
``cleaned``, which validates the stored data with the step's own form class.
It never calls ``wizard.get_cleaned_data_for_step`` or ``wizard.steps``:
both consult the conditional form list and so recurse into the conditions
(formtools #247, #266). Data of a skipped step stays in storage (so going
back and changing an answer restores it), but is never used.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any

from django.utils import timezone
from formtools.wizard.views import WizardView

from screener import forms as f
from screener.rules import findings_for, levels_for
from screener.rules.search import search

OFFENSE_UNKNOWN = ""
CACHE_ATTRIBUTE = "_screener_answers"


def cleaned(wizard: WizardView, step: str) -> dict[str, Any] | None:
    """The valid stored answer of ``step``, or None (cached per request)."""
    cache: dict[str, dict[str, Any] | None] = wizard.__dict__.setdefault(
        CACHE_ATTRIBUTE, {}
    )
    if step not in cache:
        data = wizard.storage.get_step_data(step)
        if data is None:  # not answered: no form to build (most steps, early on)
            cache[step] = None
        else:
            form = wizard.form_list[step](
                data=data, prefix=step, **form_kwargs(wizard, step)
            )
            cache[step] = form.cleaned_data if form.is_valid() else None
    return cache[step]


def forget(wizard: WizardView) -> None:
    """Drop cached answers after the storage changed."""
    wizard.__dict__.pop(CACHE_ATTRIBUTE, None)
    for name in [n for n in wizard.__dict__ if n.startswith("_cleaned_data_cache_")]:
        del wizard.__dict__[name]
    wizard.__dict__.pop("_resolved_form_list", None)


def answer(wizard: WizardView, step: str) -> Any:
    return (cleaned(wizard, step) or {}).get("answer")


def query(wizard: WizardView) -> str | None:
    """What the person typed for the charge; None when they did not know."""
    data = cleaned(wizard, f.OFFENSE)
    if not data or data.get("dont_know"):
        return None
    return data.get("query") or None


def offense_text(wizard: WizardView) -> str:
    """The offense as the rules should read it ("" when unknown)."""
    typed = query(wizard)
    if typed is None:
        return OFFENSE_UNKNOWN
    picked = answer(wizard, f.PICK)
    if picked in (None, f.PICK_TYPED):
        return typed
    if picked == f.PICK_UNKNOWN:
        return OFFENSE_UNKNOWN
    return str(picked)


def level(wizard: WizardView) -> str:
    """The level: the only one the catalog allows, or the person's answer."""
    possible = _levels(offense_text(wizard)) if offense_text(wizard) else []
    if len(possible) == 1:
        return possible[0]
    return answer(wizard, f.LEVEL) or "unknown"


def form_kwargs(wizard: WizardView, step: str) -> dict[str, Any]:
    """Arguments for forms whose choices depend on earlier answers."""
    if step == f.PICK:
        typed = query(wizard) or ""
        return {"matches": list(_matches(typed)) if typed else [], "query": typed}
    if step == f.LEVEL:
        text = offense_text(wizard)
        return {"levels": _levels(text) if text else []}
    if step == f.FINDINGS:
        return {"findings": findings(wizard)}
    return {}


def findings(wizard: WizardView) -> list[str]:
    text = offense_text(wizard)
    # Today in California: the enhancement lists are dated law.
    return list(_findings(text, level(wizard), timezone.localdate())) if text else []


# The catalog and the law data do not change while the process runs, and a
# search scans the whole catalog: remember recent answers.
@lru_cache(maxsize=1024)
def _matches(typed: str) -> tuple[Any, ...]:
    return tuple(search(typed, limit=8))


@lru_cache(maxsize=1024)
def _findings(text: str, level: str, as_of: date) -> tuple[str, ...]:
    return tuple(findings_for(text, level, as_of=as_of))


@lru_cache(maxsize=1024)
def _levels(text: str) -> tuple[str, ...]:
    return tuple(levels_for(text))


def maybe_california(wizard: WizardView) -> bool:
    return answer(wizard, f.SYSTEM) in (None, f.NOT_SURE, "california")


def harm_kinds(wizard: WizardView) -> list[str]:
    chosen = answer(wizard, f.HARM) or []
    return [kind for kind in chosen if kind != f.NONE_OF_THESE]


# --- condition_dict callables ------------------------------------------------


def asks_pick(wizard: WizardView) -> bool:
    """Show the list of matches only when something was typed."""
    return query(wizard) is not None


def asks_level(wizard: WizardView) -> bool:
    """Skip the level when the catalog says only one level is possible."""
    text = offense_text(wizard)
    return not text or len(_levels(text)) != 1


def asks_findings(wizard: WizardView) -> bool:
    """Ask about findings only for a decided California case that has some.

    The findings are California enhancements (Pen. Code § 667.5(c)); they
    mean nothing for a federal or out-of-state case.
    """
    if not maybe_california(wizard) or answer(wizard, f.HAPPENED) in (
        "pending",
        "arrest",
    ):
        return False
    return bool(findings(wizard))


def asks_county(wizard: WizardView) -> bool:
    return maybe_california(wizard)


def asks_federal_prison(wizard: WizardView) -> bool:
    """Only a federal conviction can make someone a TSRA "covered prisoner".

    Asked only when both answers say so. A person not sure of the court or
    of how the case ended is not asked about federal prison: the rules then
    read the answer as unknown and say a lawyer should check, never "no".
    """
    return (
        answer(wizard, f.SYSTEM) == "federal"
        and answer(wizard, f.HAPPENED) == "conviction"
    )


def asks_person(wizard: WizardView) -> bool:
    """Questions about the person come once per screening, not per case."""
    return bool(wizard.storage.extra_data.get("ask_person", True))


def asks_connection(wizard: WizardView) -> bool:
    """How the case relates to the harm matters only if harm was named."""
    return bool(harm_kinds(wizard))


def asks_person_follow_up(wizard: WizardView) -> bool:
    return asks_person(wizard) and asks_connection(wizard)


CONDITIONS = {
    f.PICK: asks_pick,
    f.LEVEL: asks_level,
    f.FINDINGS: asks_findings,
    f.COUNTY: asks_county,
    f.FEDERAL_PRISON: asks_federal_prison,
    f.HARM: asks_person,
    f.DURING: asks_connection,
    f.BECAUSE: asks_connection,
    f.ONGOING: asks_person_follow_up,
    f.HELP: asks_person_follow_up,
    f.IMMIGRATION: asks_person,
}
