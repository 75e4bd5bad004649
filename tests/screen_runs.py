"""Count runs of the rules: ``screener.rules.screen`` wrapped with a counter.

Every module that imported ``screen`` by name gets the wrapper too, so no
run anywhere in the project goes uncounted.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import screener.rules


class Runs:
    def __init__(self) -> None:
        self.count = 0


@contextmanager
def counting_runs() -> Iterator[Runs]:
    original = screener.rules.screen
    runs = Runs()

    def counted(*args: Any, **kwargs: Any) -> Any:
        runs.count += 1
        return original(*args, **kwargs)

    patched = [
        module
        for module in list(sys.modules.values())
        if module is not None and getattr(module, "screen", None) is original
    ]
    for module in patched:
        module.screen = counted  # type: ignore[attr-defined]
    try:
        yield runs
    finally:
        for module in patched:
            module.screen = original  # type: ignore[attr-defined]
