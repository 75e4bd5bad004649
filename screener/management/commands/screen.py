"""``python manage.py screen [FILE|-]``: the rules engine for scripts.

Reads the facts (contract JSON) from FILE or standard input, writes the
screening to standard output. Invalid input: exit code 2 and
``{"errors": [...]}`` on standard error, as the contract says.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from screener.api import TOO_LONG_NUMBER
from screener.rules import InvalidFacts, screen


def _fail(errors: list[dict[str, str]]) -> None:
    sys.stderr.write(json.dumps({"errors": errors}, ensure_ascii=False) + "\n")
    sys.stderr.flush()
    raise SystemExit(2)


class Command(BaseCommand):
    help = "Screen a case (JSON) against California record-relief law."
    requires_system_checks: list[str] = []  # noqa: RUF012 - Django API
    requires_migrations_checks = False

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "file", nargs="?", default="-", help="case JSON, or - for stdin"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path = options["file"]
        try:
            if path == "-":
                text = sys.stdin.buffer.read().decode("utf-8")
            else:
                with open(path, encoding="utf-8") as handle:
                    text = handle.read()
        except (OSError, UnicodeDecodeError) as error:
            _fail([{"field": "", "message": f"Could not read the input: {error}."}])
        try:
            facts = json.loads(text)
        except (json.JSONDecodeError, RecursionError) as error:
            _fail([{"field": "", "message": f"The input is not valid JSON: {error}."}])
        except ValueError:  # a number past Python's 4,300-digit limit
            _fail([{"field": "", "message": TOO_LONG_NUMBER}])
        try:
            result = screen(facts, today=timezone.localdate())
        except InvalidFacts as invalid:
            _fail(invalid.errors)
        sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
