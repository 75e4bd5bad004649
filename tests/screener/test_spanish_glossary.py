"""The Spanish catalog uses one term per legal concept (locale/es/glossary.yaml).

A survivor who reads Spanish must be able to trust each word: vacatur and
dismissal are different remedies with different effects on immigration, so
they are never the same word; probation always carries "(probation)" so it
is not read as parole. Every translation in the shared catalog and in the
translations other engineers leave in ``locale/es/pending/`` is held to the
glossary, so a new string that breaks it fails here before it reaches a page.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from django.conf import settings

from tests.screener.test_i18n import parse_po, unescape

LOCALE = Path(settings.BASE_DIR) / "locale/es"
GLOSSARY = yaml.safe_load((LOCALE / "glossary.yaml").read_text(encoding="utf-8"))
TERMS: list[dict[str, Any]] = GLOSSARY["terms"]


def catalogs() -> list[Path]:
    return [LOCALE / "LC_MESSAGES/django.po", *sorted(LOCALE.glob("pending/*.po"))]


def translations() -> list[tuple[str, str]]:
    """(English, Spanish) for every translated entry, header excluded."""
    pairs = []
    for path in catalogs():
        for entry in parse_po(path.read_text(encoding="utf-8")):
            if entry["msgstr"] and "fuzzy" not in entry["flags"]:
                pairs.append((unescape(entry["msgid"]), unescape(entry["msgstr"])))
    return pairs


def _search(pattern: str, text: str) -> bool:
    return re.search(pattern, text, re.IGNORECASE) is not None


def problems(english: str, spanish: str) -> list[str]:
    """Every way one translation breaks the glossary, in words a translator can act on."""
    found = []
    for term in TERMS:
        concept = term["concept"]
        said = _search(term["english"], english)
        if said:
            for pattern in term.get("requires", []):
                if not _search(pattern, spanish):
                    found.append(f"{concept}: write {term['spanish']!r}")
            not_with = term.get("not_with")
            if (
                not_with
                and not _search(term.get("unless", "(?!)"), english)
                and _search(not_with, spanish)
            ):
                found.append(f"{concept}: {not_with!r} is another concept's word")
        uses = term.get("uses")
        if uses and _search(uses, spanish) and term["gloss"] not in spanish:
            found.append(f"{concept}: put {term['gloss']} beside the term")
        for rule in term.get("forbidden", []):
            if _search(rule["pattern"], spanish):
                found.append(f"{concept}: {rule['why']}")
    return found


def test_the_catalog_follows_the_glossary() -> None:
    pairs = translations()
    assert len(pairs) > 400
    broken = {spanish: problems(english, spanish) for english, spanish in pairs}
    assert {s: p for s, p in broken.items() if p} == {}


EXAMPLES = [
    (term["concept"], example) for term in TERMS for example in term.get("examples", [])
]


@pytest.mark.parametrize(("concept", "example"), EXAMPLES, ids=[c for c, _ in EXAMPLES])
def test_the_glossary_tells_right_from_wrong(
    concept: str, example: dict[str, str]
) -> None:
    """Each rule accepts its good example and rejects its bad one."""
    assert problems(example["english"], example["good"]) == []
    assert any(
        p.startswith(concept) for p in problems(example["english"], example["bad"])
    )


def test_every_term_has_an_example() -> None:
    assert {term["concept"] for term in TERMS} == {c for c, _ in EXAMPLES}


def test_vacatur_and_dismissal_never_share_a_word() -> None:
    """The sentence the review found, in its wrong and its right Spanish."""
    english = (
        "A dismissal does not help with immigration. If that matters, ask about "
        "vacatur first."
    )
    wrong = (
        "Una anulación no ayuda con inmigración. Si eso le importa, pregunte "
        "primero por la anulación."
    )
    assert problems(english, wrong)
    catalog = dict(translations())
    right = catalog[english]
    assert problems(english, right) == []
    assert "desestimación (dismissal)" in right
    assert "anulación (vacatur)" in right


KEPT = (r"%\(\w+\)s", r"\{\w*\}", r"<[^>]+>", r"\d+(?:[.,-]\d+)*")


def lost_in_translation(english: str, spanish: str) -> set[str]:
    """Placeholders, HTML tags and numbers of the English that the Spanish lacks."""
    lost: set[str] = set()
    for pattern in KEPT:
        wanted, got = re.findall(pattern, english), re.findall(pattern, spanish)
        if pattern == KEPT[-1]:
            lost |= set(wanted) - set(got)  # a number may be repeated in words
        elif sorted(wanted) != sorted(got):
            lost |= set(wanted) ^ set(got) or set(wanted)
    return lost


def test_placeholders_numbers_and_links_survive_translation() -> None:
    """A Spanish page dials the same hotline, cites the same section, fills the same value.

    Every placeholder (``%(name)s``, ``{name}``), every HTML tag (the ``tel:``
    and ``sms:`` links) and every number in the English (phone numbers,
    sections, amounts, years) is in the Spanish, in the shared catalog and in
    the pending files alike.
    """
    lost = {e: lost_in_translation(e, s) for e, s in translations()}
    assert {e: found for e, found in lost.items() if found} == {}


@pytest.mark.parametrize(
    ("english", "spanish", "lost"),
    [
        (
            'Call <a href="tel:911">911</a>.',
            "Llame al 911.",
            {'<a href="tel:911">', "</a>"},
        ),
        ("Call 1-888-373-7888.", "Llame al 1-888-373-7887.", {"1-888-373-7888"}),
        ("Case %(number)s", "Caso %(numero)s", {"%(number)s", "%(numero)s"}),
        ("Case %(number)s of %(number)s", "Caso %(number)s", {"%(number)s"}),
        ("Hello {name}", "Hola", {"{name}"}),
    ],
)
def test_a_lost_number_or_link_is_caught(
    english: str, spanish: str, lost: set[str]
) -> None:
    assert lost_in_translation(english, spanish) == lost
