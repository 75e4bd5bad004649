"""Where a visitor's answers live between pages: encrypted, in the session.

The interface other apps use (petitions, the legal-aid hand-off):
``store_facts``, ``load_facts``, ``load_screening`` and ``clear``. The facts
are the contract's input JSON; beside them is their screening, the
rules' output (docs/screening-api.md), stored when the facts are so that
every page reads the same answer (``screener.screenings``).

Answers are a record of trauma, so the database never holds them in the
clear. Each visitor gets a Fernet key that lives only in their browser, in a
session-only, HttpOnly cookie; the session row holds ciphertext. A database
dump, backup or replica shows nothing readable, and when the browser closes
or the visitor exits, the key is gone and the ciphertext is noise.
``VisitorKeyMiddleware`` reads and sets that cookie.
"""

from __future__ import annotations

import contextlib
import json
from importlib import import_module
from typing import Any, TypeGuard

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse

# The facts (the contract's input) of a finished set of answers. The stored
# name is the old one, so sessions in flight during a deploy keep them.
FACTS_KEY = "finished_case"
# The wizard's answers (screener.wizard.load_answers). The stored name is
# the old one, so sessions in flight during a deploy keep their answers.
ANSWERS_KEY = "screening"
# The screening of the facts under FACTS_KEY (the rules' output, in English).
SCREENED_KEY = "screened"
# The formtools wizard's own state (its storage prefix; wizard_storage.py).
WIZARD_KEY = "wizard_s"
KEY_COOKIE = "k"
# A marker encrypted under the key the server issued: only that key opens it.
KEY_MARKER = "km"
_REQUEST_KEY = "_visitor_key"
_REQUEST_KEY_NEW = "_visitor_key_new"
_REQUEST_KEY_USED = "_visitor_key_used"
_REQUEST_KEY_DROP = "_visitor_key_drop"
_REQUEST_PLAIN = "_visitor_plain"  # what read() decrypted, by name


def _valid_key(value: str | None) -> TypeGuard[str]:
    if not value:
        return False
    try:
        Fernet(value.encode("ascii"))
    except (ValueError, UnicodeEncodeError):
        return False
    return True


def _issued_here(request: HttpRequest, cookie: str) -> bool:
    """True when this server made the cookie's key for this session.

    A key the client chose is refused: whoever planted it (on a shared
    phone, or from a sibling site that can set cookies) would hold the key
    to every answer typed after it. When the server makes a key it puts a
    marker in the session encrypted under that key (``KEY_MARKER``), so
    only that key opens it; nothing about the key itself is in the row.
    Sessions begun before the marker are recognised by their own
    ciphertext, so nobody's answers are lost by an upgrade; a fresh session
    has none to show.
    """
    fernet = Fernet(cookie.encode("ascii"))
    marker = request.session.get(KEY_MARKER)
    candidates = [marker] if isinstance(marker, str) else list(request.session.values())
    for value in candidates:
        if isinstance(value, str) and value.startswith("gAAAAA"):
            try:
                fernet.decrypt(value.encode("ascii"))
            except (InvalidToken, UnicodeEncodeError):
                continue
            return True
    return False


def _fernet(request: HttpRequest) -> Fernet:
    """The visitor's cipher; makes a key (to be sent as a cookie) if needed."""
    key: str | None = getattr(request, _REQUEST_KEY, None)
    if key is None:
        cookie = request.COOKIES.get(KEY_COOKIE)
        if _valid_key(cookie) and _issued_here(request, cookie):
            key = cookie
        else:
            key = Fernet.generate_key().decode("ascii")
            setattr(request, _REQUEST_KEY_NEW, True)
            request.session.pop(KEY_MARKER, None)
        if KEY_MARKER not in request.session:
            marker = Fernet(key.encode("ascii")).encrypt(b'"issued"')
            request.session[KEY_MARKER] = marker.decode("ascii")
        setattr(request, _REQUEST_KEY, key)
    setattr(request, _REQUEST_KEY_USED, True)
    return Fernet(key.encode("ascii"))


def _plain_texts(request: HttpRequest) -> dict[str, bytes]:
    """What this request read or wrote, by name, as plain JSON bytes."""
    known: dict[str, bytes] | None = getattr(request, _REQUEST_PLAIN, None)
    if known is None:
        known = {}
        setattr(request, _REQUEST_PLAIN, known)
    return known


