"""RAP sheet import: speed and field accuracy on synthetic sheets.

Run alone with ``python bench/rapsheet_bench.py``; ``make bench`` includes it.
Targets (issue 14): a 30-page text sheet parsed and screened in <= 2 s; a
10-page scan in <= 60 s on a 2-core machine; field accuracy >= 99 % on text
PDFs and >= 95 % on scans. The text row is also given against pdftotext
alone on the same file, so a slow machine shows as a ratio.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from screener.rules.contract import RecordScreening

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()


def _pages_sheet(pages: int, seed: int):
    from tests.rapsheet.synth import make_sheet

    cycles = pages * 2
    while True:
        sheet = make_sheet(seed, cycles)
        if sheet.text.count("\f") + 1 >= pages:
            return sheet
        cycles += 1


def main() -> list[tuple[str, str, str]]:
    _setup()
    from rapsheet.services import read_sheet
    from screener.rules import screen
    from tests.rapsheet.synth import AS_OF, make_sheet, scan_pdf, score, text_pdf

    rows: list[tuple[str, str, str]] = []
    sheet = _pages_sheet(30, 7)
    pdf = text_pdf(sheet.text)
    read_sheet(pdf, as_of=AS_OF)  # warm: grammar, catalog
    start = time.perf_counter()
    result = read_sheet(pdf, as_of=AS_OF)
    # The counts read from the sheet, as contract records.
    records: list[Any] = [
        {k: r[k] for k in ("id", "system", "disposition", "offense", "level", "county", "probation")}
        for r in result["records"]
    ]  # fmt: skip
    screened: dict[str, list[RecordScreening]] = {"records": []}
    for at in range(0, len(records), 100):  # the contract's 100 records a call
        chunk = screen({"as_of": AS_OF.isoformat(), "records": records[at : at + 100]})
        screened["records"] += chunk["records"]
    elapsed = time.perf_counter() - start
    start = time.perf_counter()
    subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    )
    baseline = time.perf_counter() - start
    rows.append(
        (
            f"rapsheet: {result['pages']}-page text sheet read + {len(screened['records'])} counts screened",
            f"{elapsed:.2f} s",
            f"<= 2 s {'PASS' if elapsed <= 2 else 'FAIL'}; {elapsed / baseline:.1f}x pdftotext alone",
        )
    )
    right = total = invented = 0
    for seed in range(12):
        s = make_sheet(seed, (1, 5, 20, 60)[seed % 4])
        scored = score(s, read_sheet(text_pdf(s.text), as_of=AS_OF))
        right, total, invented = (
            right + scored["right"],
            total + scored["total"],
            invented + scored["invented"],
        )
    accuracy = right / total
    rows.append(
        (
            "rapsheet: field accuracy, 12 text PDFs (1-60 cycles)",
            f"{accuracy:.2%}",
            f">= 99 % {'PASS' if accuracy >= 0.99 else 'FAIL'}; {invented} invented counts",
        )
    )
    scan_sheet = _pages_sheet(10, 5)
    scan = scan_pdf(scan_sheet.text, seed=5)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    scan_result = read_sheet(scan, as_of=AS_OF)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    scored = score(scan_sheet, scan_result)
    rows.append(
        (
            f"rapsheet: {scan_result['pages']}-page scan read (OCR, {os.cpu_count()} cores)",
            f"{elapsed:.1f} s",
            f"<= 60 s {'PASS' if elapsed <= 60 else 'FAIL'}; {cpu:.1f} CPU s in "
            f"poppler + Tesseract; load {os.getloadavg()[0]:.1f}",
        )
    )
    rows.append(
        (
            "rapsheet: field accuracy on that scan",
            f"{scored['accuracy']:.2%}",
            f">= 95 % {'PASS' if scored['accuracy'] >= 0.95 else 'FAIL'}; {scored['invented']} invented counts",
        )
    )
    return rows


if __name__ == "__main__":
    for name, value, note in main():
        print(f"{name:70}  {value:>10}  {note}")
