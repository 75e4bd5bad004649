"""Staff screen a client with the survivor's wizard, attach it to a case,
edit the facts and re-run the rules: who may, what is stored, what is logged."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test import Client

from intake.forms import RecordFactsForm
from intake.models import Action, AuditEntry, Case, Organization, Source
from screener.rules import screen
from tests.intake.conftest import MakeCase, contract_case, verified_client
from tests.screener.conftest import TRAFFICKING_647B, walk

ROBBERY = {"offense": "PC 211", "level": "felony"}


def vacatur(answers: dict[str, Any], index: int = 0) -> str:
    """The § 236.14 status the rules give record ``index``."""
    record = screen(answers)["records"][index]
    return next(r["status"] for r in record["remedies"] if r["remedy"] == "PC 236.14")


@pytest.fixture
def robbery_case(org_a: Organization, make_case: MakeCase, attorney_a: Any) -> Case:
    """A survivor's case, PC 211 (a violent felony), assigned to attorney_a."""
    return make_case(
        org_a,
        facts=contract_case(county="Los Angeles", **ROBBERY),
        assigned_to=attorney_a,
    )


def facts_data(case: Case, **changes: Any) -> dict[str, Any]:
    """The facts form as the page would post it, with ``changes`` to record 0."""
    answers = case.facts
    data: dict[str, Any] = {
        "r-TOTAL_FORMS": str(len(answers["records"])),
        "r-INITIAL_FORMS": str(len(answers["records"])),
        "p-ongoing": answers["victimization"]["ongoing"],
        "p-sought_services": answers["victimization"]["sought_services"],
    }
    for index, record in enumerate(answers["records"]):
        initial = RecordFactsForm.initial_for(record)
        if index == 0:
            initial.update(changes)
        for name, value in initial.items():
            if name == "enhancements_unknown":
                if value:
                    data[f"r-{index}-{name}"] = "on"
            else:
                data[f"r-{index}-{name}"] = value
    return data


# --- who may ---------------------------------------------------------------

NEW_URLS = [
    ("get", "/staff/cases/{pk}/facts/"),
    ("post", "/staff/cases/{pk}/facts/"),
    ("post", "/staff/cases/{pk}/rescreen/"),
    ("post", "/staff/screen/"),
    ("post", "/staff/screen/attach/"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("method", "url"), NEW_URLS)
def test_anonymous_visitors_are_sent_to_login(
    robbery_case: Case, method: str, url: str
) -> None:
    response = getattr(Client(), method)(url.format(pk=robbery_case.pk))
    assert response.status_code == 302
    assert response["Location"].startswith("/staff/login/")
    assert "intake_staff_screening" not in Client().session


# (role, method, url, status). robbery_case belongs to org A and is
# assigned to attorney_a. Decision: attorneys edit the facts of their own
# assigned cases (they check them against the court file before drafting),
# but never re-screen or start a screening: that is intake's work.
MATRIX = [
    ("staff_a", "post", "/staff/screen/", 302),
    ("admin_a", "post", "/staff/screen/", 302),
    ("attorney_a", "post", "/staff/screen/", 403),
    ("staff_b", "post", "/staff/screen/", 302),
    ("staff_a", "post", "/staff/cases/{pk}/rescreen/", 302),
    ("admin_a", "post", "/staff/cases/{pk}/rescreen/", 302),
    ("attorney_a", "post", "/staff/cases/{pk}/rescreen/", 403),
    ("attorney_a2", "post", "/staff/cases/{pk}/rescreen/", 403),
    ("staff_b", "post", "/staff/cases/{pk}/rescreen/", 404),
    ("staff_a", "get", "/staff/cases/{pk}/facts/", 200),
    ("admin_a", "get", "/staff/cases/{pk}/facts/", 200),
    ("attorney_a", "get", "/staff/cases/{pk}/facts/", 200),
    ("attorney_a2", "get", "/staff/cases/{pk}/facts/", 404),
    ("staff_b", "get", "/staff/cases/{pk}/facts/", 404),
    ("attorney_a", "post", "/staff/screen/attach/", 403),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("role", "method", "url", "expected"), MATRIX)
def test_every_new_view_allows_exactly_the_roles_it_should(
    request: pytest.FixtureRequest,
    robbery_case: Case,
    role: str,
    method: str,
    url: str,
    expected: int,
) -> None:
    client = verified_client(request.getfixturevalue(role))
    response = getattr(client, method)(url.format(pk=robbery_case.pk))
    assert response.status_code == expected
    if expected == 302:
        # Staff mode began the survivor's wizard: a new screening at its first
        # question, a re-screen at the check page with the case's answers.
        assert response["Location"] == ("/check/" if "rescreen" in url else "/q/q1/")
        assert client.session["intake_staff_screening"]["organization"] is not None
    if expected == 404:
        assert AuditEntry.objects.filter(
            action=Action.DENIED, detail=f"case {robbery_case.pk}"
        ).exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "expected"),
    [("staff_a", 302), ("attorney_a", 302), ("attorney_a2", 404), ("staff_b", 404)],
)
def test_only_permitted_people_can_save_facts(
    request: pytest.FixtureRequest, robbery_case: Case, role: str, expected: int
) -> None:
    client = verified_client(request.getfixturevalue(role))
    data = facts_data(robbery_case, offense="PC 647(b)", level="misdemeanor")
    response = client.post(f"/staff/cases/{robbery_case.pk}/facts/", data)
    assert response.status_code == expected
    offense = Case.objects.get(pk=robbery_case.pk).facts["records"][0]["offense"]
    assert offense == ("PC 647(b)" if expected == 302 else "PC 211")


