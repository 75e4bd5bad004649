"""Page parts drawn once per language (core/templatetags/page_parts.py)."""

from __future__ import annotations

import functools
from typing import Any

import pytest
from django.template import engines
from django.test import Client, RequestFactory, override_settings
from django.utils import translation

SOURCE = (
    "{% load i18n page_parts %}{% same_for_everyone %}"
    "[{{ request.path }}|{{ secret }}|{% csrf_token %}|{{ user }}]"
    '{% translate "Exit this page" %}'
    "{% end_same_for_everyone %}"
)


@functools.cache
def shared_template() -> Any:
    """One template object for every draw, as the cached loader keeps it."""
    return engines["django"].from_string(SOURCE)


def draw(path: str, secret: str, language: str) -> str:
    template = shared_template()
    request = RequestFactory().get(path)
    with translation.override(language):
        return template.render({"secret": secret}, request)


def test_nothing_of_the_visitor_is_drawn_or_kept() -> None:
    first = draw("/q/q3/", "my own words", "en")
    assert first == "[|||]Exit this page"
    assert "my own words" not in first
    assert "/q/q3/" not in first
    # A second visitor gets the same, never the first one's values.
    assert draw("/results/", "someone else", "en") == first


def test_each_language_is_drawn_in_its_own_words() -> None:
    english = draw("/", "", "en")
    spanish = draw("/", "", "es")
    assert "Salir de esta página" in spanish
    assert english != spanish
    assert draw("/", "", "en") == english


@pytest.mark.django_db
def test_the_footer_follows_the_idle_setting_not_the_first_page_drawn() -> None:
    assert "30 minutes" in Client().get("/").content.decode()
    with override_settings(SESSION_COOKIE_AGE=600):
        page = Client().get("/").content.decode()
    assert "10 minutes" in page
    assert "30 minutes" not in page
