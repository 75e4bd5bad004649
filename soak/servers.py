"""App servers on loopback, for the soak and the web benchmark alike.

gunicorn with the production config (``config/gunicorn.conf.py``) and the
production settings, except plain http on 127.0.0.1 and fresh secrets each
run. One implementation, so that what ``make soak`` proves and what ``make
bench`` measures are the same server.
"""

from __future__ import annotations

import os
import secrets
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from soak.cluster import free_port

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).with_name("gunicorn")
# Set by each run, never taken from the shell that starts it.
NOT_INHERITED = {
    "DEBUG",
    "DATABASE_URL",
    "WEB_CONCURRENCY",
    "WEB_THREADS",
    "CACHE_URL",
    "PYTEST_CURRENT_TEST",
}


class ServerError(RuntimeError):
    """A server or a management command did not do its part; the message says why."""


def loopback_environment(
    database_url: str, static_root: str, **overrides: str
) -> dict[str, str]:
    """Production settings for servers on plain-http loopback, fresh secrets."""
    from cryptography.fernet import Fernet

    inherited = {k: v for k, v in os.environ.items() if k not in NOT_INHERITED}
    return {
        **inherited,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_COOKIES": "0",
        "SECURE_HSTS_SECONDS": "0",
        "DATABASE_URL": database_url,
        "INTAKE_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
        "STATIC_ROOT": static_root,
        **overrides,
    }


def manage(env: dict[str, str], *args: str) -> str:
    """``manage.py`` with this environment; its output, or ServerError with its errors."""
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if done.returncode:
        raise ServerError(f"manage.py {' '.join(args)} failed:\n{done.stderr[-3000:]}")
    return done.stdout


class Server:
    """One gunicorn on a free loopback port, logging to ``log_dir``.

    ``start`` returns once ``ready_path`` answers 200 (``/healthz``, or
    ``/healthz/db`` to wait for the database too).
    """

    def __init__(
        self, env: dict[str, str], log_dir: Path, ready_path: str = "/healthz"
    ) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.ready_path = ready_path
        self.env = {**env, "GUNICORN_BIND": f"127.0.0.1:{self.port}"}
        self.process: subprocess.Popen[bytes] | None = None
        self.log = open(Path(log_dir) / f"gunicorn-{self.port}.log", "wb")  # noqa: SIM115

    def start(self) -> None:
        self.process = subprocess.Popen(
            [str(GUNICORN), "-c", "config/gunicorn.conf.py", "config.wsgi"],
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=self.log,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and self.process.poll() is None:
            try:
                with urllib.request.urlopen(  # noqa: S310 - loopback http only
                    f"{self.base}{self.ready_path}", timeout=2
                ) as response:
                    if response.status == 200:
                        return
            except OSError:  # not up yet, or 503 while the database is not
                time.sleep(0.2)
        raise ServerError(f"gunicorn on {self.port} did not start:\n{self.log_tail()}")

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def kill(self) -> None:
        """SIGKILL the whole server (master and workers), as a crash would."""
        if self.alive():
            assert self.process is not None
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=30)

    def stop(self) -> None:
        if self.alive():
            assert self.process is not None
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()
        self.log.close()

    def log_tail(self, lines: int = 20) -> str:
        if not self.log.closed:
            self.log.flush()
        text = Path(self.log.name).read_text(errors="replace").splitlines()
        return "\n".join(text[-lines:])
