"""Real-browser tests: Debian's Chromium driven by Playwright at phone width.

Chromium is never downloaded (no ``playwright install``): the tests use
/usr/bin/chromium. Without it they skip with the reason, except in CI
(CI=true), where a missing browser is a failure.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {"width": 360, "height": 740}
SCREENS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screens"
AXE = Path(__file__).with_name("vendor") / "axe.min.js"
NEUTRAL_HOST = "https://www.google.com/"


def _require_browser() -> None:
    if shutil.which(CHROMIUM) or Path(CHROMIUM).exists():
        return
    message = f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="module")
def chromium(_allow_orm_beside_playwright: None) -> Iterator[Any]:
    _require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture(scope="module", autouse=True)
def _allow_orm_beside_playwright() -> Iterator[None]:
    """Playwright's sync API runs an event loop in this thread; the ORM calls
    made by live_server and the database fixtures are safe here. Set for the
    browser modules only, not at import, so it never leaks into other tests
    or the subprocesses they start (``check --deploy`` refuses it)."""
    before = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield
    if before is None:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = before


@pytest.fixture(autouse=True)
def _plain_http_live_server(settings: Any) -> None:
    """live_server speaks plain HTTP on localhost."""
    settings.SECURE_SSL_REDIRECT = False
    settings.SESSION_COOKIE_SECURE = False
    settings.ALLOWED_HOSTS = ["localhost", "127.0.0.1"]


class Visit:
    """One phone-sized browser context that records every request it makes."""

    def __init__(self, browser: Any, base: str, *, javascript: bool = True) -> None:
        self.base = base
        self.foreign: list[str] = []
        self.console_errors: list[str] = []
        self.context = browser.new_context(
            viewport=PHONE, java_script_enabled=javascript, locale="en-US"
        )
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on(
            "console",
            lambda m: self.console_errors.append(m.text) if m.type == "error" else None,
        )

    def _route(self, route: Any) -> None:
        url = route.request.url
        if url.startswith(self.base + "/exit/"):
            # Hand the redirect to the browser, so it navigates (and routes)
            # to the neutral site itself.
            response = route.fetch(max_redirects=0)
            route.fulfill(response=response)
        elif url.startswith(self.base):
            route.continue_()
        elif url.startswith(NEUTRAL_HOST) and route.request.is_navigation_request():
            # The exit button's destination, answered locally: no network.
            route.fulfill(
                status=200,
                content_type="text/html",
                body="<!doctype html><title>Weather</title><h1>Weather</h1>",
            )
        else:
            self.foreign.append(url)
            route.abort()

    def go(self, path: str) -> Any:
        return self.page.goto(self.base + path)

    def screenshot(self, name: str) -> None:
        SCREENS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SCREENS / f"{name}.png"), full_page=True)

    def axe(self) -> list[dict[str, Any]]:
        """axe-core violations on the current page (WCAG 2.2 A and AA)."""
        if not self.page.evaluate("typeof window.axe !== 'undefined'"):
            self.page.evaluate(AXE.read_text(encoding="utf-8"))
        result = self.page.evaluate(
            """() => axe.run(document, {runOnly: {type: 'tag', values:
                ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa',
                 'best-practice']}})"""
        )
        return [
            {
                "id": v["id"],
                "help": v["help"],
                "nodes": [n["target"] for n in v["nodes"]],
            }
            for v in result["violations"]
        ]

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def visit(chromium: Any, live_server: Any) -> Iterator[Visit]:
    session = Visit(chromium, live_server.url)
    yield session
    session.close()
    assert session.foreign == [], f"third-party requests: {session.foreign}"


@pytest.fixture
def visit_without_js(chromium: Any, live_server: Any) -> Iterator[Visit]:
    session = Visit(chromium, live_server.url, javascript=False)
    yield session
    session.close()
    assert session.foreign == []
