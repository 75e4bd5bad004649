"""Shape the rules' output into what the results page shows, in order.

The page answers, per case: what is the best way forward, why, which law
says so, what would change the answer, and what to do next. Remedies the
rules mark as not applicable are hidden; proposed law (``in_force`` false)
is shown apart, labelled as not law. There is never a bare "not eligible":
a case with no open path still gets the reasons, the proposed law, and the
places to get free legal help.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from screener import legal_aid
from screener.rules import screen

STATUS_RANK = {"likely": 0, "possible": 1, "needs_review": 2, "not_eligible": 3}

STATUS_LABELS = {
    "likely": _("You are likely to qualify"),
    "possible": _("You may qualify"),
    "needs_review": _("A lawyer should look at this"),
    "not_eligible": _("This way is closed for this case today"),
}

NEXT_STEPS = {
    "PC 236.14": _(
        "Ask the court that handled the case to vacate it (wipe it out). A free legal aid group can help you write and file the request, called a petition."
    ),
    "PC 236.15": _(
        "Ask the court that handled the case to vacate it (wipe it out). A free legal aid group can help you write and file the request, called a petition."
    ),
    "PC 236.23": _(
        "Your case is still open. Tell your defense lawyer (or ask for a public defender) what happened to you. The law lets them use it as a defense."
    ),
    "PC 236.24": _(
        "Your case is still open. Tell your defense lawyer (or ask for a public defender) what happened to you. The law lets them use it as a defense."
    ),
    "TSRA": _(
        "Federal cases go back to the federal court that handled them. A lawyer can help you ask that court to vacate the conviction."
    ),
    "OTHER_STATE": _(
        "Each state has its own rules. Free legal aid in that state can tell you what is possible there."
    ),
}
DEFAULT_NEXT_STEP = _(
    "A free legal aid group can tell you the best next step for this case."
)

# Fields the rules may list as missing, in words a person can act on.
MISSING_LABELS = {
    "offense": _("the exact charge (it is on your court papers or record)"),
    "level": _("whether it was a felony, a misdemeanor or an infraction"),
    "county": _("the county of the court"),
    "while_victimized": _("whether it happened while you were being hurt"),
    "direct_result": _("whether it happened because of what was done to you"),
    "enhancements": _(
        "what the court found to be true (for example, a gun or an injury)"
    ),
    "victimization.kinds": _("what was done to you"),
    "victimization.sought_services": _("whether you asked anyone for help"),
    "victimization.ongoing": _("whether it is still happening"),
    "probation": _("whether you finished probation"),
    "system": _("which court had the case"),
    "disposition": _("how the case ended"),
    "arrest_outcome": _("why the arrest did not lead to a conviction"),
    "court_findings": _(
        "what the court found to be true (for example, a gun or an injury)"
    ),
    "current_age": _("your age now"),
    "in_custody": _("whether you are in jail or prison now"),
    "sentence_date": _("when you were sentenced"),
    "victimization.ended_on": _("when the harm ended"),
    "reasonable_fear": _("whether you were afraid of being hurt"),
}
OTHER_FACT = _("other facts about the case")

NOTES = {
    "findings": _(
        "You were not sure what the court found. A lawyer can check your court papers."
    ),
}

# Marked for translation here because the rules' output carries them in
# English (the catalog titles live in data, not code).
gettext_noop("Unknown charge")


def _remedy_view(remedy: dict[str, Any]) -> dict[str, Any]:
    missing = [
        str(MISSING_LABELS.get(field, OTHER_FACT))
        for field in remedy.get("missing") or []
    ]
    missing = list(dict.fromkeys(missing))
    return {
        **remedy,
        "status_label": STATUS_LABELS.get(remedy["status"], remedy["status"]),
        "next_step": NEXT_STEPS.get(remedy["remedy"], DEFAULT_NEXT_STEP),
        "missing_labels": missing,
        "met": [r for r in remedy["reasons"] if r.get("kind") == "met"],
        "other_reasons": [r for r in remedy["reasons"] if r.get("kind") != "met"],
    }


def _record_view(
    record: dict[str, Any], source: dict[str, Any], entry: dict[str, Any] | None,
    translate: Callable[[str], str],
) -> dict[str, Any]:  # fmt: skip
    remedies = [r for r in record["remedies"] if r.get("applicable", True)]
    current = sorted(
        (r for r in remedies if r["in_force"]),
        key=lambda r: STATUS_RANK.get(r["status"], 9),
    )
    best = next((r for r in current if r["remedy"] == record.get("best")), None)
    others = [r for r in current if r is not best]
    offense = record["offense"]
    title = offense.get("title")
    return {
        "id": record["id"],
        "offense_code": offense.get("code") or offense.get("input") or "",
        "offense_title": translate(title) if title else None,
        "source": source,
        "best": _remedy_view(best) if best else None,
        "others": [_remedy_view(r) for r in others],
        "proposed": [_remedy_view(r) for r in remedies if not r["in_force"]],
        "notes": [NOTES[n] for n in (entry or {}).get("notes", []) if n in NOTES],
        "help": legal_aid.help_for(source.get("county")),
    }


def build(
    case: dict[str, Any], screening: dict[str, Any], *,
    translate: Callable[[str], str],
) -> dict[str, Any]:  # fmt: skip
    """Context for the results page, one block per case, best path first."""
    output = screen(case, translate=translate)
    entries = screening.get("records") or []
    sources = {r["id"]: r for r in case["records"]}
    records = [
        _record_view(
            record,
            sources.get(record["id"], {}),
            entries[int(record["id"]) - 1] if record["id"].isdigit()
            and int(record["id"]) <= len(entries) else None,
            translate,
        )
        for record in output["records"]
    ]  # fmt: skip
    return {
        "records": records,
        "show_hotline": bool(output.get("safety", {}).get("show_hotline")),
        "as_of": output.get("as_of"),
        "rules_version": output.get("rules_version"),
        "help_last_verified": legal_aid.directory().last_verified,
    }
