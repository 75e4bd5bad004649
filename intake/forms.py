"""Forms for the hand-off (survivor-facing, translated) and the staff pages.

The safe-contact plan follows the UK legal-aid call-back and operator apps
(research: anchors-products §2.12): how to reach the person, when, whether a
message may be left, whether the caller may say who they are, a code word,
and "contact this person instead".
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_otp.forms import OTPAuthenticationForm

from core import ratelimit
from core.forms import CHOICE, TextField, clean_phone
from intake.models import Organization, Role, Status
from intake.otp import HashedStaticDevice, SealedTOTPDevice

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

# A US number with its area code has 10 digits; E.164 allows at most 15.
MIN_DIGITS, MAX_DIGITS = 10, 15
YES_NO = [("yes", _("Yes")), ("no", _("No"))]
LANGUAGES = [("en", "English"), ("es", "Español")]
METHODS = [
    ("phone", _("Call me")),
    ("text", _("Text me")),
    ("email", _("Email me")),
]
BOX = forms.CheckboxInput(attrs={"class": "choice-input"})


def _text(label: Any, max_length: int, help_text: Any = "", **attrs: str) -> TextField:
    return TextField(
        label=label,
        max_length=max_length,
        required=False,
        help_text=help_text,
        widget=forms.TextInput(
            attrs={"class": "input", "spellcheck": "false", **attrs}
        ),
    )


def _checked_phone(phone: str) -> str:
    """A phone number a person can be called back on: 10 digits at least."""
    clean_phone(phone)
    # "-------" matches the characters above, and nobody can call it.
    if phone and not MIN_DIGITS <= sum(ch.isdigit() for ch in phone) <= MAX_DIGITS:
        raise ValidationError(
            _(
                "Enter the whole phone number, at least 10 digits with the area code, like 213 555 0147."
            ),
            code="short_phone",
        )
    return phone


class HandoffForm(forms.Form):
    """Where to send the screening, how to reach the person, and consent."""

    organization = forms.ModelChoiceField(
        label=_("Which organization should get your answers?"),
        queryset=Organization.objects.none(),
        empty_label=None,
        widget=CHOICE,
        error_messages={"required": _("Choose an organization.")},
    )
    name = _text(
        _("What name should they ask for?"),
        100,
        _("A first name or a nickname is fine."),
        autocomplete="off",
    )
    method = forms.ChoiceField(
        label=_("How should they contact you?"),
        choices=METHODS,
        widget=CHOICE,
        error_messages={"required": _("Choose how they should contact you.")},
    )
    phone = _text(_("Phone number"), 30, autocomplete="off", inputmode="tel")
    email = forms.EmailField(
        label=_("Email address"),
        required=False,
        max_length=200,
        widget=forms.EmailInput(attrs={"class": "input", "autocomplete": "off"}),
        error_messages={"invalid": _("Enter an email address like name@example.com.")},
    )
    safe_times = _text(
        _("When is it safe to contact you?"),
        200,
        _("For example: weekdays 10am to 2pm."),
    )
    leave_message = forms.ChoiceField(
        label=_("May they leave a message?"),
        choices=YES_NO,
        initial="no",
        widget=CHOICE,
    )
    say_who = forms.ChoiceField(
        label=_("May they say who they are and why they are calling?"),
        choices=YES_NO,
        initial="no",
        widget=CHOICE,
    )
    code_word = _text(
        _("A code word (optional)"),
        50,
        _("They will say it first, so you know it is them."),
        autocomplete="off",
    )
    other_person = forms.BooleanField(
        label=_("Contact someone else instead of me (for example an advocate)"),
        required=False,
        widget=BOX,
    )
    other_name = _text(_("Their name"), 100, autocomplete="off")
    other_phone = _text(
        _("Their phone number"), 30, autocomplete="off", inputmode="tel"
    )
    language = forms.ChoiceField(
        label=_("Which language should they use with you?"),
        choices=LANGUAGES,
        required=False,
        widget=CHOICE,
    )
    consent = forms.BooleanField(
        label=_(
            "I agree to send my answers and this contact plan to this organization. They will keep them private and use them only to help me."
        ),
        widget=BOX,
        error_messages={"required": _("Tick the box to agree, or go back.")},
    )

    def __init__(
        self, *args: Any, organizations: list[Organization], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.ModelChoiceField, self.fields["organization"])
        field.queryset = Organization.objects.filter(
            pk__in=[o.pk for o in organizations]
        )

    def clean_phone(self) -> str:
        return _checked_phone(self.cleaned_data["phone"])

    def clean_other_phone(self) -> str:
        return _checked_phone(self.cleaned_data["other_phone"])

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        method = cleaned.get("method")
        if method in ("phone", "text") and not cleaned.get("phone"):
            self.add_error(
                "phone", ValidationError(_("Enter a phone number."), code="required")
            )
        if method == "email" and not cleaned.get("email"):
            self.add_error(
                "email",
                ValidationError(_("Enter an email address."), code="required"),
            )
        if cleaned.get("other_person") and not cleaned.get("other_name"):
            self.add_error(
                "other_name",
                ValidationError(_("Enter the name of the person."), code="required"),
            )
        if (
            cleaned.get("other_person")
            and not cleaned.get("other_phone")
            and "other_phone" not in self.errors
        ):
            self.add_error(
                "other_phone",
                ValidationError(
                    _("Enter the phone number of the person."), code="required"
                ),
            )
        return cleaned

    def contact_plan(self) -> dict[str, Any]:
        """The plan as stored (encrypted) with the case."""
        data = self.cleaned_data
        return {
            "name": data["name"],
            "method": data["method"],
            "phone": data["phone"],
            "email": data["email"],
            "safe_times": data["safe_times"],
            "leave_message": data["leave_message"] == "yes",
            "say_who": data["say_who"] == "yes",
            "code_word": data["code_word"],
            "other_person": bool(data["other_person"]),
            "other_name": data["other_name"] if data["other_person"] else "",
            "other_phone": data["other_phone"] if data["other_person"] else "",
            # The language she chose, else the one she used on the site.
            "language": data.get("language") or (get_language() or "en")[:2],
        }


class StaffContactPlanForm(HandoffForm):
    """The hand-off's safe-contact plan, recorded by staff with the client.

    The same fields and checks as the survivor's own plan, so the case page
    reads both alike; no organisation (it is the staff member's) and no
    consent box (the client is telling staff directly).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, organizations=[], **kwargs)
        del self.fields["organization"]
        del self.fields["consent"]

    @staticmethod
    def initial_for(contact: dict[str, Any]) -> dict[str, Any]:
        """Form values from a stored plan (booleans back to yes/no)."""
        initial = dict(contact)
        for name in ("leave_message", "say_who"):
            if name in contact:
                initial[name] = "yes" if contact[name] else "no"
        return initial


