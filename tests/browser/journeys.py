"""Drive the screening through the page, the way a person would."""

from __future__ import annotations

import re
from typing import Any

from tests.browser.conftest import Visit

# For each question, what to do: ("radio", value), ("check", [values]),
# ("text", words), ("dont_know",), ("select", county), ("skip",).
Plan = dict[str, tuple[Any, ...]]

TRAFFICKING_647B: Plan = {
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
    "q13": ("skip",),
}

OUTCOMES: dict[str, Plan] = {
    "647b_likely": TRAFFICKING_647B,
    "robbery_not_eligible": TRAFFICKING_647B
    | {"q3": ("text", "211"), "q4": ("radio", "PC 211"), "q6": ("check", ["none"])},
    "federal_tsra": {k: v for k, v in TRAFFICKING_647B.items() if k != "q7"}
    | {
        "q1": ("radio", "federal"),
        "q3": ("text", "21 USC 841"),
        "q4": ("radio", "21 USC 841"),
        "q14": ("skip",),
    },
    "pending_defense": TRAFFICKING_647B | {"q2": ("radio", "pending")},
    "unknown_code_review": TRAFFICKING_647B
    | {
        "q3": ("text", "PC 99999"),
        "q4": ("radio", "typed"),
        "q5": ("radio", "unknown"),
        "q6": ("check", ["unsure"]),
    },
    "ongoing_hotline": TRAFFICKING_647B
    | {
        "q8": ("check", ["intimate_partner_violence"]),
        "q9": ("skip",),
        "q11": ("radio", "yes"),
    },
}


def step_of(visit: Visit) -> str | None:
    match = re.search(r"/q/(q\d+)/$", visit.page.url)
    return match.group(1) if match else None


def answer(visit: Visit, action: tuple[Any, ...]) -> None:
    page = visit.page
    kind = action[0]
    if kind in ("radio", "check"):
        values = action[1] if kind == "check" else [action[1]]
        for value in values:
            page.locator(f"input[value='{value}']").check()
    elif kind == "text":
        page.locator("input[type=text]").fill(action[1])
    elif kind == "dont_know":
        page.locator("input[type=checkbox]").check()
    elif kind == "select":
        page.locator("select").select_option(action[1])
    # Wait for the POST, its redirect and the next page: a test that goes
    # Back before then races the navigation still under way.
    with page.expect_navigation():
        page.locator("main button[type=submit]").click()


def start(visit: Visit) -> None:
    visit.go("/")
    with visit.page.expect_navigation():
        visit.page.locator("a.button-start").click()
    with visit.page.expect_navigation():
        visit.page.locator("main button[type=submit]").click()


def walk(visit: Visit, plan: Plan, *, screens: str | None = None) -> list[str]:
    """Answer every question asked, until the check page; return the steps."""
    asked = []
    for _ in range(30):
        step = step_of(visit)
        if step is None:
            break
        assert step in plan, f"unexpected question {step}"
        asked.append(step)
        if screens:
            visit.screenshot(f"{screens}-{step}")
        answer(visit, plan[step])
    assert visit.page.url.endswith("/check/"), visit.page.url
    return asked


def see_results(visit: Visit) -> None:
    visit.page.locator("button[value=results]").click()
    assert visit.page.url.endswith("/results/")
