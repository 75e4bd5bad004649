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
            hint="Keep AXES_CLIENT_IP_CALLABLE = 'screener.ratelimit.client_ip'.",
            id="intake.E003",
        )
    ]
