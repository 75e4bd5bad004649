"""Web rows of ``make bench``: wizard pages under gunicorn, and page weight.

What it does, in one run on one server:

1. A fresh PostgreSQL database ``screener_bench`` (dropped first if it is
   there) on the server named by ``DATABASE_URL`` (default
   ``postgres://postgres@127.0.0.1:5432/postgres``); ``migrate``;
   ``collectstatic`` into a temporary ``STATIC_ROOT``.
2. gunicorn with the production config (``config/gunicorn.conf.py``: gthread,
   its default workers and threads) on a free loopback port, production
   settings (DEBUG off, so cached templates) except plain http on loopback.
   ``DJANGO_SETTINGS_MODULE=bench.settings`` only adds ``/bench/bare/``.
3. ``SESSIONS`` survivors walk over HTTP from ``/`` to the first question
   (``/q/q1/``); each keeps its cookies (``s``, ``k``) and CSRF token.
4. wrk on loopback, ``CONNECTIONS`` connections, 2 threads, ``--latency``; a
   warm-up, then a measured run, for: the bare view, the wizard step GET and
   the wizard step POST (a valid answer, each session's alternating between
   two, so every POST encrypts and writes a changed answer to the session,
   then redirects 302 to the next question), each request rotating across the
   prepared sessions; then the bare view again. The wizard rows are compared
   with the faster of the two bare runs. A Lua ``response()`` counts status
   codes: any status but the expected one (200, or 302 for the POST), or any
   socket error, makes the row FAIL, since a benchmark of error pages says
   nothing.
5. Page weight: one journey to the petition page, with ``Accept-Encoding:
   gzip, br``; each page type plus every stylesheet, script, image and font
   it references (CSS ``url()`` followed), counted as bytes on the wire:
   response headers plus the body as sent (compressed when the server
   compressed it).

6. Slow 3G: every survivor page type loaded in Chromium at 360 x 740 with
   the Slow 3G preset (400 ms, 400 kbit/s), ``bench/phone_bench.py``;
   targets 1.0 s for question pages, 1.5 s for results.

gunicorn is stopped and the database dropped at the end, even on failure.
Run alone: ``.venv/bin/python bench/web_bench.py``. ``WEB_BENCH_SECONDS``
(default 12) is the length of each measured run.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlencode, urljoin, urlsplit, urlunsplit

if TYPE_CHECKING:
    import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script too: the soak's servers are ours

from bench.phone_bench import bench_slow3g  # noqa: E402
from soak.servers import Server, loopback_environment, manage  # noqa: E402

WRK = shutil.which("wrk") or "/usr/bin/wrk"
DB_NAME = "screener_bench"
DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/postgres"
SESSIONS = 64
CONNECTIONS = 32
WRK_THREADS = 2
SECONDS = int(os.environ.get("WEB_BENCH_SECONDS", "10"))
WARM_SECONDS = max(2, SECONDS // 4)
ROUNDS = 2
# A page with a session cannot reach 40 % of a bare view (the "bare view +
# session" row is about 30 %): wizard rows are judged against that floor,
# at the shares measured on 2026-11-25 (GET 48-52 %, POST 57-71 % of it).
FLOOR_TARGET = {"GET": 0.48, "POST": 0.57}
P99_TARGET_MS = 150.0
WEIGHT_LIMIT = 60 * 1024
FIRST_STEP = "q1"
FIRST_ANSWER = {"s-current_step": "q1", "q1-answer": "california"}
# The POST row alternates each session between two answers, so that every
# POST changes what is stored and pays for encrypting and writing it (the
# same answer twice writes nothing new: core/session_backend.py).
OTHER_ANSWER = {**FIRST_ANSWER, "q1-answer": "federal"}
# One journey: the answers of the soak's main branch (soak/journeys.py).
JOURNEY: dict[str, dict[str, object]] = {
    "q1": {"q1-answer": "california"},
    "q2": {"q2-answer": "conviction"},
    "q3": {"q3-query": "prostitution"},
    "q4": {"q4-answer": "PC 647(b)"},
    "q7": {"q7-answer": "Los Angeles"},
    "q8": {"q8-answer": ["human_trafficking"]},
    "q9": {"q9-answer": "yes"},
    "q10": {"q10-answer": "yes"},
    "q11": {"q11-answer": "no"},
    "q12": {"q12-answer": "yes"},
    "q13": {},
}
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
STEP = re.compile(r"/q/(q\d+)/$")  # not /q/end/, which redirects
ASSET = re.compile(
    r"<(?:link|script|img|source)\b[^>]*?\b(?:href|src)=[\"']([^\"']+)[\"']", re.I
)
CSS_URL = re.compile(r"url\(\s*[\"']?([^\"')]+)[\"']?\s*\)")

Row = tuple[str, str, str]


class BenchError(Exception):
    pass


# --- database and server ------------------------------------------------------


def _db_urls() -> tuple[str, str]:
    """(admin URL, bench database URL)."""
    admin = os.environ.get("DATABASE_URL") or DEFAULT_DB
    parts = urlsplit(admin)
    return admin, urlunsplit(parts._replace(path=f"/{DB_NAME}"))


def _admin_sql(admin_url: str, *statements: str) -> None:
    import psycopg2

    parts = urlsplit(admin_url)
    connection = psycopg2.connect(
        host=parts.hostname or "127.0.0.1",
        port=parts.port or 5432,
        user=parts.username or "postgres",
        password=parts.password or None,
        dbname=(parts.path or "/postgres").lstrip("/") or "postgres",
    )
    try:
        connection.autocommit = True
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
    finally:
        connection.close()


def _environment(work: Path, database_url: str) -> dict[str, str]:
    return loopback_environment(
        database_url,
        str(work / "static"),
        DJANGO_SETTINGS_MODULE="bench.settings",
        # Worker recycling (max_requests, 2000 in production) comes due every
        # second or two at these rates and would measure worker start-up, the
        # faster bare view most: off unless asked for (docs/performance.md).
        GUNICORN_MAX_REQUESTS=os.environ.get("WEB_BENCH_MAX_REQUESTS", "0"),
    )


# --- survivors ----------------------------------------------------------------


@dataclass
class Session:
    cookie: str
    csrf: str


def _csrf(text: str, where: str) -> str:
    match = CSRF.search(text)
    if not match:
        raise BenchError(f"no CSRF token on {where}")
    return match.group(1)


def _begin(client: httpx.Client, base: str) -> str:
    """From the start page to the first question; returns its path."""
    start = client.get(f"{base}/")
    safety = client.get(f"{base}/safety/")
    if start.status_code != 200 or safety.status_code != 200:
        raise BenchError(f"start {start.status_code}, safety {safety.status_code}")
    begun = client.post(
        f"{base}/begin/", data={"csrfmiddlewaretoken": _csrf(safety.text, "/safety/")}
    )
    if begun.status_code != 302:
        raise BenchError(f"/begin/ answered {begun.status_code}")
    return begun.headers["Location"]


def prepare_sessions(base: str, count: int) -> list[Session]:
    import httpx

    sessions = []
    for _ in range(count):
        with httpx.Client(follow_redirects=False, timeout=30) as client:
            location = _begin(client, base)
            if not location.endswith(f"/q/{FIRST_STEP}/"):
                raise BenchError(f"/begin/ led to {location}, not {FIRST_STEP}")
            page = client.get(urljoin(base, location))
            if page.status_code != 200:
                raise BenchError(f"{location} answered {page.status_code}")
            cookies = {name: client.cookies.get(name) for name in ("s", "k")}
            if not all(cookies.values()):
                raise BenchError(f"missing cookies after {location}: {cookies}")
            sessions.append(
                Session(
                    cookie="; ".join(f"{k}={v}" for k, v in cookies.items()),
                    csrf=_csrf(page.text, location),
                )
            )
    _check_cookie_header(base, sessions[0])
    return sessions


def _check_cookie_header(base: str, session: Session) -> None:
    """The Cookie header wrk will send keeps the survivor's session and key."""
    import httpx

    page = httpx.get(f"{base}/q/{FIRST_STEP}/", headers={"Cookie": session.cookie})
    new_key = any(c.startswith("k=") for c in page.headers.get_list("set-cookie"))
    if page.status_code != 200 or new_key:
        raise BenchError("a prepared session is not recognised from its Cookie header")


