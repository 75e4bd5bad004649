"""``make bench``: the speed targets, measured in one process and printed as a table.

Rules: record evaluations per second on one core (target >= 20,000), with a
plain-Python baseline (building the same number of small dicts) run in the
same process so a slow or busy machine shows up as a ratio, not as a
different verdict. Catalog: load time from the YAML files.
Petition packet: delegated to bench/petition_bench.py when it exists.
Web: wizard step GET and POST under gunicorn + PostgreSQL against a bare
view in the same run, and page weight (bench/web_bench.py; needs wrk and
PostgreSQL, see docs/performance.md).
"""

from __future__ import annotations

import gc
import importlib.util
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from screener.rules import catalog, law, screen  # noqa: E402
from screener.rules.contract import Facts, RecordFacts  # noqa: E402

OFFENSES = [
    "PC 647(b)", "647b", "PC 211", "HS 11350", "PC 459/460(a)", "PC 664/211", "PC 484",
    "PC 245(a)(1)", "VC 23152(a)", "PC 653.22", "18 USC 1591", "PC 99999",
]  # fmt: skip
SYSTEMS = ["california"] * 8 + ["federal", "other_state"]
DISPOSITIONS = [
    "conviction",
    "conviction",
    "arrest",
    "juvenile_adjudication",
    "pending",
]
ANSWERS = ["yes", "yes", "no", "unsure"]


def _case(batch: int) -> Facts:
    records: list[RecordFacts] = []
    for i in range(batch):
        records.append(
            {
                "id": str(i),
                "system": SYSTEMS[i % len(SYSTEMS)],
                "disposition": DISPOSITIONS[i % len(DISPOSITIONS)],
                "offense": OFFENSES[i % len(OFFENSES)],
                "level": ["felony", "misdemeanor", "unknown"][i % 3],
                "while_victimized": ANSWERS[i % 4],
                "direct_result": ANSWERS[(i + 1) % 4],
                "enhancements": [] if i % 5 else None,
                "probation": ["completed", "active", "none"][i % 3],
            }
        )
    return {
        "as_of": "2026-11-22",
        "victimization": {"kinds": ["human_trafficking"], "ongoing": "no"},
        "records": records,
    }


def _rate(func, units: int, seconds: float = 3.0) -> float:
    func()  # warm caches
    done = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        func()
        done += units
    return done / (time.perf_counter() - start)


def bench_rules() -> list[tuple[str, str, str]]:
    case = _case(100)
    # As a server process does once it is warm (config/wsgi.py): what lives
    # for the process (catalog, law, caches) moves out of the collector's
    # reach, so full collections do not walk it on every few thousand
    # allocations. The baseline below runs under the same collector.
    screen(case)
    gc.collect()
    gc.freeze()
    rules = _rate(lambda: screen(case), 100)
    baseline = _rate(lambda: [{"i": i, "s": str(i)} for i in range(100 * 14)], 100)
    target = "PASS" if rules >= 20_000 else "FAIL"
    return [
        (
            "rules: record evaluations/s (1 process)",
            f"{rules:,.0f}",
            f">= 20,000 {target}",
        ),
        ("baseline: 14 small dicts per record, /s", f"{baseline:,.0f}", "same process"),
        ("rules / baseline", f"{rules / baseline:.3f}", "for comparing machines"),
    ]


def bench_catalog() -> list[tuple[str, str, str]]:
    start = time.perf_counter()
    entries = catalog.load_catalog()
    laws = law.load_laws()
    elapsed = time.perf_counter() - start
    return [
        (
            f"catalog + law data load ({len(entries)} offenses, {len(laws)} laws)",
            f"{elapsed * 1000:,.0f} ms",
            "once per process",
        )
    ]


def bench_petitions() -> list[tuple[str, str, str]]:
    path = ROOT / "bench" / "petition_bench.py"
    if not path.exists():
        return []
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    spec = importlib.util.spec_from_file_location("petition_bench", path)
    if spec is None or spec.loader is None:
        return []
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    rows = module.main()
    return list(rows) if rows else []


def bench_rapsheet() -> list[tuple[str, str, str]]:
    """RAP sheet import: text and scan timings, accuracy (bench/rapsheet_bench.py)."""
    spec = importlib.util.spec_from_file_location(
        "rapsheet_bench", ROOT / "bench" / "rapsheet_bench.py"
    )
    if spec is None or spec.loader is None:
        return []
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return list(module.main())


def bench_web() -> list[tuple[str, str, str]]:
    """Wizard pages under gunicorn + PostgreSQL with wrk, and page weight."""
    spec = importlib.util.spec_from_file_location(
        "web_bench", ROOT / "bench" / "web_bench.py"
    )
    if spec is None or spec.loader is None:
        return []
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return list(module.main())


def main() -> int:
    rows = bench_rules() + bench_catalog() + bench_petitions()
    failed = False
    try:
        rows += bench_rapsheet()
    except Exception as error:  # the rows so far are still worth printing
        failed = True
        rows.append(("rapsheet benchmark", "ERROR", f"{type(error).__name__}: {error}"))
    try:
        rows += bench_web()
    except Exception as error:  # the rows so far are still worth printing
        failed = True
        rows.append(("web benchmark", "ERROR", f"{type(error).__name__}: {error}"))
    width = max(len(row[0]) for row in rows)
    print(f"{'measure'.ljust(width)}  {'value':>14}  note")
    for name, value, note in rows:
        print(f"{name.ljust(width)}  {value:>14}  {note}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
