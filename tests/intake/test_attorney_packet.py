"""Attorney mode: the attorney drafts from a case and signs the papers (issue 13).

The draft form asks for counsel's details and speaks about "your client";
the packet's caption and signature blocks are counsel's, the declaration
stays the client's, and the Word twin matches the PDF. A stored case whose
answers hold characters XML cannot carry still downloads both files.
"""

from __future__ import annotations

import io
from typing import Any

import docx
import pytest

from intake.models import Case
from tests.intake.conftest import contract_case, verified_client
from tests.petitions.conftest import pdf_text

ATTORNEY = {
    "attorney_name": "Ana Ruiz",
    "attorney_bar_number": "123456",
    "attorney_firm": "Bay Legal Aid",
    "attorney_address": "1 Main Street\nOakland, CA 94607",
    "attorney_phone": "510-555-0100",
    "attorney_email": "ana@example.org",
    "name": "Maria Elena Lopez",
    "use_initials": "on",
    "prosecutor_0": "Los Angeles",
    "case_number_0": "23CR12345",
}


@pytest.fixture(autouse=True)
def _fresh_render_budgets() -> Any:
    """These tests render many packets as one attorney: leave no spent budget."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def assigned(org_a: Any, attorney_a: Any, make_case: Any) -> Case:
    case = make_case(org_a, facts=contract_case(county="Los Angeles"))
    case.assigned_to = attorney_a
    case.save()
    return case


@pytest.mark.django_db
def test_the_draft_form_asks_for_counsel_and_speaks_about_the_client(
    assigned: Case, attorney_a: Any
) -> None:
    client = verified_client(attorney_a)
    page = client.get(f"/staff/cases/{assigned.pk}/draft/").content.decode()
    for field in ATTORNEY:
        if field.startswith("attorney_"):
            assert f'name="{field}"' in page, field
    assert "Your client&#x27;s name" in page
    assert "In which city was your client arrested for" in page
    assert "When did you leave" not in page


@pytest.mark.django_db
def test_a_bad_bar_number_comes_back_kindly_with_everything_kept(
    assigned: Case, attorney_a: Any
) -> None:
    client = verified_client(attorney_a)
    data = ATTORNEY | {"attorney_bar_number": "SBN 12"}
    page = client.post(f"/staff/cases/{assigned.pk}/draft/", data)
    assert page.status_code == 200
    body = page.content.decode()
    assert "Enter the State Bar number as digits only." in body
    assert 'value="Bay Legal Aid"' in body


@pytest.mark.django_db
@pytest.mark.parametrize("file_format", ["pdf", "docx"])
def test_the_packet_is_counsels_and_the_declaration_the_clients(
    assigned: Case, attorney_a: Any, file_format: str
) -> None:
    client = verified_client(attorney_a)
    saved = client.post(f"/staff/cases/{assigned.pk}/draft/", ATTORNEY)
    assert saved.status_code == 302
    response = client.post(
        f"/staff/cases/{assigned.pk}/packet/", {"format": file_format}
    )
    assert response.status_code == 200
    if file_format == "pdf":
        text = pdf_text(response.content)
    else:
        document = docx.Document(io.BytesIO(response.content))
        text = " ".join(" ".join(p.text for p in document.paragraphs).split())
    assert "Ana Ruiz (State Bar No. 123456)" in text
    assert "Attorney for Petitioner M.E.L." in text
    assert "self-represented" not in text
    assert "M.E.L., Declarant" in text
    assert "your client" in text  # the "Before you file" sheet speaks to counsel
    assert "Los Angeles City Attorney" in text


@pytest.mark.django_db
@pytest.mark.parametrize("file_format", ["pdf", "docx"])
def test_a_stored_case_with_odd_characters_still_downloads(
    org_a: Any, attorney_a: Any, make_case: Any, file_format: str
) -> None:
    odd = "\ufffe\uffff\x01\x1b"
    case = make_case(org_a, facts=contract_case(county="Los Angeles"))
    case.facts = case.facts | {
        "records": [case.facts["records"][0] | {"offense": f"PC 647(b){odd}"}]
    }
    case.narrative = {"control": f"He kept my ID{odd}.", "name": f"Ana{odd}"}
    case.assigned_to = attorney_a
    case.save()
    client = verified_client(attorney_a)
    response = client.post(f"/staff/cases/{case.pk}/packet/", {"format": file_format})
    assert response.status_code == 200
    if file_format == "pdf":
        text = pdf_text(response.content)
    else:
        document = docx.Document(io.BytesIO(response.content))
        text = " ".join(p.text for p in document.paragraphs)
    assert "He kept my ID." in text
    assert not set(odd) & set(text)
