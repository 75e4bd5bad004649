"""The offense catalog: California (and some federal) codes as data.

People write codes many ways (``647b``, ``PC 647(b)``, ``Penal Code section
647(b)``, ``211 PC``, ``664/211``, ``459/460(a)``, ``182(a)(1)/187``, ``18 USC 1591``,
``18 USC 924(c)/21 USC 841``, ``18 USC 1951 attempted robbery``).
``parse_offense`` turns any of them into one canonical code and finds the
catalog entry. An unknown code is not an error: it comes back with
``known=False`` so the rules can say a lawyer should look (needs_review),
never "not eligible".

The data lives in ``data/offenses/*.yaml``; each file names its source and
the date a person last checked it. The loader rejects unknown keys, unknown
values, values of the wrong type and entries without a source, so a typo
cannot silently change the law.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from screener.rules.messages import ATTEMPT_TITLE

DATA_DIR = Path(__file__).parent / "data" / "offenses"

LEVELS = ("felony", "misdemeanor", "infraction")
# How an offense relates to Pen. Code § 667.5(c):
#   no          never on the list
#   yes         on the list whenever it is a felony
#   finding     on the list only with a finding or enhancement found true
#               (burglary with a person present, gang-related extortion)
#   subdivision on the list for some subdivisions (or some target offenses)
#               only; the code as given does not say which, so a lawyer
#               must look
#   finding_review  with the finding, a paragraph may reach it but the law
#               is not clear (§ 523 with a gang finding: (19) names
#               extortion "as defined in Section 518"), so a lawyer must look
VIOLENT_KINDS = ("no", "yes", "finding", "subdivision", "finding_review")
# probably_A: no force element in the usual subsections, but a lawyer must
# confirm the subsection before vacatur is promised.
FEDERAL_LEVELS = ("A", "B", "unknown", "probably_A")

LAW_CODES: dict[str, str] = {
    "PC": "Penal Code",
    "HS": "Health and Safety Code",
    "VC": "Vehicle Code",
    "WI": "Welfare and Institutions Code",
    "BP": "Business and Professions Code",
    "USC": "United States Code",
}

# Spellings people use for each code. Matched longest first so "health and
# safety code" wins over "hs", and "wic" over "wi".
_CODE_ALIASES: tuple[tuple[str, str], ...] = (
    ("penal code", "PC"),
    ("pen. code", "PC"),
    ("pen code", "PC"),
    ("penal", "PC"),
    ("p.c.", "PC"),
    ("p. c.", "PC"),
    ("p.c", "PC"),
    ("cpc", "PC"),
    ("pc", "PC"),
    ("health and safety code", "HS"),
    ("health & safety code", "HS"),
    ("health & saf. code", "HS"),
    ("health and safety", "HS"),
    ("health & safety", "HS"),
    ("h&s code", "HS"),
    ("h&sc", "HS"),
    ("h&s", "HS"),
    ("h & s", "HS"),
    ("h.s.", "HS"),
    ("hsc", "HS"),
    ("hs", "HS"),
    ("vehicle code", "VC"),
    ("veh. code", "VC"),
    ("veh code", "VC"),
    ("v.c.", "VC"),
    ("cvc", "VC"),
    ("vc", "VC"),
    ("welfare and institutions code", "WI"),
    ("welfare & institutions code", "WI"),
    ("welf. & inst. code", "WI"),
    ("welf & inst code", "WI"),
    ("w&i code", "WI"),
    ("w&ic", "WI"),
    ("w&i", "WI"),
    ("w & i", "WI"),
    ("wic", "WI"),
    ("wi", "WI"),
    ("business and professions code", "BP"),
    ("business & professions code", "BP"),
    ("bus. & prof. code", "BP"),
    ("b&p code", "BP"),
    ("b&p", "BP"),
    ("b & p", "BP"),
    ("bpc", "BP"),
    ("bp", "BP"),
    ("u.s.c.", "USC"),
    ("usc", "USC"),
)
_ALIAS_WORDS = frozenset(
    word.replace(".", "") for alias, _ in _CODE_ALIASES for word in alias.split()
) - {"and", "&"}
_ALIASES_LONGEST_FIRST = tuple(sorted(_CODE_ALIASES, key=lambda pair: -len(pair[0])))
# "Cal. Penal Code", "California Vehicle Code": the state name adds nothing.
_STATE_PREFIX = re.compile(r"^(?:cal(?:ifornia|if)?\.?\s+)")
# Longer than any real citation: not worth parsing (or caching).
_MAX_INPUT = 200

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
    "enhancement",
    "mixed",
    "repealed",
    "federal_level",
    "keywords",
    "notes",
    "serious_from",
}
_REQUIRED_KEYS = {"code", "title", "levels", "violent"}
_BOOL_KEYS = (
    "serious",
    "prostitution_related",
    "registration_290",
    "excluded_1203_4",
    "prop_47",
    "enhancement",
)
_TEXT_KEYS = ("violent_paragraph", "serious_paragraph", "notes")
_LIST_KEYS = ("violent_findings", "keywords", "mixed")
_FILE_KEYS = {"source", "last_verified", "offenses"}
_VIOLENT_PARAGRAPH = re.compile(r"^667\.5\(c\)\((?:[1-9]|1[0-9]|2[0-3])\)$")
_SERIOUS_PARAGRAPH = re.compile(r"^1192\.7\(c\)\((?:[1-9]|[1-3][0-9]|4[0-2])\)$")


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
    # A sentence enhancement (PC 12022.7, 186.22 ...), not an offense on its
    # own: "245(a)(1)/12022.7" is an assault with an enhancement.
    enhancement: bool = False
    # Flags that hold for some subdivisions (or values) only. On a parent
    # section such a flag is set (the stricter reading) and named here, so
    # the rules can ask which subdivision instead of treating it as certain:
    # a bare "PC 261.5" is excluded from § 1203.4 only if it was 261.5(d).
    mixed: tuple[str, ...] = ()
    # The day a law made the offense serious (SB 14: § 236.1(c) from
    # 2024-01-01); None when it has always been so.
    serious_from: date | None = None

    def serious_on(self, as_of: date) -> bool:
        """Serious under § 1192.7(c) on a date (the list changes by statute)."""
        return self.serious and (
            self.serious_from is None or self.serious_from <= as_of
        )

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
    # Enhancement codes written after a slash ("PC 245(a)(1)/12022.7").
    enhancements: tuple[str, ...] = ()
    # The other offense a compound names: the target of a conspiracy
    # ("182(a)(1)/187") or the predicate of a federal count
    # ("18 USC 924(c)/21 USC 841").
    target: Offense | None = None
    # Words written after the citation ("18 USC 1951 attempted robbery"),
    # folded to lower case: some federal levels turn on them.
    words: str = ""
    # A federal code was typed, known or not ("18 USC 9999"). A slot set
    # once, not a property: most remedies ask it of every record screened.
    is_federal: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        is_federal = self.code is not None and " USC " in self.code
        object.__setattr__(self, "is_federal", is_federal)

    def with_words(self, words: str) -> ParsedOffense:
        """The same reading, with the words written after the citation."""
        return ParsedOffense(
            self.input, self.code, self.offense, self.attempt, self.enhancements,
            self.target, words,
        )  # fmt: skip

    @property
    def known(self) -> bool:
        return self.offense is not None

    @property
    def title(self) -> str | None:
        return self.title_in(None)

    def title_in(self, translate: Callable[[str], str] | None) -> str | None:
        """The title in the reader's language (English when ``translate`` is None).

        An attempt is one phrase, "Attempted robbery" / "Intento de robo",
        translated whole rather than glued from two translations.
        """
        if self.offense is None:
            return None
        words = translate or _untranslated
        title = words(self.offense.title)
        if not self.attempt:
            return title
        return words(ATTEMPT_TITLE) % {"offense": _inside_phrase(title)}


def _untranslated(text: str) -> str:
    return text


# A title set inside a phrase starts in lower case ("Attempted robbery"),
# unless its first word is an acronym or a name ("DUI ...", "Medi-Cal ...").
_CAPITALISED_WORD = re.compile(
    r"[A-ZÁÉÍÓÚÑ][a-záéíóúñü]*(?:-[a-záéíóúñü]+)*(?=[\s,:;(]|$)"
)


def _inside_phrase(title: str) -> str:
    if _CAPITALISED_WORD.match(title):
        return title[0].lower() + title[1:]
    return title


def _fail(path: Path, code: Any, problem: str) -> CatalogError:
    return CatalogError(f"{path.name}: {code}: {problem}")


def _check_types(entry: dict[str, Any], path: Path) -> None:
    code = entry["code"]
    if not isinstance(code, str) or not isinstance(entry["title"], str):
        raise _fail(path, code, "code and title must be text")
    if not entry["title"].strip():
        raise _fail(path, code, "empty title")
    for key in _BOOL_KEYS:
        if not isinstance(entry.get(key, False), bool):
            raise _fail(path, code, f"{key} must be true or false")
    for key in _TEXT_KEYS:
        if not isinstance(entry.get(key, ""), str):
            raise _fail(path, code, f"{key} must be text")
    for key in (*_LIST_KEYS, "levels"):
        value = entry.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise _fail(path, code, f"{key} must be a list of text")
    dated = [key for key in ("repealed", "serious_from") if key in entry]
    if not all(isinstance(entry[key], date) for key in dated):
        raise _fail(path, code, f"{' and '.join(dated)} must be a date")


def _check_violence(entry: dict[str, Any], path: Path) -> None:
    code, violent = entry["code"], entry["violent"]
    if violent not in VIOLENT_KINDS:
        raise _fail(path, code, "bad violent value")
    paragraph = entry.get("violent_paragraph")
    if (violent == "no") != (paragraph is None):
        raise _fail(path, code, "violent needs a paragraph, and only violent does")
    if paragraph is not None and not _VIOLENT_PARAGRAPH.match(paragraph):
        raise _fail(path, code, f"bad violent_paragraph {paragraph!r}")
    if (violent in ("finding", "finding_review")) != bool(
        entry.get("violent_findings")
    ):
        raise _fail(path, code, "finding needs findings, and only finding has them")
    if violent != "no" and "felony" not in entry["levels"]:
        # Pen. Code § 667.5(c) lists felonies only (brief §6, rule N1).
        raise _fail(path, code, "only a felony can be violent")
    serious = entry.get("serious_paragraph")
    if entry.get("serious", False) != (serious is not None):
        raise _fail(path, code, "serious needs a paragraph, and only serious does")
    # A paragraph added by a recent bill may not be verified yet: then the
    # entry names the bill's date and § 1192.7(c) alone.
    bare = serious == "1192.7(c)" and "serious_from" in entry
    if serious is not None and not bare and not _SERIOUS_PARAGRAPH.match(serious):
        raise _fail(path, code, f"bad serious_paragraph {serious!r}")
    if "serious_from" in entry and not entry.get("serious", False):
        raise _fail(path, code, "serious_from needs serious")


def _check_entry(entry: Any, path: Path) -> None:
    if not isinstance(entry, dict):
        raise CatalogError(f"{path.name}: each offense must be a mapping")
    unknown = set(entry) - _ENTRY_KEYS
    if unknown:
        raise _fail(path, entry.get("code"), f"unknown keys {sorted(unknown)}")
    missing = _REQUIRED_KEYS - set(entry)
    if missing:
        raise _fail(path, entry.get("code"), f"missing {sorted(missing)}")
    _check_types(entry, path)
    code = entry["code"]
    levels = entry["levels"]
    if not levels or not set(levels) <= set(LEVELS) or len(set(levels)) != len(levels):
        raise _fail(path, code, "bad levels")
    _check_violence(entry, path)
    if canonical_code(code) != code:
        raise _fail(path, code, "code is not canonical")
    level = entry.get("federal_level")
    if (level is not None) != (" USC " in code):
        raise _fail(path, code, "federal codes, and only they, need federal_level")
    if level is not None and level not in FEDERAL_LEVELS:
        raise _fail(path, code, "bad federal_level")
    for flag in entry.get("mixed", []):
        if flag not in _BOOL_KEYS or entry.get(flag) is not True:
            raise _fail(path, code, f"mixed {flag!r} must name a flag set true")


def _build(entry: dict[str, Any], source: str) -> Offense:
    return Offense(
        code=entry["code"],
        title=entry["title"],
        levels=frozenset(entry["levels"]),
        violent=entry["violent"],
        violent_paragraph=entry.get("violent_paragraph"),
        violent_findings=tuple(entry.get("violent_findings", ())),
        serious=entry.get("serious", False),
        serious_paragraph=entry.get("serious_paragraph"),
        prostitution_related=entry.get("prostitution_related", False),
        registration_290=entry.get("registration_290", False),
        excluded_1203_4=entry.get("excluded_1203_4", False),
        prop_47=entry.get("prop_47", False),
        repealed=entry.get("repealed"),
        federal_level=entry.get("federal_level"),
        keywords=tuple(entry.get("keywords", ())),
        source=source,
        enhancement=entry.get("enhancement", False),
        mixed=tuple(entry.get("mixed", ())),
        serious_from=entry.get("serious_from"),
    )


def _read_document(path: Path) -> dict[str, Any]:
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise CatalogError(f"{path.name}: not valid YAML: {error}") from error
    if not isinstance(document, dict) or set(document) != _FILE_KEYS:
        raise CatalogError(f"{path.name}: needs exactly {sorted(_FILE_KEYS)}")
    if not isinstance(document["last_verified"], date):
        raise CatalogError(f"{path.name}: last_verified must be a date")
    if not isinstance(document["source"], str) or not document["source"].strip():
        raise CatalogError(f"{path.name}: source must be text")
    if not isinstance(document["offenses"], list):
        raise CatalogError(f"{path.name}: offenses must be a list")
    return document


def load_catalog(directory: Path = DATA_DIR) -> dict[str, Offense]:
    """Read every catalog file; raise CatalogError on any schema problem."""
    offenses: dict[str, Offense] = {}
    for path in sorted(directory.glob("*.yaml")):
        document = _read_document(path)
        source = document["source"].strip()
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


_SECTION = r"(\d+(?:\.\d+)?[a-z]{0,2})"
_SUBDIVISIONS = r"((?:\([0-9a-z]+\))*)"
_SECTION_RE = re.compile(_SECTION + _SUBDIVISIONS + r"$")
_FEDERAL_RE = re.compile(r"^(\d+)\s*(?:u\.?\s*s\.?\s*c\.?)\s*(.+)$")
_SECTION_WORDS = re.compile(
    r"(?:\bsections?\b|\bsec\b\.?|\bsubd(?:ivision)?s?\b\.?|§+|\bcode\b|\bof the\b)"
)
# "647 b" and "647.b": a letter after a space or dot is a subdivision.
_LOOSE_LETTER = re.compile(r"(?<=\d)[\s.]+([a-z])(?=\(|$)")


def _normalise(text: str) -> str:
    """Fold full-width digits, odd spaces and case; drop control characters."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(ch if ch.isprintable() else " " for ch in text)
    return text.lower().strip()


