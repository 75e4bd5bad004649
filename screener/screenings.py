"""A screening is computed once, when the facts change, and stored beside them.

The rules' output (the screening, docs/screening-api.md) is what every page
shows and every packet prints, so it must be provably the same answer: the
survivor's results, her draft petition, the hand-off, legal aid's queue, the
case page and the attorney's packet all read the one stored screening, never
a fresh run of the rules.

``screening_for`` is the one place that decides whether a stored screening
still stands. The rules run again only when

- there is none (the facts are new, or were stored before screenings were),
- it was made by other rules (``rules_version`` differs from the current
  one: the law data or its reading changed, so the old answer may be wrong;
  logged, and the staff case page says so), or
- it is not about the day the facts ask about (``as_of``): law changes on
  dates. Facts name their day (the check page dates the survivor's facts
  when she asks for results; a case keeps the day it was screened on);
  facts without one ask about today in California, so for them a screening
  from another day is out of date.

The screening is stored in English and translated when shown
(``screener.rules.translation``), so one stored screening serves both
languages.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Any, cast

from django.http import HttpRequest
from django.utils import timezone

from core import visitor_store
from screener.rules import RULES_VERSION, screen
from screener.rules.contract import Facts
from screener.rules.outcome import Translate
from screener.rules.translation import translated

logger = logging.getLogger(__name__)

# Why a stored screening was replaced (None: it still stands).
NEW = "new"
RULES_CHANGED = "rules_version"
NEW_DAY = "as_of"


def stale_because(
    facts: dict[str, Any], screening: dict[str, Any] | None, *, today: date
) -> str | None:
    """Why ``screening`` no longer stands for ``facts``; None when it does."""
    if not isinstance(screening, dict) or "records" not in screening:
        return NEW
    if screening.get("rules_version") != RULES_VERSION:
        return RULES_CHANGED
    wanted = facts.get("as_of") or today.isoformat()
    if screening.get("as_of") != wanted:
        return NEW_DAY
    return None


def screening_for(
    facts: dict[str, Any], stored: dict[str, Any] | None, *, today: date | None = None
) -> tuple[dict[str, Any], str | None]:
    """The screening of ``facts``: ``stored`` when it stands, else the rules run once.

    Returns ``(screening, reason)``; ``reason`` is None when the stored
    screening stands (nothing ran), else why the rules ran (``NEW``,
    ``RULES_CHANGED``, ``NEW_DAY``). ``today`` defaults to today in
    California (settings.TIME_ZONE). Raises ``InvalidFacts`` when the facts
    cannot be screened.
    """
    today = today or timezone.localdate()
    reason = stale_because(facts, stored, today=today)
    if reason is None and stored is not None:
        return stored, None
    # Stored and compared as the JSON it is (docs/screening-api.md).
    fresh = cast(dict[str, Any], screen(cast(Facts, facts), today=today))
    if reason == RULES_CHANGED:
        logger.info(
            "screening re-run under rules version %s (it was made under %s)",
            RULES_VERSION,
            (stored or {}).get("rules_version"),
        )
    return fresh, reason


def remember(request: HttpRequest, facts: dict[str, Any]) -> dict[str, Any]:
    """The visitor's facts changed: screen them once and store both, encrypted.

    Raises ``InvalidFacts`` (nothing stored) when the facts cannot be screened.
    """
    screening, _reason = screening_for(facts, None)
    visitor_store.store_facts(request, facts, screening)
    return screening


def survivor_screening(
    request: HttpRequest,
) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """The visitor's stored facts and screening; None when there are none.

    Re-screens (and stores the result) only when ``screening_for`` says the
    stored one no longer stands. Raises ``InvalidFacts`` when the stored facts
    cannot be screened.
    """
    facts = visitor_store.load_facts(request)
    if facts is None:
        return None
    stored = visitor_store.load_screening(request)
    screening, reason = screening_for(facts, stored)
    if reason is not None:
        visitor_store.store_facts(request, facts, screening)
    return facts, screening


def shown(screening: dict[str, Any], translate: Translate | None) -> dict[str, Any]:
    """The stored (English) screening in the reader's language, for a page."""
    if translate is None:
        return screening
    return translated(screening, translate)
