"""Sources someone uploaded reach the deck as plain text: no link to click, no typography.

python-pptx writes text runs without hyperlinks, LibreOffice's PDF has no link annotation
for them, and PowerPoint autolinks only while someone types, not in presentation mode.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

import pytest

from impact import deck, store
from impact.deck import pdf

SOURCE = "Disperindag -- rekap https://contoh.example/unduh?x=1 www.contoh.example"


@pytest.fixture(scope="module")
def pptx_with_urls(tmp_path_factory) -> bytes:
    db = store.ensure_database(tmp_path_factory.mktemp("deck-urls") / "batik.duckdb")
    with store.connect(db) as con:
        con.execute("UPDATE observation SET source = ?", [SOURCE])
    options = deck.DeckOptions(title="Uji", date=dt.date(2024, 5, 14), agency="Bappeda", lang="id")
    return deck.write_pptx(deck.build_slides(db, options), options)


def test_slide_text_holds_the_source_as_typed_without_hyperlinks(pptx_with_urls) -> None:
    with zipfile.ZipFile(io.BytesIO(pptx_with_urls)) as z:
        slides = [z.read(n).decode() for n in z.namelist() if re.match(r"ppt/slides/.*\.xml$", n)]
        rels = [z.read(n).decode() for n in z.namelist() if n.endswith(".xml.rels")]
    assert any("Disperindag -- rekap https://contoh.example" in s for s in slides)
    assert not any("hlinkClick" in s or "hlinkHover" in s for s in slides)
    assert not any("relationships/hyperlink" in r for r in rels)


@pytest.mark.skipif(pdf.libreoffice() is None, reason="LibreOffice is not installed")
def test_the_pdf_has_no_link_annotations(pptx_with_urls) -> None:
    data = pdf.pptx_to_pdf(pptx_with_urls)
    assert b"/URI" not in data and b"/Link" not in data
