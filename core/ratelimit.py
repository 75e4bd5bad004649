"""Fixed windows in the shared cache, for anything worth limiting; and the
client's address, the same for every limit and for sign-in lockouts.

The cache is shared by every server process: Django's database cache by
default, Redis when CACHE_URL is set (config/settings.py). A limit that
cannot reach its cache lets the request through: a missing counter must
never turn a survivor away.
"""

from __future__ import annotations

import ipaddress
import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

logger = logging.getLogger(__name__)
WINDOW_SECONDS = 60


def _key(scope: str, who: str, window: int) -> str:
    return f"rate:{scope}:{who}:{window}:{int(time.time() // window)}"


def over_limit(scope: str, who: str, per_minute: int, *, window: int = 0) -> bool:
    """Count one hit for ``who`` in ``scope``; True once the window's budget is spent.

    ``per_minute`` is the budget of one window (a minute unless ``window``
    gives another length in seconds).
    """
    return hit(scope, who, window=window or WINDOW_SECONDS) > per_minute


def hit(scope: str, who: str, *, window: int = WINDOW_SECONDS) -> int:
    """Count one hit; return the window's count so far (0 if the cache is away)."""
    key = _key(scope, who, window)
    try:
        if cache.add(key, 1, timeout=window + 1):
            return 1
        return int(cache.incr(key))
    except ValueError:  # the window expired between add and incr
        return 0
    except Exception:  # the cache is down: fail open, and say so once per hit
        logger.warning("Rate-limit cache unavailable; %s not limited.", scope)
        return 0


def hits(scope: str, who: str, *, window: int = WINDOW_SECONDS) -> int:
    """The window's count so far, without counting (0 if the cache is away)."""
    try:
        return int(cache.get(_key(scope, who, window)) or 0)
    except Exception:
        logger.warning("Rate-limit cache unavailable; %s not limited.", scope)
        return 0


def seconds_left_in_window(window: int = WINDOW_SECONDS) -> int:
    """What a Retry-After header should say for a fixed window."""
    return window - int(time.time()) % window or 1


def client_ip(request: HttpRequest) -> str:
    """The visitor's address, for rate limits and sign-in lockouts.

    Without a proxy (``AXES_PROXY_COUNT`` 0) it is the connection's address
    and ``X-Forwarded-For`` is ignored: anyone can write that header. Behind
    N proxies that each append the address they were reached from, the
    client is the Nth entry from the right; whatever the client wrote
    itself sits to the left of it and is never read. A header with fewer
    entries than proxies did not come through all of ours, so the
    connection's address is used.

    Why not django-ipware's proxy count: it expects each proxy's own address
    in the header as well, so behind one balancer that appends only the
    client (the usual case, docs/deploy.md) it finds no address at all.
    """
    remote = str(request.META.get("REMOTE_ADDR") or "")
    count = int(getattr(settings, "PROXY_COUNT", 0) or 0)
    if count <= 0:
        return remote
    forwarded = str(request.META.get("HTTP_X_FORWARDED_FOR") or "")
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    if len(hops) < count:
        return remote
    try:
        return str(ipaddress.ip_address(hops[-count]))
    except ValueError:
        return remote