# --- wrk ----------------------------------------------------------------------

LUA = """
local items = {
@ITEMS@
}
local method, path = "@METHOD@", "@PATH@"
local threads = {}
function setup(thread)
  table.insert(threads, thread)
  thread:set("first", #threads * 17)
end
function init(args)
  n = first
  statuses = {}
end
function request()
  n = n + 1
  if #items == 0 then
    return wrk.format(method, path, {}, nil)
  end
  local item = items[(n % #items) + 1]
  local headers = {["Cookie"] = item[1]}
  if method == "POST" then
    headers["Content-Type"] = "application/x-www-form-urlencoded"
    return wrk.format(method, path, headers, item[2])
  end
  return wrk.format(method, path, headers, nil)
end
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end
function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      total[status] = (total[status] or 0) + count
    end
  end
  for status, count in pairs(total) do
    io.write(string.format("STATUS %d %d\\n", status, count))
  end
end
"""


def _lua_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_script(
    path: Path, method: str, url_path: str, sessions: list[Session]
) -> None:
    items = []
    for answer in (FIRST_ANSWER, OTHER_ANSWER) if method == "POST" else ({},):
        for session in sessions:
            body = urlencode({"csrfmiddlewaretoken": session.csrf, **answer})
            items.append(f"{{{_lua_string(session.cookie)}, {_lua_string(body)}}}")
    text = (
        LUA.replace("@ITEMS@", ",\n".join(items))
        .replace("@METHOD@", method)
        .replace("@PATH@", url_path)
    )
    path.write_text(text, encoding="utf-8")


