"""A RAP sheet's text -> the person and one contract record per count.

``parse_text`` is the one entry point (the ``rapsheet`` command and the
upload both call it through ``rapsheet.services``). The layout is in
``grammar.lark`` and ``lines.py``; this module turns the parse tree into
records by the rules the issue fixes, so every reader means the same thing:

* a cycle with a court event gives one record per court count ("CNT:02-03"
  is two); the cycle's arrest gives ``arrest_date`` and
  ``arresting_agency`` and its charges are not extra records;
* custody, applicant, registration and probation events give no records;
* a cycle with no court event gives one record per arrest charge, with
  ``disposition: "arrest"``;
* CONVICTED -> conviction; dismissed, acquitted, rejected, released or no
  disposition -> arrest; a sustained juvenile petition ->
  juvenile_adjudication;
* ``level`` is the conviction status after later changes (Prop 47,
  § 17(b)), else the count's type of charge; ``disposition_date`` stays the
  original date and the change goes in ``modification``.

Every field the parser had to guess is named in the record's ``review``
list, so the review table can highlight it; nothing is invented: a count
that cannot be placed is a warning with its lines, never a record.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from lark import Lark, Token, Tree
from lark.exceptions import LarkError

from rapsheet import places
from rapsheet.lines import LineLexer
from screener.rules.catalog import parse_offense
from screener.rules.contract import Remedy

MAX_COUNTS_IN_RANGE = 20

# Lines a printed page repeats (headers, footers); they carry nothing.
_PAGE_NOISE = re.compile(
    r"^\s*(?:page\s+\d+\s*(?:of\s+\d+)?|-\s*\d+\s*-|\f)\s*$"
    r"|^\s*(?:CALIFORNIA DEPARTMENT OF JUSTICE|BUREAU OF CRIMINAL|RESTRICTED|"
    r"CONFIDENTIAL|RE:\s|ATTN:|CRIMINAL HISTORY TRANSCRIPT)",
    re.IGNORECASE,
)
_PAGE_TAIL = re.compile(r"\s{3,}page\s+\d+\s*(?:of\s+\d+)?\s*$", re.IGNORECASE)


@cache
def _grammar() -> Lark:
    text = (Path(__file__).with_name("grammar.lark")).read_text(encoding="utf-8")
    return Lark(text, parser="lalr", lexer=LineLexer)


class SheetError(Exception):
    """The text is not a RAP sheet the parser can read at all."""


# ----------------------------------------------------------------- small readers


def _digits(text: str) -> str:
    """OCR reads 0 as O and 1 as I or l inside numbers; undo that."""
    return text.translate(str.maketrans("OoIl", "0011"))


def read_date(text: str) -> date | None:
    match = re.search(r"(?<![0-9])([0-9OoIl]{8})(?![0-9])", text)
    if not match:
        return None
    raw = _digits(match.group(1))
    try:
        return date(int(raw[:4]), int(raw[4:6]), int(raw[6:]))
    except ValueError:
        return None


def _after_tag(line: str, tag: str) -> str:
    match = re.search(tag + r"\s*[:;/]\s*", line, re.IGNORECASE)
    return line[match.end() :].strip() if match else line.strip()


_CODES = "PC|HS|VC|BP|WI|FG|HN|RT|GC|UI|CC|ED|PR|LC|MV|US|USC"
_CHARGE = re.compile(
    r"^[\s.*·•'\-~`_\"|,‘’]*(?P<section>[0-9][0-9A-Za-z().,/]*(?:\s?\([0-9A-Za-z]{1,3}\))*"
    r"(?:\s*-\s*[0-9][0-9A-Za-z().,/]*)?)"
    r"\s+(?P<code>" + _CODES + r")\s*[-–—]\s*(?P<title>.*)$"
)
# The same with the code first: "PC 647(B)-DISORDERLY CONDUCT".
_CHARGE_CODE_FIRST = re.compile(
    r"^[\s.*·•'\-~`_\"|,‘’]*(?P<code>"
    + _CODES
    + r")\s+(?P<section>[0-9][0-9A-Za-z().,/]*"
    r"(?:\s?\([0-9A-Za-z]{1,3}\))*)\s*[-–—]\s*(?P<title>.*)$"
)
_COMMENT_CHARGE = re.compile(
    r"CHRG\s*-?\s*(?P<section>[0-9][0-9A-Za-z().,/\- ]*?)\s+(?P<code>" + _CODES + r")\b"
)


def _section(raw: str) -> str:
    """'11377(A)' -> '11377(A)'; OCR '490,2' -> '490.2'; '.496.' -> '496'."""
    text = raw.strip(" .,").replace(",", ".").replace(" ", "")
    # Inside parentheses OCR reads the letter O as a zero; outside, the reverse.
    head, _, rest = text.partition("(")
    head = _digits(head)
    return head + ("(" + rest if rest else "")


@dataclass
class Charge:
    offense: str | None  # the catalog's code, or the raw citation when unknown
    known: bool
    raw: str


def read_charge(lines: list[str]) -> Charge | None:
    """The count's charge from its charge line, or from a comment line."""
    for line in lines:
        match = _CHARGE.match(line) or _CHARGE_CODE_FIRST.match(line)
        if match:
            return _charge(match.group("section"), match.group("code"))
    for line in lines:
        match = _COMMENT_CHARGE.search(line.upper())
        if match:
            return _charge(match.group("section"), match.group("code"))
    return None


