"""Odd input to ``POST /api/v1/screen`` and ``manage.py screen``: never a crash.

The security probe's cases (a 5,000-digit id, a lone surrogate, a year-1
``as_of``) as regression tests, and hypothesis sending arbitrary JSON: every
answer is a 200 with a result or a 400 with ``{"errors": [...]}``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client, override_settings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

URL = "/api/v1/screen"
ROOT = Path(__file__).resolve().parents[2]
HUGE_ID = '{"records": [{"id": ' + "9" * 5000 + "}]}"
PROBES = [
    HUGE_ID,
    '{"records": [{"id": "\\ud800"}]}',
    '{"records": [{"offense": "647\\udfff"}]}',
    '{"as_of": "0001-01-01", "victimization": {"kinds": ["human_trafficking"]},'
    ' "records": [{"offense": "PC 245(a)(1)", "enhancements": ["PC 12022.7"]}]}',
    '{"as_of": "1899-12-31", "victimization": {"kinds": ["sexual_violence"]},'
    ' "records": [{"offense": "647b"}]}',
    '{"unknown": ' + "1" * 4400 + ', "records": []}',
]


def _post(body: str | bytes) -> tuple[int, dict]:
    response = Client().post(URL, data=body, content_type="application/json")
    return response.status_code, json.loads(response.content)


def _is_field_errors(body: dict) -> bool:
    errors = body.get("errors")
    return (
        isinstance(errors, list)
        and bool(errors)
        and all(
            isinstance(e["field"], str) and e["message"].endswith(".") for e in errors
        )
    )


@pytest.mark.django_db
@pytest.mark.parametrize("body", PROBES)
def test_the_probes_cases_are_a_400_with_field_errors(body: str) -> None:
    status, answer = _post(body)
    assert status == 400
    assert _is_field_errors(answer)


@pytest.mark.parametrize("body", PROBES)
def test_the_command_exits_2_with_field_errors(body: str) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DEBUG")}
    done = subprocess.run(
        [sys.executable, "manage.py", "screen", "-"],
        cwd=ROOT,
        input=body.encode("utf-8"),
        capture_output=True,
        env=env,
        check=False,
        timeout=60,
    )
    assert done.returncode == 2, done.stderr[-500:]
    assert _is_field_errors(json.loads(done.stderr))
    assert b"Traceback" not in done.stderr


JSON_LEAF = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text()
    | st.sampled_from(
        ["yes", "no", "unsure", "felony", "conviction", "647b", "PC 211", "1899-01-01"]
    )
)
JSON = st.recursive(
    JSON_LEAF,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
FIELDS = st.sampled_from(
    [
        "id", "system", "disposition", "offense", "level", "county",
        "age_at_offense", "while_victimized", "direct_result", "reasonable_fear",
        "enhancements", "probation", "in_custody", "fines_unpaid", "restitution_unpaid",
    ]
)  # fmt: skip
RECORD = st.dictionaries(FIELDS, JSON, max_size=8)
CASE = st.fixed_dictionaries(
    {},
    optional={
        "as_of": st.dates().map(lambda d: d.isoformat()) | JSON,
        "victimization": st.dictionaries(
            st.sampled_from(["kinds", "ongoing", "sought_services"]), JSON
        )
        | JSON,
        "records": st.lists(RECORD, max_size=3) | JSON,
        "immigration": JSON,
    },
)


@pytest.mark.django_db
@override_settings(SCREEN_API_RATE_PER_MINUTE=1_000_000)
@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(body=CASE | JSON)
def test_any_json_gets_a_result_or_field_errors(body: object) -> None:
    status, answer = _post(json.dumps(body))
    assert status in (200, 400), answer
    if status == 400:
        assert _is_field_errors(answer)
    else:
        assert isinstance(answer["records"], list)