def _split_code(text: str) -> tuple[str | None, str]:
    """Split "penal code 647(b)" and "647(b) penal code" into ("PC", "647(b)")."""
    lowered = _STATE_PREFIX.sub("", text)
    for alias, code in _ALIASES_LONGEST_FIRST:
        if (
            lowered.startswith(alias)
            and not lowered[len(alias) : len(alias) + 1].isalpha()
        ):
            return code, lowered[len(alias) :]
    for alias, code in _ALIASES_LONGEST_FIRST:
        if (
            lowered.endswith(alias)
            and not lowered[-len(alias) - 1 : -len(alias)].isalpha()
        ):
            return code, lowered[: -len(alias)]
    return None, lowered


def _section(text: str) -> str | None:
    """Normalise "647 (b)", "647 b", "647.b", "§ 647, subd. (b)." to "647(b)"."""
    text = _SECTION_WORDS.sub(" ", text.replace(",", " "))
    text = re.sub(r"[\s.;:]+$", "", text.strip())
    text = _LOOSE_LETTER.sub(r"\1", text)
    text = re.sub(r"\s+", "", text)
    # A letter glued to the number ("647b") stays glued here: _candidates
    # tries the real lettered section (647f, 266h) before the subdivision.
    match = _SECTION_RE.match(text)
    if match is None:
        return None
    return match.group(1) + match.group(2)


