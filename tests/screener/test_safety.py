"""Survivor safety: nothing left behind, nothing readable, nothing crashes."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from cryptography.fernet import Fernet
from django.contrib.sessions.models import Session
from django.test import Client

from core import inline_assets, visitor_store
from tests.screener.conftest import post_step, stored, walk

pytestmark = pytest.mark.django_db

PAGES = ["/", "/safety/", "/check/", "/results/", "/q/q1/", "/nowhere/"]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_has_a_strict_csp_and_is_never_stored(
    client: Client, path: str
) -> None:
    response = client.get(path, follow=True)
    csp = response["Content-Security-Policy"]
    for directive in (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "form-action 'self'",
    ):
        assert directive in csp
    assert "unsafe-inline" not in csp
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("path", ["/", "/safety/", "/q/q1/", "/nowhere/"])
def test_every_page_has_the_exit_button_a_neutral_title_and_no_inline_code(
    client: Client, path: str
) -> None:
    page = client.get(path, follow=True).content.decode()
    assert page.count('href="/exit/"') >= 2  # button and skip link
    title = page[page.index("<title>") + 7 : page.index("</title>")]
    for word in ("trafficking", "abuse", "violence", "record", "vacat", "crime"):
        assert word not in title.lower()
    # No inline code but our own stylesheet and script, which the CSP allows
    # by their hashes (core/inline_assets.py).
    assert re.findall(r"<script[^>]*>(.*?)</script>", page, re.S) == [
        inline_assets.text(inline_assets.SCRIPT)
    ]
    assert re.findall(r"<style[^>]*>(.*?)</style>", page, re.S) == [
        inline_assets.text(inline_assets.STYLESHEET)
    ]
    csp = client.get(path, follow=True)["Content-Security-Policy"]
    assert inline_assets.csp_source(inline_assets.SCRIPT) in csp
    assert inline_assets.csp_source(inline_assets.STYLESHEET) in csp
    assert "style=" not in page
    assert "http://" not in page.split("</head>")[0]
    assert "https://" not in page.split("</head>")[0]


def test_cookies_are_session_only_and_hold_no_answer(
    client: Client, trafficking_647b: dict[str, Any]
) -> None:
    walk(client, trafficking_647b)
    assert set(client.cookies) == {"s", visitor_store.KEY_COOKIE}
    for morsel in client.cookies.values():
        assert not morsel["expires"]
        assert not morsel["max-age"]
        assert morsel["httponly"]
        assert "647" not in morsel.value


def test_answers_are_encrypted_in_the_database(
    client: Client, trafficking_647b: dict[str, Any]
) -> None:
    """Every answer in the session row is a Fernet token under the visitor's key.

    Asserted on the decoded structure, not on substrings of the row: base64
    ciphertext contains "647" by chance about once in 500 runs.
    """
    walk(client, trafficking_647b)
    client.post("/check/", {"action": "results"})
    (row,) = Session.objects.all()
    decoded = row.get_decoded()
    fernet = Fernet(client.cookies[visitor_store.KEY_COOKIE].value.encode())
    assert {visitor_store.FACTS_KEY, visitor_store.ANSWERS_KEY} <= set(decoded)
    for name, value in decoded.items():
        if isinstance(value, bool):
            continue  # a flag ("counted"), never an answer
        # Every other value, the wizard's own state included, decrypts under
        # the key that lives only in the visitor's cookie.
        assert isinstance(value, str), name
        assert json.loads(fernet.decrypt(value.encode())) is not None, name
    case = json.loads(fernet.decrypt(decoded[visitor_store.FACTS_KEY].encode()))
    assert case["records"][0]["offense"] == "PC 647(b)"
    assert stored(client, visitor_store.FACTS_KEY) == case


def test_without_the_key_cookie_the_answers_are_gone(
    client: Client, trafficking_647b: dict[str, Any]
) -> None:
    walk(client, trafficking_647b)
    del client.cookies[visitor_store.KEY_COOKIE]
    response = client.get("/check/")
    assert response.status_code == 302  # nothing to check: back to the start
    assert stored(client, visitor_store.ANSWERS_KEY) is None


@pytest.mark.parametrize("method", ["get", "post"])
def test_exit_forgets_everything_and_asks_the_browser_to_as_well(
    client: Client, trafficking_647b: dict[str, Any], method: str
) -> None:
    walk(client, trafficking_647b)
    response = getattr(client, method)("/exit/")
    assert response.status_code == 302
    assert response["Location"].startswith("https://www.google.com/")
    assert response["Clear-Site-Data"] == '"cache", "cookies", "storage"'
    assert "no-store" in response["Cache-Control"]
    assert Session.objects.count() == 0
    assert response.cookies[visitor_store.KEY_COOKIE]["max-age"] == 0
    # The browser's Back button: the page is fetched again and has nothing.
    back = client.get("/check/")
    assert back.status_code == 302
    assert "647" not in client.get("/q/q3/", follow=True).content.decode()


def test_keep_alive_extends_the_session_and_needs_post(client: Client) -> None:
    assert client.get("/keep-alive/").status_code == 405
    assert client.post("/keep-alive/").status_code == 204


# --- tampering and odd input ------------------------------------------------


def started(client: Client) -> Client:
    client.post("/begin/")
    return client


@pytest.mark.parametrize("step", ["q99", "../../etc", "end", "", "q1; drop"])
def test_unknown_step_in_the_form_is_a_400_not_a_500(client: Client, step: str) -> None:
    started(client)
    response = client.post("/q/q1/", {"s-current_step": step, "q1-answer": "federal"})
    assert response.status_code == 400
    assert "Something went wrong with that page" in response.content.decode()


def test_future_step_cannot_be_posted(client: Client) -> None:
    started(client)
    response = post_step(client, "q8", answer=["human_trafficking"])
    assert response.status_code == 400
    assert stored(client, "wizard_s")["step_data"] == {}


def test_future_step_cannot_be_opened_by_url(client: Client) -> None:
    started(client)
    response = client.get("/q/q10/")
    assert response["Location"].endswith("/q/q1/")


def test_going_forward_with_goto_is_refused(client: Client) -> None:
    started(client)
    post_step(client, "q1", answer="california")
    response = client.post("/q/q2/", {"s-current_step": "q2", "wizard_goto_step": "q8"})
    assert response.status_code == 400


def test_missing_management_form_is_a_400(client: Client) -> None:
    started(client)
    assert client.post("/q/q1/", {"q1-answer": "federal"}).status_code == 400


def test_replayed_step_after_exit_is_a_400(client: Client) -> None:
    started(client)
    post_step(client, "q1", answer="california")
    post_step(client, "q2", answer="conviction")
    client.get("/exit/")
    assert post_step(client, "q3", query="647b").status_code == 400


def test_junk_fields_are_not_stored(client: Client) -> None:
    started(client)
    response = client.post(
        "/q/q1/",
        {
            "s-current_step": "q1",
            "q1-answer": "california",
            "junk": "x" * 300_000,
            "q1-extra": "y",
        },
    )
    assert response.status_code == 302
    data = stored(client, "wizard_s")["step_data"]["q1"]
    assert set(data) == {"q1-answer", "_seen"}


def test_a_ten_megabyte_body_is_refused_with_a_400(client: Client) -> None:
    started(client)
    response = client.post(
        "/q/q3/",
        {"s-current_step": "q3", "q3-query": "x" * (10 * 1024 * 1024 + 10)},
    )
    assert response.status_code == 400


def test_a_very_long_answer_is_a_kind_field_error(client: Client) -> None:
    started(client)
    post_step(client, "q1", answer="california")
    post_step(client, "q2", answer="conviction")
    response = post_step(client, "q3", query="6" * 100_000)
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page
    assert "6" * 1000 not in page  # the huge value is not echoed back whole
    assert stored(client, "wizard_s")["step_data"].get("q3") is None


@pytest.mark.parametrize(
    "text",
    ["647\x00b", "\u202e647b", "64\u200d7b", "👩\u200d⚖️", "a" + "\u0301" * 5000],
)
def test_odd_unicode_never_crashes(client: Client, text: str) -> None:
    started(client)
    post_step(client, "q1", answer="california")
    post_step(client, "q2", answer="conviction")
    response = post_step(client, "q3", query=text)
    assert response.status_code in (200, 302)
    if response.status_code == 302:
        assert client.get(response["Location"]).status_code == 200


def test_invalid_utf8_never_crashes(client: Client) -> None:
    started(client)
    post_step(client, "q1", answer="california")
    post_step(client, "q2", answer="conviction")
    response = client.post(
        "/q/q3/",
        "s-current_step=q3&q3-query=%ED%A0%80%FF",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code in (200, 302)


def test_nul_byte_gives_a_field_error(client: Client) -> None:
    started(client)
    post_step(client, "q1", answer="california")
    post_step(client, "q2", answer="conviction")
    response = post_step(client, "q3", query="647\x00b")
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()


def test_a_choice_that_is_not_offered_is_a_field_error(client: Client) -> None:
    started(client)
    response = post_step(client, "q1", answer="<script>alert(1)</script>")
    assert response.status_code == 200
    page = response.content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "There is a problem" in page


def test_change_link_with_a_bad_index_is_a_404(
    client: Client, trafficking_647b: dict[str, Any]
) -> None:
    walk(client, trafficking_647b)
    assert client.get("/change/7/q1/").status_code == 404
    assert client.get("/change/0/q77/").status_code == 404
    assert client.post("/check/", {"action": "remove", "index": "x"}).status_code == 404


def test_server_error_page_is_friendly(client: Client, settings: Any) -> None:
    from django.template.loader import render_to_string

    page = render_to_string("500.html")
    assert "Sorry, something went wrong on our side" in page
    assert 'href="/exit/"' in page


def test_referrer_never_leaves_the_site_and_same_site_posts_still_work(
    client: Client,
) -> None:
    # "no-referrer" makes Chrome send "Origin: null" on form posts, which
    # Django's CSRF check refuses; "same-origin" sends nothing elsewhere.
    assert client.get("/")["Referrer-Policy"] == "same-origin"


def test_no_answer_reaches_a_log_line(
    client: Client, trafficking_647b: dict[str, Any], caplog: Any
) -> None:
    caplog.set_level("DEBUG")
    walk(client, trafficking_647b)
    client.post("/q/q1/", {"s-current_step": "q99", "q1-answer": "Los Angeles"})
    client.post("/check/", {"action": "results"})
    client.get("/results/")
    logged = "\n".join(r.getMessage() for r in caplog.records)
    for answer in ("647", "Los Angeles", "human_trafficking", "prostitution"):
        assert answer not in logged


def test_one_small_stylesheet_and_script_with_no_fonts_or_outside_urls() -> None:
    from django.conf import settings

    static = settings.BASE_DIR / "static" / "screener"
    css = (static / "app.css").read_text(encoding="utf-8")
    js = (static / "app.js").read_text(encoding="utf-8")
    assert "@font-face" not in css
    assert "@import" not in css
    assert "url(" not in css
    assert "http" not in js
    assert len(css) + len(js) < 20_000


def test_idle_timeout_page_deletes_the_answers(
    client: Client, trafficking_647b: dict[str, Any]
) -> None:
    walk(client, trafficking_647b)
    response = client.get("/timeout/")
    assert response["Location"] == "/deleted/?after=idle"
    assert response["Clear-Site-Data"] == '"cache", "cookies", "storage"'
    assert Session.objects.count() == 0
    page = client.get(response["Location"]).content.decode()
    assert "Your answers were deleted" in page
    assert 'href="/"' in page
    assert "Start again" in page
    assert client.get("/check/")["Location"] == "/"


def test_idle_expiry_on_the_server_forgets_the_answers(
    client: Client, trafficking_647b: dict[str, Any]
) -> None:
    from datetime import timedelta

    from django.utils import timezone

    walk(client, trafficking_647b)
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    # The page says plainly that the answers were deleted.
    assert client.get("/check/")["Location"] == "/deleted/?after=idle"
    # Said once; the browser now holds a fresh, empty session: a plain start.
    assert client.get("/results/")["Location"] == "/"