@dataclass
class WrkResult:
    name: str
    rps: float
    p50_ms: float
    p99_ms: float
    statuses: dict[int, int] = field(default_factory=dict)
    errors: str = ""

    def unexpected(self, expected: int) -> int:
        return sum(n for status, n in self.statuses.items() if status != expected)


UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def _ms(text: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text)
    if not match:
        raise BenchError(f"wrk latency {text!r} not understood")
    return float(match.group(1)) * UNITS_MS[match.group(2)]


def parse_wrk(name: str, output: str) -> WrkResult:
    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    p50 = re.search(r"^\s+50%\s+(\S+)", output, re.M)
    p99 = re.search(r"^\s+99%\s+(\S+)", output, re.M)
    if not (rps and p50 and p99):
        raise BenchError(f"wrk output not understood:\n{output}")
    statuses = {
        int(s): int(n) for s, n in re.findall(r"^STATUS (\d+) (\d+)$", output, re.M)
    }
    errors = re.search(r"Socket errors:.*", output)
    return WrkResult(
        name=name,
        rps=float(rps.group(1)),
        p50_ms=_ms(p50.group(1)),
        p99_ms=_ms(p99.group(1)),
        statuses=statuses,
        errors=errors.group(0) if errors else "",
    )


def run_wrk(name: str, url: str, script: Path, seconds: int) -> WrkResult:
    command = [
        WRK,
        f"-t{WRK_THREADS}",
        f"-c{CONNECTIONS}",
        f"-d{seconds}s",
        "--timeout",
        "5s",
        "--latency",
        "-s",
        str(script),
        url,
    ]
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=seconds + 60, check=True
    )
    return parse_wrk(name, done.stdout)


# --- page weight --------------------------------------------------------------


def _wire_bytes(response: httpx.Response) -> int:
    """Status line, headers and body as sent (compressed if it was)."""
    head = len(f"HTTP/1.1 {response.status_code} {response.reason_phrase}\r\n")
    head += sum(len(k) + len(v) + 4 for k, v in response.headers.raw) + 2
    return head + response.num_bytes_downloaded


def _assets(html: str, css_urls: bool = False) -> list[str]:
    found = ASSET.findall(html)
    if css_urls:
        found = CSS_URL.findall(html)
    return [u for u in found if not u.startswith(("data:", "#", "http://", "https://"))]


def page_weight(client: httpx.Client, base: str, url: str) -> tuple[int, int, int]:
    """(total bytes, page bytes, files) for a page and everything it loads."""
    page = client.get(url)
    page_bytes = _wire_bytes(page)
    total, seen, queue = (
        page_bytes,
        set(),
        [urljoin(url, a) for a in _assets(page.text)],
    )
    while queue:
        asset = queue.pop(0)
        if asset in seen:
            continue
        seen.add(asset)
        response = client.get(asset)
        if response.status_code != 200:
            raise BenchError(f"{asset} answered {response.status_code}")
        total += _wire_bytes(response)
        if urlsplit(asset).path.endswith(".css"):
            queue += [urljoin(asset, a) for a in _assets(response.text, css_urls=True)]
    return total, page_bytes, len(seen)


