"""``manage.py spanish_pending`` brings other branches' Spanish into the catalog."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

from django.core.management import call_command

CATALOG = r"""# header
#, fuzzy
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"

#: templates/screener/results.html:3
msgid "Delete my answers now"
msgstr ""

#: screener/results.py:9
#, fuzzy, python-format
#| msgid "Case %(number)s"
msgid "Cases %(number)s"
msgstr "Caso %(number)s"

#: screener/forms.py:1
msgid "Yes"
msgstr "Sí"

#: screener/forms.py:2
msgid ""
"A long message that is "
"wrapped"
msgstr ""
"""

PENDING = r"""msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"

msgid "Delete my answers now"
msgstr "Borrar mis respuestas ahora"

#, python-format
msgid "Cases %(number)s"
msgstr "Casos %(number)s"

msgid "Yes"
msgstr "Sí, claro"

msgid "A long message that is wrapped"
msgstr "Un mensaje \"largo\"\nen dos líneas"

msgid "Gone from the code"
msgstr "Ya no está"

#, fuzzy
msgid "A guess"
msgstr "Una suposición"
"""


def test_pending_spanish_fills_only_what_the_catalog_lacks(tmp_path: Path) -> None:
    (tmp_path / "LC_MESSAGES").mkdir()
    (tmp_path / "pending").mkdir()
    catalog = tmp_path / "LC_MESSAGES" / "django.po"
    catalog.write_text(CATALOG, encoding="utf-8")
    (tmp_path / "pending" / "results.po").write_text(PENDING, encoding="utf-8")
    out = StringIO()
    call_command("spanish_pending", locale=str(tmp_path), stdout=out)
    text = catalog.read_text(encoding="utf-8")
    assert 'msgid "Delete my answers now"\nmsgstr "Borrar mis respuestas ahora"' in text
    # A fuzzy guess is replaced, its mark and old msgid dropped, other flags kept.
    assert (
        '#, python-format\nmsgid "Cases %(number)s"\nmsgstr "Casos %(number)s"' in text
    )
    assert "#| msgid" not in text
    # A reviewed translation stays.
    assert 'msgstr "Sí"' in text
    assert "Sí, claro" not in text
    assert r'msgstr "Un mensaje \"largo\"\nen dos líneas"' in text
    # The header is untouched; a fuzzy pending entry is not used.
    assert text.startswith('# header\n#, fuzzy\nmsgid ""\nmsgstr ""\n"Content-Type')
    assert "Una suposición" not in text
    report = out.getvalue()
    assert report.startswith(
        "filled 3, kept 1 already translated, 1 not in the catalog"
    )
    assert "'Gone from the code'" in report
