"""Survivors are never asked to upload; their results say how to get their record."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.intake.conftest import contract_case
from tests.sessions import put_case_in_session

pytestmark = pytest.mark.django_db


def test_results_explain_getting_ones_own_record_and_never_ask_for_it() -> None:
    client = Client()
    put_case_in_session(client, contract_case())
    html = client.get("/results/", secure=True).content.decode()
    assert "How to get it" in html  # the record help panel
    assert "Live Scan" in html
    assert "legal aid can read it for you" in html
    assert 'type="file"' not in html
    assert "/rapsheet/" not in html
