"""An editable Word twin of the whole packet.

Attorneys adjust the papers before filing, so every paper, and the "Before
you file" sheet, is also offered as a DOCX. To keep the two formats saying
the same thing, the DOCX is not written from a second copy of the legal
text: it is converted from the very HTML the PDF is rendered from (our own
templates, a small known set of elements, already stripped of characters
XML cannot hold), so a wording change in a template reaches both files.
Blanks to complete are highlighted in both.

Word has no fixed 28-line grid; the twin uses exact 24 pt double spacing,
Word's own line numbering restarting on each page, the same margins, and a
footer with the page number and the paper's title.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import TYPE_CHECKING

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph

if TYPE_CHECKING:
    from docx.document import Document as WordDocument
    from docx.section import Section

    # What paragraphs and tables are added to: the document body or a cell.
    Container = WordDocument | _Cell

from petitions.packet import Packet
from petitions.render import packet_render_html, sheet_render_html

FONT = "Times New Roman"  # rule 2.105: Times, Courier or Arial equivalent
VOID = {"br", "img", "meta", "link", "col", "hr", "input"}


@dataclass
class Node:
    """One element of our own template HTML."""

    tag: str
    attrs: dict[str, str]
    children: list[Node | str] = field(default_factory=list)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def text(self) -> str:
        parts = [c if isinstance(c, str) else c.text() for c in self.children]
        return " ".join("".join(parts).split())


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(html: str) -> Node:
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


def _runs(
    paragraph: Paragraph, node: Node, *, bold: bool = False, blank: bool = False
) -> None:
    """Add a node's text as runs, bold where the PDF is bold, blanks highlighted.

    Whitespace is collapsed the way a browser does, so the Word text reads
    exactly like the PDF.
    """
    for child in node.children:
        if isinstance(child, Node):
            strong = bold or bool(child.classes & {"review", "verify"})
            marked = blank or (child.tag == "mark" and "blank" in child.classes)
            _runs(paragraph, child, bold=strong, blank=marked)
            continue
        text = re.sub(r"\s+", " ", child)
        if not paragraph.text or paragraph.text.endswith(" "):
            text = text.lstrip()
        if text:
            run = paragraph.add_run(text)
            run.bold = bold or None
            if blank:
                run.font.highlight_color = WD_COLOR_INDEX.YELLOW


def _finish(paragraph: Paragraph) -> None:
    """Drop the trailing space a final text node leaves behind."""
    if paragraph.runs:
        paragraph.runs[-1].text = paragraph.runs[-1].text.rstrip()


def _format(paragraph: Paragraph, *, single: bool = False) -> None:
    fmt = paragraph.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.line_spacing = Pt(12 if single else 24)


class _Writer:
    """Walks the template HTML and writes the matching Word paragraphs."""

    def __init__(self) -> None:
        self.document = Document()
        style = self.document.styles["Normal"]
        style.font.name = FONT
        style.font.size = Pt(12)
        self.first_paper = True
        self.para_number = 0
        self.pleading = True

    def paper(self, node: Node, *, pleading: bool = True) -> None:
        if self.first_paper:
            section = self.document.sections[0]
            self.first_paper = False
        else:
            section = self.document.add_section(WD_SECTION.NEW_PAGE)
        _pleading_section(section, node.attrs.get("data-footer", ""), pleading)
        self.para_number = 0
        self.pleading = pleading
        self.blocks(node, self.document)

    def blocks(self, node: Node, container: Container) -> None:
        for child in node.children:
            if isinstance(child, Node):
                self.block(child, container)

    def block(self, node: Node, container: Container) -> None:  # noqa: C901
        classes = node.classes
        if node.attrs.get("aria-hidden") == "true":
            return
        if node.tag == "section" and "paper" in classes:
            self.paper(node)
        elif node.tag == "section" and "sheet" in classes:
            self.paper(node, pleading=False)
        elif node.tag == "table":
            self.table(node, container)
        elif "requests" in classes:
            for number, item in enumerate(
                (c for c in node.children if isinstance(c, Node)), start=1
            ):
                mark = (
                    f"({chr(ord('a') + number - 1)}) "
                    if "lettered" in classes
                    else f"{number}. "
                )
                paragraph = self.paragraph(container, mark)
                paragraph.paragraph_format.left_indent = Inches(0.5)
                _runs(paragraph, item)
                _finish(paragraph)
        elif node.tag in ("p", "h1", "h2", "h3"):
            self.text_block(node, container)
        elif "blank-line" in classes:
            self.paragraph(container, "")
        elif "party" in classes:
            for child in node.children:
                if isinstance(child, Node):
                    paragraph = self.paragraph(container, "", single=True)
                    _runs(paragraph, child)
                    _finish(paragraph)
            self.paragraph(container, "")
        else:
            self.blocks(node, container)

    def paragraph(
        self, container: Container, text: str, *, single: bool = False
    ) -> Paragraph:
        paragraph = container.add_paragraph(text)
        _format(paragraph, single=single)
        return paragraph

    def text_block(self, node: Node, container: Container) -> None:
        classes = node.classes
        prefix = ""
        if "para" in classes:
            self.para_number += 1
            prefix = f"{self.para_number}. "
        paragraph = self.paragraph(container, prefix)
        fmt = paragraph.paragraph_format
        if node.tag in ("h1", "h2") or "court-title" in classes:
            # As the CSS does: pleading h1 and court titles centred and in
            # capitals, pleading h2 centred; the sheet's headings as written.
            upper = self.pleading and (node.tag == "h1" or "court-title" in classes)
            if self.pleading:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = paragraph.add_run(node.text().upper() if upper else node.text())
            run.bold = True
            return
        if "point" in classes:
            paragraph.add_run("\u2022  ")
        if "numbered" in classes:
            fmt.first_line_indent = Inches(0.5)
        if classes & {"said", "indent"}:
            fmt.left_indent = Inches(0.5)
        if "signature" in classes:
            fmt.left_indent = Inches(3)
        if "said" in classes:  # the petitioner's own words keep their lines
            self.said(paragraph, node)
            return
        bold = node.tag == "h3" or bool(classes & {"verify", "paper-title"})
        _runs(paragraph, node, bold=bold)
        _finish(paragraph)

    @staticmethod
    def said(paragraph: Paragraph, node: Node) -> None:
        """The petitioner's words line by line; a blank stays highlighted."""
        for child in node.children:
            blank = isinstance(child, Node)
            text = child.text() if isinstance(child, Node) else child
            lines = text.split("\n")
            for number, line in enumerate(lines):
                run = paragraph.add_run(
                    line.rstrip() if number < len(lines) - 1 else line
                )
                if blank:
                    run.font.highlight_color = WD_COLOR_INDEX.YELLOW
                if number < len(lines) - 1:
                    run.add_break()

    def table(self, node: Node, container: Container) -> None:
        rows = [n for n in _descendants(node) if n.tag == "tr"]
        if not rows:
            return
        width = max(len([c for c in r.children if isinstance(c, Node)]) for r in rows)
        table = container.add_table(rows=0, cols=width)
        for row in rows:
            cells = table.add_row().cells
            for cell, source in zip(
                cells, (c for c in row.children if isinstance(c, Node)), strict=False
            ):
                self.cell(cell, source)

    def cell(self, cell: _Cell, source: Node) -> None:
        cell.paragraphs[0]._element.getparent().remove(cell.paragraphs[0]._element)
        blocks = [c for c in source.children if isinstance(c, Node) and c.tag == "p"]
        if not blocks:
            paragraph = self.paragraph(cell, "")
            _runs(paragraph, source, bold=source.tag == "th")
            _finish(paragraph)
            return
        for block in blocks:
            self.text_block(block, cell)


