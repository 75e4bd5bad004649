"""The form pieces every app shares (core/forms.py): one cleaning, one message."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from core.forms import TextField, clean_phone


def test_free_text_loses_hidden_direction_overrides_and_controls() -> None:
    field = TextField(required=False)
    # U+202E would print "evil" reversed in a court paper; U+0007 is a bell.
    assert field.clean("  Ana\u202e lives\u0007 here \n") == "Ana lives here"


def test_line_breaks_stay_in_free_text() -> None:
    assert TextField(required=False).clean("1 Main St\nFresno") == "1 Main St\nFresno"


@pytest.mark.parametrize("phone", ["", "213 555 0147", "+1 (213) 555-0147"])
def test_phone_numbers_as_people_write_them_pass(phone: str) -> None:
    assert clean_phone(phone) == phone


@pytest.mark.parametrize("phone", ["call me", "555", "213-555-0147 ext 2"])
def test_anything_else_is_refused_with_a_plain_message(phone: str) -> None:
    with pytest.raises(ValidationError) as refused:
        clean_phone(phone)
    assert refused.value.code == "invalid_phone"
    assert "digits, spaces, dashes or brackets" in str(refused.value.messages)
