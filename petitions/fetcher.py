"""The only way a petition render may load a file: a deny-by-default fetcher.

WeasyPrint's default fetcher reads any ``file://`` path, follows HTTP
redirects and embeds ``rel=attachment`` targets in the PDF (security research
§1.3). A survivor's petition is rendered on a server that holds other
people's data, so the render may load exactly the files listed in
``ALLOWED_ASSETS`` (our fonts and pleading CSS under ``static/``) and
nothing else: no network, no ``data:`` URLs, no other local file.
"""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

logger = logging.getLogger(__name__)

STATIC_DIR = (Path(__file__).resolve().parent.parent / "static").resolve()

# Relative to STATIC_DIR. An explicit list, not a folder: a file dropped into
# static/ later is still refused until someone adds it here on purpose.
ALLOWED_ASSETS: frozenset[str] = frozenset(
    {
        "fonts/LiberationSerif-Regular.ttf",
        "fonts/LiberationSerif-Bold.ttf",
        "fonts/LiberationSerif-Italic.ttf",
        "fonts/LiberationSerif-BoldItalic.ttf",
        "petitions/pleading.css",
        "petitions/pleading-numbers.png",
        "petitions/pleading-rule.png",
    }
)

_CONTENT_TYPES = {".ttf": "font/ttf", ".css": "text/css", ".png": "image/png"}


class BlockedResource(FatalURLFetchingError):
    """A render asked for something outside the allow-list.

    Subclasses WeasyPrint's fatal error (a ``BaseException``) so that, when
    the fetcher fails closed, the whole render stops instead of producing a
    document with a silently missing part.
    """


class StaticAssetFetcher(URLFetcher):
    """Serve allow-listed static files; refuse every other URL.

    ``refused`` keeps the scheme of each refused request (never the URL: it
    may carry injected user text) so tests can prove a request was made and
    refused. With ``fail_closed`` (the default) a refusal aborts the render;
    tests of hostile documents turn it off to inspect the resulting PDF.
    """

    def __init__(self, *, fail_closed: bool = True) -> None:
        super().__init__(timeout=2, allowed_protocols={"file"}, allow_redirects=False)
        self.fail_closed = fail_closed
        self.refused: list[str] = []
        self.served: list[str] = []

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> object:
        asset = self._allowed_asset(url)
        if asset is None:
            scheme = url.split(":", 1)[0].lower()[:16] if ":" in url else "relative"
            self.refused.append(scheme)
            logger.warning("Petition render refused a %s: resource.", scheme)
            if self.fail_closed:
                raise BlockedResource(f"blocked {scheme}: resource")
            raise ValueError(f"blocked {scheme}: resource")
        self.served.append(asset.relative_to(STATIC_DIR).as_posix())
        return URLFetcherResponse(
            asset.as_uri(),
            body=asset.read_bytes(),
            headers={"Content-Type": _CONTENT_TYPES[asset.suffix]},
        )

    @staticmethod
    def _allowed_asset(url: str) -> Path | None:
        """Return the local path if ``url`` names an allow-listed file."""
        parts = urlsplit(url)
        if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
            return None
        path = Path(url2pathname(parts.path)).resolve()
        if not path.is_relative_to(STATIC_DIR):
            return None
        if path.relative_to(STATIC_DIR).as_posix() not in ALLOWED_ASSETS:
            return None
        return path if path.is_file() else None
