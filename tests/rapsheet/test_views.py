"""Staff upload -> review -> confirm -> results; permissions, audit, privacy."""

from __future__ import annotations

import shutil
from typing import Any

import pytest
from cryptography.fernet import Fernet
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.urls import reverse

from intake.models import AuditEntry, Case
from rapsheet import jobs
from rapsheet.models import SheetImport, Status
from tests.intake.conftest import verified_client
from tests.rapsheet.synth import make_sheet, scan_pdf, text_pdf

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler"),
]


def _upload(client: Any, case: Case, data: bytes, name: str = "sheet.pdf") -> Any:
    return client.post(
        reverse("rapsheet:upload", args=[case.pk]),
        {"sheet": SimpleUploadedFile(name, data, content_type="application/pdf")},
    )


def _form_data(response: Any) -> dict[str, Any]:
    """The review form as the browser would post it, unchanged."""
    formset = response.context["formset"]
    data: dict[str, Any] = {}
    for key, value in formset.management_form.initial.items():
        data[f"c-{key}"] = value
    for form in formset.forms:
        for name, field in form.fields.items():
            value = form.initial.get(name, field.initial)
            if value is None or value is False or value == "":
                continue
            data[form.add_prefix(name)] = "on" if value is True else value
    return data


def test_staff_text_upload_review_confirm_results(
    staff_a: Any, make_case: Any, org_a: Any
) -> None:
    case = make_case(org_a)
    before = len(case.facts["records"])
    sheet = make_sheet(4, 5)
    client = verified_client(staff_a)
    response = _upload(client, case, text_pdf(sheet.text))
    row = SheetImport.objects.get(case=case)
    assert response.status_code == 302
    assert response["Location"].endswith(f"/rapsheet/{row.pk}/review/")
    assert row.status == Status.REVIEW
    assert row.pdf == ""  # read once, not kept
    review = client.get(response["Location"])
    assert review.status_code == 200
    html = review.content.decode()
    # Source lines beside each count.
    assert sheet.records[0]["court"] or sheet.records[0]["arresting_agency"] in html
    assert "CNT:01" in html
    data = _form_data(review)
    # Drop the first count, correct the second's level.
    data.pop("c-0-keep")
    data["c-1-level"] = "misdemeanor"
    done = client.post(response["Location"], data)
    assert done.status_code == 302, done.context and done.context.get("problems")
    case.refresh_from_db()
    imported = [r for r in case.facts["records"] if r["id"].startswith("rap")]
    assert len(imported) == len(sheet.records) - 1
    assert len(case.facts["records"]) == before + len(imported)
    assert imported[0]["level"] == "misdemeanor"
    assert imported[0]["offense"] == sheet.records[1]["offense"]
    assert all("source_lines" not in r for r in imported)
    results = client.get(done["Location"])
    assert results.status_code == 200
    assert sheet.records[1]["offense"] in results.content.decode()
    details = list(
        AuditEntry.objects.filter(case_id=case.pk).values_list("detail", flat=True)
    )
    for expected in (
        "rapsheet upload",
        "rapsheet parsed",
        "rapsheet review",
        "rapsheet",
        "rapsheet results",
    ):
        assert expected in details
    # No content in the audit log: no name, no offense, no case number.
    for detail in details:
        assert sheet.person["names"][0] not in detail
        assert "PC " not in detail


def test_adding_a_count_the_reader_missed(
    staff_a: Any, make_case: Any, org_a: Any
) -> None:
    case = make_case(org_a)
    sheet = make_sheet(9, 2)
    client = verified_client(staff_a)
    response = _upload(client, case, text_pdf(sheet.text))
    review = client.get(response["Location"])
    data = _form_data(review)
    extra = len(sheet.records)
    data.update(
        {
            f"c-{extra}-keep": "on",
            f"c-{extra}-offense": "PC 653.22(a)",
            f"c-{extra}-disposition": "conviction",
            f"c-{extra}-level": "misdemeanor",
            f"c-{extra}-system": "california",
            f"c-{extra}-county": "Fresno",
            f"c-{extra}-probation": "unknown",
        }
    )
    done = client.post(response["Location"], data)
    assert done.status_code == 302
    case.refresh_from_db()
    imported = [r for r in case.facts["records"] if r["id"].startswith("rap")]
    assert len(imported) == len(sheet.records) + 1
    assert imported[-1]["offense"] == "PC 653.22(a)"


def test_a_kept_count_without_an_offense_is_a_kind_error(
    staff_a: Any, make_case: Any, org_a: Any
) -> None:
    case = make_case(org_a)
    client = verified_client(staff_a)
    response = _upload(client, case, text_pdf(make_sheet(9, 2).text))
    data = _form_data(client.get(response["Location"]))
    data["c-0-offense"] = ""
    again = client.post(response["Location"], data)
    assert again.status_code == 200
    assert "Write the offense code" in again.content.decode()
    case.refresh_from_db()
    assert not any(r["id"].startswith("rap") for r in case.facts["records"])


