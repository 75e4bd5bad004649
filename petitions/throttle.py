"""Who may render a petition packet right now.

A packet costs about half a second of CPU; a question page costs a few
milliseconds. Without a cap, a burst of downloads (a clinic, a campaign)
would take every server thread and the survivors still answering questions
would wait. So two limits, both refusing calmly with ``Retry-After`` and
losing nothing typed:

- at most ``PETITION_RENDERS_AT_ONCE`` renders at once. On PostgreSQL the
  slots are advisory locks, so the cap holds across every app server that
  shares the database, and a server that dies mid-render frees its slot
  with its connection. Elsewhere (SQLite, one process) a semaphore.
- at most ``PETITION_RATE_PER_MINUTE`` packets a minute per person: per
  staff member; for a survivor, per session, which ends with its download
  (so in practice one packet per screening), the address as a last resort.

A refused request never waits for a slot: a waiting request would hold a
server thread, which is the very thing the cap protects.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from django.db import connection
from django.http import HttpRequest
from django.utils.translation import gettext as _

from screener.ratelimit import over_limit, seconds_left_in_window

# First key of the advisory locks (the second is the slot number); any fixed
# number no other code in the database uses.
LOCK_NAMESPACE = 23614
BUSY_RETRY_SECONDS = 10

_semaphores: dict[int, threading.BoundedSemaphore] = {}
_semaphores_lock = threading.Lock()


class RenderRefused(Exception):
    """Why a packet is not rendered now, in words for the person asking."""

    def __init__(self, *, status: int, retry_after: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.retry_after = retry_after
        self.message = message


def _person(request: HttpRequest) -> str:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return f"user:{user.pk}"
    session_key = request.session.session_key if hasattr(request, "session") else None
    if session_key:
        return f"session:{session_key}"
    return f"address:{request.META.get('REMOTE_ADDR', '')}"


def _check_rate(request: HttpRequest) -> None:
    if over_limit("petition", _person(request), settings.PETITION_RATE_PER_MINUTE):
        raise RenderRefused(
            status=429,
            retry_after=seconds_left_in_window(),
            message=_(
                "You have asked for several sets of papers in a short time. "
                "Please wait a minute, then press the button again. Everything "
                "you typed is still here."
            ),
        )


def _busy() -> RenderRefused:
    return RenderRefused(
        status=503,
        retry_after=BUSY_RETRY_SECONDS,
        message=_(
            "Many people are preparing papers right now. Please wait about ten "
            "seconds, then press the button again. Everything you typed is "
            "still here."
        ),
    )


@contextmanager
def _advisory_slot(slots: int) -> Iterator[None]:
    with connection.cursor() as cursor:
        for slot in range(slots):
            cursor.execute(
                "SELECT pg_try_advisory_lock(%s, %s)", [LOCK_NAMESPACE, slot]
            )
            if cursor.fetchone()[0]:
                break
        else:
            raise _busy()
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s, %s)", [LOCK_NAMESPACE, slot])


@contextmanager
def _process_slot(slots: int) -> Iterator[None]:
    with _semaphores_lock:
        semaphore = _semaphores.setdefault(slots, threading.BoundedSemaphore(slots))
    if not semaphore.acquire(blocking=False):
        raise _busy()
    try:
        yield
    finally:
        semaphore.release()


@contextmanager
def render_permit(request: HttpRequest) -> Iterator[None]:
    """Hold one render slot for the ``with`` body, or raise RenderRefused.

    The slot comes first and only a granted render counts against the
    person's budget: someone told "busy, try again in ten seconds" who does
    exactly that must never be refused for asking too often.
    """
    slots = max(1, int(settings.PETITION_RENDERS_AT_ONCE))
    slot = _advisory_slot if connection.vendor == "postgresql" else _process_slot
    with slot(slots):
        _check_rate(request)
        yield
