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

import json
from functools import cache
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models

PREFIX = "f1:"  # the scheme version, so a later cipher can sit beside it


class DecryptionError(Exception):
    """Stored data could not be decrypted: a wrong key or damaged data.

    Never caught to show the raw value: the page fails instead.
    """


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


def encrypt_json(value: Any) -> str:
    plain = json.dumps(value, separators=(",", ":")).encode("utf-8")
    return PREFIX + cipher().encrypt(plain).decode("ascii")


def decrypt_json(token: str) -> Any:
    if not token.startswith(PREFIX):
        raise DecryptionError("Stored value is not in the expected format.")
    try:
        plain = cipher().decrypt(token[len(PREFIX) :].encode("ascii"))
    except (InvalidToken, UnicodeEncodeError):
        raise DecryptionError(
            "Stored value cannot be decrypted with INTAKE_ENCRYPTION_KEYS."
        ) from None
    return json.loads(plain)


def rotate(token: str) -> str:
    """Re-encrypt a stored value under the first (newest) key."""
    decrypt_json(token)  # fail loudly before writing anything
    body = cipher().rotate(token[len(PREFIX) :].encode("ascii"))
    return PREFIX + body.decode("ascii")


class EncryptedJSONField(models.TextField):
    """A JSON value stored as one Fernet token: structure and keys hidden too.

    It cannot be filtered or ordered on; keep what a queue filters on (the
    county, the status) in plain columns.
    """

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> Any:
        if value is None:
            return None
        return decrypt_json(value)

    def to_python(self, value: Any) -> Any:
        return value

    def get_prep_value(self, value: Any) -> str | None:
        if value is None:
            return None
        return encrypt_json(value)

    def value_to_string(self, obj: models.Model) -> str:
        return json.dumps(self.value_from_object(obj))
