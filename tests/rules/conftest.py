"""Named personas for the legal cases (healthchecks' Alice-and-Bob style).

A YAML case names a persona and overrides only what its rule is about, so
each case reads as the one fact that changes the answer.
"""

from __future__ import annotations

import copy
from typing import Any

PERSONAS: dict[str, dict[str, Any]] = {
    # A trafficking survivor, out of it, with a misdemeanor she was forced into.
    "trafficking_survivor": {
        "victimization": {
            "kinds": ["human_trafficking"],
            "ongoing": "no",
            "sought_services": "yes",
        },
        "record": {
            "id": "1",
            "system": "california",
            "disposition": "conviction",
            "offense": "PC 647(b)",
            "level": "misdemeanor",
            "county": "Los Angeles",
            "age_at_offense": 24,
            "while_victimized": "yes",
            "direct_result": "yes",
            "enhancements": [],
            "probation": "completed",
            "in_custody": False,
            "fines_unpaid": False,
            "restitution_unpaid": False,
        },
    },
    # A survivor of partner abuse with a felony theft conviction.
    "partner_violence_survivor": {
        "victimization": {
            "kinds": ["intimate_partner_violence"],
            "ongoing": "no",
            "sought_services": "yes",
        },
        "record": {
            "id": "1",
            "system": "california",
            "disposition": "conviction",
            "offense": "PC 487",
            "level": "felony",
            "county": "Fresno",
            "age_at_offense": 30,
            "while_victimized": "yes",
            "direct_result": "yes",
            "enhancements": [],
            "probation": "completed",
            "in_custody": False,
        },
    },
    # Someone who told us almost nothing: every fact unknown.
    "unknown_everything": {
        "victimization": {},
        "record": {"id": "1"},
    },
}


def build_case(spec: dict[str, Any]) -> dict[str, Any]:
    """A contract case from a persona plus the case's overrides."""
    persona = copy.deepcopy(PERSONAS[spec.get("persona", "trafficking_survivor")])
    victimization = {**persona["victimization"], **spec.get("victimization", {})}
    record = {**persona["record"], **spec.get("record", {})}
    for key in spec.get("drop", []):
        record.pop(key, None)
        victimization.pop(key.removeprefix("victimization."), None)
    case: dict[str, Any] = {"victimization": victimization, "records": [record]}
    if "as_of" in spec:
        case["as_of"] = spec["as_of"].isoformat()
    if "immigration" in spec:
        case["immigration"] = spec["immigration"]
    return case