SIGN_IN_FAILURES = "sign-in-failures"


def cooloff() -> int:
    """The lockout's cool-off in seconds: the window failures per address count in."""
    return max(60, int(settings.AXES_COOLOFF_TIME.total_seconds()))


def address_over_limit(request: Any) -> bool:
    """True when this address has used up its failed sign-ins (any usernames)."""
    failures = ratelimit.hits(
        SIGN_IN_FAILURES, ratelimit.client_ip(request), window=cooloff()
    )
    return failures >= settings.SIGN_IN_FAILURES_PER_ADDRESS


class StaffAuthenticationForm(OTPAuthenticationForm):
    """Username, password and code on one page, with no device picker.

    Each account has one TOTP device (``staff_add`` makes it) and may have a
    set of single-use backup codes (``staff_backup_codes``). django-otp asks
    which device a code is for, which a login page cannot know beforehand;
    the code's shape tells: six digits are the authenticator's, a backup
    code has letters. Only that one device is tried, so a wrong code never
    counts as a failed attempt against the other one (django-otp's own
    reason for not trying every device).
    """

    error_messages = {  # noqa: RUF012 - Django API
        **OTPAuthenticationForm.error_messages,
        "invalid_login": _(
            "The username, password or code is not right. Check them and try again."
        ),
    }

    # Set by Django's AuthenticationForm, which django-otp's form extends.
    user_cache: AbstractBaseUser | None

    def clean(self) -> dict[str, Any]:
        """One answer for every failure, and every failure counted.

        django-otp answers a right password with a wrong code "Invalid
        token", which tells a guesser the password is right, and that
        attempt never reached django-axes. Here a wrong password, a missing
        or wrong code, or a throttled device all get the same message; a
        failure after a right password is reported to axes like a wrong
        password (so it counts towards the lockout); and every failure
        counts towards the address's limit across usernames
        (``SIGN_IN_FAILURES_PER_ADDRESS``, password spraying).
        """
        try:
            return super().clean()
        except ValidationError:
            if self.user_cache is not None:
                user_login_failed.send(
                    sender=__name__,
                    credentials={"username": self.cleaned_data.get("username")},
                    request=self.request,
                )
                self.user_cache = None
            ratelimit.hit(
                SIGN_IN_FAILURES, ratelimit.client_ip(self.request), window=cooloff()
            )
            raise ValidationError(
                self.error_messages["invalid_login"],
                code="invalid_login",
                params={"username": self.username_field.verbose_name},
            ) from None

    def _chosen_device(self, user: Any) -> Any:
        chosen = super()._chosen_device(user)
        if chosen is not None:
            return chosen
        token = str(self.cleaned_data.get("otp_token") or "").strip()
        backup = None
        if token and not token.isdigit():
            backup = HashedStaticDevice.objects.filter(
                user=user, confirmed=True
            ).first()
        return (
            backup or SealedTOTPDevice.objects.filter(user=user, confirmed=True).first()
        )


