"""Petition renders are capped: a burst of downloads waits its turn calmly.

"Another server is rendering" is simulated the way it really happens: on
PostgreSQL, a second database connection holds the advisory lock of the
only slot; on SQLite, the process's semaphore is taken. A request made while
a render is under way comes, on PostgreSQL, from another thread with its own
connection, as it would from another server: an advisory lock is re-entrant
within one database session, so a nested request on the same connection
would be let through where no real request would.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from django.core.cache import cache, caches
from django.db import connection, connections
from django.test import Client

from petitions import throttle
from tests.petitions.conftest import put_case_in_session
from tests.petitions.test_views import URL, _form_data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _one_slot_and_a_fresh_count(settings: Any) -> Iterator[None]:
    settings.PETITION_RENDERS_AT_ONCE = 1
    settings.PETITION_RATE_PER_MINUTE = 6
    cache.clear()
    yield
    cache.clear()


@contextmanager
def slot_held() -> Iterator[None]:
    """The only render slot is held by someone else while this is open."""
    if connection.vendor == "postgresql":
        import psycopg2

        other = psycopg2.connect(**connection.get_connection_params())
        other.autocommit = True
        with other.cursor() as cursor:
            cursor.execute(
                "SELECT pg_advisory_lock(%s, %s)", [throttle.LOCK_NAMESPACE, 0]
            )
        try:
            yield
        finally:
            other.close()  # closing the session frees the slot, as a dead server does
    else:
        semaphore = throttle._semaphores.setdefault(
            1, throttle.threading.BoundedSemaphore(1)
        )
        assert semaphore.acquire(blocking=False)
        try:
            yield
        finally:
            semaphore.release()


def from_another_server(request: Callable[[], Any]) -> Any:
    """``request()`` as another app server would make it (see the docstring)."""
    if connection.vendor != "postgresql":
        return request()
    answer: dict[str, Any] = {}

    def run() -> None:
        try:
            answer["response"] = request()
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    return answer["response"]


@pytest.fixture
def slot_taken() -> Iterator[None]:
    with slot_held():
        yield


def test_a_busy_slot_brings_the_form_back_with_every_answer_and_a_retry_time(
    client: Client, trafficking_case: dict[str, Any], slot_taken: None
) -> None:
    put_case_in_session(client, trafficking_case)
    response = client.post(URL, _form_data(control="He kept my ID card, always."))
    assert response.status_code == 503
    # Alone in the queue, so next in line: told to come back soon.
    assert response["Retry-After"] == str(throttle.NEXT_RETRY_SECONDS)
    assert response["Content-Type"].startswith("text/html")
    body = response.content.decode()
    assert "Many people are preparing papers right now" in body
    assert "He kept my ID card, always." in body  # nothing typed is lost
    assert 'value="23CR12345"' in body


def test_when_the_slot_frees_the_same_answers_download(
    client: Client, trafficking_case: dict[str, Any]
) -> None:
    put_case_in_session(client, trafficking_case)
    with slot_held():
        assert client.post(URL, _form_data()).status_code == 503
    response = client.post(URL, _form_data())
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")


def test_the_slot_is_given_back_after_every_render(
    client: Client, trafficking_case: dict[str, Any]
) -> None:
    for _ in range(2):
        put_case_in_session(client, trafficking_case)
        response = client.post(URL, _form_data(file_format="docx"))
        assert response.status_code == 200
        assert response.content.startswith(b"PK")


def test_waiting_for_a_busy_slot_does_not_use_up_the_budget(
    client: Client, trafficking_case: dict[str, Any], settings: Any
) -> None:
    settings.PETITION_RATE_PER_MINUTE = 1
    put_case_in_session(client, trafficking_case)
    with slot_held():
        statuses = [client.post(URL, _form_data()).status_code for _ in range(3)]
    assert statuses == [503, 503, 503]
    response = client.post(URL, _form_data())
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")


def test_the_spanish_form_says_so_in_spanish(
    client: Client, trafficking_case: dict[str, Any], slot_taken: None
) -> None:
    put_case_in_session(client, trafficking_case)
    client.cookies["django_language"] = "es"
    body = client.post(URL, _form_data()).content.decode()
    assert "Muchas personas están preparando documentos" in body


def test_a_broken_rate_cache_lets_the_download_through(
    client: Client, trafficking_case: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    def down(*args: Any, **kwargs: Any) -> None:
        raise ConnectionError("redis is away")

    # The backend object itself, not the module-level proxy (the test's
    # cache settings change under it).
    monkeypatch.setattr(caches["default"], "add", down)
    put_case_in_session(client, trafficking_case)
    assert client.post(URL, _form_data(file_format="docx")).status_code == 200


def test_one_address_cannot_take_every_render_with_new_sessions(
    trafficking_case: dict[str, Any], settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Per-session budgets are free to renew; the address budget is not."""
    import core.ratelimit

    settings.PETITION_RATE_PER_ADDRESS = 2
    now = core.ratelimit.time.time()  # one rate window for all three renders
    monkeypatch.setattr(core.ratelimit.time, "time", lambda: now)
    statuses = []
    for _ in range(3):
        client = Client()  # a fresh session each time, same address
        put_case_in_session(client, trafficking_case)
        statuses.append(client.post(URL, _form_data()).status_code)
    assert statuses == [200, 200, 429]