def _charge(section: str, code: str) -> Charge:
    code = {"USC": "US"}.get(code, code)
    sec = _section(section)
    raw = f"18 USC {sec}" if code == "US" else f"{code} {sec}"
    parsed = parse_offense(raw)
    if code == "US":
        # The sheet does not print the title of the U.S. Code: 18 is a guess.
        return Charge(offense=parsed.code or raw, known=False, raw=raw)
    if parsed.code is None:
        return Charge(offense=raw, known=False, raw=raw)
    return Charge(offense=parsed.code, known=parsed.known, raw=raw)


_LEVEL_WORDS = {"FEL": "felony", "MIS": "misdemeanor", "INF": "infraction"}
_TOC = {"F": "felony", "M": "misdemeanor", "I": "infraction"}


def read_level_word(text: str) -> str | None:
    upper = text.upper()
    for stem, level in _LEVEL_WORDS.items():
        if stem in upper:
            return level
    return None


def read_toc(line: str) -> str | None:
    match = re.search(r"T[O0]C\s*[:;]\s*([MFIN])", line.upper())
    return _TOC.get(match.group(1)) if match else None


# ---------------------------------------------------------------- dispositions

_CONVICTED = re.compile(r"C\s*[O0]\s*N\s*V\s*I\s*C\s*T\s*E\s*D")
_ARREST_ONLY = re.compile(
    r"DISMISS|ACQUIT|NOT\s+GUILTY|PROS\s*REJ|REJECT|RELEASED|DETENTION\s+ONLY|"
    r"NO\s+DISP|COMPLAINT\s+DENIED|NO\s+COMPLAINT|DISCHARGED"
)
_JUVENILE_COURT = re.compile(r"^\s*CAJ[VC]\b|\bJUV")


_DISPO_WORDS = {
    "SUSTAINED": "juvenile_adjudication",
    "CONVICTED": "conviction",
    "DISMISSED": "arrest",
    "ACQUITTED": "arrest",
    "RELEASED": "arrest",
    "REJECTED": "arrest",
}


def read_disposition(text: str, court: str) -> tuple[str, bool]:
    """(disposition, sure) for a count's first DISPO line.

    A word a scan misread ("SUSTAINEO", "C0NVICTED") is matched to the
    nearest disposition word, and the field is marked unsure.
    """
    upper = text.upper()
    juvenile = bool(_JUVENILE_COURT.search(court.upper()))
    if "SUSTAIN" in upper or "WARD" in upper:
        return "juvenile_adjudication", True
    if _CONVICTED.search(upper):
        return ("juvenile_adjudication" if juvenile else "conviction"), True
    if _ARREST_ONLY.search(upper):
        return "arrest", True
    for word in re.findall(
        r"[A-Z0-9()]{5,}", _after_tag(upper, r"D\s*I\s*S\s*P\s*[O0]")
    ):
        close = difflib.get_close_matches(word, list(_DISPO_WORDS), n=1, cutoff=0.75)
        if close:
            found = _DISPO_WORDS[close[0]]
            if found == "conviction" and juvenile:
                found = "juvenile_adjudication"
            return found, False
    return "arrest", False


