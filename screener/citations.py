"""Citations as a survivor reads them: no internal notes, and in her language.

The rules cite the law the way a lawyer's research notes do ("Pen. Code §
236.15 (timing unverified, brief R15.7)"). Those notes are for the people
who keep the law data, not for a frightened reader: here they are cut out,
and the page says "a lawyer should confirm this" instead. On Spanish pages
the code names are written the Spanish way ("Código Penal, art. 236.14"),
the form Spanish-language California court materials use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Words that mark a research note rather than the law itself.
_INTERNAL = re.compile(
    r"unverif|\bverify\b|\[verify|\bbrief\b|from memory|not retrieved|"
    r"not material|long-standing|\bTODO\b",
    re.IGNORECASE,
)
_PAREN = re.compile(r"\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)")

# Code prefix (catalog form, "PC 647(b)") -> Spanish name of the code.
SPANISH_CODES: dict[str, str] = {
    "PC": "Código Penal",
    "HS": "Código de Salud y Seguridad",
    "VC": "Código de Vehículos",
    "WIC": "Código de Bienestar e Instituciones",
    "WI": "Código de Bienestar e Instituciones",
    "BP": "Código de Negocios y Profesiones",
    "USC": "Código de los EE. UU.",
}

# The abbreviations the law data writes, each with its catalog prefix.
_LONG_CODES: tuple[tuple[str, str], ...] = (
    ("Pen. Code", "PC"),
    ("Penal Code", "PC"),
    ("Health & Saf. Code", "HS"),
    ("Health and Safety Code", "HS"),
    ("Veh. Code", "VC"),
    ("Vehicle Code", "VC"),
    ("Welf. & Inst. Code", "WIC"),
    ("Welfare and Institutions Code", "WIC"),
    ("Bus. & Prof. Code", "BP"),
    ("Business and Professions Code", "BP"),
)
_LONG_RE = re.compile(
    r"(" + "|".join(re.escape(long) for long, _p in _LONG_CODES) + r")\s*(§§?)\s*"
)
_USC_RE = re.compile(r"(\d+)\s*U\.\s?S\.\s?C\.\s*(§§?)\s*")
_BARE_SECTION = re.compile(r"(§§?)\s*")
_OFFENSE_CODE = re.compile(r"^(PC|HS|VC|WIC|WI|BP)\s+(.+)$")
_FEDERAL_CODE = re.compile(r"^(\d+)\s+USC\s+(.+)$")


@dataclass(frozen=True, slots=True)
class Cite:
    text: str
    # Something in it was a research note, or the rules marked it
    # unverified: the page adds "a lawyer should confirm this".
    confirm: bool


def _top_level_parts(cite: str) -> list[str]:
    """Split on ";" outside brackets: "(published; name not retrieved)" is one note."""
    parts, depth, start = [], 0, 0
    for index, char in enumerate(cite):
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(depth - 1, 0)
        elif char == ";" and depth == 0:
            parts.append(cite[start:index])
            start = index + 1
    parts.append(cite[start:])
    return parts


def _clean(cite: str) -> tuple[str, bool]:
    """Cut research notes out of a citation; say whether anything was cut."""
    cut = False
    parts = []
    for part in _top_level_parts(cite):

        def drop(match: re.Match[str]) -> str:
            nonlocal cut
            if _INTERNAL.search(match.group(1)):
                cut = True
                return ""
            return match.group(0)

        part = _PAREN.sub(drop, part).strip()
        if _INTERNAL.search(part):
            cut = True
            continue
        if part:
            parts.append(part)
    return "; ".join(parts), cut


def _articles(mark: str) -> str:
    return "arts. " if mark == "§§" else "art. "


def spanish(cite: str) -> str:
    """ "Pen. Code § 236.14(a); § 667.5(c)" -> "Código Penal, art. 236.14(a); art. 667.5(c)"."""

    def long_code(match: re.Match[str]) -> str:
        prefix = dict(_LONG_CODES)[match.group(1)]
        return f"{SPANISH_CODES[prefix]}, {_articles(match.group(2))}"

    def federal(match: re.Match[str]) -> str:
        return f"{SPANISH_CODES['USC']}, título {match.group(1)}, {_articles(match.group(2))}"

    text = _LONG_RE.sub(long_code, cite)
    text = _USC_RE.sub(federal, text)
    return _BARE_SECTION.sub(lambda m: _articles(m.group(1)), text)


def survivor_cite(cite: str | None, *, language: str, verified: bool = True) -> Cite:
    """A citation fit to show a survivor, in the page's language."""
    text, cut = _clean(cite or "")
    if language.startswith("es"):
        text = spanish(text)
    return Cite(text=text, confirm=cut or not verified)


def offense_code(code: str | None, *, language: str) -> str:
    """A catalog code ("PC 647(b)", "21 USC 841") as the page shows it."""
    if not code:
        return ""
    if not language.startswith("es"):
        return code
    state = _OFFENSE_CODE.match(code)
    if state:
        return f"{SPANISH_CODES[state.group(1)]}, art. {state.group(2)}"
    federal = _FEDERAL_CODE.match(code)
    if federal:
        return f"{SPANISH_CODES['USC']}, título {federal.group(1)}, art. {federal.group(2)}"
    return code
