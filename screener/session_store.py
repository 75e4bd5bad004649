"""Where a visitor's finished screening lives between pages.

The interface other apps use (petitions, the legal-aid hand-off):
``store_case``, ``load_case`` and ``clear``. The case is the contract's
input JSON (shared/contract/screening-api.md). It lives in the server-side
session and nowhere else, and ``clear`` removes every trace of it.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

CASE_KEY = "finished_case"


def store_case(request: HttpRequest, case: dict[str, Any]) -> None:
    request.session[CASE_KEY] = case


def load_case(request: HttpRequest) -> dict[str, Any] | None:
    case = request.session.get(CASE_KEY)
    return case if isinstance(case, dict) else None


def clear(request: HttpRequest) -> None:
    request.session.flush()
