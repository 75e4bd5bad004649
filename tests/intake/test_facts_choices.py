"""The facts editor offers the survivor's own choices, not raw tokens.

A newcomer met "Comma-separated, e.g. PC 12022.7, person_present" and had to
know the contract's spelling; the survivor's question offers plain words.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.utils import timezone

from intake.models import Case, Organization
from screener.forms import finding_label
from screener.rules import findings_for
from tests.intake.conftest import MakeCase, contract_case, verified_client
from tests.intake.test_staff_screening import facts_data

ASSAULT = {"offense": "PC 245(a)(1)", "level": "felony"}


@pytest.fixture
def assault_case(org_a: Organization, make_case: MakeCase) -> Case:
    return make_case(org_a, facts=contract_case(county="Los Angeles", **ASSAULT))


@pytest.mark.django_db
def test_the_editor_offers_the_findings_the_survivor_is_asked(
    assault_case: Case, staff_a: Any
) -> None:
    page = verified_client(staff_a).get(f"/staff/cases/{assault_case.pk}/facts/")
    html = page.content.decode()
    asked = findings_for(ASSAULT["offense"], "felony", as_of=timezone.localdate())
    assert asked
    for finding in asked:
        assert f'value="{finding}"' in html  # a box to tick, not text to type
        assert str(finding_label(finding)) in html.replace("&#x27;", "'")
    assert "Comma-separated" not in html
    assert 'type="checkbox" name="r-0-enhancements"' in html


@pytest.mark.django_db
def test_ticking_a_finding_stores_its_contract_code(
    assault_case: Case, staff_a: Any
) -> None:
    client = verified_client(staff_a)
    data = facts_data(assault_case, enhancements=["PC 12022.7"])
    response = client.post(f"/staff/cases/{assault_case.pk}/facts/", data)
    assert response.status_code == 302
    stored = Case.objects.get(pk=assault_case.pk).facts["records"][0]
    assert stored["enhancements"] == ["PC 12022.7"]


@pytest.mark.django_db
def test_a_stored_finding_the_questions_do_not_ask_is_kept(
    org_a: Organization, make_case: MakeCase, staff_a: Any
) -> None:
    case = make_case(org_a, facts=contract_case(
        county="Los Angeles", enhancements=["PC 667.61"], **ASSAULT))  # fmt: skip
    client = verified_client(staff_a)
    page = client.get(f"/staff/cases/{case.pk}/facts/").content.decode()
    assert re.search(r'<input[^>]*value="PC 667\.61"[^>]*checked', page)
    client.post(f"/staff/cases/{case.pk}/facts/", facts_data(case))
    stored = Case.objects.get(pk=case.pk).facts["records"][0]["enhancements"]
    assert stored == ["PC 667.61"]


@pytest.mark.django_db
def test_levels_read_as_the_survivor_reads_them(
    assault_case: Case, staff_a: Any
) -> None:
    html = (
        verified_client(staff_a)
        .get(f"/staff/cases/{assault_case.pk}/facts/")
        .content.decode()
    )
    for label in ("A felony", "A misdemeanor", "Convicted (pleaded guilty"):
        assert label in html
