"""The survivor's drafting form for issue 13: language, city of arrest, odd text."""

from __future__ import annotations

import io
from typing import Any

import docx
import pytest
from django.test import Client

from tests.petitions.conftest import pdf_text, put_case_in_session
from tests.petitions.test_views import URL, _form_data

pytestmark = pytest.mark.django_db


def test_someone_reading_in_spanish_is_asked_in_spanish_and_spanish_is_preselected(
    client: Client, trafficking_case: dict[str, Any]
) -> None:
    put_case_in_session(client, trafficking_case)
    client.cookies["django_language"] = "es"
    body = client.get(URL).content.decode()
    assert (
        'name="statement_language" value="es" class="choice-input" required' in (body)
        or 'value="es" class="choice-input" id="id_statement_language_1" checked'
        in body
    )


def test_the_city_of_arrest_is_asked_for_a_city_misdemeanor_only(
    client: Client, trafficking_case: dict[str, Any]
) -> None:
    put_case_in_session(client, trafficking_case)
    body = client.get(URL).content.decode()
    assert "In which city were you arrested for PC 647(b)?" in body
    assert "Somewhere else in Los Angeles County" in body
    assert 'name="prosecutor_1"' not in body  # a felony: always the DA
    # Alameda County has one sourced city office (the City of Alameda's City
    # Attorney), so its misdemeanor asks too; its felony does not.
    assert 'name="prosecutor_2"' in body
    assert 'name="prosecutor_3"' not in body


def test_a_spanish_statement_downloads_with_translation_blanks(
    client: Client, trafficking_case: dict[str, Any]
) -> None:
    put_case_in_session(client, trafficking_case)
    response = client.post(
        URL,
        _form_data(statement_language="es", control="Él guardaba mi identificación."),
    )
    text = pdf_text(response.content)
    assert "Él guardaba mi identificación." in text
    assert "English translation: [TO BE COMPLETED: English translation" in text
    assert "Declaration of translator" in text


@pytest.mark.parametrize("file_format", ["pdf", "docx"])
def test_odd_characters_typed_into_the_form_give_clean_files(
    client: Client, trafficking_case: dict[str, Any], file_format: str
) -> None:
    put_case_in_session(client, trafficking_case)
    odd = "\ufffe\uffff\x01\x0b\x85"
    response = client.post(
        URL,
        _form_data(
            file_format=file_format,
            control=f"He kept my ID{odd} card.",
            city_signed=f"Sacra{odd}mento",
        ),
    )
    assert response.status_code == 200
    if file_format == "pdf":
        text = pdf_text(response.content)
    else:
        document = docx.Document(io.BytesIO(response.content))
        text = " ".join(p.text for p in document.paragraphs)
    assert "He kept my ID card." in text
    assert "Sacramento" in text
    assert not set(odd) & set(text)
