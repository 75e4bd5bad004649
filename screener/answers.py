"""Turn a finished wizard run into the contract's record and back into rows.

The wizard asks in plain words; the rules read the contract JSON
(docs/screening-api.md). This module is the only place that
translates between the two, so "I'm not sure" has one meaning everywhere.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from formtools.wizard.views import WizardView

from screener import conditions as c
from screener import forms as f
from screener import session_store

EMPTY_SCREENING: dict[str, Any] = {"records": [], "person_steps": {}, "person": {}}


def _yes_no(value: Any) -> str:
    return value if value in ("yes", "no") else "unsure"


def build_record(wizard: WizardView) -> dict[str, Any]:
    """The contract record for this run, from the steps that apply only."""
    active = wizard.get_form_list()

    def asked(step: str) -> Any:
        return c.answer(wizard, step) if step in active else None

    disposition = asked(f.HAPPENED)
    findings = asked(f.FINDINGS) or []
    chosen = [x for x in findings if x not in (f.NONE_OF_THESE, f.NOT_SURE)]
    # Findings not asked, or "not sure", are unknown (null), never "none":
    # the rules then say a court finding may matter instead of a wrong "likely".
    findings_unknown = f.FINDINGS not in active or f.NOT_SURE in findings
    county = asked(f.COUNTY)
    system = c.answer(wizard, f.SYSTEM)
    # Optional in the contract: skipped (or not asked) is left out, unknown.
    federal_prison = asked(f.FEDERAL_PRISON)
    prison = (
        {"federal_prison": federal_prison}
        if federal_prison in ("yes", "no", f.NOT_SURE)
        else {}
    )
    # "Not sure" is sent as no answer: the rules then say what is unknown.
    return {
        "system": None if system in (None, f.NOT_SURE) else system,
        "disposition": None if disposition in (None, f.NOT_SURE) else disposition,
        "offense": c.offense_text(wizard),
        "level": c.level(wizard),
        "county": None if county in (None, f.NOT_SURE) else county,
        "while_victimized": _yes_no(asked(f.DURING)),
        "direct_result": _yes_no(asked(f.BECAUSE)),
        "enhancements": chosen if chosen or not findings_unknown else None,
        **prison,
    }


def build_notes(wizard: WizardView) -> list[str]:
    """What the person was unsure of, to say so on the results page."""
    notes = []
    if f.FINDINGS in wizard.get_form_list() and f.NOT_SURE in (
        c.answer(wizard, f.FINDINGS) or []
    ):
        notes.append("findings")
    return notes


def build_person(wizard: WizardView) -> dict[str, Any]:
    active = wizard.get_form_list()
    said_none = f.NONE_OF_THESE in (c.answer(wizard, f.HARM) or [])
    ongoing = c.answer(wizard, f.ONGOING) if f.ONGOING in active else None
    return {
        "kinds": c.harm_kinds(wizard),
        # "None of these" means nothing is happening; a skipped question does
        # not, so it stays "unsure" and the results show the hotline.
        "ongoing": "no" if said_none else _yes_no(ongoing),
        "sought_services": _yes_no(
            c.answer(wizard, f.HELP) if f.HELP in active else None
        ),
    }


def build_citizen(wizard: WizardView) -> dict[str, str]:
    """{"citizen": ...} when answered; skipped means unknown, so nothing."""
    if f.IMMIGRATION not in wizard.get_form_list():
        return {}
    answer = c.answer(wizard, f.IMMIGRATION)
    return {"citizen": answer} if answer in ("yes", "no", f.NOT_SURE) else {}


def load_screening(request: Any) -> dict[str, Any]:
    stored = session_store.read(request, session_store.SCREENING_KEY)
    if not isinstance(stored, dict):
        return {key: type(value)() for key, value in EMPTY_SCREENING.items()}
    return stored


def save_screening(request: Any, screening: dict[str, Any]) -> None:
    session_store.write(request, session_store.SCREENING_KEY, screening)


def build_case(screening: dict[str, Any], as_of: date) -> dict[str, Any]:
    """The contract INPUT JSON for every record of the screening."""
    person = screening.get("person") or {}
    immigration = (
        {"immigration": {"citizen": person["citizen"]}} if person.get("citizen") else {}
    )
    return {
        **immigration,
        "as_of": as_of.isoformat(),
        "victimization": {
            "kinds": list(person.get("kinds", [])),
            "ongoing": person.get("ongoing", "unsure"),
            "sought_services": person.get("sought_services", "unsure"),
        },
        "records": [
            {"id": str(number), **entry["record"]}
            for number, entry in enumerate(screening["records"], start=1)
        ],
    }


# --- rows for the check-your-answers page -----------------------------------


def _label(form_class: type[f.QuestionForm], value: Any, **kwargs: Any) -> str:
    if value in (None, "", []):
        return _("Skipped")
    form = form_class(**kwargs)
    labels = {str(v): str(label) for v, label, _hint in form.choices}
    if isinstance(value, list):
        return ", ".join(labels.get(str(v), str(v)) for v in value) or _("Skipped")
    return labels.get(str(value), str(value))


def _charge(wizard: WizardView, data: dict[str, Any], active: dict[str, Any]) -> str:
    """The charge as picked from the list, else as typed, else "I don't know"."""
    if data.get("dont_know") or (
        f.PICK in active and c.answer(wizard, f.PICK) == f.PICK_UNKNOWN
    ):
        return _("I don’t know")
    if f.PICK in active and c.answer(wizard, f.PICK) not in (None, f.PICK_TYPED):
        return _label(
            active[f.PICK], c.answer(wizard, f.PICK), **c.form_kwargs(wizard, f.PICK)
        )
    return str(data.get("query") or "")


def summary_rows(wizard: WizardView, steps: list[str]) -> list[dict[str, Any]]:
    """One row per question asked in this run: question, answer, step."""
    rows = []
    active = wizard.get_form_list()
    for step in steps:
        if step not in active:
            continue
        form_class = active[step]
        data = c.cleaned(wizard, step) or {}
        if step == f.PICK:
            continue  # shown in the charge's row
        if step == f.OFFENSE:
            shown = _charge(wizard, data, active)
        else:
            shown = _label(
                form_class, data.get("answer"), **c.form_kwargs(wizard, step)
            )
        rows.append(
            {"step": step, "question": str(form_class.question), "answer": shown}
        )
    return rows


# --- back from the contract to the questions (staff re-screening) ------------


def _step(step: str, **fields: Any) -> dict[str, list[str]]:
    """One step's stored data, as the wizard keeps a posted form."""
    data = {
        f"{step}-{name}": [str(v) for v in value]
        if isinstance(value, list)
        else [str(value)]
        for name, value in fields.items()
    }
    data["_seen"] = ["1"]  # screener.wizard.SEEN
    return data


