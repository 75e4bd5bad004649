"""Form pieces the survivor's and legal aid's forms share.

What a person types may end up printed in a court paper (petitions) or read
aloud by a caller (intake), so every app cleans free text and phone numbers
the same way, and draws a field with the same partial
(``templates/core/_field.html``).
"""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Bidirectional overrides and isolates can make printed text read differently
# from what was typed (security research §7, A7); they have no place in a
# court paper. Other control characters except line breaks go too; NUL is
# left for Django's validator, which explains the error to the person.
_HIDDEN_CONTROLS = re.compile(
    "[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e"
    "\u2066-\u2069\ufdd0-\ufdef\ufffe\uffff]"
)
PHONE = re.compile(r"^[0-9+().\-\s]{7,30}$")

# The screener's large touch targets (static/screener/app.css).
CHOICE = forms.RadioSelect(attrs={"class": "choice-input"})


def clean_text(value: str) -> str:
    """The text without hidden control characters or surrounding spaces."""
    return _HIDDEN_CONTROLS.sub("", value).strip()


class TextField(forms.CharField):
    """A CharField that drops hidden control characters."""

    def to_python(self, value: Any) -> str:
        # empty_value is "", so CharField gives a str here, never None.
        return clean_text(super().to_python(value) or "")


def clean_phone(phone: str) -> str:
    """A phone number in the characters people write one with; blank passes.

    Whether a blank is allowed, and how many digits make a number someone can
    call back, is each form's own question.
    """
    if phone and not PHONE.match(phone):
        raise ValidationError(
            _("Enter a phone number using digits, spaces, dashes or brackets."),
            code="invalid_phone",
        )
    return phone
