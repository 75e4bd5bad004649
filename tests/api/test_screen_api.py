"""POST /api/v1/screen: JSON in and out, no cookies, nothing stored, rate-limited."""

from __future__ import annotations

import json

import pytest
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.test import Client

from tests.rules.conftest import build_case

URL = "/api/v1/screen"


@pytest.fixture(autouse=True)
def _fresh_rate_limit() -> None:
    cache.clear()


@pytest.fixture
def client() -> Client:
    return Client(enforce_csrf_checks=True)


def _post(client: Client, body: object, **extra: str):
    data = body if isinstance(body, (str, bytes)) else json.dumps(body)
    return client.post(URL, data=data, content_type="application/json", **extra)


@pytest.mark.django_db
def test_a_case_is_screened_without_cookies_or_storage(client: Client) -> None:
    response = _post(client, build_case({}))
    assert response.status_code == 200
    assert response.json()["records"][0]["remedies"][0]["status"] == "likely"
    assert response.cookies == {}
    assert "Set-Cookie" not in response.headers
    assert response["Cache-Control"] == "no-store"
    assert Session.objects.count() == 0


@pytest.mark.django_db
def test_invalid_input_is_a_400_with_field_errors(client: Client) -> None:
    response = _post(client, {"records": [{"system": "mars"}]})
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "records[0].system"


@pytest.mark.django_db
@pytest.mark.parametrize("body", ["{not json", b"\xff\xfe", "[" * 100_000])
def test_unreadable_json_is_a_400(client: Client, body: str | bytes) -> None:
    response = _post(client, body)
    assert response.status_code == 400
    assert response.json()["errors"][0]["message"]


@pytest.mark.django_db
def test_other_content_types_are_refused_kindly(client: Client) -> None:
    response = client.post(
        URL, data="a=b", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 415


@pytest.mark.django_db
def test_get_is_not_allowed(client: Client) -> None:
    assert client.get(URL).status_code == 405


@pytest.mark.django_db
def test_a_very_large_body_is_refused(client: Client) -> None:
    response = _post(client, {"pad": "x" * (1024 * 1024 + 10), "records": []})
    assert response.status_code == 413


@pytest.mark.django_db
def test_requests_past_the_rate_limit_get_429(client: Client, settings) -> None:
    settings.SCREEN_API_RATE_PER_MINUTE = 3
    codes = [_post(client, build_case({})).status_code for _ in range(5)]
    assert codes == [200, 200, 200, 429, 429]
    other = _post(client, build_case({}), REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 200
