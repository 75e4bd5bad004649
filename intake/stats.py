"""Anonymous counts for advocacy: how screenings come out, and what AB 2354
would change.

Each screening adds one to a few counters (``Tally``); nothing links a count
back to a case or a person, so counts survive the purge of the cases they
came from. Small numbers can still point at a person in a small county, so
every cell under ``SUPPRESS_BELOW`` is shown as "<10", on screen and in CSV.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F, Sum

from intake.models import Organization, Tally
from screener.rules.contract import RecordScreening, Remedy, Screening, Status

SUPPRESS_BELOW = 10
SUPPRESSED = "<10"
ALL = "all"
DIMENSIONS = ("total", "outcome", "county", "remedy", "violent_only")
CURRENT_VACATUR = (Remedy.PC_236_14, Remedy.PC_236_15)
PROPOSED_VACATUR = Remedy.AB_2354


def _status_of(record: RecordScreening, remedy: str | None) -> str | None:
    for entry in record["remedies"]:
        if entry["remedy"] == remedy:
            return str(entry["status"])
    return None


def blocked_only_by_violence(record: RecordScreening) -> bool:
    """Current vacatur is closed by the violent-felony bar and nothing else,
    and the proposed law would have opened it (Pen. Code § 667.5(c))."""
    if _status_of(record, PROPOSED_VACATUR) in (None, Status.NOT_ELIGIBLE):
        return False
    for entry in record["remedies"]:
        if entry["remedy"] not in CURRENT_VACATUR or not entry.get("applicable", True):
            continue
        bars = {r["code"] for r in entry["reasons"] if r.get("kind") == "bar"}
        if entry["status"] != Status.NOT_ELIGIBLE or not bars:
            return False
        if not all(code.startswith("violent_") for code in bars):
            return False
    return any(
        e["remedy"] in CURRENT_VACATUR and e.get("applicable", True)
        for e in record["remedies"]
    )


def counters(output: Screening) -> set[tuple[str, str]]:
    """The (dimension, value) pairs one screening adds one to."""
    pairs = {("total", "screenings")}
    best_rank = None
    for record in output["records"]:
        status = _status_of(record, record.get("best"))
        if status is not None:
            rank = Status(status).rank
            best_rank = rank if best_rank is None else min(best_rank, rank)
        for entry in record["remedies"]:
            if entry["in_force"] and entry["status"] in (
                Status.LIKELY,
                Status.POSSIBLE,
            ):
                pairs.add(("remedy", entry["remedy"]))
        if blocked_only_by_violence(record):
            pairs.add(("violent_only", "blocked only by the violent-felony bar"))
    outcome = "no_path" if best_rank is None else list(Status)[best_rank].value
    pairs.add(("outcome", outcome))
    return pairs


def _bump(scope: str, month: date, dimension: str, value: str) -> None:
    key = {"scope": scope, "month": month, "dimension": dimension, "value": value}
    if Tally.objects.filter(**key).update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            Tally.objects.create(**key, count=1)
    except IntegrityError:  # another request created it a moment ago
        Tally.objects.filter(**key).update(count=F("count") + 1)


def record_screening(
    output: Screening,
    counties: Iterable[str | None],
    *,
    today: date,
    organization: Organization | None = None,
    statewide: bool = True,
) -> None:
    """Count one screening statewide and, when sent to one, for that org.

    A survivor's screening is counted statewide when they first see results
    (``count_survivor_screening``); their hand-off then adds the org scope only.
    """
    pairs = counters(output)
    pairs |= {("county", c or "unknown") for c in counties}
    month = today.replace(day=1)
    scopes = ([ALL] if statewide else []) + (
        [f"org:{organization.pk}"] if organization else []
    )
    for scope in scopes:
        for dimension, value in sorted(pairs):
            _bump(scope, month, dimension, value)


def count_survivor_screening(
    sender: object,
    *,
    output: Screening,
    counties: list[str | None],
    today: date,
    **_: Any,
) -> None:
    """Receiver of ``screener.signals.screening_finished``: statewide counts only."""
    record_screening(output, counties, today=today)


def scope_for(organization: Organization | None) -> str:
    return f"org:{organization.pk}" if organization else ALL


def shown(count: int) -> str | int:
    return SUPPRESSED if count < SUPPRESS_BELOW else count


def table(scope: str) -> list[dict[str, Any]]:
    """Rows of (dimension, value, count) over all months, small cells hidden."""
    rows = (
        Tally.objects.filter(scope=scope)
        .values("dimension", "value")
        .annotate(total=Sum("count"))
        .order_by("dimension", "value")
    )
    order = {d: i for i, d in enumerate(DIMENSIONS)}
    return sorted(
        (
            {
                "dimension": r["dimension"],
                "value": r["value"],
                "count": shown(r["total"]),
            }
            for r in rows
        ),
        key=lambda r: (order.get(r["dimension"], 99), r["value"]),
    )


def as_csv(rows: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["dimension", "value", "count"])
    for row in rows:
        writer.writerow([row["dimension"], row["value"], row["count"]])
    return out.getvalue()
