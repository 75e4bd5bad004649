"""The petition papers' law comes from the law data, dated and cited."""

from __future__ import annotations

from datetime import date

import pytest

from screener.rules.law import laws
from screener.rules.petition import NoPetitionLaw, petition_law

TODAY = date(2026, 11, 24)


def test_trafficking_vacatur_cites_its_confirmed_letters_and_45_days() -> None:
    law = petition_law("PC 236.14", TODAY)
    assert law.section == "236.14"
    assert law.response_days == 45
    assert "§ 236.14(c)" in law.response_days_cite
    assert law.confirmed_subdivisions == frozenset("abcdefiq")
    assert "S1, S2, S3, S8" in law.subdivisions_cite


def test_partner_or_sexual_violence_vacatur_confirms_no_letter() -> None:
    law = petition_law("PC 236.15", TODAY)
    assert law.section == "236.15"
    assert law.response_days == 45
    assert law.confirmed_subdivisions == frozenset()


def test_no_petition_before_the_statute_began() -> None:
    with pytest.raises(NoPetitionLaw, match="2021-12-31"):
        petition_law("PC 236.15", date(2021, 12, 31))
    assert petition_law("PC 236.15", date(2022, 1, 1)).response_days == 45


@pytest.mark.parametrize("remedy", ["PC 1203.4", "PC 999.99"])
def test_a_remedy_without_petition_papers_is_refused(remedy: str) -> None:
    with pytest.raises(NoPetitionLaw, match="no petition in the law data"):
        petition_law(remedy, TODAY)


def test_the_petition_values_are_dated_entries_of_the_law_files() -> None:
    """Change the YAML and the papers change: nothing is kept elsewhere."""
    entry = laws()["pc_236_14"].dated("response_days", TODAY)
    assert entry is not None
    assert entry.value == petition_law("PC 236.14", TODAY).response_days
    assert entry.confidence == "C"
