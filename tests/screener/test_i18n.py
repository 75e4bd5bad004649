"""English and Spanish are both complete: nothing a survivor reads is left
untranslated, including the rules' reasons."""

from __future__ import annotations

import gettext
import re
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.test import Client
from django.utils import translation

from screener import forms as f
from tests.screener.conftest import walk

ROOT = Path(django_settings.BASE_DIR)
# The survivor pages: this app's code and templates, the base template and
# the error pages. Other apps' templates (petitions, intake) are theirs.
OUR_SOURCES = ("screener/", "templates/screener/", "templates/base.html")
OUR_TEMPLATES = ("400.html", "403.html", "403_csrf.html", "404.html", "500.html")
LANGUAGE_NAMES = {"English", "Español"}


def parse_po(text: str) -> list[dict[str, Any]]:
    """Entries of a .po file: msgctxt, msgid, msgstr, flags and source files."""
    entries = []
    for block in text.split("\n\n"):
        lines = block.strip().splitlines()
        entry: dict[str, Any] = {
            "files": [], "flags": "", "msgctxt": "", "msgid": "", "msgstr": ""
        }  # fmt: skip
        current = None
        for line in lines:
            if line.startswith("#:"):
                entry["files"] += [p.rsplit(":", 1)[0] for p in line[2:].split()]
            elif line.startswith("#,"):
                entry["flags"] += line
            elif line.startswith(("msgctxt ", "msgid ", "msgstr ")):
                current, _, rest = line.partition(" ")
                entry[current] = rest[1:-1]
            elif line.startswith('"') and current:
                entry[current] += line[1:-1]
        if entry["msgid"]:
            entries.append(entry)
    return entries


