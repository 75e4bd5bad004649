"""A survivor over HTTP: reads the real forms, answers, retries like a patient person.

Each visitor has answers no other visitor has (a branch and a county, and a
second record for some), so a page that shows someone else's answers is
caught: the counties on the check-your-answers page must be exactly theirs.
"""

from __future__ import annotations

import asyncio
import random
import re
import time
from dataclasses import dataclass, field
from typing import Any

import httpx

from screener.counties import COUNTIES

Plan = dict[str, tuple[Any, ...]]

BASE_PLAN: Plan = {
    "q1": ("radio", "california"),
    "q2": ("radio", "conviction"),
    "q3": ("text", "prostitution"),
    "q4": ("radio", "PC 647(b)"),
    "q8": ("check", ["human_trafficking"]),
    "q9": ("radio", "yes"),
    "q10": ("radio", "yes"),
    "q11": ("radio", "no"),
    "q12": ("radio", "yes"),
}
# The branches of the browser suite (tests/browser/journeys.py), over HTTP.
BRANCHES: dict[str, Plan] = {
    "647b_likely": BASE_PLAN,
    "robbery": BASE_PLAN
    | {"q3": ("text", "211"), "q4": ("radio", "PC 211"), "q6": ("check", ["none"])},
    "federal": BASE_PLAN
    | {
        "q1": ("radio", "federal"),
        "q3": ("text", "21 USC 841"),
        "q4": ("radio", "21 USC 841"),
    },
    "pending": BASE_PLAN | {"q2": ("radio", "pending")},
    "unknown_code": BASE_PLAN
    | {
        "q3": ("text", "PC 99999"),
        "q4": ("radio", "typed"),
        "q5": ("radio", "unknown"),
        "q6": ("check", ["unsure"]),
    },
    "ongoing": BASE_PLAN
    | {
        "q8": ("check", ["intimate_partner_violence"]),
        "q9": ("skip",),
        "q11": ("radio", "yes"),
    },
}
BRANCH_NAMES = list(BRANCHES)
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
ORGANIZATION = re.compile(r'name="organization" value="(\d+)"')
HANDOFF_KEY = re.compile(r'name="key" value="([^"]+)"')
STEP = re.compile(r"/q/(q\d+)/$")
COUNTY_WORDS = {county: re.compile(rf"\b{re.escape(county)}\b") for county in COUNTIES}


class JourneyFailed(Exception):
    pass


@dataclass
class Stats:
    """What every visitor saw, for the scenario's table and verdict."""

    requests: int = 0
    latencies: list[tuple[float, float]] = field(
        default_factory=list
    )  # (start, seconds)
    statuses: dict[int, int] = field(default_factory=dict)
    calm_outage_503: int = 0
    busy_pdf: int = 0
    connection_failovers: int = 0
    unexpected: list[str] = field(default_factory=list)
    outage_allowed: bool = False