def _answer(step: str, csrf: str) -> dict[str, object]:
    if step not in JOURNEY:
        raise BenchError(f"the journey has no answer for {step}")
    return {"csrfmiddlewaretoken": csrf, "s-current_step": step, **JOURNEY[step]}


def journey_pages(client: httpx.Client, base: str) -> list[tuple[str, str, int]]:
    """Walk one journey; return (page type, url, expected status) to weigh."""
    pages = [("start", f"{base}/", 200), ("safety", f"{base}/safety/", 200)]
    location = urljoin(base, _begin(client, base))
    for _ in range(30):
        match = STEP.search(urlsplit(location).path)
        if not match:
            break
        step = match.group(1)
        pages.append((f"question {step}", location, 200))
        page = client.get(location)
        answered = client.post(location, data=_answer(step, _csrf(page.text, location)))
        if answered.status_code != 302:
            raise BenchError(f"{step} answer not accepted ({answered.status_code})")
        location = urljoin(location, answered.headers["Location"])
    check = client.get(location)
    for _ in range(5):  # /q/end/ -> /check/
        if check.status_code != 302:
            break
        location = urljoin(location, check.headers["Location"])
        check = client.get(location)
    pages.append(("check your answers", location, 200))
    shown = client.post(
        location,
        data={"csrfmiddlewaretoken": _csrf(check.text, location), "action": "results"},
    )
    if shown.status_code != 302:
        raise BenchError(f"check page results action answered {shown.status_code}")
    pages.append(("results", urljoin(location, shown.headers["Location"]), 200))
    pages.append(("petition drafting page", f"{base}/petition/", 200))
    pages.append(("not found (404)", f"{base}/no-such-page/", 404))
    return pages


def bench_weight(base: str) -> list[Row]:
    import httpx

    headers = {"Accept-Encoding": "gzip, br"}
    rows = []
    with httpx.Client(follow_redirects=False, timeout=30, headers=headers) as client:
        for kind, url, expected in journey_pages(client, base):
            status = client.get(url).status_code
            if status != expected:
                raise BenchError(f"{kind} ({url}) answered {status}, not {expected}")
            total, page_bytes, files = page_weight(client, base, url)
            verdict = "PASS" if total <= WEIGHT_LIMIT else "FAIL"
            rows.append(
                (
                    f"page weight: {kind}",
                    f"{total / 1024:,.1f} KB",
                    f"page {page_bytes / 1024:.1f} KB + {files} files; "
                    f"<= 60 KB {verdict}",
                )
            )
    return rows


# --- the run ------------------------------------------------------------------


def _verdict(
    result: WrkResult, bare_rps: float, expected: int, session_rps: float = 0.0
) -> list[Row]:
    ratio = result.rps / bare_rps if bare_rps else 0.0
    wrong = result.unexpected(expected)
    method = "POST" if expected == 302 else "GET"
    floor_share = result.rps / session_rps if session_rps else 0.0
    ok_floor = floor_share >= FLOOR_TARGET[method]
    ok_p99 = result.p99_ms < P99_TARGET_MS
    ok_status = wrong == 0 and not result.errors
    statuses = ", ".join(f"{s}: {n}" for s, n in sorted(result.statuses.items()))
    rows = [
        (f"{result.name}, requests/s", f"{result.rps:,.0f}", f"statuses {statuses}"),
        (f"{result.name} / bare view", f"{ratio:.0%}", "printed, not judged"),
        *(
            [
                (
                    f"{result.name} / bare view + session",
                    f"{floor_share:.0%}",
                    f">= {FLOOR_TARGET[method]:.0%} {'PASS' if ok_floor else 'FAIL'}",
                )
            ]
            if session_rps
            else []
        ),
        (
            f"{result.name}, p50 / p99",
            f"{result.p50_ms:.0f} / {result.p99_ms:.0f} ms",
            f"p99 < 150 ms {'PASS' if ok_p99 else 'FAIL'}",
        ),
    ]
    if not ok_status:
        rows.append(
            (
                f"{result.name}: unexpected responses",
                f"{wrong:,}",
                f"expected only {expected}; {result.errors or 'no socket errors'} FAIL",
            )
        )
    return rows