@pytest.fixture(scope="module")
def fresh_catalog(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    """Run makemessages over a copy of the sources, merging the committed .po."""
    work = tmp_path_factory.mktemp("messages")
    for name in ("screener", "templates", "locale"):
        shutil.copytree(ROOT / name, work / name)
    cwd = Path.cwd()
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(work)
        patch.setattr(django_settings, "LOCALE_PATHS", [work / "locale"])
        call_command("makemessages", locale=["es"], no_obsolete=True, verbosity=0)
    assert Path.cwd() == cwd
    po = (work / "locale/es/LC_MESSAGES/django.po").read_text(encoding="utf-8")
    return parse_po(po)


def ours(entry: dict[str, Any]) -> bool:
    return any(
        path.startswith(OUR_SOURCES)
        or path in {f"templates/{t}" for t in OUR_TEMPLATES}
        for path in entry["files"]
    )


def test_every_string_in_our_code_has_a_spanish_translation(
    fresh_catalog: list[dict[str, Any]],
) -> None:
    checked = [e for e in fresh_catalog if ours(e)]
    assert len(checked) > 300  # templates, forms, results and the rules' reasons
    untranslated = [
        e["msgid"] for e in checked if not e["msgstr"] or "fuzzy" in e["flags"]
    ]
    assert untranslated == []


def test_placeholders_survive_translation(fresh_catalog: list[dict[str, Any]]) -> None:
    for entry in fresh_catalog:
        if entry["msgstr"]:
            wanted = sorted(re.findall(r"%\(\w+\)s", entry["msgid"]))
            assert sorted(re.findall(r"%\(\w+\)s", entry["msgstr"])) == wanted


def unescape(text: str) -> str:
    return text.replace('\\"', '"').replace("\\n", "\n").replace("\\\\", "\\")


def test_the_compiled_catalog_matches_the_po_file() -> None:
    """The committed .mo says what the committed .po says (compilemessages ran)."""
    folder = ROOT / "locale/es/LC_MESSAGES"
    with (folder / "django.mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    entries = parse_po((folder / "django.po").read_text(encoding="utf-8"))
    translated = [e for e in entries if e["msgstr"] and "fuzzy" not in e["flags"]]
    assert len(translated) > 300
    for entry in translated:
        msgid = unescape(entry["msgid"])
        said = (
            compiled.pgettext(unescape(entry["msgctxt"]), msgid)
            if entry["msgctxt"]
            else compiled.gettext(msgid)
        )
        assert said == unescape(entry["msgstr"])


TAG = re.compile(r"<[^>]*>", re.S)
TEMPLATE_CODE = re.compile(
    r"{%\s*(blocktranslate|blocktrans)\b.*?{%\s*end\1\s*%}|{%.*?%}|{{.*?}}|{#.*?#}",
    re.S,
)
ATTRIBUTE_TEXT = re.compile(r'\b(?:aria-label|alt|title|placeholder)="([^"]*)"')


def template_files() -> list[Path]:
    templates = ROOT / "templates"
    return [
        *sorted((templates / "screener").glob("*.html")),
        templates / "base.html",
        *(templates / name for name in OUR_TEMPLATES),
    ]


@pytest.mark.parametrize("path", template_files(), ids=lambda p: p.name)
def test_templates_have_no_bare_text(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    for value in ATTRIBUTE_TEXT.findall(source):
        assert not re.search(r"[A-Za-z]", TEMPLATE_CODE.sub("", value)), value
    text = TAG.sub(" ", TEMPLATE_CODE.sub(" ", source))
    words = [w for w in re.findall(r"[A-Za-zÀ-ÿ]+", text) if w not in LANGUAGE_NAMES]
    assert words == [], f"untranslated text in {path.name}: {words}"


@pytest.mark.parametrize(("step", "form_class"), f.STEP_FORMS)
def test_every_question_reads_in_spanish(step: str, form_class: type) -> None:
    with translation.override("es"):
        spanish = str(form_class.question)
    with translation.override("en"):
        english = str(form_class.question)
    assert spanish != english
    assert spanish.startswith("¿")


@pytest.mark.django_db
def test_a_whole_screening_in_spanish(
    client: Client, trafficking_647b: dict[str, Any]
) -> None:
    client.post("/i18n/setlang/", {"language": "es", "next": "/"})
    start = client.get("/").content.decode()
    assert '<html lang="es">' in start
    assert "Averigüe si puede limpiar sus antecedentes" in start
    assert "Salir de esta página" in start
    assert 'value="en" lang="en">English' in start
    walk(client, trafficking_647b)
    check = client.get("/check/").content.decode()
    assert "Revise sus respuestas" in check
    client.post("/check/", {"action": "results"})
    page = client.get("/results/").content.decode()
    assert "Sus resultados" in page
    assert "Anulación (vacatur) para sobrevivientes de trata de personas" in page
    assert "Usted nos contó de trata de personas" in page  # a rules reason
    assert "Conducta desordenada: prostitución" in page  # an offense title
    assert "You told us" not in page
    # Dates the Spanish way ("1 de diciembre de 2026"), never ISO.
    assert re.search(r"vigente al \d{1,2} de [a-z]+ de \d{4}\.", page)
    # Each legal-aid entry says when it was checked, the Spanish way.
    assert re.search(r"revisado el \d{1,2} de [a-z]+ de \d{4}", page)
    assert not re.search(r"\d{4}-\d{2}-\d{2}", page)


def test_data_text_shown_on_the_page_is_marked_for_translation() -> None:
    """Law titles and legal-aid descriptions come from data files."""
    from screener import data_strings, legal_aid
    from screener.rules.law import laws

    for law in laws().values():
        assert law.title in data_strings.LAW_TITLES, law.title
    listing = legal_aid.directory()
    for org in listing.statewide + tuple(
        org for orgs in listing.by_county.values() for org in orgs
    ):
        assert org.about in data_strings.LEGAL_AID, org.about
        assert not org.hours or org.hours in data_strings.LEGAL_AID, org.hours


def _spanish_in_po() -> dict[str, str]:
    """English -> Spanish for every translated, non-fuzzy entry of the committed .po."""
    po = (ROOT / "locale/es/LC_MESSAGES/django.po").read_text(encoding="utf-8")
    return {
        unescape(e["msgid"]): unescape(e["msgstr"])
        for e in parse_po(po)
        if e["msgstr"] and "fuzzy" not in e["flags"]
    }


def test_every_offense_title_is_listed_for_translation() -> None:
    """Any catalog entry can be offered by the search or named on the results page."""
    from screener import data_strings
    from screener.rules.catalog import catalog

    titles = list(dict.fromkeys(o.title for o in catalog().values()))
    assert len(titles) > 450
    missing = [t for t in titles if t not in data_strings.OFFENSE_TITLES]
    lines = "\n".join(f"    gettext_noop({t!r})," for t in missing)
    assert missing == [], f"add to OFFENSE_TITLES in screener/data_strings.py:\n{lines}"
    stale = set(data_strings.OFFENSE_TITLES) - set(titles)
    assert stale == set(), "no longer in the catalog: remove from OFFENSE_TITLES"


def test_every_offense_title_has_spanish() -> None:
    """Run `make messages` and translate the new entries when this fails."""
    from screener import data_strings

    spanish = _spanish_in_po()
    untranslated = [t for t in data_strings.OFFENSE_TITLES if t not in spanish]
    assert untranslated == []
    with translation.override("es"):
        shown = {t: translation.gettext(t) for t in data_strings.OFFENSE_TITLES}
    assert all(shown[t] == spanish[t] for t in shown)  # and the .mo says so


def test_the_charge_choices_read_in_spanish() -> None:
    """What the search offers for "robo" and "prostitution", in Spanish."""
    from screener.citations import offense_code
    from screener.rules.search import search

    spanish = _spanish_in_po()
    for query in ("robo", "prostitution", "theft", "assault", "drugs"):
        matches = search(query, limit=8)
        with translation.override("es"):
            form = f.PickForm(matches=matches, query=query)
        for match, (code, label, _hint) in zip(matches, form.choices, strict=False):
            assert code == match.code
            # The code as a Spanish reader knows it ("Código Penal, art. 211").
            shown = offense_code(match.code, language="es")
            assert label == f"{shown}: {spanish[match.title]}"


@pytest.mark.parametrize(
    ("offense", "spanish"),
    [
        ("664/211", "Intento de robo con violencia o amenaza (robbery)"),
        ("664/187", "Intento de asesinato (murder)"),
        ("664/484", "Intento de hurto (theft)"),
    ],
)
def test_an_attempt_reads_as_one_spanish_phrase(offense: str, spanish: str) -> None:
    from screener.rules import screen

    with translation.override("es"):
        output = screen({"records": [{"offense": offense}]}, translate=gettext_es)
    assert output["records"][0]["offense"]["title"] == spanish


def gettext_es(text: str) -> str:
    return translation.gettext(text)


def test_the_evidence_on_the_petition_page_reads_in_spanish() -> None:
    from petitions.forms import DraftDetailsForm
    from petitions.packet import EVIDENCE_ITEMS
    from screener import data_strings

    spanish = _spanish_in_po()
    for _key, label in EVIDENCE_ITEMS:
        assert label in data_strings.EVIDENCE_LABELS, label
        assert label in spanish, label
    with translation.override("es"):
        form = DraftDetailsForm()
        labels = [
            str(form.fields[f"evidence_{key}"].label) for key, _ in EVIDENCE_ITEMS
        ]
    assert labels == [spanish[label] for _key, label in EVIDENCE_ITEMS]
    assert "Aviso de aprobación de la visa T" in labels[0]


@pytest.mark.parametrize(
    ("language", "value", "shown"),
    [
        ("es", "2026-12-01", "1 de diciembre de 2026"),
        ("es", date(2026, 1, 9), "9 de enero de 2026"),
        ("en", "2026-12-01", "Dec. 1, 2026"),
        ("es", "not a date", "not a date"),
        ("es", None, None),
    ],
)
def test_dates_read_the_way_the_language_writes_them(
    language: str, value: Any, shown: Any
) -> None:
    from screener.templatetags.dates import long_date

    with translation.override(language):
        assert long_date(value) == shown