# ---------------------------------------------------------------- modifications

_MODIFICATIONS: tuple[tuple[re.Pattern[str], str, str | None, bool], ...] = (
    # (pattern, what, section, reduces to misdemeanor)
    (
        re.compile(r"1170\.?18|PROP(?:OSITION)?\.?\s*47"),
        "reduced",
        Remedy.PC_1170_18,
        True,
    ),
    (re.compile(r"\b17\s*\(\s*B\s*\)|\b17B\b"), "reduced", Remedy.PC_17_B, True),
    (re.compile(r"236\.?14"), "vacated", Remedy.PC_236_14, False),
    (re.compile(r"236\.?15"), "vacated", Remedy.PC_236_15, False),
    (re.compile(r"1203\.?49"), "vacated", Remedy.PC_1203_49, False),
    (re.compile(r"1473\.?7"), "vacated", Remedy.PC_1473_7, False),
    (re.compile(r"1203\.?4\s*A\b|1203\.4A"), "dismissed", Remedy.PC_1203_4A, False),
    (re.compile(r"1203\.?41\b"), "dismissed", Remedy.PC_1203_41, False),
    (re.compile(r"1203\.?42\b"), "dismissed", Remedy.PC_1203_42, False),
    (re.compile(r"1203\.?425\b"), "dismissed", Remedy.PC_1203_425, False),
    (re.compile(r"1203\.?4\b"), "dismissed", Remedy.PC_1203_4, False),
    (re.compile(r"851\.?8\b|FACTUAL(?:LY)?\s+INNOCEN"), "sealed", "PC 851.8", False),
    (re.compile(r"1000\.?3|DIVERSION"), "dismissed", "PC 1000.3", False),
    # A reduction that names no section.
    (re.compile(r"RED(?:UCED|UCTION)?\.?\s+TO\s+MISD"), "reduced", None, True),
)
_DENIED = re.compile(r"\bDENIED\b|\bDENY\b")


@dataclass
class Update:
    when: date | None
    lines: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(line.strip() for line in self.lines).upper()


def read_modification(update: Update) -> dict[str, Any] | None:
    """What a later change did, when, under which section; None for others."""
    text = update.text
    if _DENIED.search(text):
        return None
    for pattern, what, section, reduces in _MODIFICATIONS:
        if pattern.search(text):
            return {
                "what": what,
                "section": section,
                "date": update.when.isoformat() if update.when else None,
                "level": "misdemeanor" if reduces else None,
                "text": _dispo_text(update),
            }
    conv = next((ln for ln in update.lines if re.search(r"C[O0]NV\s*STATUS", ln)), None)
    if conv and read_level_word(_after_tag(conv, r"STATUS")) == "misdemeanor":
        return {
            "what": "reduced",
            "section": None,
            "date": update.when.isoformat() if update.when else None,
            "level": "misdemeanor",
            "text": _dispo_text(update),
        }
    return None


def _dispo_text(update: Update) -> str:
    for line in update.lines:
        if re.search(r"D\s*I\s*S\s*P\s*[O0]\s*[:;]", line):
            return _after_tag(line, r"D\s*I\s*S\s*P\s*[O0]")[:120]
    rest = [ln.strip() for ln in update.lines if ln.strip() and read_date(ln) is None]
    return rest[0][:120] if rest else ""


# ---------------------------------------------------------------- sentence

_PROBATION = re.compile(
    r"([0-9O]{1,3})\s*(YEARS?|YRS?|YR|MONTHS?|MOS?|MO|DAYS?|DS|D)\s*(?:SUMMARY\s+|"
    r"FORMAL\s+|COURT\s+|CONDITIONAL\s+|INFORMAL\s+)?PROB"
)


def _months(amount: str, unit: str) -> float:
    number = int(_digits(amount))
    if unit.startswith("Y"):
        return number * 12
    if unit.startswith("M"):
        return number
    return number / 30


