"""Production refuses to start half-configured, and is clean when configured."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PRODUCTION = {
    "SECRET_KEY": "x7Gq2-" + "k" * 30 + "Zp9_vT3mQw8rLs4nYb6cJd",
    "ALLOWED_HOSTS": "screener.example.org",
    # A fixed, valid Fernet key for the test only (intake/crypto.py).
    "INTAKE_ENCRYPTION_KEYS": "q7Y5u0V4c8mRk3sJx1Lw9Zp2Tn6Hb0Fd4Ge8Ka2Mc5E=",
}


def _python(code: str, **env: str) -> subprocess.CompletedProcess[str]:
    base = {
        k: v
        for k, v in os.environ.items()
        if k not in ("SECRET_KEY", "ALLOWED_HOSTS", "DEBUG", "PYTEST_CURRENT_TEST")
    }
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**base, "DJANGO_SETTINGS_MODULE": "config.settings", **env},
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_check_deploy_reports_no_issues_with_production_variables() -> None:
    done = _python(
        "from django.core.management import execute_from_command_line;"
        "execute_from_command_line(['manage.py', 'check', '--deploy', '--fail-level', 'DEBUG'])",
        **PRODUCTION,
    )
    assert done.returncode == 0, done.stderr
    assert "no issues" in done.stdout


def test_debug_is_off_unless_asked_for() -> None:
    done = _python(
        "import django; django.setup(); from django.conf import settings; print(settings.DEBUG)"
    )
    assert done.stdout.strip() == "False"


def test_the_web_server_refuses_to_start_without_a_secret_key() -> None:
    done = _python("import config.wsgi", ALLOWED_HOSTS="screener.example.org")
    assert done.returncode != 0
    assert "Set SECRET_KEY" in done.stderr


def test_the_web_server_refuses_to_start_without_allowed_hosts() -> None:
    done = _python("import config.wsgi", SECRET_KEY=PRODUCTION["SECRET_KEY"])
    assert done.returncode != 0
    assert "Set ALLOWED_HOSTS" in done.stderr


def test_the_web_server_starts_when_configured() -> None:
    done = _python("import config.wsgi; print('ready')", **PRODUCTION)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ready"


def _cache_backend(**env: str) -> str:
    done = _python(
        "import django; django.setup(); from django.conf import settings;"
        "print(settings.CACHES['default']['BACKEND'])",
        **env,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_rate_limits_are_shared_by_every_process_by_default() -> None:
    """Not a per-process memory: that gave each gunicorn worker its own budget."""
    assert _cache_backend(CACHE_URL="") == "django.core.cache.backends.db.DatabaseCache"
    assert _cache_backend(CACHE_URL="redis://cache.internal:6379/0") == (
        "django.core.cache.backends.redis.RedisCache"
    )


def test_two_processes_count_against_one_limit(tmp_path: Path) -> None:
    """After `migrate`, hits from one process are seen by the next one."""
    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}", "CACHE_URL": ""}
    migrate = _python(
        "from django.core.management import execute_from_command_line;"
        "execute_from_command_line(['manage.py', 'migrate', '-v', '0'])",
        **env,
    )
    assert migrate.returncode == 0, migrate.stderr
    hit = (
        "import django; django.setup(); from core import ratelimit;"
        "print(ratelimit.hit('test', '192.0.2.1', window=3600))"
    )
    counts = [_python(hit, **env).stdout.strip() for _ in range(3)]
    assert counts == ["1", "2", "3"]
