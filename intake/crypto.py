"""Application-level encryption of case data at rest (Fernet, key rotation).

Why not a package: django-fernet-encrypted-fields derives its keys from
SECRET_KEY and, on a wrong key, returns the ciphertext as if it were the
value (security research §3.5). Here the keys are dedicated data keys from
``INTAKE_ENCRYPTION_KEYS`` (comma-separated Fernet keys: the first encrypts,
all decrypt, so a new key goes first and the old one stays until
``rotate_case_keys`` has run), and every failure raises.

Without keys, only a DEBUG server or the test suite may run, on a random
per-process key (data written with it is unreadable after a restart, which
is the honest outcome for throwaway development data).
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from typing import TYPE_CHECKING, Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models

# The scheme version, so a later cipher can sit beside it. "f2:<key id>:"
# names the key that wrote the value (the first 8 hex digits of its SHA-256,
# useless for decrypting), so a check can say which key is missing;
# "f1:" values (no key id) are still read.
PREFIX = "f2:"
LEGACY_PREFIX = "f1:"


class DecryptionError(Exception):
    """Stored data could not be decrypted: a wrong key or damaged data.

    Never caught to show the raw value: pages say the case cannot be read.
    """


class Unreadable:
    """A stored value no configured key opens, as loaded from the database.

    Loading a row never fails, so one unreadable case cannot break a whole
    queue (after a development restart with another key, or a key removed
    too early). Using the value raises ``DecryptionError``; saving it
    raises too, so the ciphertext is never overwritten with nothing.
    """

    __slots__ = ("key_id",)

    def __init__(self, key_id: str | None) -> None:
        self.key_id = key_id

    def _fail(self, *args: Any, **kwargs: Any) -> Any:
        raise DecryptionError(
            "Stored value cannot be decrypted with INTAKE_ENCRYPTION_KEYS."
        )

    __getitem__ = __iter__ = __len__ = __bool__ = __contains__ = _fail
    get = keys = values = items = _fail

    def __repr__(self) -> str:
        return f"<Unreadable value written with key {self.key_id or 'unknown'}>"


def dev_key_allowed() -> bool:
    return bool(settings.DEBUG or getattr(settings, "RUNNING_TESTS", False))


def configured_keys() -> list[bytes]:
    """The keys from settings, validated; raise ImproperlyConfigured if bad."""
    keys = [k.encode("ascii") for k in settings.INTAKE_ENCRYPTION_KEYS]
    for key in keys:
        try:
            Fernet(key)
        except ValueError:
            raise ImproperlyConfigured(
                "INTAKE_ENCRYPTION_KEYS holds a value that is not a Fernet key."
            ) from None
    return keys


@cache
def _dev_key() -> bytes:
    return Fernet.generate_key()


@cache
def _cipher_for(keys: tuple[bytes, ...]) -> MultiFernet:
    return MultiFernet([Fernet(k) for k in keys])


def cipher() -> MultiFernet:
    keys = configured_keys()
    if not keys:
        if not dev_key_allowed():
            raise ImproperlyConfigured(
                "Set INTAKE_ENCRYPTION_KEYS (generate one with "
                "python -c 'from cryptography.fernet import Fernet;"
                "print(Fernet.generate_key().decode())')."
            )
        keys = [_dev_key()]
    return _cipher_for(tuple(keys))


def key_id(key: bytes) -> str:
    """A short name for a key, safe to store and print (not to decrypt with)."""
    return hashlib.sha256(key).hexdigest()[:8]


def keys_in_use() -> list[bytes]:
    """The configured keys, or the development key when none is configured."""
    keys = configured_keys()
    if not keys and dev_key_allowed():
        return [_dev_key()]
    return keys


def _split(token: str) -> tuple[str | None, str]:
    """(key id or None, Fernet token) of a stored value."""
    if token.startswith(PREFIX):
        kid, _, body = token[len(PREFIX) :].partition(":")
        return kid, body
    if token.startswith(LEGACY_PREFIX):
        return None, token[len(LEGACY_PREFIX) :]
    raise DecryptionError("Stored value is not in the expected format.")


def stored_key_id(token: str) -> str | None:
    """Which key wrote a stored value (None for values from before key ids)."""
    return _split(token)[0]


def _wrap(body: bytes) -> str:
    return f"{PREFIX}{key_id(keys_in_use()[0])}:{body.decode('ascii')}"


def encrypt_json(value: Any) -> str:
    plain = json.dumps(value, separators=(",", ":")).encode("utf-8")
    return _wrap(cipher().encrypt(plain))


def decrypt_json(token: str) -> Any:
    _kid, body = _split(token)
    try:
        plain = cipher().decrypt(body.encode("ascii"))
    except (InvalidToken, UnicodeEncodeError):
        raise DecryptionError(
            "Stored value cannot be decrypted with INTAKE_ENCRYPTION_KEYS."
        ) from None
    return json.loads(plain)


def rotate(token: str) -> str:
    """Re-encrypt a stored value under the first (newest) key."""
    decrypt_json(token)  # fail loudly before writing anything
    return _wrap(cipher().rotate(_split(token)[1].encode("ascii")))


if TYPE_CHECKING:
    # To the type checker the column holds a dict (django-stubs: set, get).
    _JSONTextField = models.TextField[dict[str, Any], dict[str, Any]]
else:
    _JSONTextField = models.TextField


class EncryptedJSONField(_JSONTextField):
    """A JSON value stored as one Fernet token: structure and keys hidden too.

    It cannot be filtered or ordered on; keep what a queue filters on (the
    county, the status) in plain columns.

    Every value stored is a JSON object, so to the type checker the field
    holds a dict. An ``Unreadable`` loaded value stands in for that dict:
    any use of it raises ``DecryptionError`` instead of yielding data.
    """

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> Any:
        if value is None:
            return None
        try:
            return decrypt_json(value)
        except DecryptionError:
            try:
                return Unreadable(stored_key_id(value))
            except DecryptionError:
                return Unreadable(None)

    def to_python(self, value: Any) -> Any:
        return value

    def get_prep_value(self, value: Any) -> str | None:
        if value is None:
            return None
        if isinstance(value, Unreadable):
            value._fail()
        return encrypt_json(value)

    def value_to_string(self, obj: models.Model) -> str:
        return json.dumps(self.value_from_object(obj))