class StatusForm(forms.Form):
    status = forms.ChoiceField(choices=Status.choices)


class AssignForm(forms.Form):
    attorney = forms.ModelChoiceField(
        queryset=get_user_model().objects.none(),
        required=False,
        empty_label=_("Nobody"),
    )

    def __init__(self, *args: Any, organization: Organization, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.ModelChoiceField, self.fields["attorney"])
        field.queryset = get_user_model().objects.filter(
            membership__organization=organization, membership__role=Role.ATTORNEY
        )


class HoldForm(forms.Form):
    hold = forms.BooleanField(required=False)


class FiltersForm(forms.Form):
    county = forms.ChoiceField(required=False)
    status = forms.ChoiceField(
        required=False, choices=[("", _("Any status")), *Status.choices]
    )

    def __init__(self, *args: Any, counties: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.ChoiceField, self.fields["county"])
        field.choices = [("", _("Any county"))] + [(c, c) for c in counties]


# --- staff: edit the facts of a stored screening ------------------------------
# Staff pages are translated like the survivor's (issue 16: Spanish-speaking
# staff work the same cases).

ANSWER_CHOICES = [
    ("yes", _("Yes")),
    ("no", _("No")),
    ("unsure", _("Unsure / not known")),
]
UNKNOWN: list[tuple[str, StrOrPromise]] = [("", _("Not known"))]
# The survivor's own choices, in the staff member's words.
DISPOSITION_CHOICES = [
    ("conviction", _("Convicted (pleaded guilty or no contest, or found guilty)")),
    ("arrest", _("Arrested, not convicted (not charged, dismissed or acquitted)")),
    ("juvenile_adjudication", _("Juvenile court decided it")),
    ("pending", _("Still open")),
]


def _level_choices() -> list[tuple[str, str]]:
    from screener.forms import LEVEL_CHOICES

    return [(value, str(label)) for value, label, _hint in LEVEL_CHOICES.values()] + [
        ("unknown", str(_("Not sure which")))
    ]


def finding_choices(findings: list[str]) -> list[tuple[str, str]]:
    """Each finding in the survivor's plain words, with its code for staff."""
    from screener.forms import finding_label

    return [(code, f"{finding_label(code)} ({code})") for code in findings]


