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
- at most ``PETITION_RATE_PER_ADDRESS`` packets a minute per network
  address, whoever asks: new sessions are free, so without it one client
  could take every slot by starting a session per request.

A refused request never waits for a slot: a waiting request would hold a
server thread, which is the very thing the cap protects. Instead, refused
people queue in the shared cache, in the order they were first refused, and
a free slot goes to the person who has waited longest: someone asking for
one packet during another client's burst of large packets gets the next
slot, not the slot after the burst. A place in the queue lapses when its
holder stops asking (``QUEUE_PATIENCE_SECONDS`` after the last try). The
queue is one cache entry read, changed and written back; a short lock in
the cache (``cache.add``, atomic on Redis and in one process) keeps two
servers changing it at once from writing over each other's places.

One person renders one packet at a time. While her packet is being made,
her other requests (a burst of the same download, a double click) are
refused without a place in the queue: she is being served, not waiting.
Otherwise a burst's own waiting requests would hold a place from before
anyone else asked, and the burst would take the next slot as well.

A small packet never waits behind a large one. A packet of many records
holds its slot for seconds (a twenty-record packet about three on an idle
core, several times that on a busy one); no queue order can make that
shorter for the person next in line. So while a large packet renders, a
packet of at most ``PETITION_LIGHT_RECORDS`` records may take one extra
slot, the express slot, kept for small packets. When no large packet is
rendering there is no express slot, and the cap is as before.
"""

from __future__ import annotations

import contextlib
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest
from django.utils.translation import gettext as _

from core.ratelimit import client_ip, over_limit, seconds_left_in_window

# First key of the advisory locks (the second is the slot number); any fixed
# number no other code in the database uses.
LOCK_NAMESPACE = 23614
BUSY_RETRY_SECONDS = 10
# The one waiting longest is told to come back sooner: the slot is hers next.
NEXT_RETRY_SECONDS = 3
QUEUE_KEY = "petition:queue"
QUEUE_PATIENCE_SECONDS = 30
QUEUE_LOCK_KEY = "petition:queue-lock"
# The lock outlives any change of the queue (a few milliseconds) and lapses
# by itself if the server holding it dies; nobody waits longer than
# QUEUE_LOCK_WAIT_SECONDS for it (then the change goes ahead unlocked, as
# it did before there was a lock: fairness may slip, nothing is refused).
QUEUE_LOCK_SECONDS = 2
QUEUE_LOCK_WAIT_SECONDS = 0.2
RENDERING_KEY = "petition:rendering:"
# A render-in-flight mark outlives any render; it lapses by itself if the
# server making the packet dies before it can take the mark away.
RENDERING_MARK_SECONDS = 120
# How many large packets are rendering now, across every server.
LARGE_KEY = "petition:large-rendering"
DEFAULT_LIGHT_RECORDS = 3
# The advisory lock of the express slot (the regular ones count from 0).
EXPRESS_SLOT = 1_000_000
DEFAULT_RATE_PER_ADDRESS = 20

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
    return f"address:{_address(request)}"


def _address(request: HttpRequest) -> str:
    """The client's address as every other limit sees it.

    Behind a load balancer the connection's own address is the balancer's:
    counting that would make the per-address budget one budget for everyone.
    """
    return client_ip(request)


def _over_address_limit(request: HttpRequest) -> bool:
    """Anonymous renders per network address (staff have a per-user budget)."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    per_address = int(
        getattr(settings, "PETITION_RATE_PER_ADDRESS", DEFAULT_RATE_PER_ADDRESS)
    )
    return over_limit("petition-address", _address(request), per_address)


def _check_rate(request: HttpRequest) -> None:
    if over_limit(
        "petition", _person(request), settings.PETITION_RATE_PER_MINUTE
    ) or _over_address_limit(request):
        raise RenderRefused(
            status=429,
            retry_after=seconds_left_in_window(),
            message=_(
                "You have asked for several sets of papers in a short time. "
                "Please wait a minute, then press the button again. Everything "
                "you typed is still here."
            ),
        )


def _busy(retry_after: int = BUSY_RETRY_SECONDS) -> RenderRefused:
    return RenderRefused(
        status=503,
        retry_after=retry_after,
        message=_(
            "Many people are preparing papers right now. Please wait about ten "
            "seconds, then press the button again. Everything you typed is "
            "still here."
        ),
    )


@contextmanager
def _advisory_slot(numbers: range) -> Iterator[None]:
    with connection.cursor() as cursor:
        for slot in numbers:
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
    """One of ``slots`` in this process (``EXPRESS_SLOT``: the express one)."""
    size = 1 if slots == EXPRESS_SLOT else slots
    with _semaphores_lock:
        semaphore = _semaphores.setdefault(slots, threading.BoundedSemaphore(size))
    if not semaphore.acquire(blocking=False):
        raise _busy()
    try:
        yield
    finally:
        semaphore.release()


def _queue() -> dict[str, list[float]]:
    """Waiting people: {person: [first refused, last tried]}, stale ones gone."""
    try:
        queue = cache.get(QUEUE_KEY) or {}
    except Exception:  # no cache: no queue, first come first served
        return {}
    now = time.time()
    return {
        who: times
        for who, times in queue.items()
        if now - times[1] <= QUEUE_PATIENCE_SECONDS
    }