def _record_steps(record: dict[str, Any]) -> dict[str, dict[str, list[str]]]:
    offense = record.get("offense") or ""
    enhancements = record.get("enhancements")
    steps = {
        f.SYSTEM: _step(f.SYSTEM, answer=record.get("system") or f.NOT_SURE),
        f.HAPPENED: _step(f.HAPPENED, answer=record.get("disposition") or f.NOT_SURE),
        f.OFFENSE: _step(f.OFFENSE, query=offense)
        if offense
        else _step(f.OFFENSE, dont_know="on"),
        f.LEVEL: _step(f.LEVEL, answer=record.get("level") or "unknown"),
        f.FINDINGS: _step(
            f.FINDINGS,
            answer=[f.NOT_SURE]
            if enhancements is None
            else (list(enhancements) or [f.NONE_OF_THESE]),
        ),
        f.COUNTY: _step(f.COUNTY, answer=record.get("county") or f.NOT_SURE),
        f.DURING: _step(f.DURING, answer=record.get("while_victimized") or f.NOT_SURE),
        f.BECAUSE: _step(f.BECAUSE, answer=record.get("direct_result") or f.NOT_SURE),
        # Left out of the record means the question was skipped (or never
        # asked, and then this step is dropped as not applying).
        f.FEDERAL_PRISON: _step(f.FEDERAL_PRISON, answer=record["federal_prison"])
        if record.get("federal_prison")
        else _step(f.FEDERAL_PRISON),
    }
    if offense:
        listed = {match.code for match in c._matches(offense)}
        steps[f.PICK] = _step(
            f.PICK, answer=offense if offense in listed else f.PICK_TYPED
        )
    return steps