def _add_months(start: date, months: float) -> date:
    whole = int(months)
    days = round((months - whole) * 30)
    year = start.year + (start.month - 1 + whole) // 12
    month = (start.month - 1 + whole) % 12 + 1
    day = min(start.day, 28)
    return date.fromordinal(date(year, month, day).toordinal() + days)


# ---------------------------------------------------------------- the tree


@dataclass
class Count:
    first: int
    last: int
    cnt_line: str
    lines: list[tuple[int, str, str]]  # (line number, kind, text)


@dataclass
class Event:
    kind: str  # court, arrest, custody, applicant, registration, probation
    header: str
    head: list[tuple[int, str, str]]
    counts: list[Count]

    @property
    def date_line(self) -> str | None:
        """The line with the event's date and agency; on its own line, or
        (some print-outs) after the header on the header's line."""
        own = next((text for _, kind, text in self.head if kind == "DATE"), None)
        if own is not None:
            return own
        rest = re.sub(r"D[O0]B\s*[:;]\s*[0-9OoIl]{8}", "", self.header)
        match = re.search(r"(?<![0-9])[0-9]{8}(?![0-9]).*$", rest)
        return match.group(0) if match else None

    @property
    def when(self) -> date | None:
        return read_date(self.date_line) if self.date_line else None

    @property
    def _printed_agency(self) -> str:
        if not self.date_line:
            return ""
        text = re.sub(r"^[\s.*·•'\-~`_\"|,‘’]*[0-9OoIl]{8}", "", self.date_line).upper()
        text = re.sub(r"[^A-Z0-9 /&'-]", " ", text)
        return re.sub(r"\s+", " ", text).strip()

    @property
    def agency(self) -> str:
        return places.repair(self._printed_agency)[0]

    @property
    def agency_sure(self) -> bool:
        return places.repair(self._printed_agency)[1]

    @property
    def toc(self) -> str | None:
        return next((read_toc(t) for _, k, t in self.head if k == "TOC"), None)

    def source(self) -> list[str]:
        return [self.header.rstrip()] + [
            text.rstrip() for _, kind, text in self.head if kind in ("DATE", "NAM_REF")
        ]


_HEADER_KIND = {
    "COURT_HDR": "court",
    "ARREST_HDR": "arrest",
    "SUPP_ARREST_HDR": "arrest",
    "CUSTODY_HDR": "custody",
    "APPLICANT_HDR": "applicant",
    "REGISTRATION_HDR": "registration",
    "PROBATION_HDR": "probation",
    "UNKNOWN_HDR": "unknown",
}


def _tokens(tree: Tree) -> list[Token]:
    return list(tree.scan_values(lambda v: isinstance(v, Token)))


def _line(token: Token) -> tuple[int, str, str]:
    return (token.line or 0, token.type, str(token))


def _count(tree: Tree) -> Count:
    tokens = _tokens(tree)
    cnt = tokens[0]
    first, last = _count_range(str(cnt))
    return Count(
        first=first, last=last, cnt_line=str(cnt), lines=[_line(t) for t in tokens]
    )


def _count_range(line: str) -> tuple[int, int]:
    match = re.search(
        r"CNT\s*[:;]\s*([0-9OoIl]{1,3})(?:\s*-\s*([0-9OoIl]{1,3}))?", line
    )
    if not match:
        return (0, 0)
    first = int(_digits(match.group(1)))
    last = int(_digits(match.group(2))) if match.group(2) else first
    return first, last


def _event(tree: Tree) -> Event:
    header_tree = next(tree.find_data("header"))
    header = _tokens(header_tree)[0]
    head = [
        _line(_tokens(child)[0])
        for child in tree.children
        if isinstance(child, Tree) and child.data == "head_line"
    ]
    counts = [
        _count(child)
        for child in tree.children
        if isinstance(child, Tree) and child.data == "count"
    ]
    return Event(
        kind=_HEADER_KIND[header.type], header=str(header), head=head, counts=counts
    )


@dataclass
class Cycle:
    events: list[Event]
    headless: list[Count]


