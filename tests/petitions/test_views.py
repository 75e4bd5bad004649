"""The drafting page: optional form, one download, then nothing left."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from core.visitor_store import load_facts
from tests.petitions.conftest import pdf_pages_text, pdf_text, put_case_in_session

pytestmark = pytest.mark.django_db

URL = "/petition/"


def _form_data(**overrides: str) -> dict[str, str]:
    data = {
        "name": "Maria Elena Lopez",
        "use_initials": "on",
        "mailing_address": "P.O. Box 1234\nSacramento, CA 95812",
        "phone": "(916) 555-0100",
        "city_signed": "Sacramento",
        "service_date": "2026-12-01",
        "began": "around March 2019",
        "ended": "August 2021",
        "control": "He kept my ID card.",
        "direct_result": "He set a quota.",
        "left_or_services": "Shelter, September 2021.",
        "case_number_0": "23CR12345",
        "case_number_1": "23CR67890",
        "case_number_2": "22-CR-555",
        "prosecutor_0": "Los Angeles",
        "evidence_t_visa": "attached",
    }
    return data | overrides


def test_url_is_mounted_under_the_petitions_namespace() -> None:
    assert reverse("petitions:draft") == URL


def test_without_a_finished_screening_a_kind_page_links_to_the_start(
    client: Client,
) -> None:
    for response in (client.get(URL), client.post(URL, _form_data())):
        assert response.status_code == 200
        body = response.content.decode()
        assert "There is nothing to draft yet" in body
        assert 'href="/"' in body
        assert "no-store" in response["Cache-Control"]


def test_form_page_is_neutral_and_not_cached(
    client: Client, trafficking_case: dict[str, Any]
) -> None:
    put_case_in_session(client, trafficking_case)
    response = client.get(URL)
    assert response.status_code == 200
    body = response.content.decode()
    assert "<title>Documents</title>" in body
    assert "no-store" in response["Cache-Control"]
    assert 'name="case_number_0"' in body
    assert 'name="case_number_3"' not in body  # the robbery is not in any petition
    assert 'name="prosecutor_0"' in body  # LA misdemeanor: city attorney possible
    assert 'name="prosecutor_1"' not in body  # felony: always the DA
    assert 'name="statute"' not in body  # trafficking only: § 236.14


def test_valid_post_downloads_the_packet_and_keeps_the_answers(
    client: Client, trafficking_case: dict[str, Any]
) -> None:
    put_case_in_session(client, trafficking_case)
    response = client.post(URL, _form_data())
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="documents.pdf"'
    assert "no-store" in response["Cache-Control"]
    pdf = response.content
    assert PdfReader(io.BytesIO(pdf)).metadata["/Title"] == "Document"
    text = pdf_text(pdf)
    assert "23CR12345" in text
    assert "M.E.L." in text
    # The full name only on the sealed attachments (one per county).
    assert text.count("Maria") == text.count("Full legal name: Maria Elena Lopez") == 2
    assert "the response is due by January 15, 2027" in text
    # Downloading keeps the answers: she may still send them to legal aid,
    # and only "Delete my answers now" (or exit, or idle expiry) wipes them.
    again = client.get(URL)
    assert "There is nothing to draft yet" not in again.content.decode()
    assert load_facts(again.wsgi_request) == trafficking_case
    assert client.get("/results/").status_code == 200


def test_empty_form_still_drafts_with_blanks(
    client: Client, trafficking_case: dict[str, Any]
) -> None:
    put_case_in_session(client, trafficking_case)
    response = client.post(URL, {})
    assert response["Content-Type"] == "application/pdf"
    assert "[TO BE COMPLETED: case number]" in pdf_text(response.content)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("phone", "call me maybe", "Enter a phone number"),
        ("case_number_0", "23CR<script>", "Use only letters, numbers"),
        ("service_date", "next tuesday", "Enter the date as year-month-day"),
        ("mailing_address", "1\n2\n3\n4\n5", "Use 4 lines or fewer"),
        ("name", "x" * 101, "Ensure this value has at most 100 characters"),
        ("direct_result", "y" * 5001, "at most 5000 characters"),
        ("control", "nul\x00byte", "Null characters are not allowed"),
        ("evidence_t_visa", "stolen", "Select a valid choice"),
        ("prosecutor_0", "Gotham", "Select a valid choice"),
    ],
)
def test_bad_input_shows_a_clear_error_and_keeps_every_answer(
    field: str,
    value: str,
    message: str,
    client: Client,
    trafficking_case: dict[str, Any],
) -> None:
    put_case_in_session(client, trafficking_case)
    response = client.post(URL, _form_data(**{field: value}))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    body = response.content.decode()
    assert "<title>Error: Documents</title>" in body
    assert "There is a problem" in body
    assert message in body
    assert "Shelter, September 2021." in body  # other answers survive
    assert "23CR67890" in body
    assert "around March 2019" in body
    # The case is still there to try again.
    assert client.post(URL, _form_data())["Content-Type"] == "application/pdf"


def test_hidden_direction_controls_are_removed_from_answers(
    client: Client, trafficking_case: dict[str, Any]
) -> None:
    put_case_in_session(client, trafficking_case)
    response = client.post(URL, _form_data(control="safe\u202eyrrac\u202c text"))
    text = pdf_text(response.content)
    assert "safeyrrac text" in text
    assert "\u202e" not in text


def test_both_kinds_let_the_drafter_choose_and_default_to_236_14(
    client: Client, trafficking_case: dict[str, Any]
) -> None:
    trafficking_case["victimization"]["kinds"].append("sexual_violence")
    put_case_in_session(client, trafficking_case)
    body = client.get(URL).content.decode()
    assert 'name="statute"' in body
    assert 'value="PC 236.14" checked' in body or (
        'value="PC 236.14"' in body and "checked" in body
    )
    response = client.post(URL, _form_data(statute="PC 236.15"))
    text = pdf_text(response.content)
    assert "Penal Code section 236.15" in text
    assert "Penal Code section 236.14 " not in text


def test_nothing_to_draft_when_no_record_qualifies(client: Client) -> None:
    case = {
        "victimization": {"kinds": ["human_trafficking"]},
        "records": [
            {
                "id": "1",
                "system": "california",
                "disposition": "conviction",
                "offense": "PC 211",
                "level": "felony",
                "county": "Fresno",
                "while_victimized": "yes",
                "direct_result": "yes",
            }
        ],
    }
    put_case_in_session(client, case)
    response = client.get(URL)
    assert response.status_code == 200
    assert "These papers do not fit your answers" in response.content.decode()


def test_a_corrupt_stored_case_gives_the_kind_page_not_a_500(client: Client) -> None:
    put_case_in_session(client, {"records": "not a list", "victimization": 7})
    response = client.get(URL)
    assert response.status_code == 200
    assert "There is nothing to draft yet" in response.content.decode()


def test_other_methods_are_refused(client: Client) -> None:
    assert client.put(URL).status_code == 405


def test_errors_are_linked_to_their_fields_for_screen_readers(
    client: Client, trafficking_case: dict[str, Any]
) -> None:
    put_case_in_session(client, trafficking_case)
    body = client.post(URL, _form_data(phone="call me")).content.decode()
    assert '<a href="#id_phone">' in body
    assert 'id="id_phone_error"' in body
    assert 'aria-describedby="id_phone_helptext id_phone_error"' in body
    assert 'id="id_phone_helptext"' in body


def test_unanswered_statute_choice_defaults_to_236_14(
    client: Client, trafficking_case: dict[str, Any]
) -> None:
    trafficking_case["victimization"]["kinds"].append("intimate_partner_violence")
    put_case_in_session(client, trafficking_case)
    response = client.post(URL, {})
    assert response["Content-Type"] == "application/pdf"
    assert "Penal Code section 236.14" in pdf_text(response.content)


def test_choosing_a_law_no_record_fits_explains_instead_of_drafting(
    client: Client, trafficking_case: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    trafficking_case["victimization"]["kinds"].append("intimate_partner_violence")
    only_236_14 = {
        "records": [
            {
                "id": "1",
                "offense": {"code": "PC 647(b)", "title": "Prostitution"},
                "remedies": [
                    {"remedy": "PC 236.14", "status": "likely"},
                    {"remedy": "PC 236.15", "status": "not_eligible"},
                ],
            }
        ]
    }
    monkeypatch.setattr(
        "petitions.views._screened", lambda request: (load_facts(request), only_236_14)
    )
    put_case_in_session(client, trafficking_case)
    response = client.post(URL, {"statute": "PC 236.15", "control": "kept"})
    body = response.content.decode()
    assert response["Content-Type"].startswith("text/html")
    assert "No record qualifies under the law you chose" in body
    assert "kept" in body


def test_drafting_page_speaks_spanish(
    client: Client, trafficking_case: dict[str, Any]
) -> None:
    put_case_in_session(client, trafficking_case)
    body = client.get(URL, HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert '<html lang="es">' in body
    assert "Draft your court papers" not in body
    assert "Download the papers" not in body
    assert "Descargar los papeles" in body


def test_court_papers_stay_in_english_when_the_site_is_in_spanish(
    client: Client, trafficking_case: dict[str, Any]
) -> None:
    put_case_in_session(client, trafficking_case)
    response = client.post(URL, _form_data(), HTTP_ACCEPT_LANGUAGE="es")
    text = pdf_text(response.content)
    assert "On December 1, 2026 I served" in text
    assert "the response is due by January 15, 2027" in text
    # The "Before you file" sheet on top is hers, in Spanish
    # (test_sheet_spanish.py); the papers after it are not.
    pages = pdf_pages_text(response.content)
    sheet_footer = pages[0].strip().splitlines()[-1]
    papers = " ".join(p for p in pages if p.strip().splitlines()[-1] != sheet_footer)
    assert "PROOF OF SERVICE" in papers
    assert "diciembre" not in papers
    assert "enero" not in papers
