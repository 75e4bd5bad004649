"""The survivor pages' stylesheet and script, sent inside the page itself.

On a slow phone (Slow 3G: 400 ms a round trip) each extra file costs a
round trip before the page's ``load``: a first visit paid three (page,
stylesheet, script) and took over a second. Both files are small (about
11 KB together), so every survivor page carries them inline and is whole
after one round trip (``bench/phone_bench.py``).

The policy stays strict: no ``unsafe-inline``; the Content-Security-Policy
names the SHA-256 of exactly these two texts, so only they may run, and a
change to either file changes its hash with it.
"""

from __future__ import annotations

import base64
import hashlib
from functools import lru_cache

from django.conf import settings

STYLESHEET = "screener/app.css"
SCRIPT = "screener/app.js"


@lru_cache(maxsize=4)
def text(path: str) -> str:
    """The file as the page includes it (read once per process)."""
    return (settings.BASE_DIR / "static" / path).read_text(encoding="utf-8")


@lru_cache(maxsize=4)
def csp_source(path: str) -> str:
    """The CSP source expression allowing exactly this inline text."""
    digest = hashlib.sha256(text(path).encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"
