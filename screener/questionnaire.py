"""The screening's questions: which apply, what they offer, what they say.

No request, no view, no wizard: plain functions of ``Answers`` (step -> that
step's answer as its form in ``screener.forms`` cleans it). A step that does
not apply may keep its data (going back and changing an answer restores it),
but it is never read. The wizard (``screener.wizard``), the check page and
staff re-screening all ask here; this is the only place that translates
between the questions and the contract's facts (docs/screening-api.md), so
"I'm not sure" has one meaning everywhere. ``Saved`` is the wizard's state in
the session: every case's steps as posted, with what they say.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from functools import lru_cache
from typing import Any, cast

from django.utils import timezone
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _

from screener import forms as f
from screener.rules import findings_for, levels_for, screen
from screener.rules.contract import Facts, Screening
from screener.rules.search import search

Answers = dict[str, dict[str, Any]]
StepData = dict[str, list[str]]  # one step as the wizard stores a posted form
Saved = dict[str, Any]

FORMS: dict[str, type[f.QuestionForm]] = dict(f.STEP_FORMS)
STEPS: tuple[str, ...] = tuple(FORMS)
CASE_STEPS: tuple[str, ...] = tuple(s for s in STEPS if s not in f.PERSON_STEPS)
SEEN = "_seen"  # marks stored step data as a page the person saw
OFFENSE_UNKNOWN = ""


def empty() -> Saved:
    """The wizard's state before any case was answered."""
    return {"records": [], "person_steps": {}, "person": {}}


# --- reading stored steps ------------------------------------------------------


def clean(stored: Mapping[str, Any]) -> Answers:
    """The valid answers among stored step data, each checked by its form.

    In step order, because a step's choices depend on the answers before it
    (the charge's matches, its levels, its findings). A step with no data
    builds no form (most steps, early on); an invalid one is left out.
    """
    answers: Answers = {}
    for step in STEPS:
        data = stored.get(step)
        if data is None:
            continue
        form = FORMS[step](
            data=MultiValueDict(data), prefix=step, **form_kwargs(step, answers)
        )
        if form.is_valid():
            answers[step] = form.cleaned_data
    return answers


def answer(answers: Answers, step: str) -> Any:
    return (answers.get(step) or {}).get("answer")


def query(answers: Answers) -> str | None:
    """What the person typed for the charge; None when they did not know."""
    data = answers.get(f.OFFENSE)
    if not data or data.get("dont_know"):
        return None
    return data.get("query") or None


def offense_text(answers: Answers) -> str:
    """The offense as the rules should read it ("" when unknown)."""
    typed = query(answers)
    if typed is None:
        return OFFENSE_UNKNOWN
    picked = answer(answers, f.PICK)
    if picked in (None, f.PICK_TYPED):
        return typed
    if picked == f.PICK_UNKNOWN:
        return OFFENSE_UNKNOWN
    return str(picked)


def level(answers: Answers) -> str:
    """The level: the only one the catalog allows, or the person's answer."""
    text = offense_text(answers)
    possible = _levels(text) if text else ()
    if len(possible) == 1:
        return possible[0]
    return answer(answers, f.LEVEL) or "unknown"


def findings(answers: Answers) -> list[str]:
    """The court findings that may matter for this charge and level."""
    text = offense_text(answers)
    # Today in California: the enhancement lists are dated law.
    return list(_findings(text, level(answers), timezone.localdate())) if text else []


def form_kwargs(step: str, answers: Answers) -> dict[str, Any]:
    """Arguments for the forms whose choices depend on earlier answers."""
    if step == f.PICK:
        typed = query(answers) or ""
        return {"matches": list(_matches(typed)) if typed else [], "query": typed}
    if step == f.LEVEL:
        text = offense_text(answers)
        return {"levels": _levels(text) if text else []}
    if step == f.FINDINGS:
        return {"findings": findings(answers)}
    return {}


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


def harm_kinds(answers: Answers) -> list[str]:
    return [k for k in answer(answers, f.HARM) or [] if k != f.NONE_OF_THESE]


# --- which steps apply -----------------------------------------------------------


def _maybe_california(answers: Answers) -> bool:
    return answer(answers, f.SYSTEM) in (None, f.NOT_SURE, "california")


def asks_pick(answers: Answers) -> bool:
    return query(answers) is not None  # something was typed