def _save_queue(queue: dict[str, list[float]]) -> None:
    try:
        cache.set(QUEUE_KEY, queue, timeout=QUEUE_PATIENCE_SECONDS * 2)
    except Exception:  # the cache is down: fairness lapses, renders go on
        return


@contextmanager
def _queue_locked() -> Iterator[None]:
    """Hold the queue's lock while the queue is read, changed and written.

    Without it, two refusals at once (on two servers) each read the queue,
    each add their person and each write it back: the second write drops
    the first person's place, and she queues again from the back.
    """
    token = uuid.uuid4().hex
    deadline = time.monotonic() + QUEUE_LOCK_WAIT_SECONDS
    held = False
    with contextlib.suppress(Exception):  # no cache: no queue to protect
        while not (
            held := bool(cache.add(QUEUE_LOCK_KEY, token, timeout=QUEUE_LOCK_SECONDS))
        ):
            if time.monotonic() > deadline:
                break
            time.sleep(0.005)
    try:
        yield
    finally:
        if held:
            with contextlib.suppress(Exception):  # it lapses by itself
                if cache.get(QUEUE_LOCK_KEY) == token:
                    cache.delete(QUEUE_LOCK_KEY)


def _wait_in_line(person: str) -> RenderRefused:
    """Keep ``person``'s place in the queue; say when to come back."""
    with _queue_locked():
        queue = _queue()
        now = time.time()
        first = queue.get(person, [now, now])[0]
        queue[person] = [first, now]
        _save_queue(queue)
    head = min(queue.items(), key=lambda item: item[1][0])[0]
    return _busy(NEXT_RETRY_SECONDS if head == person else BUSY_RETRY_SECONDS)


def _my_turn(person: str) -> bool:
    """True unless someone else has waited longer than ``person``."""
    queue = _queue()
    mine = queue.get(person, [time.time()])[0]
    return not any(times[0] < mine for who, times in queue.items() if who != person)


def _leave_line(person: str) -> None:
    if person not in _queue():  # the common case: she never waited
        return
    with _queue_locked():
        queue = _queue()
        if queue.pop(person, None) is not None:
            _save_queue(queue)


def _start_rendering(person: str) -> bool:
    """Mark ``person`` as having a render in flight; False if one already is."""
    try:
        return bool(
            cache.add(RENDERING_KEY + person, 1, timeout=RENDERING_MARK_SECONDS)
        )
    except Exception:  # no cache: no mark, the slots still cap renders
        return True


def _stop_rendering(person: str) -> None:
    try:
        cache.delete(RENDERING_KEY + person)
    except Exception:  # the mark lapses by itself
        return


def _regular_slot() -> Any:
    slots = max(1, int(settings.PETITION_RENDERS_AT_ONCE))
    if connection.vendor == "postgresql":
        return _advisory_slot(range(slots))
    return _process_slot(slots)


def _express_slot() -> Any:
    if connection.vendor == "postgresql":
        return _advisory_slot(range(EXPRESS_SLOT, EXPRESS_SLOT + 1))
    return _process_slot(EXPRESS_SLOT)


def _large_rendering() -> bool:
    try:
        return int(cache.get(LARGE_KEY) or 0) > 0
    except Exception:  # no cache: no express slot, the cap as before
        return False


@contextmanager
def _large_render() -> Iterator[None]:
    """Count a large packet's render, so small ones may take the express slot."""
    counted = False
    with contextlib.suppress(Exception):  # no cache: no express slot
        counted = bool(
            cache.add(LARGE_KEY, 1, timeout=RENDERING_MARK_SECONDS)
            or cache.incr(LARGE_KEY)
        )
    try:
        yield
    finally:
        if counted:
            with contextlib.suppress(Exception):  # the count lapses by itself
                cache.decr(LARGE_KEY)


def _take_slot(stack: ExitStack, person: str, size: str) -> None:
    """Enter a slot for ``person`` on ``stack``, or raise the busy refusal.

    ``size`` is "small", "large" or "" (not said). A regular slot goes to
    whoever has waited longest; the express slot to a small packet while a
    large one renders.
    """
    if _my_turn(person):
        try:
            stack.enter_context(_regular_slot())
        except RenderRefused:
            pass
        else:
            if size == "large":
                stack.enter_context(_large_render())
            return
    if size == "small" and _large_rendering():
        stack.enter_context(_express_slot())
        return
    raise _busy()


def _size(records: int | None) -> str:
    if records is None:
        return ""
    light = int(getattr(settings, "PETITION_LIGHT_RECORDS", DEFAULT_LIGHT_RECORDS))
    return "small" if records <= light else "large"


@contextmanager
def render_permit(
    request: HttpRequest, *, records: int | None = None
) -> Iterator[None]:
    """Hold one render slot for the ``with`` body, or raise RenderRefused.

    The slot comes first and only a granted render counts against the
    person's budget: someone told "busy, try again in ten seconds" who does
    exactly that must never be refused for asking too often. A free slot
    goes to whoever has waited longest, nobody holds two, and a packet of
    ``records`` records or fewer (when given) does not wait behind a large
    one (see the module docstring).
    """
    person = _person(request)
    if not _start_rendering(person):
        raise _busy()  # her packet is being made: served, not waiting
    try:
        with ExitStack() as stack:
            _take_slot(stack, person, _size(records))
            _leave_line(person)
            _check_rate(request)
            yield
    except RenderRefused as refused:
        if refused.status == 503:
            raise _wait_in_line(person) from None
        raise
    finally:
        _stop_rendering(person)
