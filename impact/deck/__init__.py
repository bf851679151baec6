"""The DPRD hearing deck: the dashboard's findings as slides, a 16:9 PPTX and its PDF.

* :mod:`~impact.deck.model`: the options a planner sets and what a slide holds;
* :mod:`~impact.deck.content`: what the slides say (:func:`build_slides`);
* :mod:`~impact.deck.layout`: where text goes on a 16:9 slide, and where a slide is split;
* :mod:`~impact.deck.powerpoint` and :mod:`~impact.deck.pdf`: the files;
* :mod:`~impact.deck.brief`: the one-page A4 brief (ringkasan eksekutif) from the same figures.

The presentation mode shows the same :class:`Slide` list that the PPTX is written from.
"""

from __future__ import annotations

from pathlib import Path

from impact.deck import brief as _brief
from impact.deck import pdf as _pdf
from impact.deck import powerpoint as _powerpoint
from impact.deck.content import (
    available_years,
    build,
    build_slides,
    omitted_text,
    readiness_text,
)
from impact.deck.model import (
    DEFAULT_REGION,
    MAX_PARAM_CHARS,
    PARAMS,
    SECTIONS,
    Block,
    Card,
    DeckError,
    DeckOptions,
    InvalidOptionsError,
    PdfConversionError,
    PdfUnavailableError,
    Slide,
    Table,
    TableRow,
    brief_file_name,
    file_name,
    format_hearing_date,
    options_from_params,
    options_to_params,
    params_after_upload,
    slide_index,
)

__all__ = [
    "DEFAULT_REGION",
    "MAX_PARAM_CHARS",
    "PARAMS",
    "SECTIONS",
    "Block",
    "Card",
    "DeckError",
    "DeckOptions",
    "InvalidOptionsError",
    "PdfConversionError",
    "PdfUnavailableError",
    "Slide",
    "Table",
    "TableRow",
    "available_years",
    "brief_file_name",
    "build",
    "build_brief",
    "build_pdf",
    "build_pptx",
    "build_slides",
    "file_name",
    "format_hearing_date",
    "omitted_text",
    "readiness_text",
    "options_from_params",
    "options_to_params",
    "params_after_upload",
    "pdf_available",
    "slide_index",
    "write_pptx",
]


def write_pptx(slides: list[Slide], options: DeckOptions) -> bytes:
    """The slides as PPTX bytes (16:9, speaker notes included)."""
    return _powerpoint.write_pptx(slides, options)


def build_pptx(path: Path | str, options: DeckOptions) -> bytes:
    """The deck as PPTX bytes (16:9)."""
    return write_pptx(build_slides(path, options), options)


def build_pdf(pptx: bytes) -> bytes:
    """The PDF of a PPTX (LibreOffice). Raises PdfUnavailableError when LibreOffice is not
    installed and PdfConversionError when it fails."""
    return _pdf.pptx_to_pdf(pptx)


def pdf_available() -> bool:
    """Whether LibreOffice is installed, so a PDF can be made."""
    return _pdf.libreoffice() is not None


def build_brief(path: Path | str, options: DeckOptions) -> bytes:
    """The one-page brief (ringkasan eksekutif) as A4 PDF bytes; no LibreOffice needed."""
    return _brief.build_brief(path, options).pdf