@dataclass
class Visitor:
    number: int
    servers: list[str]
    stats: Stats
    spanish: bool = False
    handoff: bool = False
    second_record: bool = False
    think: float = 0.0
    deadline_seconds: float = 120.0
    branch: str = ""
    counties: list[str] = field(default_factory=list)
    _turn: int = 0
    _dead: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.branch = BRANCH_NAMES[(self.number // len(COUNTIES)) % len(BRANCH_NAMES)]
        first = COUNTIES[self.number % len(COUNTIES)]
        self.counties = [] if self.branch == "federal" else [first]
        self.second_record = self.second_record and bool(self.counties)
        if self.second_record:
            self.counties.append(COUNTIES[(self.number * 7 + 3) % len(COUNTIES)])
        self.name = f"soak-{self.number}"
        self.client = httpx.AsyncClient(follow_redirects=False, timeout=30)

    # --- HTTP with patience ---------------------------------------------------

    def _base(self) -> str:
        alive = [s for s in self.servers if s not in self._dead] or self.servers
        self._turn += 1
        return alive[self._turn % len(alive)]  # alternate between servers

    async def request(self, method: str, path: str, data: Any = None) -> httpx.Response:
        started = time.monotonic()
        while True:
            base = self._base()
            try:
                t0 = time.monotonic()
                response = await self.client.request(method, base + path, data=data)
                elapsed = time.monotonic() - t0
            except httpx.TransportError:
                # A killed server: a person would reload; the load balancer
                # sends them to a server that is still up.
                self.stats.connection_failovers += 1
                self._dead.add(base)
                self._check_deadline(started, path)
                await asyncio.sleep(0.2)
                continue
            self.stats.requests += 1
            self.stats.statuses[response.status_code] = (
                self.stats.statuses.get(response.status_code, 0) + 1
            )
            if response.status_code == 503 and "Retry-After" in response.headers:
                wait = self._calm_503(path, response)
                self._check_deadline(started, path)
                await asyncio.sleep(wait)
                continue
            if response.status_code >= 500 or response.status_code in (400, 403, 404):
                self.stats.unexpected.append(
                    f"{method} {path} -> {response.status_code}"
                )
                raise JourneyFailed(f"{method} {path} answered {response.status_code}")
            if not path.startswith("/petition/"):
                self.stats.latencies.append((t0, elapsed))
            return response

    def _calm_503(self, path: str, response: httpx.Response) -> float:
        text = response.text
        if path.startswith("/petition/") and "csrfmiddlewaretoken" in text:
            self.stats.busy_pdf += 1
            return min(float(response.headers["Retry-After"]), 2.0) + random.random()
        calm = 'class="exit-button' in text and "1-888-373-7888" in text
        if not calm or not self.stats.outage_allowed:
            self.stats.unexpected.append(f"{path} -> 503 outside an outage")
            raise JourneyFailed(f"{path}: 503 outside an outage window")
        self.stats.calm_outage_503 += 1
        return 0.5 + random.random() * 0.5

    def _check_deadline(self, started: float, path: str) -> None:
        if time.monotonic() - started > self.deadline_seconds:
            raise JourneyFailed(
                f"{path}: no answer within {self.deadline_seconds:.0f} s"
            )

    async def get(self, path: str) -> httpx.Response:
        return await self.request("GET", path)

    async def post(self, path: str, data: dict[str, Any]) -> httpx.Response:
        return await self.request("POST", path, data)

    async def pause(self) -> None:
        if self.think:
            await asyncio.sleep(random.random() * self.think)

    # --- the journey ----------------------------------------------------------

    @staticmethod
    def _csrf(page: httpx.Response) -> str:
        match = CSRF.search(page.text)
        if not match:
            raise JourneyFailed(f"no form on {page.url}")
        return match.group(1)

    def _expect_language(self, page: httpx.Response) -> None:
        want = 'lang="es"' if self.spanish else 'lang="en"'
        if want not in page.text[:300]:
            self.stats.unexpected.append(f"{page.url}: wrong language")
            raise JourneyFailed(f"{page.url} is not in the visitor's language")

    async def start(self) -> str:
        start = await self.get("/")
        if self.spanish:
            await self.post(
                "/i18n/setlang/",
                {
                    "language": "es",
                    "next": "/",
                    "csrfmiddlewaretoken": self._csrf(start),
                },
            )
        safety = await self.get("/safety/")
        self._expect_language(safety)
        begun = await self.post("/begin/", {"csrfmiddlewaretoken": self._csrf(safety)})
        return begun.headers["Location"]

    def _answer(self, step: str, plan: Plan, county: str) -> dict[str, Any]:
        if step == "q7":
            return {"q7-answer": county}
        if step not in plan:
            raise JourneyFailed(f"unexpected question {step} on branch {self.branch}")
        kind, *value = plan[step]
        if kind == "text":
            return {f"{step}-query": value[0]}
        if kind in ("radio", "select"):
            return {f"{step}-answer": value[0]}
        if kind == "check":
            return {f"{step}-answer": value[0]}
        return {}

    async def walk(self, location: str, county: str) -> str:
        """Answer every question asked until the check page; return its path."""
        plan = BRANCHES[self.branch]
        for _ in range(30):
            match = STEP.search(location)
            if not match:
                return await self.follow(location)
            step = match.group(1)
            page = await self.get(location)
            await self.pause()
            data = {
                "csrfmiddlewaretoken": self._csrf(page),
                "s-current_step": step,
                **self._answer(step, plan, county),
            }
            answered = await self.post(location, data)
            if answered.status_code != 302:
                raise JourneyFailed(f"{step} was not accepted ({answered.status_code})")
            location = answered.headers["Location"]
        raise JourneyFailed("more than 30 questions")

    async def follow(self, location: str) -> str:
        """Follow GET redirects (the wizard's end step goes to the check page)."""
        for _ in range(5):
            page = await self.get(location)
            if page.status_code not in (301, 302):
                return location
            location = page.headers["Location"]
        raise JourneyFailed(f"redirect loop at {location}")

    def _check_counties(self, page: httpx.Response) -> None:
        shown = {c for c, pattern in COUNTY_WORDS.items() if pattern.search(page.text)}
        if shown != set(self.counties):
            self.stats.unexpected.append(
                f"visitor {self.number}: check page shows {sorted(shown)}, "
                f"expected {sorted(self.counties)}"
            )
            raise JourneyFailed("answers on the check page are not this visitor's")

    async def finish_answers(self) -> httpx.Response:
        """From the first question to the results page."""
        location = await self.start()
        counties = self.counties or ["Los Angeles"]  # federal: no county asked
        location = await self.walk(location, counties[0])
        if self.second_record:
            check = await self.get(location)
            added = await self.post(
                location, {"csrfmiddlewaretoken": self._csrf(check), "action": "add"}
            )
            location = await self.walk(added.headers["Location"], counties[1])
        check = await self.get(location)
        self._expect_language(check)
        self._check_counties(check)
        shown = await self.post(
            location, {"csrfmiddlewaretoken": self._csrf(check), "action": "results"}
        )
        results = await self.get(shown.headers["Location"])
        self._expect_language(results)
        return results

    async def send_to_legal_aid(self) -> None:
        page = await self.get("/send/")
        organization = ORGANIZATION.search(page.text)
        key = HANDOFF_KEY.search(page.text)
        if not organization or not key:
            raise JourneyFailed("the hand-off form offers no organisation")
        sent = await self.post(
            "/send/",
            {
                "csrfmiddlewaretoken": self._csrf(page),
                "key": key.group(1),
                "organization": organization.group(1),
                "name": self.name,
                "method": "phone",
                "phone": "(916) 555-0100",
                "safe_times": "weekdays",
                "leave_message": "no",
                "say_who": "no",
                "consent": "on",
            },
        )
        if sent.status_code != 302:
            raise JourneyFailed(f"hand-off not accepted ({sent.status_code})")
        await self.get(sent.headers["Location"])

    async def download_packet(self) -> bytes:
        page = await self.get("/petition/")
        response = await self.post(
            "/petition/",
            {"csrfmiddlewaretoken": self._csrf(page), "file_format": "pdf"},
        )
        if not response.content.startswith(b"%PDF"):
            raise JourneyFailed(f"no PDF ({response.status_code})")
        return response.content

    async def run(self) -> None:
        try:
            await self.finish_answers()
            if self.handoff and self.counties:
                await self.send_to_legal_aid()
        finally:
            await self.client.aclose()
