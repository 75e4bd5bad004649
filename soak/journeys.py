"""A survivor over HTTP: reads the real forms, answers, retries like a patient person.

Each visitor has answers no other visitor has (a branch and a county, and a
second record for some), so a page that shows someone else's answers is
caught: the counties on the check-your-answers page must be exactly theirs.
"""

from __future__ import annotations

import asyncio
import copy
import html
import ipaddress
import random
import re
import time
from dataclasses import dataclass, field
from typing import Any

import httpx

from screener.counties import COUNTIES
from screener.legal_aid import directory

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
    "q13": ("skip",),
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
        "q14": ("radio", "no"),
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
REFERENCE = re.compile(r"\b([A-HJ-NP-Z2-9]{8})\.")
TITLE = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)
# Below the servers' keep-alive (config/gunicorn.conf.py, 5 s): see Visitor.
CLIENT_KEEPALIVE_SECONDS = 2.0
MANAGEMENT = re.compile(r'name="(\w+)-current_step"')
COUNTY_WORDS = {county: re.compile(rf"\b{re.escape(county)}\b") for county in COUNTIES}
# The results page names the legal-aid groups of each record's county: a
# fingerprint of the visitor's counties on a page that does not print them.
LOCAL_HELP = {
    county: frozenset(org.name for org in orgs)
    for county, orgs in directory().by_county.items()
}
ALL_LOCAL_HELP = frozenset().union(*LOCAL_HELP.values())
# Words only the Spanish pages carry (the exit button), and only the English.
SPANISH_MARK, ENGLISH_MARK = "Salir de esta página", "Exit this page"
_SCRIPT = re.compile(r"<script\b.*?</script>", re.S)
# Grace after PostgreSQL is back during which a 503 still counts as the
# outage's (a connection being re-made, a retry already scheduled).
OUTAGE_GRACE_SECONDS = 3.0


class JourneyFailed(Exception):
    pass


@dataclass
class Stats:
    """What every visitor of a scenario saw, for its table row and verdict.

    A calm 503 counts as expected only while PostgreSQL is down (between
    ``outage_from`` and ``outage_until`` plus a grace); a connection error
    only once a server has been killed (``killed_at``). Anything else is
    recorded in ``unexpected`` and fails the scenario.
    """

    requests: int = 0
    latencies: list[tuple[float, float]] = field(
        default_factory=list
    )  # (start, seconds)
    statuses: dict[int, int] = field(default_factory=dict)
    calm_outage_503: int = 0
    busy_pdf: int = 0
    limited_pdf: int = 0
    connection_failovers: int = 0
    unexpected: list[str] = field(default_factory=list)
    outage_from: float | None = None
    outage_until: float | None = None
    killed_at: float | None = None

    def in_outage(self, now: float) -> bool:
        if self.outage_from is None or now < self.outage_from:
            return False
        return self.outage_until is None or now <= (
            self.outage_until + OUTAGE_GRACE_SECONDS
        )

    def expected_503s(self) -> int:
        return self.calm_outage_503 + self.busy_pdf


