"""Every new string of the survivor pages has its Spanish waiting in
locale/es/pending/ (the Spanish helper merges it into django.po)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from django.conf import settings

from tests.screener.test_i18n import fresh_catalog, ours, parse_po  # noqa: F401

PENDING = Path(settings.BASE_DIR) / "locale" / "es" / "pending"


def pending() -> dict[str, str]:
    found: dict[str, str] = {}
    for path in PENDING.glob("*.po"):
        text = path.read_text(encoding="utf-8")
        for entry in parse_po(text):
            found[entry["msgid"]] = entry["msgstr"]
        # Plural entries: msgid and the first plural msgstr.
        for block in text.split("\n\n"):
            single = re.search(r'^msgid "(.*)"$', block, re.M)
            plural = re.search(r'^msgstr\[0\] "(.*)"$', block, re.M)
            if single and plural:
                found[single.group(1)] = plural.group(1)
    return found


def test_new_strings_have_spanish_waiting(fresh_catalog: list[dict[str, Any]]) -> None:  # noqa: F811
    waiting = pending()
    missing = []
    for entry in fresh_catalog:
        if not ours(entry) or (entry["msgstr"] and "fuzzy" not in entry["flags"]):
            continue
        msgid = entry["msgid"]
        # A plural entry's msgid holds both forms run together by parse_po.
        match = next((k for k in waiting if msgid.startswith(k)), None)
        if match is None or not waiting[match]:
            missing.append(msgid)
            continue
        assert sorted(re.findall(r"%\(\w+\)s", match)) == sorted(
            re.findall(r"%\(\w+\)s", waiting[match])
        ), match
    assert missing == []


def test_pending_spanish_keeps_the_glossary() -> None:
    text = " ".join(pending().values())
    assert "asalto" not in text.lower()
    assert "bajo el §" not in text
    assert "anulación (vacatur)" in text
    assert "desestimación (dismissal)" in text
