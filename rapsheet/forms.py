"""The upload form and the review table's rows."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from rapsheet.extract import MAX_BYTES
from screener.counties import COUNTIES

DISPOSITIONS = [
    ("conviction", _("Conviction")),
    ("arrest", _("Arrest, no conviction")),
    ("juvenile_adjudication", _("Juvenile adjudication")),
    ("pending", _("Pending")),
]
LEVELS = [
    ("felony", _("Felony")),
    ("misdemeanor", _("Misdemeanor")),
    ("infraction", _("Infraction")),
    ("unknown", _("Unknown")),
]
SYSTEMS = [
    ("california", _("California")),
    ("other_state", _("Another state")),
    ("federal", _("Federal")),
]
PROBATION = [
    ("unknown", _("Unknown")),
    ("none", _("None")),
    ("active", _("Active")),
    ("completed", _("Completed")),
]


class UploadForm(forms.Form):
    sheet = forms.FileField(
        label=_("The client's California RAP sheet (PDF)"),
        help_text=_("A text PDF or a scan, up to %(mb)s MB and 40 pages.")
        % {"mb": MAX_BYTES // (1024 * 1024)},
    )

    def clean_sheet(self) -> Any:
        sheet = self.cleaned_data["sheet"]
        if sheet.size > MAX_BYTES:
            raise forms.ValidationError(
                _(
                    "This file is larger than %(mb)s MB. Scan it at a lower resolution, or split it."
                )
                % {"mb": MAX_BYTES // (1024 * 1024)}
            )
        return sheet


class CountForm(forms.Form):
    """One count in the review table; what staff may correct."""

    keep = forms.BooleanField(label=_("Keep"), required=False)
    offense = forms.CharField(label=_("Offense"), required=False, max_length=60)
    disposition = forms.ChoiceField(label=_("Disposition"), choices=DISPOSITIONS)
    level = forms.ChoiceField(label=_("Level"), choices=LEVELS)
    system = forms.ChoiceField(label=_("System"), choices=SYSTEMS)
    county = forms.ChoiceField(label=_("County"), required=False)
    probation = forms.ChoiceField(label=_("Probation"), choices=PROBATION)
    case_number = forms.CharField(label=_("Case number"), required=False, max_length=40)
    arrest_date = forms.DateField(label=_("Arrest date"), required=False)
    disposition_date = forms.DateField(label=_("Disposition date"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        county = cast(forms.ChoiceField, self.fields["county"])
        county.choices = [("", _("Unknown"))] + [(c, c) for c in COUNTIES]
        for field in self.fields.values():
            field.widget.attrs.setdefault("class", "review-input")

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if data.get("keep") and not (data.get("offense") or "").strip():
            self.add_error("offense", _("Write the offense code, or untick Keep."))
        return data


CountFormSet = forms.formset_factory(CountForm, extra=1, max_num=400)
