"""Finding the charge from the words a survivor uses, without frightening her.

The catalog (``catalog.py``) knows what the law says about each charge;
this module only decides which charges to offer for what was typed, and in
which order. Its data, ``data/search.yaml``, holds:

- the phrases that mean "I don't know" ("no sé", "idk"): those take the
  "I don't know" path, never a search that lists explosives;
- plain words in English and Spanish and the charges they mean ("robo",
  "manejar borracha", "fake ID");
- how common each charge is in survivors' records, to rank by;
- the charges that would frighten (murder, explosives, sexual offenses),
  offered only for their exact code or when a word typed names them.

Pure Python, like the rest of the rules.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from screener.rules.catalog import Offense, catalog, parse_offense

DATA_FILE = Path(__file__).parent / "data" / "search.yaml"
_MAX_INPUT = 200
_STOP_WORDS = frozenset(
    {"a", "an", "and", "the", "of", "or", "for", "to", "in", "with", "my", "i", "was"}
    | {"de", "la", "el", "los", "las", "y", "o", "por", "con", "en", "del", "un", "una"}
    | {"charge", "charged", "cargo", "me", "mi"}
)
_WORD = re.compile(r"[a-z0-9]+(?:\.[0-9]+)?")

# Score parts: a phrase the data names beats a single word it names, which
# beats catalog words; how common a charge is orders within each.
_PHRASE = 10_000
_SYNONYM = 2_000
_TITLE_WORD = 300
_MATCH = 500
_RANK_STEP = 40
_NAMED_MATCH = 10
_DENSITY = 100
_REPEALED = -300
_FEDERAL = -250


class SearchDataError(ValueError):
    """``search.yaml`` names a charge the catalog does not have, or is malformed."""


@dataclass(frozen=True, slots=True)
class SearchData:
    dont_know: frozenset[str]
    common: dict[str, int]
    synonyms: dict[str, tuple[str, ...]]
    frightening_pattern: re.Pattern[str]
    frightening_registration: bool
    exempt: frozenset[str]
    triggers: frozenset[str]


def fold(text: str) -> str:
    """Lower case without accents, so "prostitucion" finds "prostitución"."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    """Folded words, in order ("Prostitución" -> ["prostitucion"])."""
    return _WORD.findall(fold(text))


def _phrase(text: str) -> str:
    return " ".join(words(text))


def _key(text: str) -> str:
    """A synonym as it is looked up: folded, without the little words."""
    return " ".join(w for w in words(text) if w not in _STOP_WORDS)


def _codes(value: Any, where: str, known: dict[str, Offense]) -> tuple[str, ...]:
    if not isinstance(value, list) or not value:
        raise SearchDataError(f"search.yaml: {where} must be a non-empty list of codes")
    missing = [code for code in value if code not in known]
    if missing:
        raise SearchDataError(f"search.yaml: {where} names unknown codes {missing}")
    return tuple(value)


def load(path: Path = DATA_FILE) -> SearchData:
    """Read and check the data: every code must be in the catalog."""
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    known = catalog()
    common = document["common"]
    unknown = sorted(code for code in common if code not in known)
    if unknown:
        raise SearchDataError(f"search.yaml: common names unknown codes {unknown}")
    if not all(isinstance(w, int) and 1 <= w <= 100 for w in common.values()):
        raise SearchDataError("search.yaml: common weights must be whole numbers 1-100")
    synonyms = {
        _key(key): _codes(value, f"synonym {key!r}", known)
        for key, value in document["synonyms"].items()
    }
    scary = document["frightening"]
    return SearchData(
        dont_know=frozenset(_phrase(p) for p in document["dont_know"]),
        common=dict(common),
        synonyms=synonyms,
        frightening_pattern=re.compile(scary["title_pattern"].strip()),
        frightening_registration=bool(scary["registration"]),
        exempt=frozenset(_codes(scary["exempt"], "frightening exempt", known)),
        triggers=frozenset(_phrase(t) for t in scary["triggers"]),
    )


@lru_cache(maxsize=1)
def data() -> SearchData:
    return load()


def is_dont_know(text: str) -> bool:
    """ "no sé", "No se", "not sure", "IDK", "?" : the person does not know."""
    if not isinstance(text, str):
        return False
    phrase = _phrase(text[:_MAX_INPUT])
    if not phrase:
        # Only punctuation ("?", "...", "-"): nothing to look up.
        return bool(text.strip())
    return phrase in data().dont_know


def is_frightening(offense: Offense) -> bool:
    """Would this charge frighten someone who did not ask for it?"""
    settings = data()
    if offense.code in settings.exempt:
        return False
    if settings.frightening_registration and offense.registration_290:
        return True
    return bool(settings.frightening_pattern.search(fold(offense.title)))


def _asks_for_frightening(query_words: list[str]) -> bool:
    triggers = data().triggers
    pairs = {" ".join(query_words[i : i + 2]) for i in range(len(query_words) - 1)}
    return any(w in triggers for w in query_words) or bool(pairs & triggers)


@lru_cache(maxsize=1)
def _index() -> tuple[tuple[Offense, frozenset[str], frozenset[str]], ...]:
    """Each charge with all its words (title, keywords, code), and its title words."""
    return tuple(
        (
            offense,
            frozenset(
                words(offense.title)
                + words(" ".join(offense.keywords))
                + words(offense.code)
            ),
            frozenset(words(offense.title)),
        )
        for offense in catalog().values()
    )


def _matches(word: str, haystack: frozenset[str]) -> bool:
    # A number must match a whole section ("211" is not "2110"); a word may
    # be the start of a word ("prostit" finds "prostitution").
    if word[0].isdigit():
        return word in haystack
    # "explosives" finds "explosive" too.
    stem = word[:-1] if len(word) > 3 and word.endswith("s") else word
    return any(candidate.startswith(stem) for candidate in haystack)


def _synonym_scores(query_words: list[str]) -> dict[str, int]:
    """Charges the data names for the whole phrase, or for words and pairs in it."""
    table = data().synonyms
    scores: dict[str, int] = {}

    def add(codes: tuple[str, ...], weight: int) -> None:
        for rank, code in enumerate(codes):
            scores[code] = scores.get(code, 0) + weight - rank * _RANK_STEP

    whole = " ".join(query_words)
    if whole in table:
        add(table[whole], _PHRASE)
    else:
        # Longest runs of words first: "robo en tienda" inside a longer phrase.
        used: set[int] = set()
        for size in range(len(query_words), 0, -1):
            for start in range(len(query_words) - size + 1):
                span = set(range(start, start + size))
                run = " ".join(query_words[start : start + size])
                if run in table and not span & used:
                    used |= span
                    # A word that names charges counts for its share of
                    # what was typed: "sexual battery" is not "battery".
                    add(table[run], _SYNONYM * size // len(query_words))
    return scores


def search(query: str, *, limit: int = 10) -> list[Offense]:
    """Charges for a code or plain words, the likeliest for a survivor first."""
    if not isinstance(query, str) or is_dont_know(query):
        return []
    text = query[:_MAX_INPUT]
    parsed = parse_offense(text)
    exact = parsed.offense
    query_words = [w for w in words(text) if w not in _STOP_WORDS]
    scores = _synonym_scores(query_words)
    named = set(scores)
    # No words left ("the", "§"): nothing to match but the exact code.
    for offense, haystack, title in _index() if query_words else ():
        if all(_matches(w, haystack) for w in query_words):
            in_title = sum(_matches(w, title) for w in query_words)
            # The data's own order wins for charges it names; otherwise words
            # in the title, and titles that say little else, come first.
            bonus = (
                _NAMED_MATCH if offense.code in named
                else _MATCH + in_title * _TITLE_WORD + _DENSITY * in_title // len(title)
            )  # fmt: skip
            scores[offense.code] = scores.get(offense.code, 0) + bonus
    settings = data()
    wants_federal = "federal" in query_words or "usc" in query_words
    may_frighten = _asks_for_frightening(query_words)
    ranked = []
    known = catalog()
    for code, score in scores.items():
        offense = known[code]
        if offense is exact:
            continue
        if not may_frighten and is_frightening(offense):
            continue
        score += settings.common.get(code, 0)
        if offense.repealed is not None:
            score += _REPEALED
        if offense.is_federal and not wants_federal:
            score += _FEDERAL
        ranked.append((-score, len(offense.code), offense.code, offense))
    ranked.sort(key=lambda item: item[:3])
    found = [item[3] for item in ranked]
    return (([exact] if exact is not None else []) + found)[:limit]