def canonical_code(text: str) -> str | None:
    """The canonical spelling of one code citation, or None if unreadable."""
    lowered = _normalise(text)
    federal = _FEDERAL_RE.match(lowered)
    if federal:
        section = _section(federal.group(2))
        if section is None:
            return None
        # Federal section letters are capitals (18 USC 1028A); subsections
        # are lower case (922(g)).
        section = re.sub(r"^([\d.]+)([a-z])", lambda m: m[1] + m[2].upper(), section)
        return f"{federal.group(1)} USC {section}"
    law_code, rest = _split_code(lowered)
    if law_code == "USC":
        return None
    section = _section(rest)
    if section is None:
        return None
    return f"{law_code or 'PC'} {section}"


def _candidates(code: str) -> list[str]:
    """The code, then each parent: "PC 261(a)(9)", "PC 261(a)", "PC 261".

    A single letter is read both ways: "PC 647b" is section 647f-style
    "647b" if that exists, else subdivision "647(b)"; "PC 266(h)" is
    subdivision 266(h) if that exists, else section "266h", else "266".
    """
    found = [code]
    while code.endswith(")"):
        parent = code[: code.rindex("(")]
        letter = re.fullmatch(r"\w+ [\d.]+\(([a-z])\)", code)
        if letter:
            found.append(parent + letter.group(1))
        found.append(parent)
        code = parent
    glued = re.fullmatch(r"(\w+ [\d.]+)([a-z])", code)
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
    """ "PC 647b" reads as the catalog's "PC 647(b)"; otherwise keep the input."""
    if offense is not None and _bare(offense.code) == _bare(code):
        return offense.code
    return code


