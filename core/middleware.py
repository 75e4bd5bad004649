"""Headers every page needs, whatever app or view made it.

Django 5.2 has no built-in CSP, so one small middleware sends a strict
policy (no inline code but the page's own stylesheet and script, allowed by
their hashes: ``core.inline_assets``; nothing from another origin) and
marks every HTML
page ``no-store``: answers are on most pages, and a page that is never
stored cannot be read back from the cache of a shared phone.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
    )
)


@lru_cache(maxsize=1)
def content_security_policy() -> str:
    """The policy, with the hashes of the inline stylesheet and script."""
    from core.inline_assets import SCRIPT, STYLESHEET, csp_source

    return CONTENT_SECURITY_POLICY.replace(
        "script-src 'self'", f"script-src 'self' {csp_source(SCRIPT)}"
    ).replace("style-src 'self'", f"style-src 'self' {csp_source(STYLESHEET)}")


PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), interest-cohort=()"
# Not "no-referrer": with it Chrome sends "Origin: null" on same-site form
# posts, and Django's CSRF check refuses every answer. "same-origin" still
# sends nothing to any other site (the exit destination included).
REFERRER_POLICY = "same-origin"


class SafetyHeadersMiddleware:
    """Strict CSP on every response; no-store on every HTML response."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault(
            "Content-Security-Policy", content_security_policy()
        )
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.headers["Referrer-Policy"] = REFERRER_POLICY
        if response.headers.get("Content-Type", "").startswith("text/html"):
            add_never_cache_headers(response)
        return response