def asks_level(answers: Answers) -> bool:
    """Skip the level when the catalog says only one level is possible."""
    text = offense_text(answers)
    return not text or len(_levels(text)) != 1


def asks_findings(answers: Answers) -> bool:
    """Ask about findings only for a decided California case that has some.

    The findings are California enhancements (Pen. Code § 667.5(c)); they
    mean nothing for a federal or out-of-state case.
    """
    if not _maybe_california(answers) or answer(answers, f.HAPPENED) in (
        "pending",
        "arrest",
    ):
        return False
    return bool(findings(answers))


def asks_federal_prison(answers: Answers) -> bool:
    """Only a federal conviction can make someone a TSRA "covered prisoner".

    Asked only when both answers say so. A person not sure of the court or
    of how the case ended is not asked about federal prison: the rules then
    read the answer as unknown and say a lawyer should check, never "no".
    """
    return (
        answer(answers, f.SYSTEM) == "federal"
        and answer(answers, f.HAPPENED) == "conviction"
    )


def asks_connection(answers: Answers) -> bool:
    return bool(harm_kinds(answers))  # how the case relates to a harm named


CONDITIONS: dict[str, Callable[[Answers], bool]] = {
    f.PICK: asks_pick,
    f.LEVEL: asks_level,
    f.FINDINGS: asks_findings,
    f.COUNTY: _maybe_california,
    f.FEDERAL_PRISON: asks_federal_prison,
    f.DURING: asks_connection,
    f.BECAUSE: asks_connection,
    f.ONGOING: asks_connection,
    f.HELP: asks_connection,
}
"""Each step that is not always asked, and when it is (earlier answers only)."""


def applies(step: str, answers: Answers, *, ask_person: bool) -> bool:
    """Whether ``step`` is asked in this run.

    Questions about the person come once per screening, not once per case:
    with ``ask_person`` false (a second case) they are not asked, but the
    person's earlier answers (their harm) still decide the case's questions.
    """
    if step in f.PERSON_STEPS and not ask_person:
        return False
    condition = CONDITIONS.get(step)
    return condition is None or condition(answers)


def asked(answers: Answers, *, ask_person: bool) -> list[str]:
    """The steps that apply, in order."""
    return [step for step in STEPS if applies(step, answers, ask_person=ask_person)]


# --- what the answers say: the contract's facts ---------------------------------


def said(answers: Answers, step: str, *, ask_person: bool = False) -> Any:
    """The answer of ``step`` if it is asked in this run, else None."""
    asked_here = applies(step, answers, ask_person=ask_person)
    return answer(answers, step) if asked_here else None


def _yes_no(value: Any) -> str:
    return value if value in ("yes", "no") else "unsure"


def record(answers: Answers) -> dict[str, Any]:
    """The contract record for this case, from the steps that apply only."""
    disposition = said(answers, f.HAPPENED)
    found = said(answers, f.FINDINGS) or []
    chosen = [x for x in found if x not in (f.NONE_OF_THESE, f.NOT_SURE)]
    # Findings not asked, or "not sure", are unknown (null), never "none":
    # the rules then say a court finding may matter instead of a wrong "likely".
    findings_unknown = (
        not applies(f.FINDINGS, answers, ask_person=False) or f.NOT_SURE in found
    )
    county = said(answers, f.COUNTY)
    system = answer(answers, f.SYSTEM)
    # Optional in the contract: skipped (or not asked) is left out, unknown.
    federal_prison = said(answers, f.FEDERAL_PRISON)
    prison = (
        {"federal_prison": federal_prison}
        if federal_prison in ("yes", "no", f.NOT_SURE)
        else {}
    )
    # "Not sure" is sent as no answer: the rules then say what is unknown.
    return {
        "system": None if system in (None, f.NOT_SURE) else system,
        "disposition": None if disposition in (None, f.NOT_SURE) else disposition,
        "offense": offense_text(answers),
        "level": level(answers),
        "county": None if county in (None, f.NOT_SURE) else county,
        "while_victimized": _yes_no(said(answers, f.DURING)),
        "direct_result": _yes_no(said(answers, f.BECAUSE)),
        "enhancements": chosen if chosen or not findings_unknown else None,
        **prison,
    }


def notes(answers: Answers) -> list[str]:
    """What the person was unsure of, to say so on the results page."""
    return ["findings"] if f.NOT_SURE in (said(answers, f.FINDINGS) or []) else []


