"""Read a RAP sheet: bytes -> the JSON the command prints and the upload shows.

One function (``read_sheet``) so the command and the upload page can never
read the same sheet two ways.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from rapsheet.extract import ExtractError, extract
from rapsheet.parser import SheetError, parse_text


class ReadError(Exception):
    """The file could not be read; ``str()`` is a kind message without content."""


def read_sheet(
    data: bytes,
    *,
    as_of: date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, Any]:
    """``{"person", "records", "warnings", "pages", "ocr"}`` for a PDF's bytes."""
    try:
        extracted = extract(data, progress=progress)
        built = parse_text(extracted.text, as_of=as_of)
    except (ExtractError, SheetError) as error:
        raise ReadError(str(error)) from None
    warnings = list(built.warnings)
    if extracted.ocr:
        warnings.insert(
            0,
            "This sheet was read from an image (OCR): check every count against "
            "the paper before confirming.",
        )
    if not built.records:
        warnings.append("No counts were found on this sheet.")
    return {
        "person": built.person,
        "records": built.records,
        "warnings": warnings,
        "pages": extracted.pages,
        "ocr": extracted.ocr,
    }
