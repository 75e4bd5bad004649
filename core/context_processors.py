"""Values every page template needs for the safety features."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

# Two minutes' warning before the idle timeout (WCAG 2.2.1: warn, allow
# at least 20 seconds to extend).
WARN_BEFORE_SECONDS = 120


def safety(request: HttpRequest) -> dict[str, Any]:
    return safety_values()


def safety_values() -> dict[str, Any]:
    """From settings alone: also drawn into every page's shared parts."""
    idle = int(settings.SESSION_COOKIE_AGE)
    return {
        "session_idle_seconds": idle,
        "session_idle_minutes": max(1, idle // 60),
        "session_warn_after_seconds": max(idle - WARN_BEFORE_SECONDS, 20),
    }