def _descendants(node: Node) -> list[Node]:
    found = []
    for child in node.children:
        if isinstance(child, Node):
            found.append(child)
            found.extend(_descendants(child))
    return found


def _pleading_section(section: Section, footer_title: str, pleading: bool) -> None:
    """Letter paper, pleading margins, line numbers, rule 2.110 footer.

    The "Before you file" sheet is not a court paper: plain margins and no
    line numbers, but the footer saying it is not part of the filing.
    """
    section.page_width, section.page_height = Inches(8.5), Inches(11)
    if pleading:
        section.left_margin, section.right_margin = Inches(1.5), Inches(0.5)
        section.top_margin, section.bottom_margin = Inches(1), Inches(0.75)
        numbering = OxmlElement("w:lnNumType")
        numbering.set(qn("w:countBy"), "1")
        numbering.set(qn("w:restart"), "newPage")
        numbering.set(qn("w:distance"), str(int(Inches(0.3).twips)))
        section._sectPr.append(numbering)
    else:
        section.left_margin = section.right_margin = Inches(0.75)
        section.top_margin = section.bottom_margin = Inches(0.75)
    footer = section.footer
    footer.is_linked_to_previous = False
    number = footer.paragraphs[0]
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_field(number)
    title = footer.add_paragraph(footer_title)
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for run in title.runs:
        run.font.size = Pt(10)
    _top_border(title)


def _page_field(paragraph: Paragraph) -> None:
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


def _top_border(paragraph: Paragraph) -> None:
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    for key, value in (
        ("val", "single"),
        ("sz", "6"),
        ("space", "1"),
        ("color", "000000"),
    ):
        top.set(qn(f"w:{key}"), value)
    borders.append(top)
    paragraph._p.get_or_add_pPr().append(borders)


def petition_render_docx(*, packet: Packet) -> bytes:
    """The sheet and every paper for every county, as an editable DOCX."""
    writer = _Writer()
    for html in (sheet_render_html(packet=packet), packet_render_html(packet=packet)):
        writer.blocks(parse(html), writer.document)
    writer.document.core_properties.title = "Document"
    writer.document.core_properties.author = ""
    writer.document.core_properties.last_modified_by = ""
    writer.document.core_properties.comments = ""
    buffer = io.BytesIO()
    writer.document.save(buffer)
    return buffer.getvalue()
