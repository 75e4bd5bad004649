"""The production recipe itself: gunicorn with config/gunicorn.conf.py, after
collectstatic, serves health checks and compressed no-store static files.

docs/deploy.md promises these; `make soak` exercises them under load.
"""

from __future__ import annotations

import gzip
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.test_settings import PRODUCTION, ROOT


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 - loopback only
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    tmp = tmp_path_factory.mktemp("production")
    env = {
        **{
            k: v
            for k, v in os.environ.items()
            if k not in ("DEBUG", "PYTEST_CURRENT_TEST")
        },
        **PRODUCTION,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "STATIC_ROOT": str(tmp / "static"),
        "DATABASE_URL": f"sqlite:///{tmp / 'db.sqlite3'}",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_COOKIES": "0",
        "WEB_CONCURRENCY": "1",
        "WEB_THREADS": "2",
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=120,
    )
    port = _free_port()
    gunicorn = Path(sys.executable).with_name("gunicorn")
    process = subprocess.Popen(
        [str(gunicorn), "-c", "config/gunicorn.conf.py", "config.wsgi"],
        cwd=ROOT,
        env={**env, "PORT": str(port), "GUNICORN_BIND": f"127.0.0.1:{port}"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if _get(f"{base}/healthz")[0] == 200:
                    break
            except OSError:
                time.sleep(0.2)
        else:
            process.kill()
            pytest.fail(
                f"gunicorn did not start: {process.stderr.read().decode()[-2000:]}"
            )
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_the_liveness_check_answers_without_a_cookie(server: str) -> None:
    status, headers, body = _get(f"{server}/healthz")
    assert (status, body) == (200, b"ok\n")
    assert "Set-Cookie" not in headers


def test_static_files_are_served_compressed_and_never_stored(server: str) -> None:
    status, headers, body = _get(
        f"{server}/static/screener/app.css", **{"Accept-Encoding": "gzip"}
    )
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert headers["Cache-Control"] == "no-store"
    original = (ROOT / "static" / "screener" / "app.css").read_bytes()
    assert gzip.decompress(body) == original
    assert len(body) < len(original)


def _gunicorn_settings(**env: str) -> dict[str, object]:
    """config/gunicorn.conf.py's values under ``env`` (and none of the bind vars)."""
    names = ("WEB_CONCURRENCY", "WEB_THREADS", "PORT", "BIND", "GUNICORN_BIND")
    saved = {k: os.environ.get(k) for k in names}
    for key in names:
        os.environ.pop(key, None)
    os.environ.update(env)
    namespace: dict[str, object] = {}
    try:
        code = (ROOT / "config" / "gunicorn.conf.py").read_text()
        exec(compile(code, "gunicorn.conf.py", "exec"), namespace)  # noqa: S102 - our own file
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    return namespace


def test_gunicorn_runs_gthread_workers_from_the_environment() -> None:
    namespace = _gunicorn_settings(WEB_CONCURRENCY="3", WEB_THREADS="5", PORT="9123")
    assert (namespace["worker_class"], namespace["workers"], namespace["threads"]) == (
        "gthread",
        3,
        5,
    )
    assert namespace["bind"] == "127.0.0.1:9123"
    assert namespace["accesslog"] is None  # no paths or addresses kept by default


@pytest.mark.parametrize(
    ("env", "bind"),
    [
        ({}, "127.0.0.1:8000"),  # loopback unless told otherwise
        ({"BIND": "10.0.0.5"}, "10.0.0.5:8000"),
        ({"BIND": "10.0.0.5", "PORT": "9000"}, "10.0.0.5:9000"),
        ({"BIND": "10.0.0.5:8080"}, "10.0.0.5:8080"),
        ({"BIND": "::1"}, "[::1]:8000"),
        ({"BIND": "[::1]:8081"}, "[::1]:8081"),
        ({"GUNICORN_BIND": "unix:/run/screener.sock"}, "unix:/run/screener.sock"),
    ],
)
def test_gunicorn_binds_loopback_unless_told(env: dict[str, str], bind: str) -> None:
    assert _gunicorn_settings(**env)["bind"] == bind


def test_a_server_process_starts_warm_with_its_long_lived_objects_frozen() -> None:
    """config/wsgi.py loads the catalog, law and page templates, then gc.freeze().

    Otherwise every full garbage collection walks those ~100,000 objects with
    the GIL held (about 20 ms), stopping every thread of the process at once.
    """
    env = {
        **{k: v for k, v in os.environ.items() if k != "DEBUG"},
        **PRODUCTION,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    probe = (
        "import gc, config.wsgi; "
        "from screener.rules import catalog; "
        "print(gc.get_freeze_count(), catalog.catalog.cache_info().currsize)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    frozen, catalogs_loaded = map(int, done.stdout.split())
    assert catalogs_loaded == 1
    assert frozen > 50_000
