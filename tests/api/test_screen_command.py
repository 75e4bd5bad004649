"""``python manage.py screen``: what partners' scripts and acceptance checks run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.rules.conftest import build_case

ROOT = Path(__file__).resolve().parents[2]


def _run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DEBUG")}
    return subprocess.run(
        [sys.executable, "manage.py", "screen", *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=60,
    )


def test_stdin_to_stdout_with_no_configuration() -> None:
    case = build_case({})
    case["as_of"] = "2026-11-22"
    done = _run(stdin=json.dumps(case))
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["as_of"] == "2026-11-22"
    assert result["records"][0]["remedies"][0]["status"] == "likely"


def test_dash_and_a_file_read_the_same_case(tmp_path: Path) -> None:
    case = build_case({"record": {"offense": "PC 211", "level": "felony"}})
    case["as_of"] = "2026-11-22"
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case), encoding="utf-8")
    from_file = _run(str(path))
    from_stdin = _run("-", stdin=json.dumps(case))
    assert from_file.returncode == from_stdin.returncode == 0
    assert json.loads(from_file.stdout) == json.loads(from_stdin.stdout)
    assert (
        json.loads(from_file.stdout)["records"][0]["remedies"][0]["status"]
        == "not_eligible"
    )


def test_invalid_input_exits_2_with_errors_on_stderr() -> None:
    done = _run(stdin=json.dumps({"records": [{"level": "huge"}]}))
    assert done.returncode == 2
    assert done.stdout == ""
    assert json.loads(done.stderr)["errors"][0]["field"] == "records[0].level"


def test_not_json_and_a_missing_file_exit_2() -> None:
    for args, stdin in (((), "not json"), (("/nonexistent/case.json",), "")):
        done = _run(*args, stdin=stdin)
        assert done.returncode == 2
        assert json.loads(done.stderr)["errors"][0]["message"]