# --- staff mode of the wizard ------------------------------------------------


@pytest.mark.django_db
def test_staff_screen_a_client_and_attach_it_to_a_new_case(
    staff_a: Any, org_a: Organization
) -> None:
    client = verified_client(staff_a)
    asked = walk(client, dict(TRAFFICKING_647B), start=client.post("/staff/screen/"))
    assert "q1" in asked  # the same questions as the survivor's
    check = client.get("/check/").content.decode()
    assert "Attach to a new case" in check
    response = client.post("/staff/screen/attach/")
    case = Case.objects.get()
    assert response["Location"] == f"/staff/cases/{case.pk}/"
    assert case.organization == org_a
    assert case.source == Source.STAFF
    assert case.county == "Los Angeles"
    assert case.facts["records"][0]["offense"] == "PC 647(b)"
    assert vacatur(case.facts) == "likely"
    entry = AuditEntry.objects.get(action=Action.SCREEN, detail="new")
    assert (entry.actor, entry.case_id, entry.detail) == (staff_a, case.pk, "new")
    # The client's answers are gone from the staff session; the login is not.
    assert "intake_staff_screening" not in client.session
    assert client.get("/check/")["Location"] == "/"
    page = client.get(response["Location"]).content.decode()
    assert "Pen. Code § 236.14" in page.replace("&#x27;", "'")
    # A second click finds nothing pending and makes no second case.
    assert client.post("/staff/screen/attach/")["Location"] == "/staff/"
    assert Case.objects.count() == 1


@pytest.mark.django_db
def test_the_survivor_check_page_never_offers_attach(db: None) -> None:
    client = Client()
    walk(client, dict(TRAFFICKING_647B))
    page = client.get("/check/").content.decode()
    assert "See my results" in page
    assert "Attach" not in page
    assert "/staff/" not in page


@pytest.mark.django_db
def test_a_survivor_posting_to_attach_gets_nothing(db: None) -> None:
    client = Client()
    walk(client, dict(TRAFFICKING_647B))
    response = client.post("/staff/screen/attach/")
    assert response["Location"].startswith("/staff/login/")
    assert not Case.objects.exists()


@pytest.mark.django_db
def test_re_screening_replaces_the_answers_of_the_same_case(
    robbery_case: Case, staff_a: Any
) -> None:
    assert vacatur(robbery_case.facts) == "not_eligible"
    client = verified_client(staff_a)
    start = client.post(f"/staff/cases/{robbery_case.pk}/rescreen/")
    assert start["Location"] == "/check/"  # the case's answers, ready to change
    # Change the charge; the wizard asks what that change makes necessary.
    walk(client, dict(TRAFFICKING_647B), start=client.get("/change/0/q3/"))
    assert "Replace the case" in client.get("/check/").content.decode()
    response = client.post("/staff/screen/attach/")
    assert response["Location"] == f"/staff/cases/{robbery_case.pk}/"
    assert Case.objects.count() == 1
    case = Case.objects.get(pk=robbery_case.pk)
    assert case.source == Source.SURVIVOR  # who sent it does not change
    assert case.contact["code_word"] == "blue heron"  # the plan is kept
    assert vacatur(case.facts) == "likely"
    assert AuditEntry.objects.filter(
        action=Action.SCREEN, case_id=case.pk, detail="rescreen", actor=staff_a
    ).exists()