def person(answers: Answers) -> dict[str, Any]:
    """The person's victimization, and citizenship when answered.

    Read from a run that asked the questions about the person.
    """
    said_none = f.NONE_OF_THESE in (answer(answers, f.HARM) or [])
    citizen = said(answers, f.IMMIGRATION, ask_person=True)
    return {
        "kinds": harm_kinds(answers),
        # "None of these" means nothing is happening; a skipped question does
        # not, so it stays "unsure" and the results show the hotline.
        "ongoing": "no"
        if said_none
        else _yes_no(said(answers, f.ONGOING, ask_person=True)),
        "sought_services": _yes_no(said(answers, f.HELP, ask_person=True)),
        # Skipped means unknown, so nothing.
        **({"citizen": citizen} if citizen in ("yes", "no", f.NOT_SURE) else {}),
    }


def build_facts(saved: Saved, as_of: date) -> dict[str, Any]:
    """The contract's facts (its INPUT JSON) for every case answered."""
    said = saved.get("person") or {}
    immigration = (
        {"immigration": {"citizen": said["citizen"]}} if said.get("citizen") else {}
    )
    return {
        **immigration,
        "as_of": as_of.isoformat(),
        "victimization": {
            "kinds": list(said.get("kinds", [])),
            "ongoing": said.get("ongoing", "unsure"),
            "sought_services": said.get("sought_services", "unsure"),
        },
        "records": [
            {"id": str(number), **entry["record"]}
            for number, entry in enumerate(saved["records"], start=1)
        ],
    }


# --- rows for the check-your-answers page ---------------------------------------


def _label(step: str, value: Any, answers: Answers) -> str:
    if value in (None, "", []):
        return _("Skipped")
    form = FORMS[step](**form_kwargs(step, answers))
    labels = {str(v): str(label) for v, label, _hint in form.choices}
    if isinstance(value, list):
        return ", ".join(labels.get(str(v), str(v)) for v in value) or _("Skipped")
    return labels.get(str(value), str(value))


def _charge(answers: Answers, active: list[str]) -> str:
    """The charge as picked from the list, else as typed, else "I don't know"."""
    picked = answer(answers, f.PICK) if f.PICK in active else None
    if (answers.get(f.OFFENSE) or {}).get("dont_know") or picked == f.PICK_UNKNOWN:
        return _("I don’t know")
    if picked not in (None, f.PICK_TYPED):
        return _label(f.PICK, picked, answers)
    return str((answers.get(f.OFFENSE) or {}).get("query") or "")


def rows(
    answers: Answers, steps: Iterable[str], *, ask_person: bool
) -> list[dict[str, Any]]:
    """One row per question of ``steps`` asked in this run: question, answer, step."""
    active = asked(answers, ask_person=ask_person)
    shown = []
    for step in steps:
        if step not in active or step == f.PICK:  # the pick is the charge's row
            continue
        if step == f.OFFENSE:
            text = _charge(answers, active)
        else:
            text = _label(step, answer(answers, step), answers)
        shown.append(
            {"step": step, "question": str(FORMS[step].question), "answer": text}
        )
    return shown


# --- back from the facts to the questions (staff re-screening) ------------------


def _step(step: str, **fields: Any) -> StepData:
    """One step's stored data, as the wizard keeps a posted form."""
    data = {
        f"{step}-{name}": [str(v) for v in value]
        if isinstance(value, list)
        else [str(value)]
        for name, value in fields.items()
    }
    data[SEEN] = ["1"]
    return data


def _record_steps(fact: dict[str, Any]) -> dict[str, StepData]:
    offense = fact.get("offense") or ""
    enhancements = fact.get("enhancements")
    steps = {
        f.SYSTEM: _step(f.SYSTEM, answer=fact.get("system") or f.NOT_SURE),
        f.HAPPENED: _step(f.HAPPENED, answer=fact.get("disposition") or f.NOT_SURE),
        f.OFFENSE: _step(f.OFFENSE, query=offense)
        if offense
        else _step(f.OFFENSE, dont_know="on"),
        f.LEVEL: _step(f.LEVEL, answer=fact.get("level") or "unknown"),
        f.FINDINGS: _step(
            f.FINDINGS,
            answer=[f.NOT_SURE]
            if enhancements is None
            else (list(enhancements) or [f.NONE_OF_THESE]),
        ),
        f.COUNTY: _step(f.COUNTY, answer=fact.get("county") or f.NOT_SURE),
        f.DURING: _step(f.DURING, answer=fact.get("while_victimized") or f.NOT_SURE),
        f.BECAUSE: _step(f.BECAUSE, answer=fact.get("direct_result") or f.NOT_SURE),
        # Left out of the record means the question was skipped (or never
        # asked, and then this step is dropped as not applying).
        f.FEDERAL_PRISON: _step(f.FEDERAL_PRISON, answer=fact["federal_prison"])
        if fact.get("federal_prison")
        else _step(f.FEDERAL_PRISON),
    }
    if offense:
        listed = {match.code for match in _matches(offense)}
        steps[f.PICK] = _step(
            f.PICK, answer=offense if offense in listed else f.PICK_TYPED
        )
    return steps


