"""Fixed one-minute windows in the shared cache, for anything worth limiting.

The cache is this process's memory on one server, or Redis (CACHE_URL) when
several servers share the load; see config/settings.py. A limit that cannot
reach its cache lets the request through: a missing counter must never turn
a survivor away.
"""

from __future__ import annotations

import logging
import time

from django.core.cache import cache

logger = logging.getLogger(__name__)
WINDOW_SECONDS = 60


def over_limit(scope: str, who: str, per_minute: int) -> bool:
    """Count one hit for ``who`` in ``scope``; True once the minute's budget is spent."""
    window = int(time.time() // WINDOW_SECONDS)
    key = f"rate:{scope}:{who}:{window}"
    try:
        first = cache.add(key, 1, timeout=WINDOW_SECONDS + 1)
        count = 1 if first else cache.incr(key)
    except ValueError:  # the window expired between add and incr
        return False
    except Exception:  # the cache is down: fail open, and say so once per hit
        logger.warning("Rate-limit cache unavailable; %s not limited.", scope)
        return False
    return count > per_minute


def seconds_left_in_window() -> int:
    """What a Retry-After header should say for a fixed one-minute window."""
    return WINDOW_SECONDS - int(time.time()) % WINDOW_SECONDS or 1