@pytest.mark.django_db
def test_staff_of_another_organisation_cannot_attach_to_a_case_of_ours(
    robbery_case: Case, staff_a: Any, staff_b: Any
) -> None:
    """A pending re-screen names a case; attaching re-checks who may see it."""
    client = verified_client(staff_b)
    walk(client, dict(TRAFFICKING_647B), start=client.post("/staff/screen/"))
    session = client.session
    session["intake_staff_screening"]["case"] = robbery_case.pk
    session.save()
    assert client.post("/staff/screen/attach/").status_code == 404
    assert Case.objects.get(pk=robbery_case.pk).facts["records"][0]["offense"] == (
        "PC 211"
    )


# --- edit facts and re-run ---------------------------------------------------


@pytest.mark.django_db
def test_editing_the_offense_re_runs_the_rules(
    robbery_case: Case, staff_a: Any
) -> None:
    client = verified_client(staff_a)
    before = client.get(f"/staff/cases/{robbery_case.pk}/").content.decode()
    assert "not_eligible" in before
    page = client.get(f"/staff/cases/{robbery_case.pk}/facts/").content.decode()
    assert 'value="PC 211"' in page
    data = facts_data(robbery_case, offense="PC 647(b)", level="misdemeanor")
    response = client.post(f"/staff/cases/{robbery_case.pk}/facts/", data)
    assert response["Location"] == f"/staff/cases/{robbery_case.pk}/"
    case = Case.objects.get(pk=robbery_case.pk)
    record = case.facts["records"][0]
    assert (record["offense"], record["level"]) == ("PC 647(b)", "misdemeanor")
    assert record["system"] == "california"  # facts not on the form are kept
    assert vacatur(robbery_case.facts) == "not_eligible"
    assert vacatur(case.facts) == "likely"
    after = client.get(response["Location"]).content.decode()
    assert "Disorderly conduct: prostitution" in after
    entry = AuditEntry.objects.get(action=Action.EDIT)
    assert (entry.actor, entry.case_id, entry.detail) == (staff_a, case.pk, "facts")
    with connection.cursor() as cursor:
        cursor.execute("SELECT facts FROM intake_case WHERE id = %s", [case.pk])
        (raw,) = cursor.fetchone()
    assert "647" not in str(raw)


@pytest.mark.django_db
def test_the_contracts_errors_show_on_the_field_and_nothing_is_lost(
    robbery_case: Case, staff_a: Any
) -> None:
    client = verified_client(staff_a)
    data = facts_data(robbery_case, offense="PC " + "9" * 250, county="Orange")
    response = client.post(f"/staff/cases/{robbery_case.pk}/facts/", data)
    assert response.status_code == 200
    form = response.context["formset"].forms[0]
    assert form.errors["offense"] == ["Must be at most 200 characters."]
    page = response.content.decode()
    assert '<option value="Orange" selected>' in page  # what was typed stays
    case = Case.objects.get(pk=robbery_case.pk)
    assert case.facts == robbery_case.facts
    assert not AuditEntry.objects.filter(action=Action.EDIT).exists()


@pytest.mark.django_db
def test_unknown_enhancements_and_blanks_are_stored_as_unknown(
    robbery_case: Case, staff_a: Any
) -> None:
    client = verified_client(staff_a)
    data = facts_data(robbery_case, enhancements_unknown=True, level="")
    data["p-ongoing"] = "yes"
    client.post(f"/staff/cases/{robbery_case.pk}/facts/", data)
    case = Case.objects.get(pk=robbery_case.pk)
    assert case.facts["records"][0]["enhancements"] is None
    assert case.facts["records"][0]["level"] is None
    assert case.facts["victimization"]["ongoing"] == "yes"
    assert screen(case.facts)["safety"]["show_hotline"] is True


@pytest.mark.django_db
def test_a_form_for_a_different_number_of_records_is_refused(
    robbery_case: Case, staff_a: Any
) -> None:
    client = verified_client(staff_a)
    data = facts_data(robbery_case, offense="PC 647(b)")
    data["r-TOTAL_FORMS"] = "2"
    response = client.post(f"/staff/cases/{robbery_case.pk}/facts/", data)
    assert response.status_code == 404
    case = Case.objects.get(pk=robbery_case.pk)
    assert case.facts["records"][0]["offense"] == "PC 211"


# --- the client's safe-contact plan, recorded by staff -------------------------

PLAN = {
    "name": "Dee",
    "method": "phone",
    "phone": "213-555-0199",
    "email": "",
    "safe_times": "mornings",
    "leave_message": "no",
    "say_who": "yes",
    "code_word": "lantern",
    "other_name": "",
}


