"""One form per question page. Forms validate input; they never decide
eligibility (that is the rules' job, asked through ``questionnaire``).

Every form has one question, which the page shows as its ``<h1>`` (or the
legend of its fieldset), an optional hint, and for sensitive questions a
"why we ask" text. Sensitive questions are never required: a survivor can
always skip them, and a skipped answer counts as "not sure".
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.core.validators import ProhibitNullCharactersValidator
from django.utils.functional import Promise
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from screener.citations import offense_code
from screener.counties import COUNTIES
from screener.rules.search import is_dont_know

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

# Neutral step names: they appear in URLs and so in browser history.
SYSTEM = "q1"
HAPPENED = "q2"
OFFENSE = "q3"
PICK = "q4"
LEVEL = "q5"
FINDINGS = "q6"
COUNTY = "q7"
HARM = "q8"
DURING = "q9"
BECAUSE = "q10"
ONGOING = "q11"
HELP = "q12"
IMMIGRATION = "q13"
FEDERAL_PRISON = "q14"

# Questions about the person, asked once per screening, not once per case.
PERSON_STEPS = (HARM, ONGOING, HELP, IMMIGRATION)

PICK_TYPED = "typed"
PICK_UNKNOWN = "unknown"
NOT_SURE = "unsure"
QUERY_MAX = 200

Choice = tuple[str, Promise | str, Promise | str | None]


class QuestionForm(forms.Form):
    """A one-question page. ``choices`` carry a label and an optional hint."""

    question: Promise | str = ""
    hint: Promise | str | None = None
    why: Promise | str | None = None
    caption: Promise | str = _("About this case")
    sensitive = False
    choices: tuple[Choice, ...] = ()
    # How the answer field is shown: radio, checkbox, select or text.
    kind = "radio"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if "answer" in self.fields and self.choices:
            answer = cast(forms.ChoiceField, self.fields["answer"])
            answer.choices = [(value, label) for value, label, _hint in self.choices]
        for field in self.fields.values():
            field.error_messages["required"] = self.required_message()

    def required_message(self) -> StrOrPromise:
        return _("Choose one answer.")


class SystemForm(QuestionForm):
    question = _("Which court handled the case?")
    hint = _(
        "It says on your court papers. If you are not sure, choose “I’m not sure”."
    )
    choices = (
        ("california", _("A California court"), _("This includes juvenile court.")),
        ("federal", _("A federal (United States) court"), None),
        ("other_state", _("A court in another state"), None),
        (NOT_SURE, _("I’m not sure"), None),
    )
    answer = forms.ChoiceField(widget=forms.RadioSelect)


class HappenedForm(QuestionForm):
    question = _("What happened in the case?")
    choices = (
        (
            "conviction",
            _("I was convicted"),
            _("You pleaded guilty or no contest, or were found guilty."),
        ),
        (
            "arrest",
            _("I was arrested but not convicted"),
            _(
                "You were never charged, the case was dismissed, or you were found not guilty."
            ),
        ),
        (
            "juvenile_adjudication",
            _("It was in juvenile court"),
            _("You were under 18 and the juvenile court decided the case."),
        ),
        ("pending", _("The case is still open"), _("It has not ended yet.")),
        (NOT_SURE, _("I’m not sure"), None),
    )
    answer = forms.ChoiceField(widget=forms.RadioSelect)


class OffenseForm(QuestionForm):
    question = _("What was the charge?")
    hint = _("Type the code, like 647(b) or 11350, or a few words, like “theft”.")
    kind = "text"
    query = forms.CharField(
        label=_("Code or words"),
        required=False,
        max_length=QUERY_MAX,
        strip=True,
    )
    dont_know = forms.BooleanField(label=_("I don’t know the charge"), required=False)

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if data.get("query") and is_dont_know(data["query"]):
            # "no sé", "idk", "not sure": the "I don't know" path, never a
            # search (which once listed explosives for "no sé").
            data["query"] = ""
            data["dont_know"] = True
        if not data.get("query") and not data.get("dont_know"):
            raise forms.ValidationError(
                _("Type the charge, or check “I don’t know the charge”."),
                code="required",
            )
        return data


class PickForm(QuestionForm):
    """The catalog's matches for what was typed, plus two ways out."""

    question = _("Which one is it?")
    hint = _("These are the charges that match what you typed.")
    answer = forms.ChoiceField(widget=forms.RadioSelect)

    def __init__(self, *args: Any, matches: Sequence[Any] = (), query: str = "",
                 **kwargs: Any) -> None:  # fmt: skip
        # Offense titles are catalog data; the common ones are translated
        # through screener.data_strings, the rest stay in English.
        # Codes too are written the page's way ("Código Penal, art. 211").
        language = get_language() or "en"
        own: list[Choice] = [
            (
                m.code,
                f"{offense_code(m.code, language=language)}: {gettext(m.title)}",
                None,
            )
            for m in matches
        ]
        if query:
            own.append(
                (
                    PICK_TYPED,
                    _("None of these. Use what I typed: %(query)s") % {"query": query},
                    None,
                )
            )
        own.append((PICK_UNKNOWN, _("I don’t know"), None))
        self.choices = tuple(own)
        super().__init__(*args, **kwargs)