def _bare(code: str) -> str:
    return code.replace("(", "").replace(")", "")


def _is_attempt(section: str) -> bool:
    return section == "664" or section.startswith("664(")


def _is_conspiracy(section: str) -> bool:
    return section == "182" or section.startswith("182(")


def _parse_slashed(raw: str, prefix: str, rest: str) -> ParsedOffense:
    """ "664/211" (attempt), "459/460(a)" (degree), "245(a)(1)/12022.7"."""
    sections = [_section(part) for part in rest.split("/")]
    if not all(sections):
        return ParsedOffense(input=raw, code=None, offense=None)
    codes = [f"{prefix} {section}" for section in sections]
    attempt = _is_attempt(codes[0].split(" ", 1)[1])
    parts = codes[1:] if attempt else codes
    offenses = [lookup(code) for code in parts]
    enhancements = tuple(
        code
        for code, offense in zip(parts, offenses, strict=True)
        if offense is not None and offense.enhancement
    )
    main = [o for o in offenses if o is None or not o.enhancement]
    known = [o for o in main if o is not None]
    target: Offense | None = None
    if not main or len(known) < len(main):
        # A part we do not know may change everything: do not guess.
        offense = None
    elif _is_conspiracy(known[0].code.split(" ", 1)[1]):
        # "182/211" is conspiracy (to rob), not robbery; robbery is its target.
        offense = known[0]
        target = known[-1] if len(known) > 1 else None
    else:
        # "459/460(a)": the later code says which kind (degree) of the first.
        offense = known[-1]
    joined = "/".join(code.split(" ", 1)[1] for code in codes)
    return ParsedOffense(
        input=raw,
        code=f"{prefix} {joined}",
        offense=offense,
        attempt=attempt,
        enhancements=enhancements,
        target=target,
    )