def test_the_longest_waiting_person_gets_the_next_free_slot(
    trafficking_case: dict[str, Any],
) -> None:
    burst, survivor = Client(), Client()
    for client in (burst, survivor):
        put_case_in_session(client, trafficking_case)
    with slot_held():  # a render is running; the survivor asks and is refused
        refused = survivor.post(URL, _form_data())
    assert refused.status_code == 503
    assert refused["Retry-After"] == str(throttle.NEXT_RETRY_SECONDS)
    # The slot is free again, but the survivor has waited longer than the
    # client whose burst comes in now: the burst waits, behind her.
    jumped = burst.post(URL, _form_data())
    assert jumped.status_code == 503
    assert jumped["Retry-After"] == str(throttle.BUSY_RETRY_SECONDS)
    served = survivor.post(URL, _form_data())
    assert served.status_code == 200
    assert served.content.startswith(b"%PDF")
    # Her turn taken, she leaves the queue and the burst goes next.
    assert burst.post(URL, _form_data()).status_code == 200


def test_people_refused_at_the_same_moment_all_keep_their_place(
    monkeypatch: pytest.MonkeyPatch, settings: Any
) -> None:
    """Two servers refusing two people at once must not drop either place.

    The queue is read, changed and written back; the read is slowed down so
    that every refusal reads the queue before any has written it, as two
    servers can. Each person must still be in the queue afterwards. The
    threads share an in-memory cache (atomic ``add``, like Redis), so no
    database connection or committed cache row outlives the test.
    """
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "queue-race",
        }
    }
    read_queue = throttle._queue

    def slow_read() -> dict[str, list[float]]:
        queue = read_queue()
        throttle.time.sleep(0.05)
        return queue

    monkeypatch.setattr(throttle, "_queue", slow_read)
    people = [f"session:{n}" for n in range(4)]
    threads = [
        threading.Thread(target=throttle._wait_in_line, args=(person,))
        for person in people
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(read_queue()) == people
    assert cache.get(throttle.QUEUE_LOCK_KEY) is None  # given back


def test_a_place_in_the_queue_lapses_when_its_holder_stops_asking(
    trafficking_case: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    gone, other = Client(), Client()
    for client in (gone, other):
        put_case_in_session(client, trafficking_case)
    with slot_held():
        assert gone.post(URL, _form_data()).status_code == 503
    later = throttle.time.time() + throttle.QUEUE_PATIENCE_SECONDS + 1
    monkeypatch.setattr(throttle.time, "time", lambda: later)
    assert other.post(URL, _form_data()).status_code == 200


def test_behind_a_load_balancer_each_client_has_its_own_address_budget(
    trafficking_case: dict[str, Any], settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The balancer's address is everyone's: the budget is the client's own."""
    import core.ratelimit

    settings.PROXY_COUNT = 1
    settings.PETITION_RATE_PER_ADDRESS = 1
    now = core.ratelimit.time.time()  # one rate window for every render
    monkeypatch.setattr(core.ratelimit.time, "time", lambda: now)

    def download(client_address: str) -> int:
        client = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=client_address)
        put_case_in_session(client, trafficking_case)
        return client.post(URL, _form_data()).status_code

    assert download("198.51.100.7") == 200
    assert download("198.51.100.8") == 200  # another person, same balancer
    assert download("198.51.100.7") == 429  # the first, with a new session


@pytest.mark.django_db(transaction=True)
def test_a_burst_does_not_keep_a_place_in_line_while_its_packet_is_made(
    trafficking_case: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """While one client's packet renders, her other requests do not queue.

    Otherwise the burst's own waiting requests would be first in line when
    the slot frees, ahead of a survivor who asked meanwhile.
    """
    import petitions.views

    burst, survivor = Client(), Client()
    for client in (burst, survivor):
        put_case_in_session(client, trafficking_case)
    during: dict[str, Any] = {}
    real_packet_file = petitions.views.packet_file

    def slow_render(*args: Any, **kwargs: Any) -> tuple[bytes, str, str]:
        if not during:  # the burst's first packet, in the middle of its render
            during["again"] = from_another_server(lambda: burst.post(URL, _form_data()))
            during["survivor"] = from_another_server(
                lambda: survivor.post(URL, _form_data())
            )
        return real_packet_file(*args, **kwargs)

    monkeypatch.setattr(petitions.views, "packet_file", slow_render)
    assert burst.post(URL, _form_data()).status_code == 200
    assert during["again"].status_code == 503
    # The survivor is first in line, not behind the burst's second request.
    assert during["survivor"].status_code == 503
    assert during["survivor"]["Retry-After"] == str(throttle.NEXT_RETRY_SECONDS)
    jumped = burst.post(URL, _form_data())
    assert jumped.status_code == 503
    assert jumped["Retry-After"] == str(throttle.BUSY_RETRY_SECONDS)
    assert survivor.post(URL, _form_data()).status_code == 200
    assert burst.post(URL, _form_data()).status_code == 200


@pytest.mark.django_db(transaction=True)
def test_a_small_packet_does_not_wait_behind_a_large_one(
    trafficking_case: dict[str, Any], settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While a large packet renders, a small one takes the express slot."""
    import copy

    import petitions.views

    settings.PETITION_LIGHT_RECORDS = 1
    large, small, other_large = Client(), Client(), Client()
    put_case_in_session(large, trafficking_case)  # three records to draft
    put_case_in_session(other_large, trafficking_case)
    one_record = copy.deepcopy(trafficking_case)
    one_record["records"] = one_record["records"][:1]
    put_case_in_session(small, one_record)
    during: dict[str, Any] = {}
    real_packet_file = petitions.views.packet_file

    def slow_render(*args: Any, **kwargs: Any) -> tuple[bytes, str, str]:
        if not during:  # in the middle of the large packet's render
            during["other_large"] = from_another_server(
                lambda: other_large.post(URL, _form_data())
            )
            during["small"] = from_another_server(lambda: small.post(URL, _form_data()))
        return real_packet_file(*args, **kwargs)

    monkeypatch.setattr(petitions.views, "packet_file", slow_render)
    assert large.post(URL, _form_data()).status_code == 200
    assert during["other_large"].status_code == 503  # large waits its turn
    assert during["small"].status_code == 200
    assert during["small"].content.startswith(b"%PDF")


def test_without_a_large_render_there_is_no_express_slot(
    trafficking_case: dict[str, Any], settings: Any, slot_taken: None
) -> None:
    """A small packet behind another small one waits: the cap is as before."""
    settings.PETITION_LIGHT_RECORDS = 10
    client = Client()
    put_case_in_session(client, trafficking_case)
    assert client.post(URL, _form_data()).status_code == 503
