"""What the ``staff_*`` commands share."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError


def staff_account(username: str) -> Any:
    """The account with this username, or the command stops with a plain reason."""
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise CommandError("No staff account has that username.")
    return user