def _is_description(word: str) -> bool:
    """A word of an offense's description, not part of a citation."""
    bare = word.strip(".,;:-–—()").replace(".", "")
    return not any(ch.isdigit() for ch in word) and bare not in _ALIAS_WORDS


def _parse_federal_compound(raw: str, cleaned: str) -> ParsedOffense:
    """ "18 USC 924(c)/21 USC 841": a federal count and the offense it rests on."""
    first, _, second = cleaned.partition("/")
    main = _parse_citation(raw, first.strip())
    predicate = _parse_citation(raw, second.strip())
    if main.code is None or not predicate.is_federal:
        return ParsedOffense(input=raw, code=None, offense=None)
    return ParsedOffense(
        input=raw,
        code=f"{main.code}/{predicate.code}",
        offense=main.offense,
        target=predicate.offense,
    )


def _parse_citation(raw: str, cleaned: str) -> ParsedOffense:
    if "/" in cleaned and _FEDERAL_RE.match(cleaned):
        return _parse_federal_compound(raw, cleaned)
    law_code, rest = _split_code(cleaned)
    if "/" in rest and law_code != "USC" and not _FEDERAL_RE.match(cleaned):
        return _parse_slashed(raw, law_code or "PC", rest)
    code = canonical_code(cleaned)
    if code is None:
        return ParsedOffense(input=raw, code=None, offense=None)
    offense = lookup(code)
    return ParsedOffense(input=raw, code=_display_code(code, offense), offense=offense)