def write(request: HttpRequest, name: str, value: Any) -> None:
    """Encrypt a JSON value into the session under ``name``.

    A value equal to the one read in this request is left as it is: a fresh
    encryption would differ byte for byte and make the session row be
    written again for nothing (every question page reads and "writes" the
    wizard's state).
    """
    plain = json.dumps(value).encode("utf-8")
    known = _plain_texts(request)
    if known.get(name) == plain and name in request.session:
        return
    token = _fernet(request).encrypt(plain)
    request.session[name] = token.decode("ascii")
    known[name] = plain


def read(request: HttpRequest, name: str) -> Any | None:
    """Decrypt ``name`` from the session; None when absent or unreadable.

    Unreadable means the key cookie is gone (browser closed, exit) or was
    replaced: the ciphertext is then useless, so it is dropped.
    """
    token = request.session.get(name)
    if not isinstance(token, str):
        return None
    try:
        plain = _fernet(request).decrypt(token.encode("ascii"))
    except (InvalidToken, UnicodeEncodeError):
        del request.session[name]
        return None
    _plain_texts(request)[name] = plain
    return json.loads(plain)


def store_facts(
    request: HttpRequest, facts: dict[str, Any], screening: dict[str, Any] | None = None
) -> None:
    """Store the facts and, beside them, their screening.

    Facts stored without a screening drop any earlier one, so a screening
    can never sit beside facts it was not made from.
    """
    write(request, FACTS_KEY, facts)
    if screening is None:
        request.session.pop(SCREENED_KEY, None)
        _plain_texts(request).pop(SCREENED_KEY, None)
    else:
        write(request, SCREENED_KEY, screening)


def load_facts(request: HttpRequest) -> dict[str, Any] | None:
    facts = read(request, FACTS_KEY)
    return facts if isinstance(facts, dict) else None


def forget_facts(request: HttpRequest) -> None:
    """Drop the facts and their screening (a new screening begins)."""
    for name in (FACTS_KEY, SCREENED_KEY):
        request.session.pop(name, None)
        _plain_texts(request).pop(name, None)


def load_screening(request: HttpRequest) -> dict[str, Any] | None:
    """The screening stored beside the facts; None when there is none."""
    screening = read(request, SCREENED_KEY)
    return screening if isinstance(screening, dict) else None


def forget(request: HttpRequest) -> None:
    """Delete the session row named by the cookie, without loading it.

    For the exit, which runs before SessionMiddleware: no session object,
    no CSRF check, and a database that is away only leaves a row of
    ciphertext that expires and that nobody can read once the key cookie
    is gone (``delete_cookies``).
    """
    session_key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    if not session_key:
        return
    engine = import_module(settings.SESSION_ENGINE)
    with contextlib.suppress(DatabaseError):
        engine.SessionStore(session_key).delete()


def delete_cookies(response: HttpResponse) -> None:
    """Tell the browser to drop the session cookie and the visitor key."""
    response.delete_cookie(
        settings.SESSION_COOKIE_NAME,
        path=settings.SESSION_COOKIE_PATH,
        domain=settings.SESSION_COOKIE_DOMAIN,
        samesite=settings.SESSION_COOKIE_SAMESITE,
    )
    response.delete_cookie(KEY_COOKIE, samesite="Lax")


def clear(request: HttpRequest) -> None:
    """Forget everything: the session row, its cookie, and the key cookie.

    Exit must work even while the database is away (core/availability.py):
    then the row stays until it expires, but with the key cookie gone it is
    ciphertext nobody can read, and the browser forgets the session cookie.
    """
    try:
        request.session.flush()
    except DatabaseError:
        request.session.clear()
        request.session._session_key = None  # empty: the cookie is deleted, not saved
    setattr(request, _REQUEST_KEY_DROP, True)
    # Anything written after this (a confirmation) gets a new key and cookie.
    setattr(request, _REQUEST_KEY, None)
    setattr(request, _REQUEST_KEY_NEW, False)
    setattr(request, _REQUEST_PLAIN, {})


class VisitorKeyMiddleware:
    """Send the visitor's key cookie when one was made; delete it on clear."""

    def __init__(self, get_response: Any) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response: HttpResponse = self.get_response(request)
        made = getattr(request, _REQUEST_KEY_NEW, False) and getattr(
            request, _REQUEST_KEY_USED, False
        )
        if getattr(request, _REQUEST_KEY_DROP, False) and not made:
            response.delete_cookie(KEY_COOKIE, samesite="Lax")
        elif made:
            # No max_age/expires: a browser-session cookie, gone on close.
            response.set_cookie(
                KEY_COOKIE,
                getattr(request, _REQUEST_KEY),
                httponly=True,
                samesite="Lax",
                secure=settings.SESSION_COOKIE_SECURE,
            )
        return response
