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
