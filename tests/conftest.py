"""Fixtures for the whole suite."""

from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True)
def _english_after_each_test() -> Iterator[None]:
    """A test that switches to Spanish must not leave later tests in Spanish.

    Django keeps the active language per thread; one such leak once hid a bug
    where court papers took the visitor's language.
    """
    yield
    from django.utils import translation

    translation.activate("en")