LEVEL_CHOICES: dict[str, Choice] = {
    "felony": (
        "felony",
        _("A felony"),
        _("A more serious crime. The sentence can be state prison."),
    ),
    "misdemeanor": (
        "misdemeanor",
        _("A misdemeanor"),
        _("A less serious crime. The most jail time is one year."),
    ),
    "infraction": ("infraction", _("An infraction"), _("Like a ticket. No jail time.")),
}


class LevelForm(QuestionForm):
    question = _("Was it a felony, a misdemeanor or an infraction?")
    hint = _("It says on your court papers or your record.")
    answer = forms.ChoiceField(widget=forms.RadioSelect)

    def __init__(self, *args: Any, levels: Sequence[str] = (), **kwargs: Any) -> None:
        wanted = [level for level in LEVEL_CHOICES if level in levels] or list(
            LEVEL_CHOICES
        )
        self.choices = (
            *(LEVEL_CHOICES[level] for level in wanted),
            ("unknown", _("I’m not sure"), None),
        )
        super().__init__(*args, **kwargs)


# Plain words for the findings and enhancements the rules may ask about.
FINDING_LABELS: dict[str, Promise] = {
    "person_present": _(
        "Someone else was in the home at the time (not a person who took part)"
    ),
    "PC 12022.7": _("Someone was seriously hurt (great bodily injury)"),
    "PC 12022.8": _("Someone was seriously hurt during a sex crime"),
    "PC 12022.9": _("A pregnant person was hurt and lost the pregnancy"),
    "PC 12022.5": _("A gun was used"),
    "PC 12022.53": _("A gun was used (a longer added sentence)"),
    "PC 12022.55": _("A gun was fired from a car"),
    "PC 12022.3": _("A gun or weapon was used or carried in a sex crime"),
    "PC 186.22": _("It was found to be gang-related"),
}
NONE_OF_THESE = "none"


def finding_label(finding: str) -> Promise | str:
    return FINDING_LABELS.get(finding) or _("A finding under %(code)s") % {
        "code": finding
    }


class FindingsForm(QuestionForm):
    question = _("Did the court find any of these were true?")
    hint = _("Choose all that apply. If you don’t know, choose “I’m not sure”.")
    why = _(
        "Some of these make a crime count as “violent” under California law. That can change which help is open to you."
    )
    kind = "checkbox"
    answer = forms.MultipleChoiceField(widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args: Any, findings: Sequence[str] = (), **kwargs: Any) -> None:
        self.choices = (
            *((f, finding_label(f), None) for f in findings),
            (NONE_OF_THESE, _("None of these"), None),
            (NOT_SURE, _("I’m not sure"), None),
        )
        super().__init__(*args, **kwargs)

    def clean_answer(self) -> list[str]:
        answer: list[str] = self.cleaned_data["answer"]
        exclusive = {NONE_OF_THESE, NOT_SURE} & set(answer)
        if exclusive and len(answer) > 1:
            raise forms.ValidationError(
                _("Choose “None of these” or “I’m not sure” on its own."),
                code="exclusive",
            )
        return answer

    def required_message(self) -> StrOrPromise:
        return _("Choose at least one answer.")


class CountyForm(QuestionForm):
    question = _("Which county was the case in?")
    hint = _("This helps us find free legal help near the court.")
    kind = "select"
    choices = (
        ("", _("Choose a county"), None),
        *((county, county, None) for county in COUNTIES),
        (NOT_SURE, _("I’m not sure"), None),
    )
    answer = forms.ChoiceField()

    def required_message(self) -> StrOrPromise:
        return _("Choose a county, or “I’m not sure”.")


