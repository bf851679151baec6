"""The deck's women-and-men slide: the equity page's figures when records have the owner's
gender, else the section named as left out with what would fill it."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from pptx import Presentation

from impact import deck, equity, i18n
from impact.figures import equity as equity_figures
from tests.synthetic_data import load_synthetic


def _options(lang: str = "id", **changes) -> deck.DeckOptions:
    """The practice pack: the synthetic records are illustrative, so only a pack that asks for
    illustrative figures shows them (the default pack leaves them out, tested below)."""
    changes = {"illustrative": True} | changes
    return deck.DeckOptions(
        title=i18n.t("deck.default_title", lang), date=dt.date(2026, 3, 2), lang=lang, **changes
    )


@pytest.fixture(scope="module")
def gender_db(tmp_path_factory) -> Path:
    from impact import store

    path = store.ensure_database(tmp_path_factory.mktemp("deck_gender") / "batik.duckdb")
    load_synthetic(path, enterprises=120, seed=5)
    return path


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_slide_shows_the_pages_figures_with_n_and_the_not_recorded(gender_db, lang) -> None:
    options = _options(lang, sections=("gender",))
    slides, omitted = deck.build(gender_db, options)
    assert omitted == ()
    (slide,) = [s for s in slides if s.section == "gender"]
    frame = equity.by_gender(gender_db, 2021, 2023)
    sources = equity_figures.record_sources(equity.mean_income_by_year(gender_db), 2021, 2023)
    grown, joined = equity_figures.gender_figures(frame, sources, 2021, 2023, lang)
    assert (slide.title, slide.finding) == (grown.title, joined.title)  # the page's own words
    page_table = grown.table.drop(columns=i18n.t("eq.n", lang))  # n is in each group's cell
    assert slide.table.columns == tuple(page_table.columns)
    assert [r.cells for r in slide.table.rows] == [
        tuple(str(v) for v in row) for row in page_table.values.tolist()
    ]
    assert len(slide.table.widths) == len(slide.table.columns)
    assert sum(slide.table.widths) == pytest.approx(1)
    first = [r.cells[0] for r in slide.table.rows]
    women, men, unknown = ("Perempuan", "Laki-laki", "Tidak dicatat") if lang == "id" else (
        "Women", "Men", "Not recorded"
    )  # fmt: skip
    assert [c.split(" (n")[0] for c in first] == [women, men, unknown]
    # small groups withheld by the one threshold (their n not given), the others not
    assert ["(n < 30)" in c for c in first] == (frame["n"] < equity.SMALL_GROUP).tolist()
    assert any("(n < 30)" in c for c in first) and not all("(n < 30)" in c for c in first)
    assert slide.title.endswith("(ilustratif)" if lang == "id" else "(illustrative)")
    assert slide.statuses == ("illustrative",)
    footnote = " ".join(slide.footnote)
    n_unknown = int(frame.loc[frame["group"] == "not_recorded", "n"].iloc[0])
    assert equity_figures.gender_note(frame, lang) in footnote and str(n_unknown) in footnote
    assert "sintetis" in footnote.lower()  # the records' source is named
    text = _pptx_text(deck.write_pptx(slides, options))
    assert grown.title in text
    assert ("Ikut program" if lang == "id" else "Joined a program") in text


def _pptx_text(data: bytes) -> str:
    parts = []
    for slide in Presentation(io.BytesIO(data)).slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                parts.append(shape.text_frame.text)
            if shape.has_table:
                parts += [c.text_frame.text for row in shape.table.rows for c in row.cells]
    return "\n".join(parts)


def test_records_without_gender_leave_the_section_out_and_say_what_fills_it(tmp_path) -> None:
    from impact import store

    path = store.ensure_database(tmp_path / "batik.duckdb")
    load_synthetic(path, enterprises=40, seed=5, gender=False)
    options = _options("id")
    slides, omitted = deck.build(path, options)
    assert "gender" in omitted
    assert not [s for s in slides if s.section == "gender"]
    text = deck.omitted_text(omitted, options, "Blitar")
    assert (
        "Perempuan dan laki-laki (perlu catatan per unit usaha 2021 dan 2023 dengan kolom "
        "jenis_kelamin_pemilik terisi)" in text
    )
    english = deck.omitted_text(omitted, _options("en"), "Blitar")
    assert "Women and men (needs enterprise records for 2021 and 2023 with the owner's" in english


def test_the_default_pack_leaves_illustrative_records_out(gender_db) -> None:
    slides, omitted = deck.build(gender_db, _options(sections=("gender",), illustrative=False))
    assert omitted == ("gender",)
    assert not [s for s in slides if s.section == "gender"]
    listed = [r.cells[0] for s in slides if s.section == "collecting" for r in s.table.rows]
    assert "Perempuan dan laki-laki" in listed


def test_a_region_without_records_leaves_it_out_too(gender_db) -> None:
    _, omitted = deck.build(gender_db, _options(region="jatim", sections=("gender",)))
    assert omitted == ("gender",)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_no_header_word_is_broken_across_lines(gender_db, lang) -> None:
    from impact.deck import layout

    (slide,) = [
        s for s in deck.build_slides(gender_db, _options(lang, sections=("gender",)))
        if s.section == "gender"
    ]  # fmt: skip
    widths = layout._table_col_widths(slide.table, layout.CONTENT_W)
    for header, width in zip(slide.table.columns, widths, strict=True):
        for word in header.split(" "):
            needed = layout.text_width(word, layout.BODY_SIZE, True) + 2 * layout.CELL_PAD_X
            assert needed <= width, (header, word, needed, width)
