"""Staff pages in Spanish, like the survivor's.

These tests compile the catalog into a temporary locale directory, so they
check the catalog as it stands in the tree, not a stale compiled file.
"""

from __future__ import annotations

import gettext
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.utils.translation.template import templatize

from intake.models import Case, Organization
from tests.intake.conftest import MakeCase, verified_client

ROOT = Path(__file__).resolve().parents[2]
CATALOG = ROOT / "locale" / "es" / "LC_MESSAGES" / "django.po"
STAFF_TEMPLATES = sorted(
    path
    for path in (ROOT / "templates" / "intake").glob("*.html")
    if path.name not in {"handoff.html", "handoff_done.html"}  # survivor pages
)
MSGID = re.compile(r"n?gettext\(u'((?:[^'\\]|\\.)*)'")


@pytest.fixture(scope="module")
def spanish(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The catalog as it stands in the tree, freshly compiled."""
    root = tmp_path_factory.mktemp("locale")
    target = root / "es" / "LC_MESSAGES"
    target.mkdir(parents=True)
    (target / "django.po").write_text(CATALOG.read_text(encoding="utf-8"))
    subprocess.run(
        ["msgfmt", "-o", str(target / "django.mo"), str(target / "django.po")],
        check=True,
    )
    return root


@pytest.fixture
def in_spanish(spanish: Path, settings: Any) -> None:
    settings.LOCALE_PATHS = [spanish]


@pytest.mark.parametrize("template", STAFF_TEMPLATES, ids=lambda p: p.name)
def test_every_staff_string_has_a_spanish_translation(
    template: Path, spanish: Path
) -> None:
    catalog = gettext.GNUTranslations(
        (spanish / "es" / "LC_MESSAGES" / "django.mo").open("rb")
    )
    source = template.read_text(encoding="utf-8")
    found = [m.replace("\\'", "'") for m in MSGID.findall(templatize(source))]
    assert found, f"{template.name} marks nothing for translation"
    missing = [m for m in found if catalog.gettext(m) == m]
    assert missing == []


def test_no_staff_template_has_visible_english_outside_translate_tags() -> None:
    """Text between tags is only template syntax, markup or punctuation."""
    for template in STAFF_TEMPLATES:
        text = re.sub(
            r"{% blocktranslate.*?{% endblocktranslate %}", " ", template.read_text(),
            flags=re.S,
        )  # fmt: skip
        stripped = re.sub(r"{%.*?%}|{{.*?}}|{#.*?#}|<[^>]*>", " ", text)
        words = re.findall(r"[A-Za-z]{3,}", stripped)
        # Each language's own name on the switch is never translated.
        words = [w for w in words if w not in {"English", "Espa"}]
        assert words == [], f"{template.name}: {words}"


@pytest.mark.django_db
@pytest.mark.usefixtures("in_spanish")
def test_a_spanish_speaking_worker_reads_the_queue_and_case_in_spanish(
    org_a: Organization, make_case: MakeCase, staff_a: Any
) -> None:
    case: Case = make_case(org_a)
    client = verified_client(staff_a)
    client.cookies["django_language"] = "es"
    queue = client.get("/staff/").content.decode()
    assert f"Casos de {org_a.name}" in queue
    assert "Evaluar a una persona cliente" in queue
    assert "Screen a client" not in queue
    assert '<html lang="es">' in queue
    page = client.get(f"/staff/cases/{case.pk}/").content.decode()
    assert "Plan de contacto seguro: léalo antes de cualquier contacto" in page
    assert "No deje un mensaje." in page
    assert "Safe-contact plan" not in page
    facts = client.get(f"/staff/cases/{case.pk}/facts/").content.decode()
    assert "Editar los hechos y volver a aplicar las reglas" in facts
    assert "Cometido mientras era víctima" in facts


@pytest.mark.django_db
@pytest.mark.usefixtures("in_spanish")
def test_sign_in_and_its_one_answer_are_in_spanish(staff_a: Any) -> None:
    client = Client()
    client.cookies["django_language"] = "es"
    assert "Iniciar sesión" in client.get("/staff/login/").content.decode()
    failed = client.post(
        "/staff/login/", {"username": "sam", "password": "nope", "otp_token": "1"}
    ).content.decode()
    assert "no son correctos" in failed


@pytest.mark.django_db
def test_staff_can_switch_language_on_any_staff_page(staff_a: Any) -> None:
    page = verified_client(staff_a).get("/staff/").content.decode()
    assert 'name="language" value="es"' in page
