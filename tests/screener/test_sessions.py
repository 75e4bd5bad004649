"""The session backend (core/session_backend.py): Django's behaviour, fewer writes.

Each test reads the row back with the ORM, so what is checked is what is in
the table, on SQLite and on PostgreSQL.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.contrib.sessions.backends.base import UpdateError
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone

from core.session_backend import SessionStore
from tests.screener.conftest import post_step

pytestmark = pytest.mark.django_db


def stored() -> SessionStore:
    store = SessionStore()
    store["answer"] = {"court": "california"}
    store.save(must_create=True)
    return SessionStore(store.session_key)


def row(key: str) -> Session:
    return Session.objects.get(session_key=key)


def test_a_page_that_changes_nothing_moves_only_the_expiry() -> None:
    store = stored()
    before = row(store.session_key)
    with time_machine.travel(timezone.now() + timedelta(minutes=5)):
        assert store["answer"] == {"court": "california"}
        store.save()
        after = row(store.session_key)
    assert after.session_data == before.session_data  # not re-signed, not rewritten
    assert after.expire_date - before.expire_date >= timedelta(minutes=5)


def test_a_changed_value_is_written() -> None:
    store = stored()
    store["answer"] = {"court": "federal"}
    store.save()
    assert SessionStore(store.session_key)["answer"] == {"court": "federal"}


def test_a_nested_change_is_written_without_the_modified_flag() -> None:
    store = stored()
    store["answer"]["court"] = "other_state"  # Django would not notice this
    assert not store.modified
    store.save()
    assert SessionStore(store.session_key)["answer"] == {"court": "other_state"}


def test_a_row_deleted_meanwhile_is_an_update_error_not_a_new_row() -> None:
    """Exit in another tab deleted it: never bring the answers back."""
    store = stored()
    assert store["answer"]  # read earlier in the request (the CSRF check does)
    Session.objects.filter(session_key=store.session_key).delete()
    store["answer"] = {"court": "federal"}
    with pytest.raises(UpdateError):
        store.save()
    assert not Session.objects.exists()


def test_an_expired_row_is_not_read_and_its_key_is_not_reused() -> None:
    store = stored()
    Session.objects.filter(session_key=store.session_key).update(
        expire_date=timezone.now() - timedelta(seconds=1)
    )
    old_key = store.session_key
    assert store.get("answer") is None
    store["fresh"] = True
    store.save()
    assert store.session_key != old_key
    assert row(store.session_key).get_decoded() == {"fresh": True}


def test_a_new_key_after_cycle_key_keeps_the_data() -> None:
    store = stored()
    old_key = store.session_key
    store.cycle_key()
    store.save()
    assert store.session_key != old_key
    assert not Session.objects.filter(session_key=old_key).exists()
    assert SessionStore(store.session_key)["answer"] == {"court": "california"}


def test_showing_a_question_again_does_not_rewrite_the_answers(client: Client) -> None:
    """The wizard's state is read and "written" on every page; equal is not rewritten."""
    client.get("/")
    client.post("/begin/")
    post_step(client, "q1", answer="california")
    key = client.cookies["s"].value
    first = row(key).session_data
    page = client.get("/q/q1/")
    assert page.status_code == 200
    assert b'value="california" checked' in page.content
    assert row(key).session_data == first
    post_step(client, "q1", answer="federal")  # a changed answer is written
    assert row(key).session_data != first
