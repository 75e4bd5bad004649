"""The optional details asked only when drafting.

Nothing here is required: an empty form still produces a packet, with
marked blanks where facts are missing. Validation only keeps out what would
make a court paper wrong or unsafe (control characters, text direction
overrides, absurd lengths) and says so in plain words next to the field.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.forms import CHOICE, PHONE, TextField, clean_phone, clean_text
from petitions.counties import county_lookup
from petitions.packet import (
    ELSEWHERE_IN_COUNTY,
    EVIDENCE_ITEMS,
    PARTNER_OR_SEXUAL_VIOLENCE,
    TRAFFICKING,
    CandidateRecord,
)

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

CASE_NUMBER = re.compile(r"^[A-Za-z0-9][A-Za-z0-9\-/. ]{0,39}$")
BAR_NUMBER = re.compile(r"^[0-9]{1,8}$")

STATUTE_LABELS: dict[str, Any] = {
    TRAFFICKING: _("Penal Code § 236.14 (human trafficking)"),
    PARTNER_OR_SEXUAL_VIOLENCE: _(
        "Penal Code § 236.15 (intimate partner violence or sexual violence)"
    ),
}
EVIDENCE_CHOICES = [
    ("not_sharing", _("Not sharing, or I don't have it")),
    ("will_obtain", _("I will get it")),
    ("attached", _("I will attach it")),
]


def _text(
    label: StrOrPromise, max_length: int, help_text: StrOrPromise = "", rows: int = 0
) -> TextField:
    attrs = {"class": "input", "spellcheck": "false"}
    widget = (
        forms.Textarea(attrs=attrs | {"rows": rows})
        if rows
        else forms.TextInput(attrs=attrs)
    )
    return TextField(
        label=label,
        max_length=max_length,
        required=False,
        help_text=help_text,
        widget=widget,
    )


FILE_FORMATS = [
    ("pdf", _("PDF, ready to print and file (all the papers)")),
    ("docx", _("Word document you can edit (all the papers)")),
]
STATEMENT_LANGUAGE_CHOICES = [("en", _("English")), ("es", _("Spanish"))]

# Attorney mode (a legal-aid attorney drafting from a case): the same form
# speaks to the attorney about "your client". Staff pages are English only,
# so these labels are plain strings.
ATTORNEY_LABELS = {
    "name": ("Your client's name", "Leave blank to fill in by hand later."),
    "use_initials": ("Use only your client's initials in the court papers", ""),
    "mailing_address": ("Your client's mailing address", "Up to 4 lines."),
    "phone": (
        "Your client's phone number",
        "Printed only if you leave the attorney block empty.",
    ),
    "city_signed": ("City where your client will sign the declaration", ""),
    "began": ("When did the victimization begin?", "A month and year is enough."),
    "ended": ("When did it end?", "Or that it has not ended."),
    "control": ("Who controlled your client, and what did they control?", ""),
    "direct_result": (
        "How was each offense the direct result of the victimization?",
        "In your client's own words.",
    ),
    "left_or_services": ("When did your client leave, or first get help?", ""),
    "safety": ("Your client's safety concerns about filing (optional)", ""),
    "statement_language": (
        "Language your client's statement is written in",
        "A statement not in English keeps its words, with an English translation to complete and a translator's declaration.",
    ),
}


def _four_lines(address: str) -> str:
    lines = [line for line in address.splitlines() if line.strip()]
    if len(lines) > 4:
        raise ValidationError(
            _("Use 4 lines or fewer for the address."), code="too_many_lines"
        )
    return "\n".join(line.strip() for line in lines)


class DraftDetailsForm(forms.Form):
    """Details for the packet; every field optional."""

    file_format = forms.ChoiceField(
        label=_("Which file do you want?"),
        choices=FILE_FORMATS,
        initial="pdf",
        required=False,
        widget=CHOICE,
    )

    name = _text(
        _("Your name, or your initials"),
        100,
        _("Leave blank to fill in by hand later."),
    )
    use_initials = forms.BooleanField(
        label=_("Use only my initials in the court papers"),
        required=False,
        initial=True,
        widget=forms.CheckboxInput(attrs={"class": "choice-input"}),
    )
    mailing_address = _text(
        _("Mailing address"),
        200,
        _("A Safe at Home address is fine. Up to 4 lines."),
        rows=4,
    )
    phone = _text(_("Phone number"), 30, _("Leave blank if you have none."))
    city_signed = _text(_("City where you will sign"), 60)
    service_date = forms.DateField(
        label=_("Date the papers will be given to the prosecutor"),
        required=False,
        help_text=_(
            "Leave blank if you don't know yet: the person who serves the "
            "papers writes the date by hand."
        ),
        widget=forms.DateInput(attrs={"type": "date", "class": "input"}),
        error_messages={
            "invalid": _("Enter the date as year-month-day, for example 2026-12-01.")
        },
    )
    began = _text(_("When did it begin?"), 200, _("A month and year is enough."))
    ended = _text(_("When did it end?"), 200, _("Or say that it has not ended."))
    control = _text(
        _("Who controlled you, and what did they control?"),
        3000,
        _("For example money, your ID, your phone, where you lived or worked."),
        rows=5,
    )
    direct_result = _text(
        _("How did the offense happen because of what was done to you?"),
        5000,
        _("In your own words. For example threats, quotas, or being forced."),
        rows=8,
    )
    left_or_services = _text(
        _("When did you leave, or first get help?"),
        1000,
        _("For example a shelter, advocate, hotline or caseworker."),
        rows=3,
    )
    safety = _text(_("Any safety concerns about filing? (optional)"), 2000, rows=3)
    statement_language = forms.ChoiceField(
        label=_("Which language did you write your answers in?"),
        choices=STATEMENT_LANGUAGE_CHOICES,
        initial="en",
        required=False,
        help_text=_(
            "Your words go in the papers as you wrote them. If they are in "
            "Spanish, the court also needs an English translation: the papers "
            "leave space for it."
        ),
        widget=CHOICE,
    )

    def __init__(
        self,
        *args: Any,
        statutes: Sequence[str] = (),
        records: Sequence[CandidateRecord] = (),
        attorney: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.records = list(records)
        self.attorney = attorney
        if attorney:
            self._speak_to_the_attorney()
        if len(statutes) > 1:
            self.fields["statute"] = forms.ChoiceField(
                label=_("Which law should the petition use?"),
                choices=[(s, STATUTE_LABELS[s]) for s in statutes],
                initial=statutes[0],
                required=False,  # unanswered means the default, § 236.14
                help_text=_("A lawyer can help you choose the stronger one."),
                widget=CHOICE,
            )
        for key, label in EVIDENCE_ITEMS:
            # The packet prints the English label; the page shows it translated
            # (listed for extraction in screener.data_strings.EVIDENCE_LABELS).
            self.fields[f"evidence_{key}"] = forms.ChoiceField(
                label=_(label),
                choices=EVIDENCE_CHOICES,
                initial="not_sharing",
                required=False,
                widget=CHOICE,
            )
        for record in self.records:
            self._add_record_fields(record)

    def _speak_to_the_attorney(self) -> None:
        """Attorney mode: counsel's block, and questions about "your client"."""
        for name, (label, help_text) in ATTORNEY_LABELS.items():
            self.fields[name].label = label
            self.fields[name].help_text = help_text
        self.fields["attorney_name"] = _text("Attorney's name", 100)
        self.fields["attorney_bar_number"] = _text("State Bar number", 8)
        self.fields["attorney_firm"] = _text("Firm or organization", 150)
        self.fields["attorney_address"] = _text(
            "Attorney's mailing address", 200, "Up to 4 lines.", rows=4
        )
        self.fields["attorney_phone"] = _text("Attorney's phone number", 30)
        self.fields["attorney_email"] = forms.EmailField(
            label="Attorney's email",
            required=False,
            max_length=200,
            widget=forms.EmailInput(attrs={"class": "input", "spellcheck": "false"}),
            error_messages={"invalid": "Enter an email address like name@example.org."},
        )

    def _add_record_fields(self, record: CandidateRecord) -> None:
        index = record.index
        self.fields[f"case_number_{index}"] = forms.CharField(
            label=_("Case number for %(offense)s") % {"offense": record.offense_code},
            max_length=40,
            required=False,
            help_text=_("Leave blank if you don't know it."),
            widget=forms.TextInput(attrs={"class": "input", "spellcheck": "false"}),
        )
        county = county_lookup(record.county_name)
        if county and county.city_prosecutors and record.is_misdemeanor_or_lower:
            # The city of arrest decides who prosecuted a misdemeanor: some
            # cities' own attorneys do, the district attorney elsewhere.
            choices: list[tuple[str, StrOrPromise]] = [("", _("I'm not sure"))]
            choices += [
                (c.city or "", c.city or c.name) for c in county.city_prosecutors
            ]
            choices.append(
                (
                    ELSEWHERE_IN_COUNTY,
                    _("Somewhere else in %(county)s County") % {"county": county.name},
                )
            )
            label = (
                "In which city was your client arrested for %(offense)s?"
                if self.attorney
                else _("In which city were you arrested for %(offense)s?")
            )
            self.fields[f"prosecutor_{index}"] = forms.ChoiceField(
                label=label % {"offense": record.offense_code},
                choices=choices,
                required=False,
                help_text=_(
                    "It tells us which office prosecuted the case and must get "
                    "the papers. If you're not sure, the papers leave it blank "
                    "and explain how to find it."
                ),
                widget=forms.Select(attrs={"class": "select"}),
            )

    def clean_phone(self) -> str:
        return clean_phone(self.cleaned_data["phone"])

    def clean_mailing_address(self) -> str:
        return _four_lines(self.cleaned_data["mailing_address"])

    def clean_attorney_address(self) -> str:
        return _four_lines(self.cleaned_data["attorney_address"])

    def clean_attorney_phone(self) -> str:
        phone = self.cleaned_data["attorney_phone"]
        if phone and not PHONE.match(phone):
            raise ValidationError(
                "Enter a phone number using digits, spaces, dashes or brackets.",
                code="invalid_phone",
            )
        return phone

    def clean_attorney_bar_number(self) -> str:
        number = self.cleaned_data["attorney_bar_number"]
        if number and not BAR_NUMBER.match(number):
            raise ValidationError(
                "Enter the State Bar number as digits only.", code="invalid_bar"
            )
        return number

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        cleaned["attorney_mode"] = self.attorney
        for record in self.records:
            key = f"case_number_{record.index}"
            number = clean_text(cleaned.get(key) or "")
            if number and not CASE_NUMBER.match(number):
                self.add_error(
                    key,
                    ValidationError(
                        _("Use only letters, numbers, dashes, slashes and dots."),
                        code="invalid_case_number",
                    ),
                )
            elif key in cleaned:
                cleaned[key] = number
        return cleaned
