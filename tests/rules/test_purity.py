"""The rules run where Django does not exist: partners import them bare."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_rules_import_and_screen_with_django_absent() -> None:
    program = textwrap.dedent(
        """
        import sys

        class NoDjango:
            def find_spec(self, name, path=None, target=None):
                if name == "django" or name.startswith("django."):
                    raise ImportError("django is hidden for this test")
                return None

        sys.meta_path.insert(0, NoDjango())
        from screener.rules import screen
        result = screen({"as_of": "2026-11-22", "records": [{"offense": "647b"}]})
        assert result["records"][0]["offense"]["code"] == "PC 647(b)"
        assert not any(m == "django" or m.startswith("django.") for m in sys.modules)
        print("ok")
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", program],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_no_rules_module_mentions_django() -> None:
    offenders = [
        path.name
        for path in (ROOT / "screener" / "rules").rglob("*.py")
        if "import django" in path.read_text() or "from django" in path.read_text()
    ]
    assert offenders == []
