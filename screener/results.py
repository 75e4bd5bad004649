"""Shape the rules' output into what the results page shows, in order.

A frightened person on a phone reads the top of the page and maybe nothing
else (shared/design/results-page.md). So each case gets one plain line (the
best way forward and how likely, in words) and one next step that works for
that case; everything legal (every remedy, reasons, citations, what would
change the answer) sits behind a native ``<details>`` "Why?". Proposed law
is summed up once per page, after the current-law answers. Research notes
in citations never reach the page (``screener.citations``): where the rules
are unsure the reader sees "a lawyer should confirm this".

There is never a bare "not eligible": a case with no open path still gets
the reasons, and the page always ends with free legal help.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from django.utils.translation import get_language, gettext_noop
from django.utils.translation import gettext_lazy as _

from screener import citations, legal_aid, screenings
from screener.rules.contract import RecordScreening, Remedy, Status

OPEN = (Status.LIKELY, Status.POSSIBLE, Status.NEEDS_REVIEW)

STATUS_LABELS = {
    Status.LIKELY: _("You are likely to qualify"),
    Status.POSSIBLE: _("You may qualify"),
    Status.NEEDS_REVIEW: _("A lawyer should look at this"),
    Status.NOT_ELIGIBLE: _("This way is closed for this case today"),
}

VACATUR = (Remedy.PC_236_14, Remedy.PC_236_15)
DEFENSE = (Remedy.PC_236_23, Remedy.PC_236_24)
GROUPS = {
    **dict.fromkeys(VACATUR, "vacatur"),
    **dict.fromkeys(DEFENSE, "defense"),
    **dict.fromkeys(
        (Remedy.PC_1203_49, Remedy.PC_653_29, Remedy.PC_1170_22), "prostitution"
    ),
    **dict.fromkeys(
        (Remedy.PC_1203_4, Remedy.PC_1203_4A, Remedy.PC_1203_41), "dismissal"
    ),
    **dict.fromkeys((Remedy.PC_851_91, Remedy.PC_851_93), "seal_arrest"),
    **dict.fromkeys((Remedy.WIC_781, Remedy.WIC_786), "juvenile"),
    Remedy.TSRA: "federal",
    Remedy.OTHER_STATE: "other_state",
    # A vacatur, but only for a plea whose immigration consequences were not
    # understood: never told to a citizen as "erase it".
    Remedy.PC_1473_7: "immigration_vacatur",
}

# Remedies the table above does not name (new ones in the law data) are
# grouped by what the relief does, as the rules report it.
RELIEF_GROUPS: dict[str | None, str] = {
    "vacatur": "vacatur",
    "defense": "defense",
    "dismissal": "dismissal",
    "sealing": "sealing",
    "reduction": "reduction",
}

# The one plain line per case: the best way forward and how likely, as a
# whole sentence per (kind of relief, status) so each translates whole.
ANSWERS: dict[tuple[str, str], Any] = {
    ("vacatur", Status.LIKELY): _(
        "You are likely able to ask the court to erase this case (vacatur)."
    ),
    ("vacatur", Status.POSSIBLE): _(
        "You may be able to ask the court to erase this case (vacatur)."
    ),
    ("vacatur", Status.NEEDS_REVIEW): _(
        "The court may be able to erase this case (vacatur). A lawyer should look at it first."
    ),
    ("immigration_vacatur", Status.LIKELY): _(
        "If you are not a U.S. citizen, you are likely able to ask the court to erase this conviction because no one explained what it would mean for your immigration status."
    ),
    ("immigration_vacatur", Status.POSSIBLE): _(
        "If you are not a U.S. citizen and no one explained what the plea would mean for your immigration status, you may be able to ask the court to erase this conviction."
    ),
    ("immigration_vacatur", Status.NEEDS_REVIEW): _(
        "If you are not a U.S. citizen, the court may be able to erase this conviction. A lawyer should look at it first."
    ),
    ("defense", Status.LIKELY): _(
        "Your case is still open. What was done to you is likely a defense: a legal reason you should not be found guilty."
    ),
    ("defense", Status.POSSIBLE): _(
        "Your case is still open. What was done to you may be a defense: a legal reason you should not be found guilty."
    ),
    ("defense", Status.NEEDS_REVIEW): _(
        "Your case is still open. What was done to you may be a defense. A lawyer should look at it first."
    ),
    ("prostitution", Status.LIKELY): _(
        "You are likely able to ask the court to clear this conviction."
    ),
    ("prostitution", Status.POSSIBLE): _(
        "You may be able to ask the court to clear this conviction."
    ),
    ("prostitution", Status.NEEDS_REVIEW): _(
        "The court may be able to clear this conviction. A lawyer should look at it first."
    ),
    ("dismissal", Status.LIKELY): _(
        "You are likely able to ask the court to dismiss this conviction (dismissal)."
    ),
    ("dismissal", Status.POSSIBLE): _(
        "You may be able to ask the court to dismiss this conviction (dismissal)."
    ),
    ("dismissal", Status.NEEDS_REVIEW): _(
        "The court may be able to dismiss this conviction (dismissal). A lawyer should look at it first."
    ),
    ("seal_arrest", Status.LIKELY): _(
        "You are likely able to ask the court to seal this arrest."
    ),
    ("seal_arrest", Status.POSSIBLE): _(
        "You may be able to ask the court to seal this arrest."
    ),
    ("seal_arrest", Status.NEEDS_REVIEW): _(
        "The court may be able to seal this arrest. A lawyer should look at it first."
    ),
    ("sealing", Status.LIKELY): _(
        "You are likely able to ask the court to seal this record."
    ),
    ("sealing", Status.POSSIBLE): _(
        "You may be able to ask the court to seal this record."
    ),
    ("sealing", Status.NEEDS_REVIEW): _(
        "The court may be able to seal this record. A lawyer should look at it first."
    ),
    ("reduction", Status.LIKELY): _(
        "You are likely able to ask the court to lower this conviction (for example, from a felony to a misdemeanor)."
    ),
    ("reduction", Status.POSSIBLE): _(
        "You may be able to ask the court to lower this conviction (for example, from a felony to a misdemeanor)."
    ),
    ("reduction", Status.NEEDS_REVIEW): _(
        "The court may be able to lower this conviction (for example, from a felony to a misdemeanor). A lawyer should look at it first."
    ),
    ("juvenile", Status.LIKELY): _(
        "You are likely able to ask the court to seal this juvenile record."
    ),
    ("juvenile", Status.POSSIBLE): _(
        "You may be able to ask the court to seal this juvenile record."
    ),
    ("juvenile", Status.NEEDS_REVIEW): _(
        "The court may be able to seal this juvenile record. A lawyer should look at it first."
    ),
    ("federal", Status.LIKELY): _(
        "You are likely able to ask the federal court to erase this case (Trafficking Survivors Relief Act)."
    ),
    ("federal", Status.POSSIBLE): _(
        "You may be able to ask the federal court to erase this case (Trafficking Survivors Relief Act)."
    ),
    ("federal", Status.NEEDS_REVIEW): _(
        "The federal court may be able to erase this case (Trafficking Survivors Relief Act). A lawyer should look at it first."
    ),
}
OTHER_STATE_ANSWER = _(
    "This case is from another state. That state’s own law decides what can be done."
)
OTHER_ANSWER = _("There may be a way to clear this case. A lawyer should look at it.")
NO_ANSWER = _(
    "The law today does not let a court erase this case. A lawyer can look at other ways to help."
)

# What to do next, for an open way only: a closed way never carries an
# instruction to file it.
NEXT_STEPS = {
    "vacatur": _(
        "Ask the court that handled the case to erase it (vacatur). A free legal aid group can help you write and file the request, called a petition."
    ),
    "immigration_vacatur": _(
        "Only for someone who is not a U.S. citizen: an immigration lawyer or free legal aid can help you ask the court to erase the conviction (Penal Code § 1473.7)."
    ),
    "defense": _(
        "Tell your defense lawyer (or ask for a public defender) what happened to you. The law lets them use it as a defense."
    ),
    "federal": _(
        "Federal cases go back to the federal court that handled them. A lawyer can help you ask that court to erase the conviction."
    ),
    "other_state": _(
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
    "sentence": _("what the sentence was"),
    "federal_prison": _("whether you were in federal prison for this case"),
    "immigration.citizen": _("whether you are a U.S. citizen"),
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

# Sources of the "Don't know your record?" guidance (checked 2026-12-01):
# - DOJ record review by Live Scan (form BCIA 8016RR, "Record Review"), the
#   $25 DOJ fee, and naming a designee who gets a copy too:
#   https://oag.ca.gov/fingerprints/record-review and
#   https://oag.ca.gov/fingerprints/security_faq
# - The fee waiver (public assistance, low or no income; the Live Scan
#   site's own fee still applies): https://oag.ca.gov/fingerprints/record-review/fee-waiver
RECORD_HELP_CHECKED = "2026-12-01"


def _language() -> str:
    return get_language() or "en"


def _reason_view(reason: dict[str, Any], language: str) -> dict[str, Any]:
    cite = citations.survivor_cite(
        reason.get("cite"), language=language, verified=reason.get("verified", True)
    )
    return {
        "text": reason.get("text", ""),
        "kind": reason.get("kind"),
        "cite": cite.text,
        "confirm": cite.confirm,
    }


def _remedy_view(remedy: Mapping[str, Any], language: str) -> dict[str, Any]:
    missing = [
        str(MISSING_LABELS.get(field, OTHER_FACT))
        for field in remedy.get("missing") or []
    ]
    group = GROUPS.get(remedy["remedy"]) or RELIEF_GROUPS.get(remedy.get("relief"), "")
    open_way = remedy["status"] != Status.NOT_ELIGIBLE
    # A closed way keeps the reasons that explain it, but not the notes on
    # what the court would do if it were open ("... and vacate it"): no
    # sentence may contradict the status beside it.
    reasons = [
        _reason_view(r, language)
        for r in remedy.get("reasons") or []
        if open_way or r.get("kind") != "note"
    ]
    return {
        "remedy": remedy["remedy"],
        "title": remedy["title"],
        "status": remedy["status"],
        "status_label": STATUS_LABELS.get(remedy["status"], remedy["status"]),
        "group": group,
        "reasons": reasons,
        "confirm": any(r["confirm"] for r in reasons),
        "missing_labels": list(dict.fromkeys(missing)),
        "next_step": NEXT_STEPS.get(group, DEFAULT_NEXT_STEP) if open_way else None,
        "immigration_relief": remedy.get("immigration_relief"),
        "immigration_reason": _immigration_reason(remedy),
    }


def _immigration_reason(remedy: Mapping[str, Any]) -> str | None:
    """Why the rules cannot say if this helps with immigration (when null)."""
    if remedy.get("immigration_relief") is not None:
        return None
    for key in ("immigration_reason", "immigration_relief_reason"):
        value = remedy.get(key)
        if isinstance(value, dict):
            value = value.get("text")
        if isinstance(value, str) and value:
            return value
    for reason in remedy.get("reasons") or []:
        if "immigration" in str(reason.get("code", "")):
            return str(reason.get("text") or "") or None
    return None


def plain_answer(best: dict[str, Any] | None) -> Any:
    """The one line a survivor reads first for a case."""
    if best is None:
        return NO_ANSWER
    if best["group"] == "other_state":
        return OTHER_STATE_ANSWER
    return ANSWERS.get((best["group"], best["status"]), OTHER_ANSWER)


def _record_view(
    record: RecordScreening, source: dict[str, Any], entry: dict[str, Any] | None,
    translate: Callable[[str], str], language: str,
) -> dict[str, Any]:  # fmt: skip
    remedies = [r for r in record["remedies"] if r.get("applicable", True)]
    current = sorted(
        (r for r in remedies if r["in_force"]),
        key=lambda r: Status(r["status"]).rank,
    )
    best = next((r for r in current if r["remedy"] == record.get("best")), None)
    others = [r for r in current if r is not best]
    offense = record["offense"]
    title = offense.get("title")
    code = offense.get("code") or offense.get("input") or ""
    best_view = _remedy_view(best, language) if best else None
    return {
        "id": record["id"],
        "number": record["id"],
        "offense_code": code,
        "offense_code_shown": citations.offense_code(code, language=language),
        "offense_title": translate(title) if title else None,
        "county": source.get("county"),
        "source": source,
        "best": best_view,
        "answer": plain_answer(best_view),
        "others": [_remedy_view(r, language) for r in others],
        "proposed": [_remedy_view(r, language) for r in remedies if not r["in_force"]],
        "notes": [NOTES[n] for n in (entry or {}).get("notes", []) if n in NOTES],
    }


def _case_list(numbers: list[str]) -> str:
    return ", ".join(numbers)


def _vacatur_open(record: dict[str, Any]) -> bool:
    """Current law already leaves vacatur open (however unsure) for this case."""
    ways = [w for w in [record["best"], *record["others"]] if w]
    return any(w["group"] == "vacatur" and w["status"] in OPEN for w in ways)


def proposed_summary(records: list[dict[str, Any]]) -> dict[str, Any] | None:
    """What the proposed law would have changed, once for the whole page.

    A case "changes" when no current-law way is open for it but the bill
    would have opened one. The details are the bill's own reasons, once.
    """
    proposed = [(r, p) for r in records for p in r["proposed"]]
    if not proposed:
        return None
    changed = [
        r["number"] for r, p in proposed if p["status"] in OPEN and not _vacatur_open(r)
    ]
    changed = list(dict.fromkeys(changed))
    first = next((p for r, p in proposed if r["number"] in changed), proposed[0][1])
    seen: set[tuple[str, str]] = set()
    reasons = []
    for reason in first["reasons"]:
        key = (reason["text"], reason["cite"])
        if key not in seen:
            seen.add(key)
            reasons.append(reason)
    bill = first["remedy"]
    if changed:
        # Two whole sentences rather than ngettext: "case 2" or "cases 1 and
        # 3" is a list of names, not a count, in both languages.
        one = _(
            "If %(bill)s had become law, the court could also have erased case %(cases)s (vacatur)."
        )
        several = _(
            "If %(bill)s had become law, the court could also have erased cases %(cases)s (vacatur)."
        )
        line = str(one if len(changed) == 1 else several) % {
            "bill": bill,
            "cases": _case_list(changed),
        }
    else:
        line = str(
            _("If %(bill)s had become law, it would not have changed your results.")
        ) % {"bill": bill}
    return {
        "bill": bill,
        "title": first["title"],
        "line": line,
        "changed": changed,
        "reasons": reasons,
        "confirm": any(r["confirm"] for r in reasons),
    }


def immigration_view(
    records: list[dict[str, Any]], citizen: str | None
) -> list[dict[str, Any]] | None:
    """Per case, which open ways help with immigration; None for citizens.

    Shown when the person said she is not a U.S. citizen or is not sure.
    Closed ways are left out: they help nobody.
    """
    if citizen not in ("no", "unsure"):
        return None
    rows = []
    for record in records:
        ways = [
            w for w in [record["best"], *record["others"]] if w and w["status"] in OPEN
        ]
        rows.append(
            {
                "number": record["number"],
                "title": record["offense_title"] or record["offense_code_shown"],
                "helps": [w for w in ways if w["immigration_relief"] is True],
                "does_not_help": [w for w in ways if w["immigration_relief"] is False],
                "unsure": [w for w in ways if w["immigration_relief"] is None],
            }
        )
    return rows


def help_for_counties(counties: Iterable[str | None]) -> list[legal_aid.Organization]:
    """The counties' organisations (each once), then the statewide ones."""
    seen: dict[str, legal_aid.Organization] = {}
    for county in list(counties) or [None]:
        for org in legal_aid.help_for(county):
            seen.setdefault(org.name, org)
    statewide = set(legal_aid.directory().statewide)
    return [o for o in seen.values() if o not in statewide] + [
        o for o in seen.values() if o in statewide
    ]


