"""Instructions per render of the papers, ours against today's: a steady A/B.

On a shared machine the time of one render moves by 10-40 % from one minute
to the next, so a 3 % change cannot be seen in ``make bench`` without many
runs. The number of instructions a render executes hardly moves. This runs
the bench's 17-page papers (``bench/petition_bench.py``: same packet, same
"today's renderer") under ``valgrind --tool=callgrind``, once with 1 render
and once with 3, and takes the difference, so start-up and the warm-up
render are not counted.

The ratio it prints is a proxy for the bench's time ratio, not the verdict:
instructions weigh a cache miss like any other. It agreed with the bench
within 0.01-0.03 when it was written (docs/performance.md, fourth run).

Run: ``.venv/bin/python bench/papers_instructions.py`` (needs Debian's
``valgrind``; about 8 minutes on 2 cores, the four runs two at a time).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve()
EXTRA_RENDERS = 2
_COLLECTED = re.compile(r"Collected : (\d+)")


def _child(side: str, renders: int) -> None:
    """Render the papers ``renders`` times after one warm-up render."""
    sys.path.insert(0, str(HERE.parent.parent))
    from bench import petition_bench

    petition_bench._setup_django()
    from datetime import date

    from petitions.packet import packet_build
    from petitions.render import packet_render_html, pdf_from_html
    from screener.rules import screen

    case = petition_bench.CASE
    packet = packet_build(
        facts=case,
        screening=screen(case),
        details=petition_bench.DETAILS,
        today=date(2026, 11, 24),
    )
    html = packet_render_html(packet=packet)
    if side == "ours":

        def render() -> bytes:
            return pdf_from_html(html)

    else:
        render = petition_bench._today_renderer(html)
    for _ in range(renders + 1):
        render()


def _instructions(side: str, renders: int) -> int:
    result = subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            "--callgrind-out-file=/dev/null",
            sys.executable,
            str(HERE),
            "--child",
            side,
            str(renders),
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONHASHSEED": "0"},
        check=True,
    )
    found = _COLLECTED.search(result.stderr)
    if found is None:
        raise RuntimeError(f"callgrind printed no count:\n{result.stderr[-2000:]}")
    return int(found.group(1))


def main() -> None:
    runs = [(side, n) for side in ("ours", "today") for n in (0, EXTRA_RENDERS)]
    with ThreadPoolExecutor(max_workers=2) as pool:
        counts = dict(
            zip(runs, pool.map(lambda run: _instructions(*run), runs), strict=True)
        )
    per_render = {
        side: (counts[side, EXTRA_RENDERS] - counts[side, 0]) / EXTRA_RENDERS
        for side in ("ours", "today")
    }
    for side, count in per_render.items():
        print(f"{side:<6} {count / 1e9:6.3f} billion instructions per render")
    print(f"ours / today's renderer: {per_render['ours'] / per_render['today']:.3f}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        _child(sys.argv[2], int(sys.argv[3]))
    else:
        main()
