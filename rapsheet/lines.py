"""The lexer: each line of a RAP sheet gets a kind, the grammar's terminals.

Why a line lexer: the sheet is a line-oriented print-out (a teletype
format), so the smallest unit that carries meaning is a line. Each kind is
one pattern below, tried in order; the grammar (``grammar.lark``) then says
how kinds follow each other. Patterns forgive what scanning does to text: a
colon read as a semicolon, the letter O for a zero in a number, stray dots
and stars in the margin.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from lark import Token
from lark.lexer import Lexer

# Leading noise a scan or the print-out puts before a tag: spaces, dots,
# stars, dashes, bullets.
_LEAD = r"^[\s.*·•'\-~`_\"|,‘’]*"
_COLON = r"\s*[:;]"
_DIGIT = "[0-9OoIl]"

# (kind, pattern) in the order they are tried; the first match wins.
KINDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern))
    for kind, pattern in (
        ("END", _LEAD + r"END\s+OF\s+MESSAGE"),
        # Four stars; a scan may read some as K or x, never all of them.
        ("CYCLE_SEP", r"^\s*\*(?:[\s.,·]*[*kKxX+#]){2,}[\s.,·]*$"),
        ("EVENT_SEP", r"^\s*(?:-\s*){3,}$"),
        ("COURT_HDR", _LEAD + r"C[O0]URT" + _COLON),
        ("SUPP_ARREST_HDR", _LEAD + r"SUPPLEMENTAL\s+ARR" + _COLON),
        ("ARREST_HDR", _LEAD + r"ARR\s*[/|]\s*DET\s*[/|]\s*CITE" + _COLON),
        ("CUSTODY_HDR", _LEAD + r"CUST[O0]DY" + _COLON),
        ("APPLICANT_HDR", _LEAD + r"APPLICANT" + _COLON),
        ("REGISTRATION_HDR", _LEAD + r"REGISTRATI[O0]N" + _COLON),
        ("PROBATION_HDR", _LEAD + r"PR[O0]BATI[O0]N" + _COLON),
        ("CII", _LEAD + r"CII\s*/"),
        ("DOB", _LEAD + r"D[O0]B\s*/"),
        ("NAM_ROOT", _LEAD + r"NAM\s*/"),
        ("NAM_REF", _LEAD + r"NAM" + _COLON + r"\s*" + _DIGIT + r"{2,3}\b"),
        ("CNT", _LEAD + r"CNT" + _COLON),
        ("DISPO", _LEAD + r"D\s*I\s*S\s*P\s*[O0]" + _COLON),
        ("CONV_STATUS", _LEAD + r"C[O0]NV\s*STATUS" + _COLON),
        ("SEN", _LEAD + r"SEN" + _COLON),
        ("TOC", _LEAD + r"T[O0]C" + _COLON + r"\s*[MFIN]\b"),
        ("COMMENT", _LEAD + r"(?:C[O0]M|DCN|ARR\s+BY|WARRANT)\b"),
        ("CASE_NO", _LEAD + r"#\s*\S"),
        ("DATE", _LEAD + _DIGIT + r"{8}(?![0-9A-Za-z])"),
        # "496 PC-RECEIVE/ETC", "11377(A) HS-POSSESS", "664/211 PC-ATTEMPTED",
        # "SEE COMMENT FOR CHARGE"; a section starts with a digit.
        (
            "CHARGE",
            _LEAD + r"(?:[0-9][0-9A-Za-z().,/]*\s*-?\s*[0-9A-Za-z().,/]*\s+"
            r"(?:PC|HS|VC|BP|WI|FG|HN|RT|GC|UI|CC|ED|PR|LC|MV|US|USC)\s*[-–—]"
            r"|(?:PC|HS|VC|BP|WI|FG|HN|RT|GC)\s+[0-9][0-9A-Za-z().,/]*\s*[-–—]"
            r"|SEE\.?\s+COMMENT\s+FOR\s+CHARGE)",
        ),
    )
)
# A header of a kind this reader does not know ("DEPORTED:", "CITATION:"),
# seen only right after a star or dash line: its counts must not be added
# to the event above it.
UNKNOWN_HEADER = re.compile(
    r"^\s*[A-Z][A-Z /&.-]{2,30}\s*[:;]\s*(?:[A-Z]+\s*)?(?:NAM\s*[:;]\s*\S{2,3})?\s*$"
)

# The further names after NAM/01: "    02 LAST, FIRST" (a scan may lose the
# indent or read the number badly); only right after a name line.
NAM_MORE = re.compile(r"^\s*\S{2,3}\s+[A-Z][A-Z' .\-]*,")


def kind_of(line: str) -> str:
    """The kind of one line; OTHER when no pattern knows it."""
    for kind, pattern in KINDS:
        if pattern.search(line):
            return kind
    return "OTHER"


class LineLexer(Lexer):
    """Feeds Lark one token per non-blank line; the token keeps its line number."""

    def __init__(self, lexer_conf: Any) -> None:
        pass

    def lex(self, data: Any, parser_state: Any = None) -> Iterator[Token]:
        lines: list[str] = data
        previous = ""
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            kind = kind_of(line)
            if (
                kind == "OTHER"
                and previous in ("NAM_ROOT", "NAM_MORE")
                and NAM_MORE.search(line)
            ):
                kind = "NAM_MORE"
            elif (
                kind == "OTHER"
                and previous in ("CYCLE_SEP", "EVENT_SEP")
                and UNKNOWN_HEADER.search(line)
            ):
                kind = "UNKNOWN_HDR"
            previous = kind
            yield Token(kind, line, line=number, column=1)