def _faster(runs: list[WrkResult]) -> WrkResult:
    """The faster run, carrying the statuses and errors of every run."""
    fastest = max(runs, key=lambda r: r.rps)
    statuses: dict[int, int] = {}
    for run in runs:
        for status, count in run.statuses.items():
            statuses[status] = statuses.get(status, 0) + count
    errors = "; ".join(r.errors for r in runs if r.errors)
    return WrkResult(
        fastest.name, fastest.rps, fastest.p50_ms, fastest.p99_ms, statuses, errors
    )


def _each(runs: list[WrkResult]) -> str:
    return " / ".join(f"{r.rps:,.0f} req/s p99 {r.p99_ms:.0f} ms" for r in runs)


def bench_load(server: Server, sessions: list[Session], work: Path) -> list[Row]:
    step = f"/q/{FIRST_STEP}/"
    scripts = {}
    for name, method, path in (
        ("bare", "GET", "/bench/bare/"),
        ("session", "GET", "/bench/session/"),
        ("get", "GET", step),
        ("post", "POST", step),
    ):
        scripts[name] = work / f"{name}.lua"
        # The bare view is asked without a session: the baseline is the
        # server, the middleware and Django, nothing of ours that a session
        # costs (a session cookie alone loads the session, for CSRF).
        write_script(scripts[name], method, path, [] if name == "bare" else sessions)

    def measure(name: str, label: str, path: str) -> WrkResult:
        run_wrk(label, server.base + path, scripts[name], WARM_SECONDS)  # warm-up
        return run_wrk(label, server.base + path, scripts[name], SECONDS)

    # Two rounds, interleaved: a slow spell of a shared machine inside one
    # row would otherwise decide its ratio. Each row keeps its faster run;
    # both are printed. Any wrong status in either run still fails the row.
    runs: dict[str, list[WrkResult]] = {name: [] for name in scripts}
    labels = {
        "bare": ("bare view GET", "/bench/bare/"),
        "session": ("bare view + session (diagnostic)", "/bench/session/"),
        "get": (f"wizard step GET {step}", step),
        "post": (f"wizard step POST {step}", step),
    }
    for _round in range(ROUNDS):
        for name, (label, path) in labels.items():
            runs[name].append(measure(name, label, path))

    bare, get, post = (
        _faster(runs["bare"]),
        _faster(runs["get"]),
        _faster(runs["post"]),
    )
    bare_rps = bare.rps
    rows: list[Row] = [
        (
            f"bare view GET, requests/s ({CONNECTIONS} connections)",
            f"{bare_rps:,.0f}",
            f"faster of {_each(runs['bare'])}",
        )
    ]
    if bare.unexpected(200) or bare.errors:
        rows += _verdict(bare, bare_rps, 200)[-1:]
    session = _faster(runs["session"])
    rows += [
        (
            f"{session.name}, requests/s",
            f"{session.rps:,.0f}",
            f"{session.rps / bare_rps:.0%} of bare; the floor of any page with a "
            f"session; runs {_each(runs['session'])}"
            + ("" if not (session.unexpected(200) or session.errors) else " FAIL"),
        )
    ]
    rows += [(f"{get.name}: runs", "", _each(runs["get"]))]
    rows += [(f"{post.name}: runs", "", _each(runs["post"]))]
    rows += _verdict(get, bare_rps, 200, session.rps)
    rows += _verdict(post, bare_rps, 302, session.rps)
    return rows


def main() -> list[Row]:
    if not (os.path.exists(WRK) and os.access(WRK, os.X_OK)):
        raise BenchError("wrk is needed on the PATH (apt-get install wrk)")
    admin_url, bench_url = _db_urls()
    work = Path(tempfile.mkdtemp(prefix="web-bench-"))
    env = _environment(work, bench_url)
    server = Server(env, work, ready_path="/healthz/db")
    drop = f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)"
    try:
        _admin_sql(admin_url, drop, f"CREATE DATABASE {DB_NAME}")
        manage(env, "migrate", "--noinput")
        manage(env, "collectstatic", "--noinput")
        server.start()
        sessions = prepare_sessions(server.base, SESSIONS)
        rows = bench_load(server, sessions, work)
        rows += bench_weight(server.base)
        rows += bench_slow3g(server.base)
        if not server.alive():
            raise BenchError(f"gunicorn died during the run:\n{server.log_tail()}")
        return rows
    finally:
        server.stop()
        with contextlib.suppress(Exception):
            _admin_sql(admin_url, drop)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    for name, value, note in main():
        print(f"{name:<56} {value:>16}  {note}")
