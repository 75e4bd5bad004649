"""``check --deploy`` fails when production has no intake data key."""

from __future__ import annotations

from typing import Any

from django.core import checks
from django.core.exceptions import ImproperlyConfigured

from intake import crypto


@checks.register(checks.Tags.security, deploy=True)
def encryption_keys(app_configs: Any, **kwargs: Any) -> list[checks.CheckMessage]:
    """Only a deploy check: ``manage.py screen`` must run from a bare checkout."""
    try:
        keys = crypto.configured_keys()
    except ImproperlyConfigured as error:
        return [checks.Error(str(error), id="intake.E002")]
    if not keys and not crypto.dev_key_allowed():
        return [
            checks.Error(
                "INTAKE_ENCRYPTION_KEYS is not set; case data cannot be stored.",
                id="intake.E001",
            )
        ]
    return []


FORGED = "6.6.6.6"
CLIENT = "198.51.100.7"


@checks.register(checks.Tags.security)
def lockouts_see_the_client(
    app_configs: Any, **kwargs: Any
) -> list[checks.CheckMessage]:
    """Behind a proxy, lockouts must key on the client, never the proxy.

    With ``AXES_PROXY_COUNT`` set, a request that came through that many
    proxies, carrying a forged address the client wrote, must resolve to
    the client's real address as django-axes computes it. Otherwise every
    lockout is keyed on the load balancer, and one person's wrong passwords
    lock a staff member out for everyone (or a forged header picks whom).
    """
    from axes.helpers import get_client_ip_address
    from django.conf import settings
    from django.test import RequestFactory

    count = int(getattr(settings, "PROXY_COUNT", 0) or 0)
    if count <= 0:
        return []
    proxies = [f"10.0.0.{n}" for n in range(2, count + 1)]
    request = RequestFactory().get(
        "/",
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR=", ".join([FORGED, CLIENT, *proxies]),
    )
    try:
        seen = get_client_ip_address(request)
    except Exception as error:  # a broken setting is what this check reports
        seen = f"an error ({type(error).__name__})"
    if seen == CLIENT:
        return []
    return [
        checks.Error(
            f"AXES_PROXY_COUNT is {count}, but sign-in lockouts read the client "
            f"address as {seen} instead of the address your proxies forward.",
            hint="Keep AXES_CLIENT_IP_CALLABLE = 'core.ratelimit.client_ip'.",
            id="intake.E003",
        )
    ]


@checks.register(checks.Tags.security)
def development_key(app_configs: Any, **kwargs: Any) -> list[checks.CheckMessage]:
    """A DEBUG server without keys encrypts with a key that dies with the process."""
    from django.conf import settings

    if not settings.DEBUG or getattr(settings, "RUNNING_TESTS", False):
        return []
    try:
        if crypto.configured_keys():
            return []
    except ImproperlyConfigured:
        return []  # intake.E002 says what is wrong
    return [
        checks.Warning(
            "INTAKE_ENCRYPTION_KEYS is not set: this server encrypts cases with a "
            "random key that is gone when it restarts, and those cases then "
            "cannot be read.",
            hint="Use `make run`, which keeps a development key in "
            ".dev-encryption-key, or set INTAKE_ENCRYPTION_KEYS.",
            id="intake.W001",
        )
    ]


@checks.register(checks.Tags.database)
def unreadable_cases(
    app_configs: Any, databases: Any = None, **kwargs: Any
) -> list[checks.CheckMessage]:
    """Cases no configured key opens, with the id of the key that wrote them.

    Runs with ``manage.py check --database default`` (and before ``migrate``).
    Values carry the id of the key that wrote them (``intake.crypto``), so
    this reads no plaintext and decrypts only values older than key ids.
    """
    from django.db import DatabaseError, connections
    from django.db.models import TextField
    from django.db.models.functions import Cast

    from intake.models import Case

    try:
        known = {crypto.key_id(key) for key in crypto.keys_in_use()}
    except ImproperlyConfigured:
        return []  # intake.E001/E002 say what is wrong
    missing: dict[str, int] = {}
    for alias in databases or ():
        try:
            tables = connections[alias].introspection.table_names()
        except DatabaseError:
            continue  # the database is not there (yet)
        if Case._meta.db_table not in tables:
            # Before the first migrate. Asked first: a server-side cursor
            # over a missing table fails again when closed (PostgreSQL),
            # outside the DatabaseError below.
            continue
        rows = (
            Case.objects.using(alias)
            .annotate(raw=Cast("facts", output_field=TextField()))
            .values_list("raw", flat=True)
        )
        try:
            for raw in rows.iterator():
                kid = _unreadable_key(raw, known)
                if kid is not None:
                    missing[kid] = missing.get(kid, 0) + 1
        except DatabaseError:
            continue  # no tables yet (before the first migrate)
    return [
        checks.Error(
            f"{count} case(s) were encrypted with key {kid}, which is not in "
            "INTAKE_ENCRYPTION_KEYS, so they cannot be read "
            f"(keys configured: {', '.join(sorted(known))}).",
            hint="Put that key back in INTAKE_ENCRYPTION_KEYS, after the newest "
            "one; then `manage.py rotate_case_keys` moves the cases to the newest "
            "key and the old one can go.",
            id="intake.E004",
        )
        for kid, count in sorted(missing.items())
    ]


def _unreadable_key(raw: str | None, known: set[str]) -> str | None:
    """The key id a stored value needs when no known key opens it, else None."""
    if raw is None:
        return None
    try:
        kid = crypto.stored_key_id(raw)
    except crypto.DecryptionError:
        return "unknown (not in the expected format)"
    if kid is not None:
        return None if kid in known else kid
    try:
        crypto.decrypt_json(raw)
    except crypto.DecryptionError:
        return "unknown (written before key ids)"
    return None
