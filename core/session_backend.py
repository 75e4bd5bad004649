"""Django's database sessions, with the row read and written in one statement each.

Every survivor page loads the session (the CSRF token and the encrypted
answers live there) and saves it (``SESSION_SAVE_EVERY_REQUEST``: the idle
timeout slides with each page, so the server forgets the answers exactly
when the page's own timer says it will). Django's backend does both through
the ORM, signs and compresses the data again on every save, and wraps the
save in a transaction (a BEGIN and a COMMIT around one UPDATE). On a
question page that changes nothing, that was about a third of the page's
cost (docs/performance.md).

This backend keeps Django's behaviour, its session table and its failure
modes (a row that vanished or a database that went away is ``UpdateError``,
which the session middleware turns into ``SessionInterrupted``), and
changes only how the row of a session loaded in this request is written:

- the data unchanged since it was read: only ``expire_date`` is moved on;
- changed: one ``UPDATE`` of data and expiry, outside a transaction (a
  single statement is atomic on its own).

"Unchanged" compares the serialized data with what was read, not Django's
``modified`` flag, so an in-place change of a nested value is never lost.
New sessions, new keys (``cycle_key``, ``flush``) and anything not loaded
from the table go through Django's own code.
"""

from __future__ import annotations

from typing import Any

from django.contrib.sessions.backends import db
from django.contrib.sessions.backends.base import UpdateError
from django.db import DatabaseError, connections, router
from django.utils import timezone


class SessionStore(db.SessionStore):
    _stored_as: bytes | None = None  # the data as read from the table, serialized

    def _serialized(self, data: dict[str, Any]) -> bytes:
        return self.serializer().dumps(data)

    def load(self) -> dict[str, Any]:
        self._stored_as = None
        if self.session_key is None:
            return {}
        connection = connections[router.db_for_read(self.model)]
        table = connection.ops.quote_name(self.model._meta.db_table)
        now = connection.ops.adapt_datetimefield_value(timezone.now())
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT session_data FROM {table} "  # noqa: S608 - the model's own table name
                "WHERE session_key = %s AND expire_date > %s",
                [self.session_key, now],
            )
            row = cursor.fetchone()
        if row is None:
            self._session_key = None  # as Django: a new key, never the one sent
            return {}
        data = self.decode(row[0])
        self._stored_as = self._serialized(data)
        return data

    def save(self, must_create: bool = False) -> None:
        stored_as = self._stored_as
        self._stored_as = None
        if must_create or stored_as is None or self.session_key is None:
            super().save(must_create=must_create)
            return
        # SessionBase._get_session is Django's private loader; the stubs omit it.
        data = self._get_session()  # type: ignore[attr-defined]
        serialized = self._serialized(data)
        connection = connections[router.db_for_write(self.model)]
        expire = connection.ops.adapt_datetimefield_value(self.get_expiry_date())
        quoted = connection.ops.quote_name(self.model._meta.db_table)
        try:
            with connection.cursor() as cursor:
                if serialized == stored_as:
                    cursor.execute(
                        f"UPDATE {quoted} SET expire_date = %s WHERE session_key = %s",  # noqa: S608
                        [expire, self.session_key],
                    )
                else:
                    cursor.execute(
                        f"UPDATE {quoted} SET session_data = %s, expire_date = %s "  # noqa: S608
                        "WHERE session_key = %s",
                        [self.encode(data), expire, self.session_key],
                    )
                updated = cursor.rowcount
        except DatabaseError as error:
            raise UpdateError from error
        if updated != 1:
            raise UpdateError  # the row was deleted meanwhile (exit in another tab)
        self._stored_as = serialized
