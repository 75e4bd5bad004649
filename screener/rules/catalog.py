"""The offense catalog: California (and some federal) codes as data.

People write codes many ways (``647b``, ``PC 647(b)``, ``Penal Code section
647(b)``, ``664/211``, ``459/460(a)``, ``18 USC 1591``). ``parse_offense``
turns any of them into one canonical code and finds the catalog entry. An
unknown code is not an error: it comes back with ``known=False`` so the
rules can say a lawyer should look (needs_review), never "not eligible".

The data lives in ``data/offenses/*.yaml``; each file names its source and
the date a person last checked it. The loader rejects unknown keys, unknown
values and entries without a source, so a typo cannot silently change the
law.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).parent / "data" / "offenses"

LEVELS = ("felony", "misdemeanor", "infraction")
# How an offense relates to Pen. Code § 667.5(c):
#   no          never on the list
#   yes         on the list whenever it is a felony
#   finding     on the list only with a finding or enhancement found true
#               (burglary with a person present, gang-related extortion)
#   subdivision on the list for some subdivisions only; the code as given
#               does not say which, so a lawyer must look
VIOLENT_KINDS = ("no", "yes", "finding", "subdivision")
FEDERAL_LEVELS = ("A", "B", "unknown")

LAW_CODES: dict[str, str] = {
    "PC": "Penal Code",
    "HS": "Health and Safety Code",
    "VC": "Vehicle Code",
    "WI": "Welfare and Institutions Code",
    "BP": "Business and Professions Code",
    "USC": "United States Code",
}

# Spellings people use for each code, longest first so "health and safety"
# wins over "health".
_CODE_ALIASES: tuple[tuple[str, str], ...] = (
    ("penal code", "PC"),
    ("pen. code", "PC"),
    ("cal. penal code", "PC"),
    ("california penal code", "PC"),
    ("p.c.", "PC"),
    ("p. c.", "PC"),
    ("pen code", "PC"),
    ("cal. pen. code", "PC"),
    ("health and safety code", "HS"),
    ("health & safety code", "HS"),
    ("health & safety", "HS"),
    ("health and safety", "HS"),
    ("health & saf. code", "HS"),
    ("h&s", "HS"),
    ("h & s", "HS"),
    ("hsc", "HS"),
    ("hs", "HS"),
    ("vehicle code", "VC"),
    ("veh. code", "VC"),
    ("veh code", "VC"),
    ("vc", "VC"),
    ("welfare and institutions code", "WI"),
    ("welfare & institutions code", "WI"),
    ("welf. & inst. code", "WI"),
    ("w&i", "WI"),
    ("w & i", "WI"),
    ("wic", "WI"),
    ("wi", "WI"),
    ("business and professions code", "BP"),
    ("bus. & prof. code", "BP"),
    ("b&p", "BP"),
    ("bp", "BP"),
    ("u.s.c.", "USC"),
    ("usc", "USC"),
    ("pc", "PC"),
    ("cpc", "PC"),
)

_ENTRY_KEYS = {
    "code",
    "title",
    "levels",
    "violent",
    "violent_paragraph",
    "violent_findings",
    "serious",
    "serious_paragraph",
    "prostitution_related",
    "registration_290",
    "excluded_1203_4",
    "prop_47",
    "repealed",
    "federal_level",
    "keywords",
    "notes",
}
_REQUIRED_KEYS = {"code", "title", "levels", "violent"}
_FILE_KEYS = {"source", "last_verified", "offenses"}


class CatalogError(ValueError):
    """A catalog data file does not follow the schema."""


@dataclass(frozen=True, slots=True)
class Offense:
    """One catalog entry: a code section or subdivision and what the law says of it."""

    code: str
    title: str
    levels: frozenset[str]
    violent: str
    violent_paragraph: str | None
    violent_findings: tuple[str, ...]
    serious: bool
    serious_paragraph: str | None
    prostitution_related: bool
    registration_290: bool
    excluded_1203_4: bool
    prop_47: bool
    repealed: date | None
    federal_level: str | None
    keywords: tuple[str, ...]
    source: str

    @property
    def law_code(self) -> str:
        return "USC" if " USC " in self.code else self.code.split(" ", 1)[0]

    @property
    def is_wobbler(self) -> bool:
        return {"felony", "misdemeanor"} <= self.levels

    @property
    def is_federal(self) -> bool:
        return self.law_code == "USC"


@dataclass(frozen=True, slots=True)
class ParsedOffense:
    """What the rules know about the offense a person typed."""

    input: str
    code: str | None
    offense: Offense | None
    attempt: bool = False

    @property
    def known(self) -> bool:
        return self.offense is not None

    @property
    def title(self) -> str | None:
        if self.offense is None:
            return None
        if self.attempt:
            return f"Attempt: {self.offense.title}"
        return self.offense.title


def _check_entry(entry: Any, path: Path) -> None:
    if not isinstance(entry, dict):
        raise CatalogError(f"{path.name}: each offense must be a mapping")
    unknown = set(entry) - _ENTRY_KEYS
    if unknown:
        raise CatalogError(f"{path.name}: {entry.get('code')}: unknown keys {unknown}")
    missing = _REQUIRED_KEYS - set(entry)
    if missing:
        raise CatalogError(f"{path.name}: {entry.get('code')}: missing {missing}")
    if not set(entry["levels"]) <= set(LEVELS) or not entry["levels"]:
        raise CatalogError(f"{path.name}: {entry['code']}: bad levels")
    if entry["violent"] not in VIOLENT_KINDS:
        raise CatalogError(f"{path.name}: {entry['code']}: bad violent value")
    if entry["violent"] != "no" and not entry.get("violent_paragraph"):
        raise CatalogError(f"{path.name}: {entry['code']}: violent needs a paragraph")
    if entry["violent"] == "finding" and not entry.get("violent_findings"):
        raise CatalogError(f"{path.name}: {entry['code']}: finding needs findings")
    level = entry.get("federal_level")
    if level is not None and level not in FEDERAL_LEVELS:
        raise CatalogError(f"{path.name}: {entry['code']}: bad federal_level")
    if canonical_code(entry["code"]) != entry["code"]:
        raise CatalogError(f"{path.name}: {entry['code']}: code is not canonical")


def _build(entry: dict[str, Any], source: str) -> Offense:
    repealed = entry.get("repealed")
    return Offense(
        code=entry["code"],
        title=entry["title"],
        levels=frozenset(entry["levels"]),
        violent=entry["violent"],
        violent_paragraph=entry.get("violent_paragraph"),
        violent_findings=tuple(entry.get("violent_findings") or ()),
        serious=bool(entry.get("serious", False)),
        serious_paragraph=entry.get("serious_paragraph"),
        prostitution_related=bool(entry.get("prostitution_related", False)),
        registration_290=bool(entry.get("registration_290", False)),
        excluded_1203_4=bool(entry.get("excluded_1203_4", False)),
        prop_47=bool(entry.get("prop_47", False)),
        repealed=repealed if isinstance(repealed, date) else None,
        federal_level=entry.get("federal_level"),
        keywords=tuple(entry.get("keywords") or ()),
        source=source,
    )


def load_catalog(directory: Path = DATA_DIR) -> dict[str, Offense]:
    """Read every catalog file; raise CatalogError on any schema problem."""
    offenses: dict[str, Offense] = {}
    for path in sorted(directory.glob("*.yaml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not isinstance(document, dict) or set(document) != _FILE_KEYS:
            raise CatalogError(f"{path.name}: needs exactly {sorted(_FILE_KEYS)}")
        if not isinstance(document["last_verified"], date):
            raise CatalogError(f"{path.name}: last_verified must be a date")
        source = str(document["source"])
        for entry in document["offenses"]:
            _check_entry(entry, path)
            if entry["code"] in offenses:
                raise CatalogError(f"{path.name}: duplicate code {entry['code']}")
            offenses[entry["code"]] = _build(entry, source)
    return offenses


@lru_cache(maxsize=1)
def catalog() -> dict[str, Offense]:
    """The catalog, loaded once per process."""
    return load_catalog()


_SECTION = r"(\d+(?:\.\d+)?[a-z]?)"
_SUBDIVISIONS = r"((?:\s*\(\s*[0-9a-z]+\s*\))*)"
_SECTION_RE = re.compile(_SECTION + _SUBDIVISIONS + r"$")
_FEDERAL_RE = re.compile(r"^(\d+)\s*(?:u\.?\s*s\.?\s*c\.?)\s*(?:§+|sec\.?|section)?\s*(.+)$")
_SECTION_WORDS = re.compile(r"(?:\bsection\b|\bsec\b\.?|§+|\bcode\b)\s*", re.IGNORECASE)


def _subdivisions(text: str) -> str:
    return "".join(f"({part})" for part in re.findall(r"\(\s*([0-9a-z]+)\s*\)", text))


def _split_code(text: str) -> tuple[str | None, str]:
    """Split "penal code 647(b)" into ("PC", "647(b)")."""
    lowered = text.strip().lower()
    for alias, code in sorted(_CODE_ALIASES, key=lambda pair: -len(pair[0])):
        if lowered.startswith(alias) and (
            len(lowered) == len(alias) or not lowered[len(alias)].isalpha()
        ):
            return code, lowered[len(alias) :]
    return None, lowered


def _section(text: str) -> str | None:
    """Normalise "647 (b)", "647b" and "647.b" to "647(b)"."""
    text = _SECTION_WORDS.sub(" ", text)
    text = re.sub(r"[\s.,;:]+$", "", text.strip())
    text = re.sub(r"\s+", "", text)
    # 647b / 647.b: a trailing letter glued to a number is a subdivision,
    # except sections that really end in a letter are looked up both ways.
    match = _SECTION_RE.match(text)
    if match is None:
        return None
    return match.group(1) + _subdivisions(match.group(2))


def canonical_code(text: str) -> str | None:
    """The canonical spelling of one code citation, or None if unreadable."""
    federal = _FEDERAL_RE.match(text.strip().lower())
    if federal:
        section = _section(federal.group(2))
        return f"{federal.group(1)} USC {section}" if section else None
    law_code, rest = _split_code(text)
    if law_code == "USC":
        return None
    section = _section(rest)
    if section is None:
        return None
    return f"{law_code or 'PC'} {section}"


def _candidates(code: str) -> list[str]:
    """The code, then each shorter parent: "PC 261(a)(9)", "PC 261(a)", "PC 261"."""
    found = [code]
    while code.endswith(")"):
        code = code[: code.rindex("(")]
        found.append(code)
    # "PC 647b": when no section "647b" exists, the letter is a subdivision.
    glued = re.match(r"^(\w+ \d+(?:\.\d+)?)([a-z])$", found[-1])
    if glued:
        found.append(f"{glued.group(1)}({glued.group(2)})")
    return found


def lookup(code: str) -> Offense | None:
    """The most specific catalog entry for a canonical code."""
    entries = catalog()
    for candidate in _candidates(code):
        if candidate in entries:
            return entries[candidate]
    return None


def _display_code(code: str, offense: Offense | None) -> str:
    """"PC 647b" reads as the catalog's "PC 647(b)"; otherwise keep the input."""
    if offense is not None and offense.code.replace("(", "").replace(")", "") == code:
        return offense.code
    return code