def _cycles(tree: Tree) -> list[Cycle]:
    cycles: list[Cycle] = []
    for child in tree.children:
        if not isinstance(child, Tree) or child.data not in ("orphan", "cycle"):
            continue
        events = [
            _event(e)
            for e in child.children
            if isinstance(e, Tree) and e.data == "event"
        ]
        headless = [
            _count(c)
            for h in child.children
            if isinstance(h, Tree) and h.data == "headless"
            for c in h.children
            if isinstance(c, Tree)
        ]
        cycles.extend(_split(Cycle(events=events, headless=headless)))
    return cycles


def _split(cycle: Cycle) -> list[Cycle]:
    """An arrest after an event with counts starts a new cycle.

    A cycle opens with its arrest; a second ``ARR/DET/CITE`` in one cycle
    means a star line was lost (scans drop it), and without the split the
    second arrest's charges would vanish into the first cycle's court event.
    """
    parts = [Cycle(events=[], headless=cycle.headless)]
    for event in cycle.events:
        if (
            event.kind == "arrest"
            and event.header.lstrip(" .*").startswith("ARR")
            and any(
                e.counts and e.kind in ("court", "arrest") for e in parts[-1].events
            )
        ):
            parts.append(Cycle(events=[], headless=[]))
        parts[-1].events.append(event)
    return parts


# ---------------------------------------------------------------- the person


def _person(tree: Tree) -> dict[str, Any]:
    preamble = next(tree.find_data("preamble"))
    names: list[str] = []
    cii = dob = None
    for token in _tokens(preamble):
        text = str(token)
        if token.type == "CII" and cii is None:
            match = re.search(r"CII\s*/\s*([A-Z0-9OoIl]+)", text)
            if match:
                raw = match.group(1)
                cii = raw[0] + _digits(raw[1:]) if raw[0].isalpha() else _digits(raw)
        elif token.type == "DOB" and dob is None:
            found = read_date(_after_tag(text, r"D[O0]B"))
            dob = found.isoformat() if found else None
        elif token.type in ("NAM_ROOT", "NAM_MORE"):
            value = re.sub(r"^[\s.*]*(?:NAM\s*/)?\s*\S{2,3}\s+", "", text)
            value = re.sub(r"\s+", " ", value).strip()
            if value and value not in names:
                names.append(value)
    return {"names": names, "cii": cii, "dob": dob}


# ---------------------------------------------------------------- records


@dataclass
class Built:
    person: dict[str, Any]
    records: list[dict[str, Any]]
    warnings: list[str]


def clean_lines(text: str) -> list[str]:
    """The sheet's lines without page furniture; blank lines kept (numbering)."""
    lines = []
    for raw in text.replace("\r", "").split("\n"):
        line = raw.replace("\f", "")
        if _PAGE_NOISE.search(line):
            lines.append("")
            continue
        lines.append(_PAGE_TAIL.sub("", line))
    return lines


def parse_text(text: str, *, as_of: date | None = None) -> Built:
    """Read a sheet's text; raise SheetError when it is not a RAP sheet."""
    lines = clean_lines(text)
    try:
        tree = _grammar().parse(lines)
    except LarkError as error:
        raise SheetError(
            f"The text does not follow the RAP sheet layout ({type(error).__name__})."
        ) from None
    person = _person(tree)
    cycles = _cycles(tree)
    builder = _Builder(as_of=as_of or date.today())  # noqa: DTZ011 - a calendar date
    for number, cycle in enumerate(cycles, start=1):
        builder.cycle(number, cycle)
    if not cycles and not builder.records:
        raise SheetError("No cycles (lines of four stars) were found in this text.")
    return Built(person=person, records=builder.records, warnings=builder.warnings)


