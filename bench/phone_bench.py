"""Phone rows of ``make bench``: each survivor page type on Slow 3G.

Chromium (Debian's, never downloaded) at 360 x 740 walks one journey on the
loopback server, then loads every page type again with Chrome DevTools'
"Slow 3G" preset applied through the DevTools protocol (400 ms latency,
400 kbit/s down and up). The time is the page's own navigation timing,
from the start of the request to the end of the ``load`` event: what a
survivor waits before she can read and tap.

The journey loads the stylesheet and script once, as a phone walking the
questions does, so each row is a page of the journey (its HTML, with
assets from the browser cache); the start page is measured cold as well,
the first page a survivor ever sees. Targets (issue 12): every question
page <= 1.0 s, the results page <= 1.5 s.

Run alone against a running server: ``.venv/bin/python bench/phone_bench.py
http://127.0.0.1:8000``.
"""

from __future__ import annotations

import os
import re
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from playwright.sync_api import ViewportSize

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
PHONE: ViewportSize = {"width": 360, "height": 740}
# Chrome DevTools' "Slow 3G" preset, as the issue names it.
SLOW_3G = {
    "offline": False,
    "latency": 400,
    "downloadThroughput": 400 * 1000 / 8,
    "uploadThroughput": 400 * 1000 / 8,
}
QUESTION_TARGET = 1.0
RESULTS_TARGET = 1.5
STEP = re.compile(r"/q/(q\d+)/$")
# One journey: a trafficking survivor's 647(b) conviction in Los Angeles.
PLAN: dict[str, tuple[str, Any]] = {
    "q1": ("radio", "california"),
    "q2": ("radio", "conviction"),
    "q3": ("text", "prostitution"),
    "q4": ("radio", "PC 647(b)"),
    "q7": ("select", "Los Angeles"),
    "q8": ("check", ["human_trafficking"]),
    "q9": ("radio", "yes"),
    "q10": ("radio", "yes"),
    "q11": ("radio", "no"),
    "q12": ("radio", "yes"),
    "q13": ("skip", None),
}
LOAD_TIME = """() => {
    const [entry] = performance.getEntriesByType("navigation");
    return (entry.loadEventEnd - entry.startTime) / 1000;
}"""

Row = tuple[str, str, str]


class PhoneBenchError(Exception):
    pass


def _answer(page: Any, kind: str, value: Any) -> None:
    if kind == "radio":
        page.locator(f"input[value='{value}']").check()
    elif kind == "check":
        for item in value:
            page.locator(f"input[value='{item}']").check()
    elif kind == "text":
        page.locator("input[type=text]").fill(value)
    elif kind == "select":
        page.locator("select").select_option(value)
    with page.expect_navigation():
        page.locator("main button[type=submit]").click()


def journey(page: Any, base: str) -> list[tuple[str, str]]:
    """Walk the questions (unthrottled); return (page type, url) to measure."""
    pages = [("start page", f"{base}/"), ("safety page", f"{base}/safety/")]
    page.goto(f"{base}/safety/")
    with page.expect_navigation():
        page.locator("main button[type=submit]").click()
    for _ in range(30):
        match = STEP.search(page.url)
        if not match:
            break
        step = match.group(1)
        if step not in PLAN:
            raise PhoneBenchError(f"the journey has no answer for {step}")
        pages.append((f"question {step}", page.url))
        _answer(page, *PLAN[step])
    if not page.url.endswith("/check/"):
        raise PhoneBenchError(f"the journey ended on {page.url}")
    pages.append(("check your answers", page.url))
    with page.expect_navigation():
        page.locator("button[value=results]").click()
    if not page.url.endswith("/results/"):
        raise PhoneBenchError(f"results not shown ({page.url})")
    pages.append(("results", page.url))
    return pages


def _seconds(page: Any, url: str) -> float:
    response = page.goto(url, wait_until="load")
    if response is None or response.status != 200:
        status = response.status if response else "no response"
        raise PhoneBenchError(f"{url} answered {status}")
    return float(page.evaluate(LOAD_TIME))


def _row(kind: str, seconds: float, note: str = "") -> Row:
    target = RESULTS_TARGET if kind == "results" else QUESTION_TARGET
    verdict = "PASS" if seconds <= target else "FAIL"
    return (
        f"Slow 3G load: {kind}",
        f"{seconds:.2f} s",
        f"{note}<= {target:.1f} s {verdict}",
    )


def bench_slow3g(base: str) -> list[Row]:
    """One row per survivor page type, plus the start page with a cold cache."""
    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        raise PhoneBenchError(f"Chromium not found at {CHROMIUM}")
    rows: list[Row] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        try:
            cold = browser.new_context(viewport=PHONE)
            page = cold.new_page()
            cdp = cold.new_cdp_session(page)
            cdp.send("Network.enable")
            cdp.send("Network.emulateNetworkConditions", SLOW_3G)
            rows.append(_row("start page", _seconds(page, f"{base}/"), "cold cache; "))
            cold.close()

            context = browser.new_context(viewport=PHONE)
            page = context.new_page()
            pages = journey(page, base)
            cdp = context.new_cdp_session(page)
            cdp.send("Network.enable")
            cdp.send("Network.emulateNetworkConditions", SLOW_3G)
            for kind, url in pages:
                rows.append(_row(kind, _seconds(page, url)))
            context.close()
        finally:
            browser.close()
    return rows


if __name__ == "__main__":
    for name, value, note in bench_slow3g(sys.argv[1].rstrip("/")):
        print(f"{name:<40} {value:>8}  {note}")