def _person_steps(facts: dict[str, Any]) -> dict[str, StepData]:
    victimization = facts["victimization"]
    kinds = list(victimization.get("kinds") or [])
    ongoing = victimization.get("ongoing") or f.NOT_SURE
    steps = {
        f.HARM: _step(
            f.HARM, answer=kinds or ([f.NONE_OF_THESE] if ongoing == "no" else [])
        ),
        f.ONGOING: _step(f.ONGOING, answer=ongoing),
        f.HELP: _step(
            f.HELP, answer=victimization.get("sought_services") or f.NOT_SURE
        ),
    }
    citizen = (facts.get("immigration") or {}).get("citizen")
    if citizen:
        steps[f.IMMIGRATION] = _step(f.IMMIGRATION, answer=citizen)
    return steps


def answers_from_facts(facts: dict[str, Any]) -> Saved | None:
    """The wizard's state that gives back ``facts`` (contract input), or None.

    For staff re-screening a stored case: the questions start filled in, so
    one changed fact is one Change link, not twelve questions again. Facts
    the questions cannot say exactly (edited by staff beyond the questions'
    choices, a finding the catalog does not list for the charge) give None,
    and the screening starts blank as before: better than questions that
    quietly say something else than the case.
    """
    try:
        person_steps = _person_steps(facts)
        person_answers = clean(person_steps)
        said = person(person_answers)
        victimization = facts["victimization"]
        citizen = (facts.get("immigration") or {}).get("citizen")
        if said != {
            "kinds": list(victimization.get("kinds") or []),
            "ongoing": victimization.get("ongoing", "unsure"),
            "sought_services": victimization.get("sought_services", "unsure"),
            **({"citizen": citizen} if citizen else {}),
        }:
            return None
        entries = []
        for fact in facts["records"]:
            steps = _record_steps(fact)
            answers = clean({**steps, **person_steps})
            active = asked(answers, ask_person=False)
            built = record(answers)
            if not _same_facts(fact, built, findings_asked=f.FINDINGS in active):
                return None
            entries.append(
                {
                    "steps": {s: d for s, d in steps.items() if s in active},
                    "record": built,
                    "notes": notes(answers),
                }
            )
    except (KeyError, TypeError, AttributeError):
        return None
    asked_person = asked(person_answers, ask_person=True)
    saved = {
        "records": entries,
        "person_steps": {s: d for s, d in person_steps.items() if s in asked_person},
        "person": said,
    }
    return saved if _same_results(facts, saved) else None


def _same_facts(
    fact: dict[str, Any], built: dict[str, Any], *, findings_asked: bool
) -> bool:
    """The questions say what the record says.

    One difference is allowed: where the charge has no court findings that
    matter, the questions never ask, and say "unknown" where the record may
    say "none"; ``_same_results`` then checks that it changes nothing.
    """
    stored = {k: v for k, v in fact.items() if k != "id"}
    if not findings_asked and stored.get("enhancements") in (None, []):
        stored["enhancements"] = built.get("enhancements")
    return stored == built


def _same_results(facts: dict[str, Any], saved: Saved) -> bool:
    """Every remedy of every record comes out the same from both."""
    as_of = facts.get("as_of") or timezone.localdate().isoformat()
    rebuilt = build_facts(saved, date.fromisoformat(as_of))

    def statuses(output: Screening) -> list[list[tuple[str, str]]]:
        return [
            [(r["remedy"], r["status"]) for r in fact["remedies"]]
            for fact in output["records"]
        ]

    stored = cast(Facts, {**facts, "as_of": as_of})
    return statuses(screen(cast(Facts, rebuilt))) == statuses(screen(stored))