class _Builder:
    def __init__(self, *, as_of: date) -> None:
        self.as_of = as_of
        self.records: list[dict[str, Any]] = []
        self.warnings: list[str] = []

    def cycle(self, number: int, cycle: Cycle) -> None:
        for count in cycle.headless:
            self.warnings.append(
                f"Cycle {number}: count {count.first or '?'} on line {count.lines[0][0]} "
                "is not under an event header, so it was not turned into a record; "
                "read it on the sheet and add it by hand."
            )
        for event in cycle.events:
            if event.kind == "unknown" and event.counts:
                self.warnings.append(
                    f"Cycle {number}: an event of a kind this reader does not know "
                    f"({event.header.strip()[:30]}) has {len(event.counts)} count(s); "
                    "they were not turned into records. Read them on the sheet."
                )
        courts = [e for e in cycle.events if e.kind == "court"]
        arrests = [e for e in cycle.events if e.kind == "arrest"]
        arrest = arrests[0] if arrests else None
        if courts:
            for index, court in enumerate(courts):
                first = len(self.records)
                self.court(number, court, arrest, arrests)
                added = self.records[first:]
                # A second court event may be a second cycle whose star
                # line a scan lost; so may one sharing no charge with the
                # arrest. Either way the arrest's date and agency need a look.
                if arrest is not None and (
                    index > 0 or not _shares_a_charge(arrests, added)
                ):
                    for record in added:
                        record["review"] = sorted(
                            {*record["review"], "arrest_date", "arresting_agency"}
                        )
        else:
            for event in arrests:
                self.arrest_only(number, event)

    # -- one record per count -------------------------------------------------

    def _expand(self, number: int, count: Count) -> int:
        if count.first == 0:
            self.warnings.append(
                f"Cycle {number}: a count number on line {count.lines[0][0]} could not "
                "be read; it was taken as one count. Check it."
            )
            return 1
        size = count.last - count.first + 1
        if size < 1 or size > MAX_COUNTS_IN_RANGE:
            self.warnings.append(
                f"Cycle {number}: the count range on line {count.lines[0][0]} "
                "could not be read; it was taken as one count. Check it."
            )
            return 1
        return size

    def court(
        self, number: int, court: Event, arrest: Event | None, arrests: list[Event]
    ) -> None:
        case_number: str | None = None
        case_sure = True
        for count in court.counts:
            own_case = _case_number(count)
            if own_case:
                case_number = own_case
                case_sure = not any(
                    case_number_odd(t)
                    for _, k, t in count.lines[:3]
                    if k in ("CNT", "CASE_NO")
                )
            facts = self._count_facts(count, court)
            if not case_sure:
                facts["review"].append("case_number")
            if facts["level"] is None:
                facts["level"] = self._arrest_level(arrests, facts["offense"])
                if facts["level"]:
                    facts["review"].append("level")
            for _ in range(self._expand(number, count)):
                self._add(
                    facts,
                    event=court,
                    arrest=arrest,
                    case_number=case_number,
                    count=count,
                    number=number,
                )

    def arrest_only(self, number: int, event: Event) -> None:
        for count in event.counts:
            facts = self._count_facts(count, event, court=False)
            facts["disposition"] = "arrest"
            facts["dispo_sure"] = True
            for _ in range(self._expand(number, count)):
                self._add(
                    facts,
                    event=None,
                    arrest=event,
                    case_number=None,
                    count=count,
                    number=number,
                )

    def _arrest_level(self, arrests: list[Event], offense: str | None) -> str | None:
        for event in arrests:
            for count in event.counts:
                charge = read_charge(
                    [t for _, k, t in count.lines if k in ("CHARGE", "COMMENT")]
                )
                if charge and charge.offense == offense:
                    toc = _count_toc(count) or event.toc
                    if toc:
                        return toc
        return None

    @staticmethod
    def _sections(
        count: Count,
    ) -> tuple[list[tuple[int, str, str]], list[tuple[int, str, str]], list[Update]]:
        """A count's lines: before its DISPO, the DISPO block, later changes.

        A date line after the disposition opens a later change (an update).
        """
        before: list[tuple[int, str, str]] = []
        dispo: list[tuple[int, str, str]] = []
        updates: list[Update] = []
        for line in count.lines[1:]:
            _, kind, text = line
            if kind == "DATE" and (dispo or updates):
                # The date line itself may carry the change ("20150105
                # DISPO:CONV SET ASIDE ...").
                updates.append(Update(when=read_date(text), lines=[text]))
            elif kind == "DISPO" and dispo and not updates:
                # A second DISPO with no date line above it: a later change
                # whose date the sheet does not give.
                updates.append(Update(when=None, lines=[text]))
            elif updates:
                updates[-1].lines.append(text)
            elif dispo or kind == "DISPO":
                dispo.append(line)
            else:
                before.append(line)
        return before, dispo, updates

    @staticmethod
    def _level(
        disposition: str,
        dispo: list[tuple[int, str, str]],
        toc: str | None,
        charge: Charge | None,
        review: list[str],
    ) -> str | None:
        """Conviction status, else type of charge, else a one-level offense."""
        conv_status = next(
            (
                read_level_word(_after_tag(t, r"STATUS"))
                for _, k, t in dispo
                if k == "CONV_STATUS"
            ),
            None,
        )
        level = conv_status if disposition != "arrest" and conv_status else toc
        if level is None and charge and charge.known:
            levels = _catalog_levels(charge.offense)
            if len(levels) == 1:
                review.append("level")
                return levels[0]
        return level

    def _count_facts(
        self, count: Count, event: Event, *, court: bool = True
    ) -> dict[str, Any]:
        review: list[str] = []
        before, dispo, updates = self._sections(count)
        # Some print-outs put the charge on the CNT line after the case number.
        on_cnt = re.sub(
            r"^.*?CNT\s*[:;]\s*[0-9OoIl]{1,3}(?:\s*-\s*[0-9OoIl]{1,3})?\s*(?:#\s*\S+)?",
            "",
            count.cnt_line,
        )
        charge = read_charge(
            [on_cnt] + [t for _, k, t in before if k in ("CHARGE", "COMMENT")]
        )
        if charge is None:
            charge = read_charge([t for _, k, t in dispo if k == "COMMENT"])
        if charge is None or not charge.known:
            review.append("offense")
        if court and dispo:
            disposition, sure = read_disposition(dispo[0][2], event.agency)
        else:
            # No DISPO line on a court count: "no disposition reported" is
            # an arrest, but a scan may have lost the line; worth a look.
            disposition, sure = "arrest", not court
        if not sure:
            review.append("disposition")
        level = self._level(
            disposition, dispo, _count_toc(count) or event.toc, charge, review
        )
        modifications = [m for m in (read_modification(u) for u in updates) if m]
        for modification in modifications:
            if modification["level"]:
                level = modification["level"]
        sentence_text = " ".join(
            [_after_tag(t, "SEN") for _, k, t in dispo if k == "SEN"]
            + [t for _, k, t in dispo if k == "COMMENT" and "SEN" in t.upper()]
        ).upper()
        revoked = any("REVO" in u.text for u in updates) or any(
            "PROBATION REVO" in t.upper() for _, _, t in count.lines
        )
        return {
            "offense": charge.offense if charge else None,
            "level": level,
            "disposition": disposition,
            "dispo_sure": sure,
            "review": review,
            "sentence_text": sentence_text,
            "revoked": revoked,
            "modifications": modifications,
        }

    def _probation(
        self, facts: dict[str, Any], when: date | None, review: list[str]
    ) -> tuple[str, str]:
        """(probation, sentence) from the sentence text."""
        text = facts["sentence_text"]
        if facts["disposition"] == "arrest":
            return "none", "none"
        if not text.strip():
            return "unknown", "unknown"
        sentence = "unknown"
        if "PRISON" in text:
            sentence = "prison"
        elif "1170(H)" in text.replace(" ", ""):
            sentence = "county_jail"
        match = _PROBATION.search(text)
        if not match and "PROB" not in text:
            return "none", sentence
        sentence = "probation"
        if facts["revoked"]:
            review.append("probation")
            return "unknown", sentence
        if any(m["what"] in ("dismissed", "vacated") for m in facts["modifications"]):
            return "completed", sentence
        if not match or when is None:
            review.append("probation")
            return "unknown", sentence
        end = _add_months(when, _months(match.group(1), match.group(2)))
        if end > self.as_of:
            return "active", sentence
        # The term has run; whether it ended well the sheet does not say.
        review.append("probation")
        return "completed", sentence

    def _add(
        self,
        facts: dict[str, Any],
        *,
        event: Event | None,
        arrest: Event | None,
        case_number: str | None,
        count: Count,
        number: int,
    ) -> None:
        review = list(facts["review"])
        system, county = _where(event, arrest, review)
        when = event.when if event else None
        if event is not None and when is None:
            review.append("disposition_date")
        arrest_date = arrest.when if arrest else None
        if arrest is not None and arrest_date is None:
            review.append("arrest_date")
        if event is not None and not case_number:
            review.append("case_number")
        level = facts["level"]
        if level is None:
            level = "unknown"
            review.append("level")
        probation, sentence = self._probation(facts, when, review)
        modifications = facts["modifications"]
        source = []
        if arrest is not None:
            source += arrest.source()
        if event is not None:
            source += event.source()
        source += [text.rstrip() for _, _, text in count.lines]
        record: dict[str, Any] = {
            "id": str(len(self.records) + 1),
            "system": system,
            "disposition": facts["disposition"],
            "offense": facts["offense"],
            "level": level,
            "county": county,
            "probation": probation,
            "sentence": sentence,
            "case_number": case_number,
            "arrest_date": arrest_date.isoformat() if arrest_date else None,
            "disposition_date": when.isoformat() if when else None,
            "arresting_agency": arrest.agency if arrest else None,
            "court": event.agency if event else None,
            "modification": modifications[-1] if modifications else None,
            "modifications": modifications,
            "cycle": number,
            "source_lines": source,
            "review": sorted(set(review)),
        }
        self.records.append(record)


