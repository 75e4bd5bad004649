"""``python manage.py spanish_pending``: bring in the Spanish other branches wrote.

Engineers who add user-facing strings do not edit the shared catalog (it is
re-extracted whenever templates move); they leave their Spanish in
``locale/es/pending/NAME.po``. After ``make messages`` has extracted the new
strings, this command copies those translations into
``locale/es/LC_MESSAGES/django.po`` wherever the catalog has none yet, or
only a fuzzy guess (``makemessages`` guesses from similar old strings, and a
guess about the law is worse than none). A translation already in the
catalog is kept: it has been reviewed against the glossary. Run
``make messages`` again afterwards to re-wrap and compile, then the tests
(``tests/screener/test_spanish_glossary.py`` holds the result to the
glossary).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser


def _unquote(line: str) -> str:
    text = line[line.index('"') + 1 : line.rindex('"')]
    out, i = [], 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            out.append({"n": "\n", "t": "\t"}.get(text[i + 1], text[i + 1]))
            i += 2
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def _quote(text: str) -> str:
    escaped = (
        text.replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("\n", "\\n")
        .replace("\t", "\\t")
    )
    return f'"{escaped}"'


def _field(lines: list[str], name: str) -> str | None:
    """The text of ``msgid`` or ``msgstr`` in one entry, continuation lines joined."""
    value = None
    for line in lines:
        if line.startswith(f"{name} "):
            value = _unquote(line)
        elif value is not None and line.startswith('"'):
            value += _unquote(line)
        elif value is not None:
            break
    return value


def _entries(text: str) -> list[list[str]]:
    return [block.splitlines() for block in text.strip("\n").split("\n\n")]


def read_translations(path: Path) -> dict[str, str]:
    """msgid -> msgstr of the translated, non-fuzzy, singular entries of a .po file."""
    found = {}
    for lines in _entries(path.read_text(encoding="utf-8")):
        fuzzy = any(line.startswith("#,") and "fuzzy" in line for line in lines)
        plural = any(line.startswith("msgid_plural") for line in lines)
        msgid, msgstr = _field(lines, "msgid"), _field(lines, "msgstr")
        if msgid and msgstr and not fuzzy and not plural:
            found[msgid] = msgstr
    return found


def _fill(lines: list[str], msgstr: str) -> list[str]:
    """The entry with its msgstr replaced and its fuzzy mark and old msgid gone."""
    kept: list[str] = []
    in_msgstr = False
    for line in lines:
        if line.startswith("msgstr "):
            in_msgstr = True
            kept.append(f"msgstr {_quote(msgstr)}")
            continue
        if in_msgstr and line.startswith('"'):
            continue
        in_msgstr = False
        if line.startswith("#|"):
            continue
        if line.startswith("#,"):
            flags = [f.strip() for f in line[2:].split(",") if f.strip() != "fuzzy"]
            if flags:
                kept.append("#, " + ", ".join(flags))
            continue
        kept.append(line)
    return kept


def merge(catalog: Path, pending: dict[str, str]) -> dict[str, list[str]]:
    """Fill the catalog from ``pending``; what was filled, kept and not found."""
    entries = _entries(catalog.read_text(encoding="utf-8"))
    report: dict[str, list[str]] = {"filled": [], "kept": [], "unused": []}
    seen = set()
    for n, lines in enumerate(entries):
        msgid = _field(lines, "msgid")
        if not msgid or msgid not in pending:
            continue
        seen.add(msgid)
        fuzzy = any(line.startswith("#,") and "fuzzy" in line for line in lines)
        plural = any(line.startswith("msgid_plural") for line in lines)
        if plural or (_field(lines, "msgstr") and not fuzzy):
            report["kept"].append(msgid)
        else:
            entries[n] = _fill(lines, pending[msgid])
            report["filled"].append(msgid)
    report["unused"] = [m for m in pending if m not in seen]
    text = "\n\n".join("\n".join(lines) for lines in entries) + "\n"
    catalog.write_text(text, encoding="utf-8")
    return report


class Command(BaseCommand):
    help = (
        "Copy Spanish from locale/es/pending/*.po into the catalog where it has none."
    )
    requires_system_checks: list[str] = []  # noqa: RUF012 - Django API
    requires_migrations_checks = False

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--locale",
            default=str(Path(settings.BASE_DIR) / "locale" / "es"),
            help="the Spanish locale folder (holds LC_MESSAGES/ and pending/)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        folder = Path(options["locale"])
        pending: dict[str, str] = {}
        for path in sorted(folder.glob("pending/*.po")):
            pending.update(read_translations(path))
        report = merge(folder / "LC_MESSAGES" / "django.po", pending)
        self.stdout.write(
            f"filled {len(report['filled'])}, kept {len(report['kept'])} "
            f"already translated, {len(report['unused'])} not in the catalog"
        )
        for msgid in report["unused"]:
            self.stdout.write(f"  not in the catalog (run make messages?): {msgid!r}")