class HarmForm(QuestionForm):
    question = _("Has someone done any of these things to you?")
    hint = _("Choose all that apply. You can skip this question.")
    why = _(
        "California has special ways to clear a record for people who were hurt in these ways. Your answer stays private and is deleted when you leave."
    )
    caption = _("About you")
    sensitive = True
    kind = "checkbox"
    choices = (
        (
            "human_trafficking",
            _("Made me work or trade sex"),
            _(
                "Someone forced, tricked or pressured you to work or to trade sex, or you traded sex when you were under 18. This is called human trafficking."
            ),
        ),
        (
            "intimate_partner_violence",
            _("A partner hurt or controlled me"),
            _(
                "A partner or ex-partner hurt you, threatened you, or controlled your life. This is called intimate partner violence."
            ),
        ),
        (
            "sexual_violence",
            _("Someone forced sexual contact on me"),
            _(
                "Someone made you have sexual contact you did not want. This is called sexual violence."
            ),
        ),
        (NONE_OF_THESE, _("None of these"), None),
    )
    answer = forms.MultipleChoiceField(
        widget=forms.CheckboxSelectMultiple, required=False
    )

    def clean_answer(self) -> list[str]:
        answer: list[str] = self.cleaned_data["answer"]
        if NONE_OF_THESE in answer and len(answer) > 1:
            raise forms.ValidationError(
                _("Choose “None of these” on its own."), code="exclusive"
            )
        return answer


YES_NO_UNSURE: tuple[Choice, ...] = (
    ("yes", _("Yes"), None),
    ("no", _("No"), None),
    (NOT_SURE, _("I’m not sure"), None),
)


class SkippableForm(QuestionForm):
    """Yes / no / not sure, and skipping counts as not sure."""

    sensitive = True
    choices = YES_NO_UNSURE
    answer = forms.ChoiceField(widget=forms.RadioSelect, required=False)


class DuringForm(SkippableForm):
    question = _("Did this happen while that was happening to you?")
    hint = _("You can skip this question.")
    why = _(
        "The law can clear a record when the crime happened while you were being hurt in this way."
    )


class BecauseForm(SkippableForm):
    question = _("Did it happen because of what was done to you?")
    hint = _(
        "For example, someone made you do it, or you did it to survive or to stay safe. You can skip this question."
    )
    why = _(
        "A judge will ask if the crime was a result of what was done to you. You do not need proof to answer."
    )


class OngoingForm(SkippableForm):
    question = _("Is any of this still happening to you?")
    hint = _("You can skip this question.")
    why = _(
        "If you are not safe now, we will show you people who can help right away, before anything else."
    )
    caption = _("About you")


class HelpForm(SkippableForm):
    question = _("Have you ever asked anyone for help with what happened?")
    hint = _(
        "For example, an advocate, a shelter, a hotline, a case worker or a lawyer. You can skip this question."
    )
    why = _("Some ways to clear a record ask about this. Help from anyone counts.")
    caption = _("About you")


class ImmigrationForm(SkippableForm):
    """Kept only in the encrypted session, like every answer; never counted."""

    question = _("Are you a U.S. citizen?")
    hint = _("You can skip this question.")
    why = _(
        "Some ways to clear a record help with immigration and some do not. We ask only to show you which. Your answer is deleted when you leave."
    )
    caption = _("About you")


class FederalPrisonForm(SkippableForm):
    """TSRA's "covered prisoner": one who "is, or was previously, imprisoned"
    on the federal case (18 U.S.C. § 3771A; docs/screening-api.md,
    ``records[].federal_prison``). A level B conviction cannot be vacated, but
    a covered prisoner may ask for a shorter sentence: without this answer the
    rules can only say "possible".
    """

    question = _("Are you in federal prison for this case now, or were you ever?")
    hint = _(
        "A shorter sentence may be possible for people who are or were in federal prison. You can skip this question."
    )


STEP_FORMS: list[tuple[str, type[QuestionForm]]] = [
    (SYSTEM, SystemForm),
    (HAPPENED, HappenedForm),
    (OFFENSE, OffenseForm),
    (PICK, PickForm),
    (LEVEL, LevelForm),
    (FINDINGS, FindingsForm),
    (COUNTY, CountyForm),
    # A question about this case, so with the case's questions, before the
    # questions about the person.
    (FEDERAL_PRISON, FederalPrisonForm),
    (HARM, HarmForm),
    (DURING, DuringForm),
    (BECAUSE, BecauseForm),
    (ONGOING, OngoingForm),
    (HELP, HelpForm),
    (IMMIGRATION, ImmigrationForm),
]

# Django's CharField already refuses NUL bytes; keep the validator explicit
# on free text so a refactor cannot lose it.
OffenseForm.base_fields["query"].validators.append(ProhibitNullCharactersValidator())
