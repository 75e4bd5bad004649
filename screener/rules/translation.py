"""A stored screening, shown in the reader's language without running the rules again.

A screening is stored once, in English (``screen(facts)`` with no
``translate``), beside the facts it came from: in the visitor's encrypted
session and on a legal-aid case. The same stored screening must serve a
page in English and in Spanish, so the words are translated when shown,
not when screened. Every English string in the output is one of the rules'
own messages, so it can be translated again exactly as
``screen(facts, translate=...)`` would have:

- a remedy's ``title`` and ``immigration_reason`` are message texts as they
  are (``translate(text)``);
- an offense's ``title`` is the catalog title of its ``input`` (an attempt is
  titled as one phrase, so it is worded again from the catalog);
- a reason's ``text`` is its message filled with values (a paragraph, a
  section, a finding as the court wrote it): the values are read back from
  the English text by the message's own pattern (the message with each
  value a group), so a text the message did not make is translated whole,
  never guessed at.

Nothing about eligibility is decided here: statuses, ``best``, citations
and every other field are copied as stored. Pure Python, like the rules.
"""

from __future__ import annotations

import copy
import re
from functools import lru_cache
from typing import Any

from screener.rules.catalog import parse_offense
from screener.rules.law import laws
from screener.rules.messages import MESSAGES
from screener.rules.outcome import Translate

__all__ = ["translated"]

_PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def translated(screening: dict[str, Any], translate: Translate) -> dict[str, Any]:
    """A copy of an English ``screening`` with its words in ``translate``'s language.

    Equal to ``screen(facts, translate=translate)`` for the facts the stored
    screening came from (tests/screener/test_stored_screening.py holds it).
    """
    shown = copy.deepcopy(screening)
    for record in shown.get("records") or []:
        offense = record.get("offense") or {}
        if offense.get("title"):
            offense["title"] = _offense_title(offense, translate)
        for remedy in record.get("remedies") or []:
            _translate_remedy(remedy, translate)
    return shown


def _offense_title(offense: dict[str, Any], translate: Translate) -> str:
    english = offense["title"]
    parsed = parse_offense(offense.get("input") or "")
    if parsed.title_in(None) == english:
        return parsed.title_in(translate) or english
    return translate(english)


def _translate_remedy(remedy: dict[str, Any], translate: Translate) -> None:
    if isinstance(remedy.get("title"), str):
        remedy["title"] = translate(remedy["title"])
    if isinstance(remedy.get("immigration_reason"), str):
        remedy["immigration_reason"] = translate(remedy["immigration_reason"])
    law_id = _law_ids().get(remedy.get("remedy", ""))
    for reason in remedy.get("reasons") or []:
        text = reason.get("text")
        if isinstance(text, str):
            reason["text"] = _reason_text(
                law_id, reason.get("code", ""), text, translate
            )


@lru_cache(maxsize=1)
def _law_ids() -> dict[str, str]:
    """Remedy identifier ("PC 236.14") -> the law data's id ("pc_236_14")."""
    return {law.remedy: law.id for law in laws().values()}


def _reason_text(
    law_id: str | None, code: str, english: str, translate: Translate
) -> str:
    template = (law_id and MESSAGES.get(f"{law_id}.{code}")) or MESSAGES.get(code)
    if template is None:
        return translate(english)
    if not _PLACEHOLDER.search(template):
        return translate(template) if english == template else translate(english)
    values = _values(template, english)
    if values is None:
        return translate(english)
    return translate(template) % values


def _values(template: str, english: str) -> dict[str, str] | None:
    """The values that filled ``template`` to make ``english``; None if none do."""
    match = _pattern(template).fullmatch(english)
    # The pattern is the message itself with each value a group (a value named
    # twice must be the same text twice), so a full match is exactly the
    # message filled with these values.
    return None if match is None else match.groupdict()


@lru_cache(maxsize=256)
def _pattern(template: str) -> re.Pattern[str]:
    parts: list[str] = []
    seen: set[str] = set()
    position = 0
    for found in _PLACEHOLDER.finditer(template):
        parts.append(re.escape(template[position : found.start()].replace("%%", "%")))
        name = found.group(1)
        parts.append(f"(?P={name})" if name in seen else f"(?P<{name}>.*?)")
        seen.add(name)
        position = found.end()
    parts.append(re.escape(template[position:].replace("%%", "%")))
    return re.compile("".join(parts), re.DOTALL)