def findings_offered(records: list[dict[str, Any]]) -> list[str]:
    """The findings the survivor's question asks about, and any already stored.

    The question asks, per record, only what could make it a violent felony
    (``screener.rules.findings_for``); staff may change the offense on the
    same page, so every finding the questions know is offered, those for
    the stored offenses first, and a stored finding the questions never ask
    about is kept rather than dropped.
    """
    from screener.forms import FINDING_LABELS
    from screener.rules import findings_for

    offered: list[str] = []
    for record in records:
        offense, level = record.get("offense") or "", record.get("level") or "felony"
        offered += findings_for(offense, level, as_of=timezone.localdate())
        offered += [str(code) for code in record.get("enhancements") or []]
    offered += list(FINDING_LABELS)
    return list(dict.fromkeys(offered))


class RecordFactsForm(forms.Form):
    """The facts of one record that the rules turn on.

    Only shape is checked here; the contract's own checks
    (``screener.rules.facts.read_facts``) run on the whole case afterwards, and
    their errors are put on these fields. The offense text is bounded only
    loosely here so that the contract's limit is the one that speaks.
    """

    offense = forms.CharField(
        label=_("Offense (code section)"), required=False, max_length=1000
    )
    level = forms.ChoiceField(label=_("Level"), required=False)
    disposition = forms.ChoiceField(
        label=_("What happened in the case"), required=False
    )
    county = forms.ChoiceField(label=_("County"), required=False)
    while_victimized = forms.ChoiceField(
        label=_("Committed while being victimized"), choices=ANSWER_CHOICES
    )
    direct_result = forms.ChoiceField(
        label=_("A direct result of the victimization"), choices=ANSWER_CHOICES
    )
    enhancements = forms.MultipleChoiceField(
        label=_("Did the court find any of these were true?"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick all that were found true. None ticked: none were."),
    )
    enhancements_unknown = forms.BooleanField(
        label=_("Not known whether any of these was found true"), required=False
    )

    def __init__(
        self, *args: Any, findings: list[str] | None = None, **kwargs: Any
    ) -> None:
        from screener.counties import COUNTIES

        super().__init__(*args, **kwargs)
        choice_fields = cast(dict[str, forms.ChoiceField], self.fields)
        choice_fields["level"].choices = UNKNOWN + _level_choices()
        choice_fields["disposition"].choices = UNKNOWN + DISPOSITION_CHOICES
        choice_fields["county"].choices = UNKNOWN + [(c, c) for c in COUNTIES]
        choice_fields["enhancements"].choices = finding_choices(
            findings if findings is not None else findings_offered([])
        )

    @staticmethod
    def initial_for(record: dict[str, Any]) -> dict[str, Any]:
        """Form values from a contract record."""
        found = record.get("enhancements")
        return {
            "offense": record.get("offense") or "",
            "level": record.get("level") or "",
            "disposition": record.get("disposition") or "",
            "county": record.get("county") or "",
            "while_victimized": record.get("while_victimized") or "unsure",
            "direct_result": record.get("direct_result") or "unsure",
            "enhancements": list(found or []),
            "enhancements_unknown": found is None,
        }

    def record_changes(self) -> dict[str, Any]:
        """The contract fields these answers set (blank means unknown: null)."""
        data = self.cleaned_data
        return {
            "offense": data["offense"].strip() or None,
            "level": data["level"] or None,
            "disposition": data["disposition"] or None,
            "county": data["county"] or None,
            "while_victimized": data["while_victimized"],
            "direct_result": data["direct_result"],
            "enhancements": None
            if data["enhancements_unknown"]
            else list(data["enhancements"]),
        }


RecordFactsFormSet = forms.formset_factory(RecordFactsForm, extra=0)


class PersonFactsForm(forms.Form):
    """The victimization facts shared by every record."""

    ongoing = forms.ChoiceField(
        label=_("Victimization still happening now"), choices=ANSWER_CHOICES
    )
    sought_services = forms.ChoiceField(
        label=_("Has sought services for it"), choices=ANSWER_CHOICES
    )


class NoteForm(forms.Form):
    """A note on a case."""

    text = forms.CharField(
        label=_("Add a note"),
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 4, "class": "textarea"}),
        help_text=_("Stored encrypted with the case and deleted with it."),
    )
