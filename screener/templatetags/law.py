"""Template filters that show the law the way the page's language writes it.

``{{ "PC 647(b)"|offense_code }}`` is "PC 647(b)" on an English page and
"Código Penal, art. 647(b)" on a Spanish one; ``{{ cite|law_cite }}`` does
the same for a citation and drops research notes (``screener.citations``).
"""

from __future__ import annotations

from django import template
from django.utils.translation import get_language

from screener import citations

register = template.Library()


@register.filter
def offense_code(code: str | None) -> str:
    return citations.offense_code(code, language=get_language() or "en")


@register.filter
def law_cite(cite: str | None) -> str:
    return citations.survivor_cite(cite, language=get_language() or "en").text


@register.filter
def tel_href(phone: str | None) -> str:
    """ "(213) 555-0100" -> "tel:2135550100": what a phone dials from a link."""
    digits = "".join(ch for ch in str(phone or "") if ch.isdigit() or ch == "+")
    return f"tel:{digits}" if digits else ""
