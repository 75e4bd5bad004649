"""Finding the charge: plain words in both languages, "I don't know", and
charges that frighten offered only when asked for (screener/rules/search.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from screener.rules import search as s
from screener.rules.catalog import catalog
from screener.rules.search import search

QUERIES = yaml.safe_load(
    (Path(__file__).with_name("search_queries.yaml")).read_text(encoding="utf-8")
)["queries"]


def codes(query: str, limit: int = 5) -> list[str]:
    return [o.code for o in search(query, limit=limit)]


def test_the_search_quality_set_finds_the_expected_charges_in_the_first_five() -> None:
    assert len(QUERIES) >= 150
    spanish = [q for q in QUERIES if any(ch in str(q) for ch in "áéíóúñ") or str(q) in (
        "robo", "hurto", "drogas", "mota", "pelea", "fraude", "amenazas")]  # fmt: skip
    assert len(spanish) >= 20
    misses = {
        str(query): (expected, codes(str(query)))
        for query, expected in QUERIES.items()
        if not set(expected) <= set(codes(str(query)))
    }
    assert len(misses) <= len(QUERIES) * 0.05, misses


@pytest.mark.parametrize(
    "text",
    ["no sé", "no se", "No Se", "NO SÉ", "nose", "no lo sé", "not sure", "Not sure.",
     "I don't know", "i dont know", "I do not know", "idk", "IDK", "dunno",
     "no estoy segura", "no recuerdo", "ni idea", "?", "??", "...", "unknown"],
)  # fmt: skip
def test_i_dont_know_is_never_a_search(text: str) -> None:
    assert s.is_dont_know(text)
    assert search(text) == []


@pytest.mark.parametrize("text", ["", "   ", "robo", "no license", "no contest", "211"])
def test_real_queries_are_not_i_dont_know(text: str) -> None:
    assert not s.is_dont_know(text)


def test_a_non_string_is_not_a_query() -> None:
    # None on purpose: JSON can send anything where the contract wants text.
    assert not s.is_dont_know(None)  # type: ignore[arg-type]
    assert search(None) == []  # type: ignore[arg-type]


# Words with no business showing murder, explosives or a sex offense.
BENIGN = [
    "fraud", "fraude", "drugs", "drogas", "theft", "robo", "hurto", "loitering",
    "trespass", "dui", "fake id", "prostitution", "prostitución", "battery",
    "assault", "agresión", "weapon", "arma", "device", "destruction", "force",
    "fear", "child", "minor", "menor", "person", "public", "touching", "act",
    "conduct", "domestic violence", "threat", "impersonation", "intoxicant",
    "unconscious", "concert", "consent", "attempt", "conspiracy", "possession",
    "vehicle", "injury", "death", "prior", "house", "zzz", "a", "sex work",
    "trabajo sexual", "solicitation", "escort", "massage",
]  # fmt: skip


@pytest.mark.parametrize("query", BENIGN)
def test_frightening_charges_never_answer_an_unrelated_word(query: str) -> None:
    shown = [o for o in search(query, limit=50) if s.is_frightening(o)]
    assert shown == [], [o.code for o in shown]


@pytest.mark.parametrize(
    ("query", "code"),
    [("rape", "PC 261"), ("murder", "PC 187"), ("explosives", "PC 18710"),
     ("sexual battery", "PC 243.4"), ("violación", "PC 261"),
     ("kidnapping", "PC 207")],
)  # fmt: skip
def test_frightening_charges_answer_their_own_words(query: str, code: str) -> None:
    assert code in codes(query, limit=10)


@pytest.mark.parametrize("code", ["PC 187", "PC 18710", "PC 261", "PC 288(a)"])
def test_an_exact_code_always_finds_its_charge(code: str) -> None:
    assert codes(code)[0] == code
    assert s.is_frightening(catalog()[code])


def test_which_charges_frighten() -> None:
    frightening = {c for c, o in catalog().items() if s.is_frightening(o)}
    assert {
        "PC 187",
        "PC 18745",
        "PC 261",
        "PC 288",
        "PC 243.4",
        "PC 11418",
    } <= frightening
    # Charges survivors themselves face are not hidden behind trigger words.
    assert (
        not {"PC 647(b)", "PC 266h", "PC 266i", "PC 236.1", "PC 647(a)"} & frightening
    )


def test_common_survivor_charges_come_first() -> None:
    assert codes("prostitution")[0] == "PC 647(b)"
    assert codes("drugs")[:2] == ["HS 11350", "HS 11377"]
    # The data's order wins over a longer title that repeats the words.
    assert codes("domestic violence")[0] == "PC 273.5"
    # A phrase beats one of its words: "sexual battery" is not "battery".
    assert codes("sexual battery", limit=10)[0] == "PC 243.4"


def test_catalog_words_must_all_match_where_the_data_names_nothing() -> None:
    results = search("nail salon", limit=50)
    assert results
    for offense in results:
        text = " ".join((offense.title, *offense.keywords)).lower()
        assert "nail" in text
        assert "salon" in text


def test_state_law_first_unless_federal_is_asked_for() -> None:
    assert codes("identity theft")[0] == "PC 530.5"
    assert codes("identity theft federal")[0] == "18 USC 1028A"


def test_repealed_charges_come_after_the_charges_in_force() -> None:
    found = codes("prostitution", limit=20)
    assert found.index("PC 647(b)") < found.index("PC 647f")


def test_the_limit_counts_the_exact_code_too() -> None:
    assert codes("211", limit=1) == ["PC 211"]
    assert len(search("theft", limit=3)) == 3
    assert search("PC 211", limit=0) == []
    assert search("§ 211", limit=0) == []


def test_every_code_in_the_data_is_in_the_catalog(tmp_path: Path) -> None:
    s.load()  # the shipped file loads
    text = s.DATA_FILE.read_text(encoding="utf-8")
    bad = tmp_path / "search.yaml"
    bad.write_text(text.replace("PC 647(b): 100", "PC 99999: 100"), encoding="utf-8")
    with pytest.raises(s.SearchDataError, match="common"):
        s.load(bad)
    bad.write_text(text.replace("PC 647(b): 100", "PC 647(b): 500"), encoding="utf-8")
    with pytest.raises(s.SearchDataError, match="weights"):
        s.load(bad)
    bad.write_text(
        text.replace("  robo: [PC 211,", "  robo: [PC 99999, PC 211,"), encoding="utf-8"
    )
    with pytest.raises(s.SearchDataError, match="robo"):
        s.load(bad)
    empty = text.replace(
        "  robo: [PC 211, PC 487, PC 484, PC 488, PC 459]", "  robo: []"
    )
    bad.write_text(empty, encoding="utf-8")
    with pytest.raises(s.SearchDataError, match="non-empty"):
        s.load(bad)


def test_no_two_synonyms_collapse_to_the_same_words() -> None:
    raw = yaml.safe_load(s.DATA_FILE.read_text(encoding="utf-8"))["synonyms"]
    assert len({s._key(k) for k in raw}) == len(raw)
