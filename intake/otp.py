"""Second factors at rest: TOTP keys encrypted with the case keys, backup
codes stored only as hashes.

django-otp keeps both readable in the database (``otp_totp_totpdevice.key``,
``otp_static_statictoken.token``): a database dump alone would let anyone
make a staff member's codes. Here:

* A TOTP key is sealed with AES-GCM under a key derived from each
  ``INTAKE_ENCRYPTION_KEYS`` key (``e1:<key id>:<nonce+ciphertext>``, 76
  characters, which fits django-otp's 80-character column; a Fernet token
  would not). Every save of a device seals a plain key (a ``pre_save``
  hook), and ``rotate_case_keys`` re-seals under the newest key.
  ``SealedTOTPDevice`` (a proxy, no table of its own) opens the key to
  verify a code or print the otpauth link.
* A backup code is 16 random base32 characters (80 bits); the database
  holds the first 16 hex digits of its SHA-256. With that much randomness
  an unsalted hash cannot be reversed by guessing, and a code is checked
  by hashing what was typed (``HashedStaticDevice``).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
from binascii import unhexlify
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.db.models.signals import pre_save
from django.dispatch import receiver
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from intake import crypto

SEALED = "e1:"
BASE32 = "abcdefghijklmnopqrstuvwxyz234567"
CODE_LENGTH = 16


def _aead(key: bytes) -> AESGCM:
    """An AES-256-GCM key derived from one case key, for TOTP keys only."""
    return AESGCM(hmac.new(key, b"intake totp key v1", hashlib.sha256).digest())


def is_sealed(stored: str) -> bool:
    return stored.startswith(SEALED)


def seal(hex_key: str) -> str:
    """Encrypt a TOTP key (hex) under the newest case key."""
    key = crypto.keys_in_use()[0]
    nonce = os.urandom(12)
    body = nonce + _aead(key).encrypt(nonce, unhexlify(hex_key), None)
    text = base64.urlsafe_b64encode(body).decode("ascii").rstrip("=")
    return f"{SEALED}{crypto.key_id(key)}:{text}"


def unseal(stored: str) -> bytes:
    """The TOTP key's bytes; DecryptionError when no configured key opens it."""
    if not is_sealed(stored):
        return unhexlify(stored.encode())  # not yet sealed (before the migration)
    _kid, _, text = stored[len(SEALED) :].partition(":")
    body = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    for key in crypto.keys_in_use():
        try:
            return _aead(key).decrypt(body[:12], body[12:], None)
        except InvalidTag:
            continue
    raise crypto.DecryptionError(
        "An authenticator key cannot be decrypted with INTAKE_ENCRYPTION_KEYS."
    )


def reseal(stored: str) -> str:
    """The same TOTP key sealed under the newest case key (key rotation)."""
    return seal(unseal(stored).hex())


@receiver(pre_save)
def _seal_totp_keys(sender: Any, instance: Any, **kwargs: Any) -> None:
    """No TOTP key reaches the database in the clear, however it was made."""
    if (
        isinstance(instance, TOTPDevice)
        and instance.key
        and not is_sealed(instance.key)
    ):
        instance.key = seal(instance.key)


class SealedTOTPDevice(TOTPDevice):
    """django-otp's TOTP device, reading its key through ``unseal``."""

    class Meta:
        proxy = True

    @property
    def bin_key(self) -> bytes:
        return unseal(self.key)


def new_backup_code() -> str:
    """16 random base32 characters, shown in groups of four to be typed."""
    code = "".join(secrets.choice(BASE32) for _ in range(CODE_LENGTH))
    return "-".join(code[i : i + 4] for i in range(0, CODE_LENGTH, 4))


def code_digest(typed: str) -> str:
    """What is stored for a backup code: its SHA-256, 16 hex digits.

    Spaces, dashes and case do not matter, as people type codes.
    """
    normal = "".join(ch for ch in typed.lower() if ch.isalnum())
    return hashlib.sha256(f"backup code:{normal}".encode()).hexdigest()[:16]


class HashedStaticDevice(StaticDevice):
    """django-otp's backup-code device, comparing hashes instead of codes."""

    class Meta:
        proxy = True

    def verify_token(self, token: Any) -> bool:
        return bool(super().verify_token(code_digest(str(token))))
