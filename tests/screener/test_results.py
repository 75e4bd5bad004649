"""The results page model: best path first, hidden remedies, plain labels."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils.translation import gettext

from screener import results
from screener.rules import screen

VICTIM = {"kinds": ["human_trafficking"], "ongoing": "no", "sought_services": "yes"}


def case(**record: Any) -> dict[str, Any]:
    return {
        "as_of": "2026-11-24",
        "victimization": VICTIM,
        "records": [{"id": "1", "system": "california", **record}],
    }


CASES = [
    case(disposition="conviction", offense="PC 647(b)", level="misdemeanor"),
    case(disposition="conviction", offense="PC 211", level="felony"),
    case(disposition="arrest", offense="PC 459", level="unknown"),
    case(disposition="juvenile_adjudication", offense="PC 484"),
    case(disposition="pending", offense="HS 11350", level="misdemeanor"),
    case(offense="PC 99999"),
    {
        "victimization": {},
        "records": [{"id": "1", "system": "federal", "offense": "21 USC 841"}],
    },
]


@pytest.mark.parametrize("data", CASES)
def test_results_model_follows_the_rules_and_never_shows_raw_field_names(
    data: dict[str, Any],
) -> None:
    context = results.build(data, {"records": []}, translate=gettext)
    output = screen(data)
    (record,) = context["records"]
    (raw,) = output["records"]
    if raw["best"]:
        assert record["best"]["remedy"] == raw["best"]
    else:
        assert record["best"] is None
    shown = {r["remedy"] for r in [record["best"] or {}, *record["others"]] if r}
    hidden = {r["remedy"] for r in raw["remedies"] if not r["applicable"]}
    assert not shown & hidden
    assert all(not r["in_force"] for r in record["proposed"])
    for remedy in [record["best"], *record["others"], *record["proposed"]]:
        if remedy:
            for label in remedy["missing_labels"]:
                assert "_" not in label, label
            assert remedy["next_step"]
    assert record["help"]  # free legal help, always


def test_others_are_sorted_best_status_first() -> None:
    context = results.build(CASES[1], {"records": []}, translate=gettext)
    ranks = [results.STATUS_RANK[r["status"]] for r in context["records"][0]["others"]]
    assert ranks == sorted(ranks)