@lru_cache(maxsize=4096)
def parse_offense(text: str) -> ParsedOffense:
    """Read an offense as a person wrote it; never raises."""
    raw = text if isinstance(text, str) else ""
    cleaned = raw.replace("\u00a7", " § ").strip()
    if not cleaned:
        return ParsedOffense(input=raw, code=None, offense=None)
    law_code, rest = _split_code(cleaned)
    prefix = law_code or "PC"
    if "/" in rest and prefix != "USC":
        first, _, second = rest.partition("/")
        first_section = _section(first)
        second_code = canonical_code(f"{prefix} {second}")
        if first_section and first_section.startswith("664") and second_code:
            target = lookup(second_code)
            return ParsedOffense(
                input=raw,
                code=f"{prefix} 664/{second_code.split(' ', 1)[1]}",
                offense=target,
                attempt=True,
            )
        if first_section and second_code:
            # "459/460(a)": the second code specifies the first (degree).
            specific = lookup(second_code) or lookup(f"{prefix} {first_section}")
            code = f"{prefix} {first_section}/{second_code.split(' ', 1)[1]}"
            return ParsedOffense(input=raw, code=code, offense=specific)
        return ParsedOffense(input=raw, code=None, offense=None)
    code = canonical_code(cleaned)
    if code is None:
        return ParsedOffense(input=raw, code=None, offense=None)
    offense = lookup(code)
    return ParsedOffense(input=raw, code=_display_code(code, offense), offense=offense)


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-záéíóúñü0-9]+", text.lower()))


def search(query: str, *, limit: int = 10) -> list[Offense]:
    """Catalog entries matching a code or plain words ("prostitution", "theft")."""
    parsed = parse_offense(query)
    results: list[Offense] = []
    if parsed.offense is not None:
        results.append(parsed.offense)
    wanted = _words(query)
    if not wanted:
        return results[:limit]
    scored: list[tuple[int, str, Offense]] = []
    for offense in catalog().values():
        if offense in results:
            continue
        haystack = _words(offense.title) | _words(" ".join(offense.keywords))
        hits = sum(
            1 for word in wanted if any(w.startswith(word) for w in haystack)
        )
        if hits == len(wanted):
            scored.append((-hits, offense.code, offense))
    scored.sort(key=lambda item: (item[0], len(item[1]), item[1]))
    results.extend(offense for _, _, offense in scored)
    return results[:limit]