@pytest.mark.django_db
def test_staff_record_the_contact_plan_of_a_case_they_screened(
    staff_a: Any,
) -> None:
    client = verified_client(staff_a)
    walk(client, dict(TRAFFICKING_647B), start=client.post("/staff/screen/"))
    case_url = client.post("/staff/screen/attach/")["Location"]
    case = Case.objects.get()
    assert case.contact == {}
    assert "Record a contact plan" in client.get(case_url).content.decode()
    response = client.post(f"/staff/cases/{case.pk}/contact/", PLAN)
    assert response["Location"] == case_url
    case.refresh_from_db()
    assert case.contact["code_word"] == "lantern"
    assert (case.contact["leave_message"], case.contact["say_who"]) == (False, True)
    page = client.get(case_url).content.decode()
    assert 'href="tel:2135550199"' in page  # phone chosen: a call is offered
    assert "sms:" not in page
    entry = AuditEntry.objects.get(action=Action.EDIT_CONTACT)
    assert (entry.actor, entry.case_id, entry.detail) == (staff_a, case.pk, "")
    # The form opens with the stored plan.
    form = client.get(f"/staff/cases/{case.pk}/contact/").context["form"]
    assert form.initial["say_who"] == "yes"


@pytest.mark.django_db
def test_a_contact_plan_missing_its_phone_is_refused(
    robbery_case: Case, staff_a: Any
) -> None:
    client = verified_client(staff_a)
    response = client.post(
        f"/staff/cases/{robbery_case.pk}/contact/", {**PLAN, "phone": ""}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["phone"]
    assert Case.objects.get(pk=robbery_case.pk).contact["code_word"] == "blue heron"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("staff_a", 302),
        ("admin_a", 302),
        ("attorney_a", 403),
        ("attorney_a2", 403),
        ("staff_b", 404),
    ],
)
def test_only_intake_staff_and_admins_of_the_case_change_the_plan(
    request: pytest.FixtureRequest, robbery_case: Case, role: str, expected: int
) -> None:
    client = verified_client(request.getfixturevalue(role))
    response = client.post(f"/staff/cases/{robbery_case.pk}/contact/", PLAN)
    assert response.status_code == expected
    code_word = Case.objects.get(pk=robbery_case.pk).contact["code_word"]
    assert code_word == ("lantern" if expected == 302 else "blue heron")


@pytest.mark.django_db
def test_anonymous_visitors_cannot_open_the_contact_form(robbery_case: Case) -> None:
    response = Client().get(f"/staff/cases/{robbery_case.pk}/contact/")
    assert response["Location"].startswith("/staff/login/")


@pytest.mark.django_db
def test_re_screening_starts_from_the_case_s_own_answers(
    robbery_case: Case, staff_a: Any
) -> None:
    """Staff change one fact with one Change link, not twelve questions again."""
    before = robbery_case.facts
    client = verified_client(staff_a)
    start = client.post(f"/staff/cases/{robbery_case.pk}/rescreen/")
    assert start["Location"] == "/check/"
    page = client.get("/check/").content.decode()
    assert "PC 211" in page
    assert "Los Angeles" in page
    assert "Replace the case" in page
    assert client.post("/staff/screen/attach/").status_code == 302
    after = Case.objects.get(pk=robbery_case.pk).facts
    assert after["victimization"] == before["victimization"]

    def facts(answers: dict[str, Any]) -> list[dict[str, Any]]:
        # Robbery is violent by itself, so the wizard never asks about court
        # findings and says "unknown" where the stored case said "none".
        ignore = {"id", "enhancements"}
        return [
            {k: v for k, v in r.items() if k not in ignore} for r in answers["records"]
        ]

    assert facts(after) == facts(before)
    assert after["records"][0]["enhancements"] is None
    assert statuses(after) == statuses(before)
    assert vacatur(after) == "not_eligible"


@pytest.mark.django_db
def test_a_case_the_questions_cannot_say_is_re_screened_from_the_start(
    org_a: Organization, make_case: MakeCase, staff_a: Any
) -> None:
    """Facts edited beyond what the wizard asks (here: probation) are not guessed."""
    case = make_case(org_a, facts=contract_case(probation="completed"))
    client = verified_client(staff_a)
    start = client.post(f"/staff/cases/{case.pk}/rescreen/")
    assert start["Location"] == "/q/q1/"


def statuses(answers: dict[str, Any]) -> list[list[tuple[str, str]]]:
    return [
        [(r["remedy"], r["status"]) for r in record["remedies"]]
        for record in screen(answers)["records"]
    ]