def _person_steps(victimization: dict[str, Any]) -> dict[str, dict[str, list[str]]]:
    kinds = list(victimization.get("kinds") or [])
    ongoing = victimization.get("ongoing") or f.NOT_SURE
    harm = kinds or ([f.NONE_OF_THESE] if ongoing == "no" else [])
    return {
        f.HARM: _step(f.HARM, answer=harm),
        f.ONGOING: _step(f.ONGOING, answer=ongoing),
        f.HELP: _step(
            f.HELP, answer=victimization.get("sought_services") or f.NOT_SURE
        ),
    }


def screening_from_case(case: dict[str, Any]) -> dict[str, Any] | None:
    """The wizard's answers that give back ``case`` (contract input), or None.

    For staff re-screening a stored case: the questions start filled in, so
    one changed fact is one Change link, not twelve questions again. A case
    whose facts the questions cannot say exactly (facts edited by staff
    beyond the wizard's choices, a finding the catalog does not list for the
    charge) gives None, and the screening starts blank as before: better
    than questions that quietly say something else than the case.
    """
    from screener.wizard import replay  # the wizard imports this module

    try:
        person_steps = _person_steps(case.get("victimization") or {})
        citizen = (case.get("immigration") or {}).get("citizen")
        if citizen:
            person_steps[f.IMMIGRATION] = _step(f.IMMIGRATION, answer=citizen)
        person_wizard = replay(person_steps, ask_person=True)
        person = build_person(person_wizard)
        victimization = case["victimization"]
        if person != {
            "kinds": list(victimization.get("kinds") or []),
            "ongoing": victimization.get("ongoing", "unsure"),
            "sought_services": victimization.get("sought_services", "unsure"),
        }:
            return None
        records = []
        for record in case["records"]:
            steps = _record_steps(record)
            wizard = replay({**steps, **person_steps}, ask_person=False)
            built = build_record(wizard)
            active = wizard.get_form_list()
            if not _same_facts(record, built, findings_asked=f.FINDINGS in active):
                return None
            records.append(
                {
                    "steps": {s: d for s, d in steps.items() if s in active},
                    "record": built,
                    "notes": build_notes(wizard),
                }
            )
    except (KeyError, TypeError, AttributeError):
        return None
    screening = {
        "records": records,
        "person_steps": {
            s: d for s, d in person_steps.items() if s in person_wizard.get_form_list()
        },
        "person": {**person, **build_citizen(person_wizard)},
    }
    return screening if _same_results(case, screening) else None


def _same_facts(
    record: dict[str, Any], built: dict[str, Any], *, findings_asked: bool
) -> bool:
    """The questions say what the record says.

    One difference is allowed: where the charge has no court findings that
    matter, the questions never ask, and say "unknown" where the record may
    say "none"; ``_same_results`` then checks that it changes nothing.
    """
    stored = {k: v for k, v in record.items() if k != "id"}
    if not findings_asked and stored.get("enhancements") in (None, []):
        stored["enhancements"] = built.get("enhancements")
    return stored == built


def _same_results(case: dict[str, Any], screening: dict[str, Any]) -> bool:
    """Every remedy of every record comes out the same from both."""
    from screener.rules import screen

    as_of = case.get("as_of") or timezone.localdate().isoformat()
    rebuilt = build_case(screening, date.fromisoformat(as_of))

    def statuses(output: dict[str, Any]) -> list[list[tuple[str, str]]]:
        return [
            [(r["remedy"], r["status"]) for r in record["remedies"]]
            for record in output["records"]
        ]

    return statuses(screen(rebuilt)) == statuses(screen({**case, "as_of": as_of}))


def open_wizard(
    request: HttpRequest,
    step_data: dict[str, Any],
    extra: dict[str, Any],
    first_step: str,
) -> HttpResponse:
    """Put stored answers into the wizard and open it at ``first_step``."""
    session_store.write(
        request,
        session_store.WIZARD_KEY,
        {
            "step": first_step,
            "step_data": step_data,
            "step_files": {},
            "extra_data": extra,
        },
    )
    return redirect("screener:step", step=first_step)


def start_screening(request: HttpRequest) -> HttpResponse:
    """A new screening, forgetting any earlier one in this browser.

    Here rather than in views so the staff workspace (intake) can start one
    for a client without importing this app's views.
    """
    save_screening(request, {"records": [], "person_steps": {}, "person": {}})
    session_store.forget_case(request)
    return open_wizard(request, {}, {"ask_person": True}, f.SYSTEM)