def test_only_staff_roles_upload(
    attorney_a: Any, staff_b: Any, make_case: Any, org_a: Any
) -> None:
    case = make_case(org_a, assigned_to=attorney_a)
    pdf = text_pdf(make_sheet(1, 2).text)
    assert _upload(verified_client(attorney_a), case, pdf).status_code == 403
    assert _upload(verified_client(staff_b), case, pdf).status_code == 404
    assert not SheetImport.objects.exists()
    anonymous = _upload(Client(), case, pdf)
    assert anonymous.status_code == 302
    assert "/staff/login/" in anonymous["Location"]


def test_not_a_pdf_and_too_many_pages_get_kind_errors(
    staff_a: Any, make_case: Any, org_a: Any, monkeypatch: Any
) -> None:
    case = make_case(org_a)
    client = verified_client(staff_a)
    response = _upload(client, case, b"just some words", name="notes.pdf")
    assert response.status_code == 200
    assert "not a PDF" in response.content.decode()
    monkeypatch.setattr("rapsheet.extract.MAX_PAGES", 1)
    response = _upload(client, case, text_pdf(make_sheet(3, 20).text))
    assert response.status_code == 200
    assert "at most 1 can be read" in response.content.decode()
    assert not SheetImport.objects.exists()


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="needs tesseract")
def test_a_scan_is_queued_read_by_the_worker_and_survives_reloads(
    staff_a: Any, make_case: Any, org_a: Any
) -> None:
    case = make_case(org_a)
    sheet = make_sheet(3, 2)
    client = verified_client(staff_a)
    response = _upload(client, case, scan_pdf(sheet.text, seed=3))
    row = SheetImport.objects.get(case=case)
    assert row.status == Status.QUEUED
    # Encrypted at rest: the stored column is a Fernet token, not the PDF.
    with connection.cursor() as cursor:
        cursor.execute("SELECT pdf FROM rapsheet_sheetimport WHERE id = %s", [row.pk])
        stored = cursor.fetchone()[0]
    assert stored.startswith("f1:")
    assert "%PDF" not in stored
    progress = client.get(response["Location"])
    assert progress.status_code == 200
    assert 'http-equiv="refresh"' in progress.content.decode()
    assert client.get(response["Location"]).status_code == 200  # a reload
    assert jobs.run_once() is True
    assert jobs.run_once() is False
    row.refresh_from_db()
    assert row.status == Status.REVIEW
    assert row.ocr is True
    assert row.pages_done == row.pages_total
    after = client.get(response["Location"])
    assert after.status_code == 302
    assert after["Location"].endswith("/review/")


def test_sheet_is_purged_with_its_case(
    staff_a: Any, make_case: Any, org_a: Any
) -> None:
    case = make_case(org_a)
    _upload(verified_client(staff_a), case, text_pdf(make_sheet(2, 3).text))
    assert SheetImport.objects.filter(case=case).count() == 1
    case.delete()
    assert not SheetImport.objects.exists()


def test_a_file_over_the_size_limit_is_never_stored_and_gets_a_kind_error(
    staff_a: Any, make_case: Any, org_a: Any, monkeypatch: Any
) -> None:
    case = make_case(org_a)
    monkeypatch.setattr("rapsheet.views.MAX_BYTES", 1000)
    # Past the limit and its 64 KB allowance for the form's own bytes.
    big = text_pdf(make_sheet(3, 20).text) + b"%" + b"x" * 100_000
    response = _upload(verified_client(staff_a), case, big)
    assert response.status_code == 200
    assert "larger than" in response.content.decode()
    assert not SheetImport.objects.exists()


def test_key_rotation_moves_a_queued_sheet_and_a_read_one_to_the_new_key(
    make_case: Any, org_a: Any, settings: Any
) -> None:
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.INTAKE_ENCRYPTION_KEYS = [old]
    case = make_case(org_a)
    queued = SheetImport(case=case)
    queued.set_pdf(b"%PDF-1.4 a scan")
    queued.save()
    read = SheetImport.objects.create(
        case=case, status=Status.REVIEW, result={"records": [{"offense": "PC 488"}]}
    )
    settings.INTAKE_ENCRYPTION_KEYS = [new, old]
    call_command("rotate_case_keys", stdout=None)
    call_command("rotate_rapsheet_keys", stdout=None)
    settings.INTAKE_ENCRYPTION_KEYS = [new]
    assert SheetImport.objects.get(pk=queued.pk).pdf_bytes() == b"%PDF-1.4 a scan"
    assert (
        SheetImport.objects.get(pk=read.pk).result["records"][0]["offense"] == "PC 488"
    )


def test_unsure_fields_are_highlighted_in_the_review_table(
    staff_a: Any, make_case: Any, org_a: Any
) -> None:
    case = make_case(org_a)
    sheet = make_sheet(4, 5)
    court = next(r["court"] for r in sheet.records if r["court"])
    text = sheet.text.replace(court, "CASC NOWHERESVILLE")
    client = verified_client(staff_a)
    response = _upload(client, case, text_pdf(text))
    html = client.get(response["Location"]).content.decode()
    clean = _upload(client, case, text_pdf(sheet.text))
    clean_html = client.get(clean["Location"]).content.decode()
    marked = html.count("review-field review-unsure")
    # The unknown court's county is marked on each of its counts, and labelled.
    assert marked > clean_html.count("review-field review-unsure")
    assert html.count('<span class="review-flag">Check this</span>') == marked