@dataclass
class Visitor:
    number: int
    servers: list[str]
    stats: Stats
    spanish: bool = False
    handoff: bool = False
    double_send: bool = False
    resend: bool = False
    second_record: bool = False
    think: float = 0.0
    deadline_seconds: float = 120.0
    branch: str = ""
    counties: list[str] = field(default_factory=list)
    first_at: float = 0.0
    last_at: float = 0.0
    saw_outage: bool = False
    sent: bool = False
    address: str = ""
    _turn: int = 0
    _dead: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.branch = BRANCH_NAMES[(self.number // len(COUNTIES)) % len(BRANCH_NAMES)]
        first = COUNTIES[self.number % len(COUNTIES)]
        self.counties = [] if self.branch == "federal" else [first]
        self.second_record = self.second_record and bool(self.counties)
        if self.second_record:
            self.counties.append(COUNTIES[(self.number * 7 + 3) % len(COUNTIES)])
        self.handoff = self.handoff and bool(self.counties)
        self.double_send = self.double_send and self.handoff
        self.resend = self.resend and self.handoff
        self.name = f"soak-{self.number}"
        # Each visitor comes from an address of its own, as the load balancer
        # forwards it (AXES_PROXY_COUNT=1): the per-address limits then count
        # one person, as in production, not every visitor at once.
        self.address = self.address or str(
            ipaddress.IPv4Address("10.0.0.0") + self.number + 1
        )
        # An idle connection is dropped by the client before the server's
        # keep-alive (GUNICORN_KEEPALIVE, 5 s) closes it: with both at 5 s a
        # request sent on a connection the server is closing at that moment
        # fails with ReadError (seen in CI: downloaders idle ~5 s while the
        # burst's baseline ran). A load balancer in front must do the same
        # (docs/deploy.md, "Keep-alive").
        self.client = httpx.AsyncClient(
            follow_redirects=False,
            timeout=30,
            headers={"X-Forwarded-For": self.address},
            limits=httpx.Limits(keepalive_expiry=CLIENT_KEEPALIVE_SECONDS),
        )

    # --- HTTP with patience ---------------------------------------------------

    def _base(self) -> str:
        alive = [s for s in self.servers if s not in self._dead] or self.servers
        self._turn += 1
        return alive[self._turn % len(alive)]  # alternate between servers

    def _fail(self, problem: str) -> JourneyFailed:
        """Record a problem (it fails the scenario) and end the journey."""
        self.stats.unexpected.append(f"visitor {self.number}: {problem}")
        return JourneyFailed(problem)

    async def request(
        self,
        method: str,
        path: str,
        data: Any = None,
        base: str | None = None,
    ) -> httpx.Response:
        started = time.monotonic()
        self.first_at = self.first_at or started
        while True:
            target = base if base and base not in self._dead else self._base()
            try:
                t0 = time.monotonic()
                response = await self.client.request(method, target + path, data=data)
                elapsed = time.monotonic() - t0
            except httpx.TransportError as error:
                # A killed server: a person would reload; the load balancer
                # sends them to a server that is still up. Before any kill,
                # a connection error is a failure of its own.
                if self.stats.killed_at is None:
                    raise self._fail(
                        f"{method} {path}: {error!r} before any kill"
                    ) from error
                self.stats.connection_failovers += 1
                self._dead.add(target)
                self._check_deadline(started, path)
                await asyncio.sleep(0.2)
                continue
            self.last_at = time.monotonic()
            self.stats.requests += 1
            self.stats.statuses[response.status_code] = (
                self.stats.statuses.get(response.status_code, 0) + 1
            )
            if response.status_code in (429, 503):
                wait = self._calm_refusal(method, path, response)
                self._check_deadline(started, path)
                await asyncio.sleep(wait)
                continue
            if response.status_code >= 500 or response.status_code in (400, 403, 404):
                title = TITLE.search(response.text)
                raise self._fail(
                    f"{method} {path} answered {response.status_code} "
                    f"({title.group(1).strip() if title else 'no title'})"
                )
            if not path.startswith("/petition/"):
                self.stats.latencies.append((t0, elapsed))
            return response

    def _calm_refusal(self, method: str, path: str, response: httpx.Response) -> float:
        """How long to wait before the same request again, or fail the journey."""
        code = response.status_code
        retry_after = response.headers.get("Retry-After", "")
        if not retry_after.isdigit():
            raise self._fail(f"{method} {path} -> {code} without Retry-After")
        seconds = int(retry_after)
        text = response.text
        if path.startswith("/petition/") and method == "POST":
            # Busy (503) or too many (429): the form comes back with what was
            # typed. A patient person waits as told, give or take.
            if "csrfmiddlewaretoken" not in text or "%PDF" in text[:10]:
                raise self._fail(f"{path} -> {code} without the form kept")
            if code == 503:
                self.stats.busy_pdf += 1
            else:
                self.stats.limited_pdf += 1
            return seconds * (1 + random.random() / 2)
        calm = 'class="exit-button' in text and "1-888-373-7888" in text
        if code != 503 or not calm:
            raise self._fail(f"{method} {path} -> {code} (not the calm outage page)")
        if not self.stats.in_outage(time.monotonic()):
            raise self._fail(f"{method} {path} -> calm 503 outside the outage")
        self._expect_language(response)
        self.stats.calm_outage_503 += 1
        self.saw_outage = True
        # Not the 15 s the page asks for: the soak's outage is short, and a
        # person who reloads early just sees the calm page again.
        return min(seconds, 1.0) * (0.5 + random.random() * 0.5)

    def _check_deadline(self, started: float, path: str) -> None:
        if time.monotonic() - started > self.deadline_seconds:
            raise self._fail(f"{path}: no answer within {self.deadline_seconds:.0f} s")

    async def get(self, path: str) -> httpx.Response:
        return await self.request("GET", path)

    async def post(
        self, path: str, data: dict[str, Any], base: str | None = None
    ) -> httpx.Response:
        return await self.request("POST", path, data, base)

    async def confirmation(self, sent: httpx.Response) -> str:
        """The reference a sent hand-off shows, wherever it landed.

        Sending answers 302 to the confirmation; a resend whose first try
        already went through (its session, and the CSRF token in it, flushed)
        answers the confirmation itself (intake.handoff.csrf_failure).
        """
        page = sent
        if sent.status_code == 302 and sent.headers["Location"] == "/send/done/":
            page = await self.get("/send/done/")
        found = REFERENCE.search(html.unescape(page.text))
        if page.status_code != 200 or not found:
            raise self._fail(
                f"hand-off landed on {page.status_code} "
                f"{page.headers.get('Location', '')} without a reference"
            )
        self._expect_language(page)
        return found.group(1)

    async def send_copy(self, form: dict[str, Any], base: str | None) -> str:
        """Send the hand-off form once more; the reference it lands on."""
        return await self.confirmation(await self.request("POST", "/send/", form, base))

    async def pause(self) -> None:
        if self.think:
            await asyncio.sleep(random.random() * self.think)

    # --- the journey ----------------------------------------------------------

    def _csrf(self, page: httpx.Response) -> str:
        match = CSRF.search(page.text)
        if not match:
            raise self._fail(f"no form on {page.url} ({page.status_code})")
        return match.group(1)

    def _expect_language(self, page: httpx.Response) -> None:
        lang, mark, other = (
            ('lang="es"', SPANISH_MARK, ENGLISH_MARK)
            if self.spanish
            else ('lang="en"', ENGLISH_MARK, SPANISH_MARK)
        )
        # What a person reads: the inline script carries both languages'
        # messages (one text, one CSP hash) and is left out.
        text = html.unescape(_SCRIPT.sub("", page.text))
        if lang not in page.text[:300] or mark not in text or other in text:
            raise self._fail(f"{page.url} is not in the visitor's language")

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
            raise self._fail(f"unexpected question {step} on branch {self.branch}")
        kind, *value = plan[step]
        if kind == "text":
            return {f"{step}-query": value[0]}
        if kind in ("radio", "select", "check"):
            return {f"{step}-answer": value[0]}
        return {}

    async def walk(self, location: str, county: str) -> str:
        """Answer every question of one record; return the check page's path.

        A question asked twice, or a question page that sends the visitor
        back to an earlier one, means an answer already given was lost.
        """
        plan = BRANCHES[self.branch]
        asked: list[str] = []
        for _ in range(30):
            match = STEP.search(location)
            if not match:
                return await self.follow(location)
            step = match.group(1)
            if step in asked:
                raise self._fail(f"{step} asked again after {asked}: an answer lost")
            asked.append(step)
            page = await self.get(location)
            if page.status_code != 200:
                raise self._fail(
                    f"{step} sent to {page.headers.get('Location')} after {asked}: "
                    "an answer lost"
                )
            await self.pause()
            management = MANAGEMENT.search(page.text)
            if not management:
                raise self._fail(f"{step}: no wizard form")
            data = {
                "csrfmiddlewaretoken": self._csrf(page),
                f"{management.group(1)}-current_step": step,
                **self._answer(step, plan, county),
            }
            answered = await self.post(location, data)
            if answered.status_code != 302:
                raise self._fail(f"{step} was not accepted ({answered.status_code})")
            location = answered.headers["Location"]
        raise self._fail("more than 30 questions")

    async def follow(self, location: str) -> str:
        """Follow GET redirects (the wizard's end step goes to the check page)."""
        for _ in range(5):
            page = await self.get(location)
            if page.status_code not in (301, 302):
                return location
            location = page.headers["Location"]
        raise self._fail(f"redirect loop at {location}")

    def _check_counties(self, page: httpx.Response) -> None:
        """The check page lists exactly this visitor's counties."""
        shown = {c for c, pattern in COUNTY_WORDS.items() if pattern.search(page.text)}
        if shown != set(self.counties):
            raise self._fail(
                f"check page shows counties {sorted(shown)}, "
                f"expected {sorted(self.counties)}"
            )

    def _check_results(self, page: httpx.Response) -> None:
        """The results page names the legal help of this visitor's counties only."""
        text = html.unescape(page.text)
        mine = frozenset().union(*(LOCAL_HELP.get(c, ()) for c in self.counties))
        shown = {name for name in ALL_LOCAL_HELP if name in text}
        if shown != mine:
            raise self._fail(
                f"results page names {sorted(shown)}, expected {sorted(mine)}"
            )

    async def finish_answers(self) -> httpx.Response:
        """From the first question to the results page."""
        location = await self.start()
        counties = self.counties or ["Los Angeles"]  # federal: no county asked
        location = await self.walk(location, counties[0])
        # One more record for each further county (a second record for some
        # visitors, twenty for the render_fairness burst).
        for done, county in enumerate(counties[1:], start=1):
            check = await self.get(location)
            self._check_counties_so_far(check, counties[:done])
            added = await self.post(
                location, {"csrfmiddlewaretoken": self._csrf(check), "action": "add"}
            )
            location = await self.walk(added.headers["Location"], county)
        check = await self.get(location)
        self._expect_language(check)
        self._check_counties(check)
        shown = await self.post(
            location, {"csrfmiddlewaretoken": self._csrf(check), "action": "results"}
        )
        results = await self.get(shown.headers["Location"])
        self._expect_language(results)
        self._check_results(results)
        return results

    def _check_counties_so_far(self, page: httpx.Response, counties: list[str]) -> None:
        shown = {c for c, pattern in COUNTY_WORDS.items() if pattern.search(page.text)}
        if shown != set(counties) and self.counties:
            raise self._fail(f"check page shows {sorted(shown)}, expected {counties}")

    async def send_to_legal_aid(self) -> None:
        page = await self.get("/send/")
        self._expect_language(page)
        organization = ORGANIZATION.search(page.text)
        key = HANDOFF_KEY.search(page.text)
        if not organization or not key:
            raise self._fail("the hand-off form offers no organisation")
        before = httpx.Cookies()
        for cookie in self.client.cookies.jar:
            before.jar.set_cookie(copy.copy(cookie))
        form = {
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
        }
        if self.double_send:
            # A double click: the same form twice at once, one to each
            # server. The browser shows whichever answer comes last; both
            # must be a way to the confirmation, and one case is stored.
            answers: list[tuple[float, httpx.Response]] = []

            async def click(base: str) -> None:
                sent = await self.request("POST", "/send/", form, base)
                answers.append((time.monotonic(), sent))

            await asyncio.gather(*(click(b) for b in self.servers[:2]))
            for _, sent in answers:
                if sent.status_code not in (200, 302):
                    raise self._fail(f"a click of a double click: {sent.status_code}")
            reference = await self.confirmation(max(answers, key=lambda a: a[0])[1])
        else:
            reference = await self.send_copy(form, None)
            if self.resend:
                # The answer to that try was lost (a timeout, a dropped
                # connection): the browser still holds the cookies it had
                # and sends the same form again. Same case, same reference.
                self.client.cookies = before
                again = await self.send_copy(form, None)
                if again != reference:
                    raise self._fail(f"resend shows {again}, first try {reference}")
        self.sent = True

    async def download_packet(self) -> bytes:
        page = await self.get("/petition/")
        response = await self.post(
            "/petition/",
            {"csrfmiddlewaretoken": self._csrf(page), "file_format": "pdf"},
        )
        if not response.content.startswith(b"%PDF"):
            raise self._fail(f"no PDF ({response.status_code})")
        return response.content

    async def run(self) -> None:
        try:
            await self.finish_answers()
            if self.handoff:
                await self.send_to_legal_aid()
        finally:
            await self.client.aclose()
