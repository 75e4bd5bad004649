"""The typed contract (screener/rules/contract.py) says what docs/screening-api.md says.

The TypedDicts, ``Status`` and ``Remedy`` are only useful if they match the
document partners script against and the JSON the engine really returns.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any, cast

from screener.rules import REMEDIES, screen
from screener.rules.contract import (
    Facts,
    ImmigrationAdvice,
    Reason,
    RecordFacts,
    RecordScreening,
    Remedy,
    RemedyScreening,
    Safety,
    ScreenedOffense,
    Screening,
    Status,
    Victimization,
)
from screener.rules.law import laws
from tests.rules.conftest import build_case

DOC = (Path(__file__).resolve().parents[2] / "docs" / "screening-api.md").read_text(
    encoding="utf-8"
)
# Not a remedy: the list of violent felonies the vacatur bars read.
VIOLENT_FELONY_LIST = "pc_667_5_c"

# The shared trafficking-survivor persona, with every optional field given,
# so the screening carries every key the output types name.
FACTS = cast(
    Facts,
    build_case(
        {
            "as_of": date(2026, 11, 22),
            "record": {"sentence": "none", "federal_prison": "no"},
            "immigration": {"citizen": "no"},
        }
    ),
)


def _keys(typed: Any) -> set[str]:
    return set(typed.__required_keys__ | typed.__optional_keys__)


def _doc_fields(prefix: str) -> set[str]:
    """Field names the document's tables give under ``prefix`` ("records[]." ...)."""
    found = set()
    for cell in re.findall(r"^\| ([^|]+) \|", DOC, flags=re.M):
        for name in re.findall(r"`([a-z_.\[\]]+)`", cell):
            if name.startswith(prefix):
                found.add(name.removeprefix(prefix))
    return found


def test_the_statuses_are_the_documents_in_its_order_of_certainty() -> None:
    table = re.findall(
        r"^\| `([a-z_]+)` \| ", DOC.split("`status` is one of:")[1], re.M
    )
    assert [status.value for status in Status] == table[:4]
    assert [status.rank for status in Status] == [0, 1, 2, 3]
    assert Status("needs_review").rank > Status.POSSIBLE.rank


def test_every_remedy_id_is_in_the_document_and_every_documented_one_is_named() -> None:
    documented = set(re.findall(r"^\| `([A-Z][A-Za-z0-9_ .()]+)` \| ", DOC, re.M))
    second_group = DOC.split("Second group, welcome as the engine grows:")[1]
    documented |= set(re.findall(r"`([A-Z]+ [0-9][^`]*)`", second_group.split("\n")[0]))
    assert {remedy.value for remedy in Remedy} == documented


def test_each_law_file_is_the_remedy_of_its_name_and_each_is_screened() -> None:
    remedies = {
        law_id: law for law_id, law in laws().items() if law_id != VIOLENT_FELONY_LIST
    }
    for law_id, law in remedies.items():
        assert Remedy[law_id.upper()].value == law.remedy
        assert Remedy[law_id.upper()].law_id == law_id
    assert {remedy.law_id for remedy, _ in REMEDIES} == set(remedies)


def test_the_input_types_name_every_documented_field() -> None:
    assert _doc_fields("records[].") <= _keys(RecordFacts)
    assert _doc_fields("victimization.") <= _keys(Victimization)
    assert {"as_of", "victimization", "records", "immigration"} == _keys(Facts)


def test_the_output_types_are_exactly_what_screen_returns() -> None:
    screening: Screening = screen(FACTS, today=date(2026, 11, 22))
    assert set(screening) == _keys(Screening)
    assert set(screening["safety"]) == _keys(Safety)
    assert set(screening["immigration"]) == _keys(ImmigrationAdvice)
    record = screening["records"][0]
    assert set(record) == _keys(RecordScreening)
    assert set(record["offense"]) == _keys(ScreenedOffense)
    for remedy in record["remedies"]:
        assert set(remedy) == _keys(RemedyScreening)
        assert isinstance(remedy["status"], Status)
        assert Remedy(remedy["remedy"]) is not None
        for reason in remedy["reasons"]:
            assert set(reason) == _keys(Reason)
    assert record["best"] == Remedy.PC_236_14