def build(
    facts: dict[str, Any], answers: dict[str, Any], *,
    translate: Callable[[str], str], screening: dict[str, Any] | None = None,
) -> dict[str, Any]:  # fmt: skip
    """Context for the results page: one summary per case, best path first.

    ``screening`` is the stored screening of ``facts`` (``screener.screenings``),
    in English; it is translated here, for the page only. Without one (a test, a caller with facts only)
    the facts are screened once here. ``answers`` (the wizard's) say what the
    person was unsure of, per case.
    """
    language = _language()
    if screening is None:
        screening, _reason = screenings.screening_for(facts, None)
    shown = screenings.shown(screening, translate)
    entries = answers.get("records") or []
    sources = {r["id"]: r for r in facts["records"]}
    records = [
        _record_view(
            record,
            sources.get(record["id"], {}),
            entries[int(record["id"]) - 1] if record["id"].isdigit()
            and int(record["id"]) <= len(entries) else None,
            translate,
            language,
        )
        for record in shown["records"]
    ]  # fmt: skip
    citizen = (facts.get("immigration") or {}).get("citizen")
    if (shown.get("immigration") or {}).get("show_counsel"):
        citizen = citizen if citizen in ("no", "unsure") else "unsure"
    counties = [r.get("county") for r in facts["records"] if r.get("county")]
    return {
        "records": records,
        "several": len(records) > 1,
        "proposed": proposed_summary(records),
        "immigration": immigration_view(records, citizen),
        "help": help_for_counties(dict.fromkeys(counties)),
        "show_hotline": bool(shown.get("safety", {}).get("show_hotline")),
        "as_of": shown.get("as_of"),
        # The day a person last checked the law behind the answer, where the
        # rules report it (docs/screening-api.md: law_checked_on).
        "law_checked_on": shown.get("law_checked_on"),
        "rules_version": shown.get("rules_version"),
    }
