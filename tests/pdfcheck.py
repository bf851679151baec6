"""Checks of a generated PDF with poppler (pdftotext), shared by the brief's pure tests and its
browser test: the page's words and their boxes, words outside the margins, words laid out
that the PDF does not give back (clipped, or drawn without a glyph)."""

from __future__ import annotations

import re
import subprocess
from html.parser import HTMLParser
from typing import Protocol

from impact.deck.brief import MARGIN, PAGE


class Laid(Protocol):
    pdf: bytes
    texts: tuple[str, ...]


def text_of(pdf: bytes) -> str:
    """The page's text as poppler reads it, lines joined (words wrap anywhere in a cell)."""
    out = subprocess.run(
        ["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode("utf-8")
    return re.sub(r"\s+", " ", out)


class _Words(HTMLParser):
    """Words and their boxes from `pdftotext -bbox` (its XHTML)."""

    def __init__(self) -> None:
        super().__init__()
        self.words: list[tuple[str, float, float, float, float]] = []
        self._box: tuple[float, ...] | None = None

    def handle_starttag(self, tag, attrs) -> None:
        if tag == "word":
            a = dict(attrs)
            self._box = tuple(float(a[k]) for k in ("xmin", "ymin", "xmax", "ymax"))

    def handle_data(self, data) -> None:
        if self._box is not None:
            self.words.append((data, *self._box))
            self._box = None


def _words(pdf: bytes) -> list[tuple[str, float, float, float, float]]:
    out = subprocess.run(
        ["pdftotext", "-bbox", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode("utf-8")
    parser = _Words()
    parser.feed(out)
    return parser.words


def outside(pdf: bytes) -> list[str]:
    """Words drawn beyond the margins (cut off by a printer, or off the page)."""
    width, height = PAGE
    slack = 1.0  # pt: glyph boxes round
    return [
        word
        for word, x0, y0, x1, y1 in _words(pdf)
        if x0 < MARGIN - slack
        or y0 < MARGIN - slack
        or x1 > width - MARGIN + slack
        or y1 > height - MARGIN + slack
    ]


def lost(brief: Laid) -> list[str]:
    """Words laid out that the PDF does not give back (clipped, or drawn without a glyph)."""
    drawn = set(text_of(brief.pdf).split())
    laid = {w for text in brief.texts for w in text.split()}
    return sorted(laid - drawn)