def _shares_a_charge(arrests: list[Event], records: list[dict[str, Any]]) -> bool:
    offenses = {r["offense"] for r in records}
    for event in arrests:
        for count in event.counts:
            charge = read_charge(
                [t for _, k, t in count.lines if k in ("CHARGE", "COMMENT")]
            )
            if charge and charge.offense in offenses:
                return True
    return not records


def _where(
    event: Event | None, arrest: Event | None, review: list[str]
) -> tuple[str, str | None]:
    """(system, county): the court's, or for an arrest only, the agency's."""
    place = event or arrest
    agency = place.agency if place else ""
    state = places.state_of(agency)
    system = {"CA": "california", "US": "federal", None: "california"}.get(
        state, "other_state"
    )
    county, county_sure = (
        places.place_county(agency) if system == "california" else (None, True)
    )
    if system == "california" and (county is None or not county_sure):
        review.append("county")
    if event is not None and not event.agency_sure:
        review.append("court")
    if arrest is not None and not arrest.agency_sure:
        review.append("arresting_agency")
    if state is None:
        review.append("system")
    return system, county


def _case_number(count: Count) -> str | None:
    match = re.search(r"#\s*(\S+)", count.cnt_line)
    if match:
        return _clean_case_number(match.group(1))
    for _, kind, text in count.lines[1:3]:
        if kind == "CASE_NO":
            found = re.search(r"#\s*(\S+)", text)
            if found:
                return _clean_case_number(found.group(1))
    return None


# What a scan makes of a C or an I in a case number.
_CASE_SLIPS = str.maketrans({"(": "C", "{": "C", "[": "C", "|": "I", "!": "I"})


def _clean_case_number(raw: str) -> str:
    return raw.strip(".,:;").translate(_CASE_SLIPS)


def case_number_odd(raw_line: str) -> bool:
    """A case number a scan may have misread: marked for review.

    Odd characters, or a lone digit before letters ("5R178465" for
    "SR178465": a scan reads S as 5, B as 8, O as 0).
    """
    match = re.search(r"#\s*(\S+)", raw_line)
    if not match:
        return False
    value = match.group(1)
    return bool(
        re.search(r"[^A-Za-z0-9\-.,:;]", value)
        or re.match(r"^[0-9][A-Za-z]+[0-9]", value)
    )


def _count_toc(count: Count) -> str | None:
    """The count's type of charge, on its own line or after the charge."""
    for _, kind, text in count.lines:
        if kind in ("TOC", "CHARGE", "CNT"):
            found = read_toc(text)
            if found:
                return found
    return None


def _catalog_levels(code: str | None) -> list[str]:
    if not code:
        return []
    parsed = parse_offense(code)
    if parsed.offense is None:
        return []
    return list(parsed.offense.levels)
