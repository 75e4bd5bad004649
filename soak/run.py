"""``make soak``: load and fault scenarios on loopback, printed as a table.

Everything runs against its own throwaway PostgreSQL (soak/cluster.py) and
two gunicorn app servers with the production config (soak/servers.py):

1. journeys: many survivors at once through full journeys (six branches,
   English and Spanish, some with two records), every request alternating
   between the two servers; about a third send their answers to legal aid.
2. db_restart: PostgreSQL stopped mid-load and started again; pages answer
   the calm 503 meanwhile, and every journey then finishes with its answers.
3. server_killed: one server SIGKILLed mid-journey; the other carries on.
4. pdf_burst: visitors at their results all download a packet at once while
   others answer questions; packets wait their turn (capped renders), the
   question pages keep answering.
5. render_fairness: one client (one session, one address) asks for its
   twenty-record packet several times at once; a survivor who asks for one
   packet meanwhile has it within ten seconds (the fair render queue).

Checks after all scenarios: zero unexpected 5xx/4xx, no visitor ever shown
another's answers, and every hand-off stored exactly once (read back from
the database, decrypted). Exit status 1 on any FAIL.
``SOAK=short`` is the bounded form CI runs.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import shutil
import signal
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypedDict, Unpack

from screener.counties import COUNTIES
from soak.cluster import Cluster
from soak.journeys import JourneyFailed, Stats, Visitor
from soak.servers import Server, loopback_environment, manage

SHORT = os.environ.get("SOAK", "").lower() == "short"
SIZES = {
    "journeys": 40 if SHORT else 200,
    "db_restart": 20 if SHORT else 60,
    "outage_seconds": 5 if SHORT else 10,
    "server_killed": 20 if SHORT else 60,
    "pdf_burst": 8 if SHORT else 30,
    "pdf_background": 10 if SHORT else 20,
    # render_fairness: one client's burst of packets of this many records
    # (in five counties, as the bench's), at most as many at once as one
    # session may have in a minute.
    "fairness_records": 20,
    "fairness_burst": 2 if SHORT else 6,
}
# The whole run, servers up to verdict, is cut off after this many seconds
# (a hung scenario is a FAIL, not a CI job that never ends).
TIME_LIMIT_SECONDS = 140 if SHORT else 400
# Question pages during the packet burst may be slower than without it, but
# not starved: p99 at most this many times the no-burst p99 (or the floor).
BURST_P99_FACTOR, BURST_P99_FLOOR_MS = 4.0, 2000.0
# SOAK_SCENARIOS=render_fairness,pdf_burst runs only those (to work on one).
ONLY = {name for name in os.environ.get("SOAK_SCENARIOS", "").split(",") if name}
# A survivor asking for one packet during another client's burst has it
# within this many seconds (issue 13).
FAIR_WAIT_SECONDS = 10.0
# Rate limits shared by both servers, in a Redis database of the soak's own,
# emptied at the start and the end (SOAK_REDIS_URL to use another).
REDIS_URL = os.environ.get("SOAK_REDIS_URL", "redis://127.0.0.1:6379/13")


@dataclass
class Row:
    scenario: str
    journeys: int
    completed: int
    stats: Stats
    seconds: float
    extra: str = ""
    failures: list[str] | None = None

    @property
    def ok(self) -> bool:
        return (
            self.completed == self.journeys
            and not self.stats.unexpected
            and not self.failures
        )


def percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def environment(soak_dir: str, database_url: str) -> dict[str, str]:
    return loopback_environment(
        database_url,
        os.path.join(soak_dir, "static"),
        SOAK_DIR=soak_dir,  # where the servers write their logs
        CACHE_URL=REDIS_URL,
        WEB_CONCURRENCY="2",
        WEB_THREADS="8",
        PETITION_RENDERS_AT_ONCE="1",
        PETITION_RATE_PER_MINUTE="6",
        # Every simulated survivor connects from 127.0.0.1, as if through one
        # load balancer, which forwards each visitor's own address
        # (soak/journeys.py): every limit, per session and per address, is
        # as in production.
        AXES_PROXY_COUNT="1",
    )


async def gather_visitors(
    visitors: list[Visitor], job: Callable[[Visitor], Awaitable[object]]
) -> int:
    async def one(visitor: Visitor) -> bool:
        try:
            await job(visitor)
            return True
        except JourneyFailed:
            return False  # already recorded, with the visitor's number
        except Exception as error:  # a page not shaped as expected, say
            visitor.stats.unexpected.append(f"visitor {visitor.number}: {error!r}")
            return False

    done = await asyncio.gather(*(one(v) for v in visitors))
    return sum(done)


class VisitorOptions(TypedDict, total=False):
    """The pacing a scenario may set on its visitors (``Visitor``'s fields)."""

    think: float
    deadline_seconds: float


def make_visitors(
    first: int,
    count: int,
    servers: list[str],
    stats: Stats,
    **kw: Unpack[VisitorOptions],
) -> list[Visitor]:
    return [
        Visitor(
            number=n,
            servers=servers,
            stats=stats,
            spanish=n % 2 == 1,
            handoff=n % 3 == 0,
            double_send=n % 6 == 0,
            resend=n % 6 == 3,
            second_record=n % 4 == 2,
            **kw,
        )
        for n in range(first, first + count)
    ]


async def scenario_journeys(
    servers: list[Server], first: int
) -> tuple[Row, list[Visitor]]:
    stats = Stats()
    visitors = make_visitors(first, SIZES["journeys"], [s.base for s in servers], stats)
    t0 = time.monotonic()
    completed = await gather_visitors(visitors, lambda v: v.run())
    return Row(
        "journeys (2 servers)", len(visitors), completed, stats, time.monotonic() - t0
    ), visitors


def spanning(visitors: list[Visitor], start: float, end: float) -> int:
    """Visitors who had begun before ``start`` and were still going after ``end``."""
    return sum(
        1 for v in visitors if v.first_at and v.first_at < start < end < v.last_at
    )


async def scenario_db_restart(
    servers: list[Server], cluster: Cluster, first: int
) -> tuple[Row, list[Visitor]]:
    stats = Stats()
    visitors = make_visitors(
        first,
        SIZES["db_restart"],
        [s.base for s in servers],
        stats,
        think=0.6,
        deadline_seconds=90,
    )
    t0 = time.monotonic()
    window: list[float] = []

    async def outage() -> None:
        await asyncio.sleep(2.0)
        stats.outage_from = time.monotonic()
        await asyncio.to_thread(cluster.stop)
        window.append(time.monotonic())
        await asyncio.sleep(SIZES["outage_seconds"])
        await asyncio.to_thread(cluster.start)
        stats.outage_until = time.monotonic()
        window.append(stats.outage_until)

    outage_task = asyncio.create_task(outage())
    completed = await gather_visitors(visitors, lambda v: v.run())
    await outage_task
    down, up = window
    across = spanning(visitors, down, up)
    saw = sum(1 for v in visitors if v.saw_outage)
    failures = []
    if not stats.calm_outage_503:
        failures.append("no visitor saw the outage page")
    if not across:
        failures.append("no journey was under way across the outage")
    extra = (
        f"PostgreSQL down {up - down:.1f} s; {across} journeys across it, "
        f"{saw} saw the calm page; all finished with their answers"
        if completed == len(visitors)
        else f"PostgreSQL down {up - down:.1f} s"
    )
    return Row(
        "db_restart",
        len(visitors),
        completed,
        stats,
        time.monotonic() - t0,
        extra,
        failures,
    ), visitors


async def scenario_server_killed(
    servers: list[Server], first: int
) -> tuple[Row, list[Visitor]]:
    stats = Stats()
    visitors = make_visitors(
        first, SIZES["server_killed"], [s.base for s in servers], stats, think=0.4
    )
    t0 = time.monotonic()

    async def kill() -> None:
        await asyncio.sleep(2.0)
        stats.killed_at = time.monotonic()
        await asyncio.to_thread(servers[1].kill)

    kill_task = asyncio.create_task(kill())
    completed = await gather_visitors(visitors, lambda v: v.run())
    await kill_task
    assert stats.killed_at is not None
    across = spanning(visitors, stats.killed_at, stats.killed_at + 0.01)
    failures = []
    if not stats.connection_failovers:
        failures.append("no request met the killed server")
    if not across:
        failures.append("no journey was under way when the server died")
    extra = f"{across} journeys under way at the kill, failovers {stats.connection_failovers}"
    return Row(
        "server_killed",
        len(visitors),
        completed,
        stats,
        time.monotonic() - t0,
        extra,
        failures,
    ), visitors


async def scenario_pdf_burst(
    servers: list[Server], first: int
) -> tuple[list[Row], list[Visitor]]:
    bases = [s.base for s in servers]
    lanes = SIZES["pdf_background"]
    pdf_stats, page_stats = Stats(), Stats()
    downloaders = make_visitors(
        first, SIZES["pdf_burst"], bases, pdf_stats, deadline_seconds=150
    )
    for visitor in downloaders:
        visitor.branch, visitor.counties = "647b_likely", ["Los Angeles"]
        visitor.second_record = visitor.handoff = False
    reached = await gather_visitors(downloaders, lambda v: v.finish_answers())
    # The same question-page load without the burst first: the baseline the
    # burst's question pages are compared with, in the same run.
    calm_stats = Stats()
    calm = make_visitors(first + 500, lanes, bases, calm_stats, think=0.3)
    for visitor in calm:
        visitor.handoff = visitor.double_send = False
    t0 = time.monotonic()
    calm_done = await gather_visitors(calm, lambda v: v.run())
    calm_row = Row(
        "question pages, no burst", len(calm), calm_done, calm_stats,
        time.monotonic() - t0, "baseline for the burst's question pages",
    )  # fmt: skip

    async def download(visitor: Visitor) -> None:
        try:
            await visitor.download_packet()
        finally:
            await visitor.client.aclose()

    t0 = time.monotonic()
    pdfs_task = asyncio.create_task(gather_visitors(downloaders, download))
    # Survivors keep arriving at the question pages for as long as the
    # burst lasts: each lane starts a new journey when its last one ends.
    others: list[Visitor] = []

    async def lane(number: int) -> int:
        done = 0
        for k in range(20):
            if k and pdfs_task.done():
                break
            visitor = make_visitors(
                first + 100 + number * 20 + k, 1, bases, page_stats, think=0.3
            )[0]
            visitor.handoff = visitor.double_send = False
            others.append(visitor)
            done += await gather_visitors([visitor], lambda v: v.run())
        return done

    pages_done = sum(await asyncio.gather(*(lane(n) for n in range(lanes))))
    pdfs_done = await pdfs_task
    seconds = time.monotonic() - t0
    pdf_failures = (
        [f"only {reached} of {len(downloaders)} reached their results"]
        if reached != len(downloaders)
        else []
    )
    pdf_row = Row(
        "pdf_burst: packets", len(downloaders), pdfs_done, pdf_stats, seconds,
        f"refused busy {pdf_stats.busy_pdf}, too many {pdf_stats.limited_pdf}; "
        "each waited its Retry-After, then got a PDF",
        pdf_failures,
    )  # fmt: skip
    baseline = percentile([1000 * x for _, x in calm_stats.latencies], 0.99)
    during = percentile([1000 * x for _, x in page_stats.latencies], 0.99)
    bound = max(BURST_P99_FLOOR_MS, BURST_P99_FACTOR * baseline)
    page_row = Row(
        "pdf_burst: question pages", len(others), pages_done, page_stats, seconds,
        f"p99 {during:.0f} ms vs {baseline:.0f} ms without the burst (bound {bound:.0f})",
        [] if during <= bound else [f"question pages starved: p99 {during:.0f} ms"],
    )  # fmt: skip
    return [calm_row, pdf_row, page_row], downloaders + calm + others


async def scenario_render_fairness(
    servers: list[Server], first: int
) -> tuple[list[Row], list[Visitor]]:
    """One client's burst of large packets cannot hold the render slot.

    The client (one session, one address) has twenty records and asks for
    its packet several times at once. Once the burst holds the slot and has
    requests waiting, a survivor asks for her one packet: the fair queue
    gives her the next free slot, so she has it within FAIR_WAIT_SECONDS,
    not after the burst.
    """
    bases = [s.base for s in servers]
    burst_stats, her_stats = Stats(), Stats()
    client, survivor = make_visitors(first, 2, bases, burst_stats, deadline_seconds=150)
    survivor.stats = her_stats
    for visitor in (client, survivor):
        visitor.branch = "647b_likely"
        visitor.handoff = visitor.double_send = visitor.resend = False
    client.counties = [COUNTIES[n % 5] for n in range(SIZES["fairness_records"])]
    survivor.counties = [COUNTIES[5]]
    ready = await gather_visitors([client, survivor], lambda v: v.finish_answers())
    failures = [] if ready == 2 else ["the two did not reach their results"]
    sizes: list[int] = []

    async def burst_download(visitor: Visitor) -> None:
        sizes.append(len(await visitor.download_packet()))

    t0 = time.monotonic()
    bursts = [client] * SIZES["fairness_burst"]
    burst_task = asyncio.create_task(gather_visitors(bursts, burst_download))
    # She asks once the burst holds the slot with more of its requests
    # waiting behind it: the moment an unfair queue would make her wait longest.
    while not burst_stats.busy_pdf and not burst_task.done():
        await asyncio.sleep(0.05)
    pending_at_ask = SIZES["fairness_burst"] - len(sizes)
    asked = time.monotonic()
    got = await gather_visitors([survivor], lambda v: v.download_packet())
    waited = time.monotonic() - asked
    pending_at_answer = SIZES["fairness_burst"] - len(sizes)
    burst_done = await burst_task
    burst_seconds = time.monotonic() - t0
    await client.client.aclose()
    await survivor.client.aclose()
    if pending_at_ask == 0:
        failures.append("the burst was over before she asked")
    her_failures = list(failures)
    if got and waited > FAIR_WAIT_SECONDS:
        her_failures.append(
            f"her packet took {waited:.1f} s (bound {FAIR_WAIT_SECONDS:.0f} s)"
        )
    # The one in flight when she asked may finish first; a second means the
    # burst took a slot that was hers.
    if got and pending_at_ask - pending_at_answer > 1:
        her_failures.append(
            f"{pending_at_ask - pending_at_answer} of the burst's packets went before hers"
        )
    burst_row = Row(
        "render_fairness: burst", len(bursts), burst_done, burst_stats, burst_seconds,
        f"one session and address, {SIZES['fairness_records']}-record packets "
        f"of {max(sizes, default=0) // 1024} KB; refused busy {burst_stats.busy_pdf}, "
        f"too many {burst_stats.limited_pdf}",
        failures,
    )  # fmt: skip
    her_row = Row(
        "render_fairness: survivor", 1, got, her_stats, waited,
        f"her one packet {waited:.1f} s after asking (bound {FAIR_WAIT_SECONDS:.0f} s), "
        f"busy {her_stats.busy_pdf}; burst had {pending_at_ask} to go when she "
        f"asked, {pending_at_answer} when she had hers",
        her_failures,
    )  # fmt: skip
    return [burst_row, her_row], [client, survivor]


def verify_handoffs(env: dict[str, str], visitors: list[Visitor]) -> list[str]:
    """Every visitor who sent is stored exactly once, with their own answers."""
    script = (
        "import json; from intake.models import Case; "
        "print(json.dumps([[c.contact.get('name'), str(c.idempotency_key), "
        "sorted({r.get('county') or '' for r in c.facts.get('records', [])})] "
        "for c in Case.objects.all()]))"
    )
    rows = json.loads(manage(env, "shell", "-c", script).strip().splitlines()[-1])
    stored: dict[str, list[list[str]]] = {}
    keys: set[str] = set()
    for name, key, counties in rows:
        stored.setdefault(name, []).append(counties)
        if key in keys:
            return [f"idempotency key {key} stored twice"]
        keys.add(key)
    problems = []
    sent = [v for v in visitors if v.handoff]
    for visitor in sent:
        copies = stored.get(visitor.name, [])
        if len(copies) != 1:
            problems.append(f"{visitor.name}: stored {len(copies)} times")
        elif copies[0] != sorted(set(visitor.counties)):
            problems.append(
                f"{visitor.name}: stored counties {copies[0]}, "
                f"sent {sorted(set(visitor.counties))}"
            )
    strangers = set(stored) - {v.name for v in sent}
    problems += [f"{name}: stored but never sent" for name in sorted(strangers)]
    return problems


def print_table(rows: list[Row]) -> None:
    header = f"{'scenario':<28} {'done':>9} {'requests':>8} {'5xx':>4} {'exp.503':>7} {'p50 ms':>7} {'p99 ms':>7} {'secs':>6}  verdict  notes"
    print(header)
    print("-" * len(header))
    for row in rows:
        latencies = [seconds * 1000 for _, seconds in row.stats.latencies]
        fivexx = sum(n for code, n in row.stats.statuses.items() if code >= 500)
        expected = row.stats.expected_503s()
        print(
            f"{row.scenario:<28} {row.completed:>4}/{row.journeys:<4} {row.stats.requests:>8} "
            f"{fivexx - expected:>4} {expected:>7} {percentile(latencies, 0.5):>7.0f} "
            f"{percentile(latencies, 0.99):>7.0f} {row.seconds:>6.1f}  "
            f"{'PASS' if row.ok else 'FAIL':<7}  {row.extra}"
        )
        problems = row.stats.unexpected + (row.failures or [])
        for problem in problems[:10]:
            print(f"    ! {problem}")
        if len(problems) > 10:
            print(f"    ! ... and {len(problems) - 10} more")


def wanted(scenario: str) -> bool:
    return not ONLY or scenario in ONLY


async def scenarios(
    servers: list[Server], cluster: Cluster, rows: list[Row], everyone: list[Visitor]
) -> None:
    if wanted("journeys"):
        row, visitors = await scenario_journeys(servers, 0)
        rows.append(row)
        everyone += visitors
    if wanted("db_restart"):
        row, visitors = await scenario_db_restart(servers, cluster, 1000)
        rows.append(row)
        everyone += visitors
    if wanted("pdf_burst"):
        burst_rows, visitors = await scenario_pdf_burst(servers, 2000)
        rows += burst_rows
        everyone += visitors
    if wanted("render_fairness"):
        fairness_rows, visitors = await scenario_render_fairness(servers, 2900)
        rows += fairness_rows
        everyone += visitors
    if wanted("server_killed"):
        row, visitors = await scenario_server_killed(servers, 3000)  # last: kills one
        rows.append(row)
        everyone += visitors


async def main_async(env: dict[str, str], cluster: Cluster) -> int:
    servers = [Server(env, Path(env["SOAK_DIR"])) for _ in range(2)]
    rows: list[Row] = []
    everyone: list[Visitor] = []
    timed_out = False
    try:
        for server in servers:
            server.start()
        await asyncio.wait_for(
            scenarios(servers, cluster, rows, everyone), TIME_LIMIT_SECONDS
        )
    except TimeoutError:
        timed_out = True
    finally:
        for server in servers:
            server.stop()
    if timed_out:
        rows.append(
            Row(
                "time limit",
                1,
                0,
                Stats(),
                float(TIME_LIMIT_SECONDS),
                "",
                [f"scenarios still running after {TIME_LIMIT_SECONDS} s"],
            )
        )
    problems = verify_handoffs(env, everyone)
    sent = sum(1 for v in everyone if v.handoff)
    doubled = sum(1 for v in everyone if v.double_send and v.sent)
    resent = sum(1 for v in everyone if v.resend and v.sent)
    rows.append(
        Row(
            "hand-offs stored once",
            sent,
            sent - len(problems),
            Stats(unexpected=problems),
            0.0,
            f"read back decrypted; {doubled} double clicks (one per server), "
            f"{resent} resent after a lost answer",
        )
    )
    print_table(rows)
    ok = all(row.ok for row in rows)
    if not ok:
        for server in servers:
            print(f"--- last lines of {server.log.name}")
            print(server.log_tail())
    return 0 if ok else 1


def flush_cache() -> None:
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_timeout=5).flushdb()
    except redis.RedisError as error:
        raise SystemExit(f"soak: Redis at {REDIS_URL} is needed ({error})") from error


def main() -> int:
    started = time.monotonic()
    # A CI job cancelled with SIGTERM still removes the cluster and servers.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    soak_dir = tempfile.mkdtemp(prefix="soak-")
    cluster = Cluster()
    try:
        flush_cache()
        cluster.create()
        cluster.wait_ready()
        env = environment(soak_dir, cluster.url)
        manage(env, "migrate", "--noinput")
        manage(env, "collectstatic", "--noinput", "-v0")
        manage(env, "org_add", "Soak Legal Aid", "--counties", ",".join(COUNTIES))
        print(
            f"soak ({'short' if SHORT else 'full'}): PostgreSQL on {cluster.port}, "
            f"two gunicorn servers, cache {REDIS_URL}, sizes {SIZES}",
            flush=True,
        )
        status = asyncio.run(main_async(env, cluster))
    finally:
        cluster.remove()
        shutil.rmtree(soak_dir, ignore_errors=True)
        with contextlib.suppress(SystemExit):
            flush_cache()
    print(
        f"soak finished in {time.monotonic() - started:.0f} s: {'PASS' if status == 0 else 'FAIL'}"
    )
    return status


if __name__ == "__main__":
    sys.exit(main())
