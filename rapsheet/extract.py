"""A PDF's bytes -> its text: poppler for text PDFs, Tesseract for scans.

Privacy: the PDF never touches the disk unencrypted. Every tool reads its
input on standard input and writes its output on standard output
(``pdfinfo -``, ``pdftotext - -``, ``pdftoppm ... -``, ``tesseract stdin
stdout``), so the bytes live only in this process's memory and the pipes.
That is also why Tesseract is driven directly rather than through
pytesseract, which writes each page image to a temporary file.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass

MAX_BYTES = 20 * 1024 * 1024
MAX_PAGES = 40
# A page with fewer characters than this is taken for an image (a scan).
MIN_TEXT_PER_PAGE = 40
OCR_DPI = 300
TIMEOUT = 120


class ExtractError(Exception):
    """The file cannot be read; the message is safe to show and to log."""


@dataclass
class Extracted:
    text: str
    pages: int
    ocr: bool


# Pages are read in parallel, one Tesseract thread each: on two cores this
# is faster than one page at a time with Tesseract's own threads.
OCR_WORKERS = max(1, min(4, os.cpu_count() or 1))
_OCR_ENV = {**os.environ, "OMP_THREAD_LIMIT": "1"}


def _run(
    args: list[str],
    data: bytes,
    timeout: int = TIMEOUT,
    env: dict[str, str] | None = None,
) -> bytes:
    try:
        done = subprocess.run(  # noqa: S603 - fixed argument lists, no shell
            args,
            input=data,
            capture_output=True,
            timeout=timeout,
            check=False,
            env=env,
        )
    except FileNotFoundError:
        raise ExtractError(f"The program {args[0]} is not installed.") from None
    except subprocess.TimeoutExpired:
        raise ExtractError("Reading the file took too long.") from None
    if done.returncode != 0:
        raise ExtractError("The file is not a PDF this app can read.")
    return done.stdout


def page_count(data: bytes) -> int:
    if not data.startswith(b"%PDF"):
        raise ExtractError("The file is not a PDF.")
    info = _run(["pdfinfo", "-"], data).decode("utf-8", "replace")
    match = re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE)
    if not match:
        raise ExtractError("The file is not a PDF this app can read.")
    return int(match.group(1))


def check_limits(data: bytes) -> int:
    """The page count, or ExtractError when the file is too big or not a PDF."""
    if len(data) > MAX_BYTES:
        raise ExtractError(
            f"The file is larger than {MAX_BYTES // (1024 * 1024)} MB. "
            "Scan it at a lower resolution, or split it."
        )
    pages = page_count(data)
    if pages > MAX_PAGES:
        raise ExtractError(
            f"The file has {pages} pages; at most {MAX_PAGES} can be read at once. "
            "Split it and upload the parts."
        )
    if pages == 0:
        raise ExtractError("The PDF has no pages.")
    return pages


def pdf_text(data: bytes) -> str:
    return _run(["pdftotext", "-layout", "-enc", "UTF-8", "-", "-"], data).decode(
        "utf-8", "replace"
    )


def ocr_page(data: bytes, page: int) -> str:
    """One page rendered to grey PNG, read by Tesseract; all through pipes."""
    image = _run(
        [
            "pdftoppm", "-r", str(OCR_DPI), "-gray", "-png",
            "-f", str(page), "-l", str(page), "-singlefile", "-",
        ],
        data,
    )  # fmt: skip
    return ocr_image(image)


def ocr_image(image: bytes) -> str:
    # --psm 4: a single column of text of variable sizes (a print-out);
    # preserve_interword_spaces keeps the columns apart.
    text = _run(
        [
            "tesseract", "stdin", "stdout", "-l", "eng", "--psm", "4",
            "-c", "preserve_interword_spaces=1",
        ],
        image,
        env=_OCR_ENV,
    )  # fmt: skip
    return text.decode("utf-8", "replace")


def extract(
    data: bytes,
    *,
    progress: Callable[[int, int], None] | None = None,
    force_ocr: bool = False,
) -> Extracted:
    """The text of a PDF; pages without a text layer go through OCR."""
    pages = check_limits(data)
    text = "" if force_ocr else pdf_text(data)
    page_texts = text.split("\f")
    if not force_ocr and len(text.strip()) >= MIN_TEXT_PER_PAGE * pages:
        return Extracted(text=text, pages=pages, ocr=False)

    def read(page: int) -> str:
        existing = page_texts[page - 1] if page - 1 < len(page_texts) else ""
        if not force_ocr and len(existing.strip()) >= MIN_TEXT_PER_PAGE:
            return existing
        return ocr_page(data, page)

    out: list[str] = [""] * pages
    # Progress is reported from this thread (it writes to the database).
    with ThreadPoolExecutor(max_workers=OCR_WORKERS) as pool:
        futures = {pool.submit(read, page): page for page in range(1, pages + 1)}
        for done, future in enumerate(as_completed(futures), start=1):
            out[futures[future] - 1] = future.result()
            if progress:
                progress(done, pages)
    return Extracted(text="\f".join(out), pages=pages, ocr=True)
