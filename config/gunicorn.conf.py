"""Gunicorn settings for small servers (``gunicorn -c config/gunicorn.conf.py config.wsgi``).

Why these choices (docs/deploy.md has the measurements behind them):

- ``gthread`` workers, one process per core and a few threads each. A wizard
  page spends part of its time waiting on PostgreSQL, so threads keep the
  core busy; a slow client or a petition render holds one thread, not a whole
  process, and the question pages keep moving.
- ``max_requests`` with jitter recycles each process now and then, so a slow
  leak in a native library (WeasyPrint's stack) can never grow for weeks.
- No access log by default: a path or an address is already more than a
  survivor would want kept. ``GUNICORN_ACCESS_LOG=-`` turns it on.
- ``timeout`` stays above the slowest honest request (a large packet renders
  in about a second on one core) and below what a load balancer waits.

Every value is an environment variable, like the Django settings.
"""

from __future__ import annotations

import multiprocessing
import os


def _int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


def _bind() -> str:
    """Loopback unless told otherwise: a server reachable from every network
    by default answers whoever finds it, around the load balancer's TLS and
    headers. ``BIND`` names the address the load balancer reaches (``10.0.0.5``
    or ``10.0.0.5:8000``); ``PORT`` the port (8000). ``GUNICORN_BIND`` (a full
    ``host:port``) still wins, as before.
    """
    full = os.environ.get("GUNICORN_BIND", "").strip()
    if full:
        return full
    host = os.environ.get("BIND", "").strip() or "127.0.0.1"
    if "]:" in host or host.count(":") == 1:
        return host  # already host:port ("10.0.0.5:8000", "[::1]:8000")
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"  # a bare IPv6 address
    return f"{host}:{_int('PORT', 8000)}"


bind = _bind()
worker_class = "gthread"
workers = _int("WEB_CONCURRENCY", multiprocessing.cpu_count())
threads = _int("WEB_THREADS", 4)
# Django keeps one database connection per thread (CONN_MAX_AGE), so a
# server holds at most workers x threads connections to PostgreSQL.
timeout = _int("GUNICORN_TIMEOUT", 30)
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 20)
keepalive = _int("GUNICORN_KEEPALIVE", 5)
max_requests = _int("GUNICORN_MAX_REQUESTS", 2000)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", 200)
backlog = _int("GUNICORN_BACKLOG", 256)
# At most this many connections per process at once (gunicorn's default is
# 1000). Connections opened together, as a load balancer's pool or a load
# test opens them, otherwise pile onto whichever process wakes first, and one
# process uses one core: measured, the bare view ran at 1,600 or 4,000 req/s
# on two cores depending on where 32 connections landed, and at a steady
# 4,000 with this cap. Idle keep-alive connections hold a slot for at most
# ``keepalive`` seconds; the rest wait in the backlog, not refused.
worker_connections = _int("GUNICORN_WORKER_CONNECTIONS", threads * 4)
# Requests larger than Django accepts are cut off before they reach it.
limit_request_line = 4094
limit_request_fields = 100
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "warning")
# The load balancer sets X-Forwarded-Proto; trust it from these addresses.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
proc_name = "screener"