@lru_cache(maxsize=4096)
def _parse(raw: str) -> ParsedOffense:
    words = _normalise(raw).split()
    # "PC 647(B) DISORDERLY CONDUCT: PROSTITUTION" (as on a rap sheet): drop
    # trailing words until a citation is left, as long as they are only
    # words ("PC 211 and PC 459" is two offenses: do not pick one; "18 USC
    # xyz" is not "PC 18").
    for end in range(len(words), 0, -1):
        if not all(_is_description(word) for word in words[end:]):
            break
        parsed = _parse_citation(raw, " ".join(words[:end]))
        if parsed.code is not None:
            if end < len(words):
                return parsed.with_words(" ".join(words[end:]))
            return parsed
    return ParsedOffense(input=raw, code=None, offense=None)


def parse_offense(text: str) -> ParsedOffense:
    """Read an offense as a person wrote it; never raises."""
    if not isinstance(text, str) or len(text) > _MAX_INPUT:
        raw = text if isinstance(text, str) else ""
        return ParsedOffense(input=raw, code=None, offense=None)
    return _parse(text)


FINDINGS_FILE = Path(__file__).parent / "data" / "findings" / "findings.yaml"
_FINDINGS_FILE_KEYS = {"source", "last_verified", "findings"}
_FINDING_KEYS = {"code", "words", "codes"}
PERSON_PRESENT = "person_present"
_FINDING_SPACES = re.compile(r"[\s\-_]+")


def _fold_finding(text: str) -> str:
    """ "10-20-Life." and "10 20 life" read alike; nothing else is loosened."""
    text = _normalise(text).replace("'", "").replace("\u2019", "")
    return _FINDING_SPACES.sub(" ", text).strip(" .,;:!")


def load_findings(path: Path = FINDINGS_FILE) -> dict[str, str]:
    """Plain words and paragraph citations mapped to the finding they name.

    Strict like the catalog: a misspelt code here would silently turn a
    finding into another one.
    """
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise CatalogError(f"{path.name}: not valid YAML: {error}") from error
    if not isinstance(document, dict) or set(document) != _FINDINGS_FILE_KEYS:
        raise CatalogError(f"{path.name}: needs exactly {sorted(_FINDINGS_FILE_KEYS)}")
    if not isinstance(document["last_verified"], date):
        raise CatalogError(f"{path.name}: last_verified must be a date")
    names: dict[str, str] = {}
    for item in document["findings"] or []:
        if not isinstance(item, dict) or not set(item) <= _FINDING_KEYS:
            raise CatalogError(f"{path.name}: each finding needs code, words, codes")
        code = item.get("code")
        if code != PERSON_PRESENT and (
            not isinstance(code, str) or canonical_code(code) != code
        ):
            raise CatalogError(f"{path.name}: {code}: code is not canonical")
        words, codes = item.get("words", []), item.get("codes", [])
        texts = [*words, *codes]
        if not all(isinstance(t, str) for t in texts) or any(
            canonical_code(c) != c for c in codes
        ):
            raise CatalogError(f"{path.name}: {code}: words and canonical codes only")
        for key in [*map(_fold_finding, words), *codes]:
            if key in names:
                raise CatalogError(f"{path.name}: {key!r} is listed twice")
            names[key] = code
    return names


@lru_cache(maxsize=1)
def _finding_names() -> dict[str, str]:
    return load_findings()


@lru_cache(maxsize=4096)
def read_finding(text: str) -> tuple[str, bool]:
    """A finding as a person wrote it: (its code, whether we could read it).

    "GBI", "12022.7(a)" and "PC 12022.7" read as "PC 12022.7"; "667.5(c)(21)"
    as a person present. Anything else comes back as typed with False, so
    the rules can quote it and send the record to a lawyer, never drop it.
    """
    names = _finding_names()
    cleaned = text.strip()
    named = names.get(_fold_finding(cleaned))
    if named is not None:
        return named, True
    parsed = parse_offense(cleaned)
    if parsed.code is not None and parsed.code in names:
        return names[parsed.code], True
    offense = parsed.offense
    code = parsed.code
    if offense is not None and offense.enhancement and code and "/" not in code:
        return code, True
    return cleaned, False
