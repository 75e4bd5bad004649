"""The screening wizard: one question per page, answers never lost.

Built on formtools' NamedUrlSessionWizardView, with the fixes the research
calls for (shared/research/security-reliability-performance.md §2):

- each step has its own neutral URL (``/q/q3/``) and every valid POST
  redirects (post/redirect/get), so refresh never re-posts (#166) and the
  browser's Back button shows the previous question, filled in;
- GET never resets the wizard; only ``begin`` and the check page do;
- the step in the URL and in the management form must agree and be a step
  that applies and whose earlier steps are all answered, else 400 (tampering,
  stale replays) instead of formtools' 500 (#38);
- ``wizard_goto_step`` only goes back, and saves what was typed first (#284);
  the page's back link is a plain GET link, so it never depends on POST;
- only the current form's own fields are stored (junk fields are dropped);
- storage is encrypted with the visitor's key (``wizard_storage``).

Which steps apply and what they offer is ``screener.questionnaire``'s to
say: this view reads its storage into answers (``answers``) and asks.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import SuspiciousOperation
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from formtools.wizard.forms import ManagementForm
from formtools.wizard.views import NamedUrlSessionWizardView

from core import visitor_store
from screener import forms as f
from screener import questionnaire as q

URL_NAME = "screener:step"
DONE = "end"


@method_decorator([sensitive_post_parameters(), never_cache], name="dispatch")
class ScreeningWizard(NamedUrlSessionWizardView):
    form_list = f.STEP_FORMS
    storage_name = "screener.wizard_storage.EncryptedSessionStorage"
    template_name = "screener/step.html"
    _answers: q.Answers | None = None  # read once per request, again after a save
    _steps: list[str] | None = None

    def get_prefix(self, request: Any, *args: Any, **kwargs: Any) -> str:
        return "s"

    def answers(self) -> q.Answers:
        """The valid stored answers (``questionnaire.clean``)."""
        if self._answers is None:
            self._answers = q.clean(self.storage.data[self.storage.step_data_key])
        return self._answers

    def save_step(self, step: str, form: Any) -> None:
        """Store this form's own fields only, plus a mark that it was seen."""
        keep = {form.add_prefix(name) for name in form.fields}
        data = {k: v for k, v in form.data.lists() if k in keep}
        data[q.SEEN] = ["1"]
        self.storage.set_step_data(step, data)
        self._answers = self._steps = None

    def get_form_list(self) -> dict[str, Any]:
        """The steps that apply, as the questionnaire says.

        Instead of formtools' ``condition_dict``, whose list formtools caches
        on the view (stale once an answer is saved) and whose conditions
        would recurse through ``get_cleaned_data_for_step`` (formtools #247).
        """
        if self._steps is None:
            ask_person = bool(self.storage.extra_data.get("ask_person", True))
            self._steps = q.asked(self.answers(), ask_person=ask_person)
        return {step: q.FORMS[step] for step in self._steps}

    def get_form_kwargs(self, step: str | None = None) -> dict[str, Any]:
        return q.form_kwargs(step or self.steps.current, self.answers())

    # --- navigation ---------------------------------------------------------

    def first_open_step(self) -> str:
        """The first step that applies and has no valid answer yet."""
        answers = self.answers()
        for step in self.get_form_list():
            if step not in answers:
                return step
        return DONE

    def is_reachable(self, step: str) -> bool:
        """A step applies and every step before it has a valid answer.

        This is what stops both forward jumps by URL and stale replays (a
        POST for a later step after the answers were deleted).
        """
        steps = list(self.get_form_list())
        if step not in steps:
            return False
        return all(s in self.answers() for s in steps[: steps.index(step)])

    def get(self, *args: Any, **kwargs: Any) -> HttpResponse:
        """Show a step from storage; never reset (formtools' GET does)."""
        step = kwargs.get("step")
        if step == DONE:
            return super().get(*args, **kwargs)
        if step is None or not self.is_reachable(step):
            return redirect(self.get_step_url(self.first_open_step()))
        self.storage.current_step = step
        return self.render(self.form_from_storage(step))

    def form_from_storage(self, step: str) -> Any:
        """A filled-in form: bound if the stored answer is valid, else initial.

        Partial answers saved by going back are shown without error messages.
        """
        data = self.storage.get_step_data(step)
        form = self.get_form(step, data=data)
        if data is None or form.is_valid():
            return form
        initial = {name: data.getlist(form.add_prefix(name)) for name in form.fields}
        form = self.get_form(step)
        for name, values in initial.items():
            multiple = getattr(form.fields[name], "widget", None)
            form.initial[name] = (
                values if getattr(multiple, "allow_multiple_selected", False)
                else (values[0] if values else None)
            )  # fmt: skip
        return form

    def post(self, *args: Any, **kwargs: Any) -> HttpResponse:
        """Check the step, save a valid answer, redirect to what comes next."""
        step = kwargs.get("step")
        management = ManagementForm(self.request.POST, prefix=self.prefix)
        if (
            not management.is_valid()
            or management.cleaned_data["current_step"] != step
            or not self.is_reachable(step)
        ):
            raise SuspiciousOperation("wizard step out of order")
        self.storage.current_step = step
        goto = self.request.POST.get("wizard_goto_step")
        if goto is not None:
            return self.go_back(step, goto)
        form = self.get_form(step, data=self.request.POST)
        if not form.is_valid():
            return self.render(form)
        self.save_step(step, form)
        if self.storage.extra_data.get("return_to_check"):
            return redirect(self.get_step_url(DONE))
        following = self.get_next_step(step)
        return redirect(self.get_step_url(following or DONE))

    def go_back(self, step: str, goto: str) -> HttpResponse:
        """``wizard_goto_step``: back only, keeping what was typed (#284)."""
        steps = list(self.get_form_list())
        if goto not in steps or steps.index(goto) >= steps.index(step):
            raise SuspiciousOperation("wizard may only go back")
        form = self.get_form(step, data=self.request.POST)
        self.save_step(step, form)
        return redirect(self.get_step_url(goto))

    # --- page context -------------------------------------------------------

    def get_context_data(self, form: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(form=form, **kwargs)
        step = self.steps.current
        previous = self.get_prev_step(step)
        back_to_check = bool(self.storage.extra_data.get("return_to_check"))
        if back_to_check:
            back_url = reverse("screener:check")
        elif previous:
            back_url = self.get_step_url(previous)
        elif self.storage.extra_data.get("adding"):
            back_url = reverse("screener:check")  # "Add another case" came from there
        else:
            back_url = reverse("screener:safety")
        context.update(
            step=step,
            # formtools' management form is one hidden field; written out in
            # the template, not drawn by the form renderer (a twelfth of the
            # page's cost). ``post`` still checks it with ManagementForm.
            management_name=f"{self.prefix}-current_step",
            back_url=back_url,
            back_to_check=back_to_check,
            question=question_context(form),
            step_number=self.steps.step1,
            step_count=self.steps.count,
        )
        return context

    # --- finishing ----------------------------------------------------------

    def render_done(self, form: Any, **kwargs: Any) -> HttpResponse:
        """Revalidate every step, then save, keeping the answers in storage.

        formtools resets the storage after ``done``; this does not, so the
        browser's Back button still shows the last question filled in, and
        continuing from it updates the same case instead of adding a copy.
        """
        if kwargs.get("step") != DONE:
            return redirect(self.get_step_url(DONE))
        final = {}
        for step in self.get_form_list():
            form_obj = self.get_form(step, data=self.storage.get_step_data(step))
            if not form_obj.is_valid():
                return self.render_revalidation_failure(step, form_obj, **kwargs)
            final[step] = form_obj
        return self.done(list(final.values()), form_dict=final, **kwargs)

    def done(
        self, form_list: Any, form_dict: Any = None, **kwargs: Any
    ) -> HttpResponse:
        saved = load_answers(self.request)
        steps = {
            step: data
            for step, data in self.storage.data[self.storage.step_data_key].items()
            if step in self.form_list
        }
        answers = self.answers()
        entry = {
            "steps": {s: d for s, d in steps.items() if s not in f.PERSON_STEPS},
            "record": q.record(answers),
            "notes": q.notes(answers),
        }
        if self.storage.extra_data.get("ask_person", True):
            saved["person_steps"] = {
                s: d for s, d in steps.items() if s in f.PERSON_STEPS
            }
            saved["person"] = q.person(answers)
        editing = self.storage.extra_data.get("editing")
        if isinstance(editing, int) and 0 <= editing < len(saved["records"]):
            saved["records"][editing] = entry
        else:
            saved["records"].append(entry)
            editing = len(saved["records"]) - 1
        save_answers(self.request, saved)
        self.storage.extra_data = {
            **self.storage.extra_data,
            "editing": editing,
            "return_to_check": True,
        }
        return redirect("screener:check")


def question_context(form: Any) -> dict[str, Any]:
    """What the step template needs to draw the one question on the page."""
    name = "answer" if "answer" in form.fields else "query"
    bound = form[name]
    value = bound.value()
    limit = getattr(form.fields[name], "max_length", None)
    if isinstance(value, str) and limit and len(value) > limit:
        value = value[:limit]  # never echo a huge paste back whole
    chosen = (
        {str(v) for v in value} if isinstance(value, list | tuple) else {str(value)}
    )
    options = [
        {
            "value": v,
            "label": label,
            "hint": hint,
            "id": f"{bound.auto_id}-{i}",
            "checked": str(v) in chosen,
        }
        for i, (v, label, hint) in enumerate(form.choices)
    ]
    errors = list(form.errors.get(name, [])) + list(form.non_field_errors())
    dont_know = form["dont_know"] if "dont_know" in form.fields else None
    # Plain values, not the form: a template lookup such as ``form.kind``
    # first tries ``form["kind"]``, which raises (and formats) a KeyError
    # listing every field, a dozen times a page.
    return {
        "kind": form.kind,
        "caption": form.caption,
        "heading": form.question,
        "hint": form.hint,
        "why": form.why,
        "max_length": limit,
        "dont_know": dont_know
        and {
            "id": dont_know.auto_id,
            "name": dont_know.html_name,
            "label": dont_know.label,
            "checked": bool(dont_know.value()),
        },
        "name": bound.html_name,
        "id": bound.auto_id
        if form.kind in ("text", "select")
        else f"{bound.auto_id}-0",
        "value": "" if value is None else value,
        "options": options,
        "errors": errors,
        "form": form,
    }


# --- the answers in the session -------------------------------------------------


def load_answers(request: HttpRequest) -> q.Saved:
    """Every case answered so far in this browser (empty if none)."""
    stored = visitor_store.read(request, visitor_store.ANSWERS_KEY)
    return stored if isinstance(stored, dict) else q.empty()


def save_answers(request: HttpRequest, saved: q.Saved) -> None:
    visitor_store.write(request, visitor_store.ANSWERS_KEY, saved)


def open_wizard(
    request: HttpRequest,
    step_data: dict[str, Any],
    extra: dict[str, Any],
    first_step: str,
) -> HttpResponse:
    """Put stored answers into the wizard and open it at ``first_step``."""
    visitor_store.write(
        request,
        visitor_store.WIZARD_KEY,
        {
            "step": first_step,
            "step_data": step_data,
            "step_files": {},
            "extra_data": extra,
        },
    )
    return redirect(URL_NAME, step=first_step)


def start(request: HttpRequest) -> HttpResponse:
    """A new screening, forgetting any earlier answers in this browser.

    Here rather than in views so the staff workspace (intake) can start one
    for a client without importing this app's views.
    """
    save_answers(request, q.empty())
    visitor_store.forget_facts(request)
    return open_wizard(request, {}, {"ask_person": True}, f.SYSTEM)
