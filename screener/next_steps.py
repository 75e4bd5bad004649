"""Where each next step leads, so no button on a survivor page is a dead end.

"Start a draft petition" only where a packet covers at least one record;
"Send to legal aid" only where an organisation takes the county's cases.
The results page and the hand-off confirmation both ask here (a module, not
a view, so the intake app can use it without importing this app's views).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.apps import apps
from django.urls import NoReverseMatch, reverse


def petition_url() -> str | None:
    """The petition drafting page, when the petitions app is mounted."""
    try:
        return reverse("petitions:draft")
    except NoReverseMatch:
        return None


PacketRecords = Callable[[dict[str, Any], dict[str, Any]], set[str]]
_packet_records: PacketRecords | None = None


def register_packet_records(function: PacketRecords) -> None:
    """The petitions app says which records its packet covers (AppConfig.ready).

    So this app, below petitions in the picture (docs/architecture.md),
    never imports it.
    """
    global _packet_records
    _packet_records = function


def packet_record_ids(case: dict[str, Any], output: dict[str, Any]) -> set[str]:
    """Ids of the records a drafted petition packet would cover (empty: none).

    ``output`` is the stored screening of ``case`` (``screener.screenings``):
    the rules do not run here.
    """
    if petition_url() is None or _packet_records is None:
        return set()
    return _packet_records(case, output)


def handoff_url(case: dict[str, Any]) -> str | None:
    """The hand-off page, only when an organisation takes this county's cases."""
    try:
        url = reverse("intake:handoff")
    except NoReverseMatch:
        return None
    organizations = apps.get_model("intake", "Organization").objects.all()
    counties = {r.get("county") for r in case.get("records", [])} - {None}
    if any(o.serves(county) for o in organizations for county in counties):
        return url
    return None
