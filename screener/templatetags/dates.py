"""``{{ value|long_date }}``: a date as the reader's language writes it.

Spanish pages say "1 de diciembre de 2026", English ones "Dec. 1, 2026",
instead of the ISO "2026-12-01" a survivor may misread (day and month swap
between countries). Accepts a ``date`` or the ISO text the rules return
(``as_of``); anything else is shown as it is, never an error.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django import template
from django.utils import formats

register = template.Library()


@register.filter
def long_date(value: Any) -> Any:
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value)
        except ValueError:
            return value
    if not isinstance(value, date):
        return value
    return formats.date_format(value, "DATE_FORMAT")
