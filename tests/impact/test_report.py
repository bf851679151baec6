"""The DPRD hearing deck: the dashboard's own figures on 16:9 slides that re-open, legible
type, status marks, speaker notes with sources, no text past its box, and the PDF.

Type sizes: body text 18 pt or more everywhere; footnotes (the shapes named 'footnote…':
sources, reading notes, page number) are the one exception, at 12 pt or more.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from PIL import ImageFont
from pptx import Presentation
from pptx.util import Pt

from impact import deck, growth, i18n, indicators, store
from impact.deck import layout, pdf
from impact.figures import figure

DATE = dt.date(2024, 5, 14)
STUDY_SOURCE = "Dinas Perindustrian dan Perdagangan Blitar (2023)"
FONTS = Path("/usr/share/fonts/truetype/liberation")
TITLES = {
    "id": [
        "Dampak Kolaborasi pada Industri Batik Blitar",
        "Temuan studi 2021–2023: pendapatan pelaku batik naik 50–70%, daya saing naik 30 poin "
        "persen",
        "Pendapatan pelaku batik naik 50–70% dari 2021 ke 2023",
        "Daya saing produk naik 30 poin persen, dari 55% ke 85%",
        "Tenaga kerja industri batik naik 29,2% dari 2021 ke 2023 (ilustratif)",
        "Rata-rata pendapatan usaha batik per bulan, 2021–2023: Kota Blitar +55,9%; Kabupaten "
        "Blitar +62,5% (ilustratif)",
        "Tenaga kerja industri batik, 2021–2023: Kota Blitar +30,6%; Kabupaten Blitar +28,3% "
        "(ilustratif)",
        "Yang menahan dampak: empat kategori hambatan",
        "Pandangan paling berbeda soal hasil sementara: Pemerintah daerah 4, Pelaku usaha 2 "
        "(ilustratif)",
        "Anggaran program −10,7% dari 2021 ke 2023 (ilustratif)",
        "Keluaran: 3 dari 5 jenis program naik, anggaran −10,7%; hasil: pendapatan +50–70% "
        "(ilustratif)",
        "Capaian target: 1 dari 3 target tercapai, 1 sebagian tercapai (ilustratif)",
        "Pertumbuhan tenaga kerja ekonomi kreatif per subsektor, Kota Blitar 2021–2023: Film "
        "tercepat (+83,3%) (ilustratif)",
        "Empat rekomendasi dari bukti: sinergi, kesinambungan, anggaran, evaluasi hasil",
        "Sumber data: 5 sumber; setiap angka bertanda status",
        "Cara menghitung: poin persen untuk skor, rentang dibawa utuh, riil dengan IHK BPS",
        "Data yang masih dikumpulkan",
    ],
    "en": [
        "The Impact of Collaboration on Blitar's Batik Industry",
        "The study's finding 2021–2023: batik entrepreneurs' income rose 50–70%, competitiveness "
        "rose 30 percentage points",
        "Batik entrepreneurs' income rose 50–70% from 2021 to 2023",
        "Product competitiveness rose 30 percentage points, from 55% to 85%",
        "Batik industry workers rose 29.2% from 2021 to 2023 (illustrative)",
        "Average monthly income per batik enterprise, 2021–2023: Blitar City +55.9%; Blitar "
        "Regency +62.5% (illustrative)",
        "Batik industry workers, 2021–2023: Blitar City +30.6%; Blitar Regency +28.3% "
        "(illustrative)",
        "What holds the impact back: four kinds of obstacles",
        "Views differ most on intermediate outcomes: Local government 4, Entrepreneurs 2 "
        "(illustrative)",
        "Program budget −10.7% from 2021 to 2023 (illustrative)",
        "Outputs: 3 of 5 program types rose, budget −10.7%; outcome: income +50–70% (illustrative)",
        "Targets: 1 of 3 met, 1 partly met (illustrative)",
        "Growth of creative economy workers by subsector, Blitar City 2021–2023: Film fastest "
        "(+83.3%) (illustrative)",
        "Four recommendations from the evidence: synergy, continuity, resources, outcomes",
        "Data sources: 5 sources; every figure is marked with its status",
        "How figures are computed: percentage points for scores, whole ranges, BPS CPI",
        "Data still being collected",
    ],
}
CONTINUED = {"id": " (lanjutan)", "en": " (continued)"}


def _options(lang: str = "id", **changes) -> deck.DeckOptions:
    return deck.DeckOptions(
        title=i18n.t("deck.default_title", lang),
        date=DATE,
        agency="Bappeda Kabupaten Blitar",
        lang=lang,
        **changes,
    )


@pytest.fixture(scope="module")
def deck_db(tmp_path_factory) -> Path:
    """A freshly seeded database, like ``seeded_db``, shared by this module's deck tests
    (each deck renders its charts, so they are built once per language)."""
    return store.ensure_database(tmp_path_factory.mktemp("deck") / "batik.duckdb")


@pytest.fixture(scope="module")
def decks(deck_db: Path) -> dict[str, tuple[list[deck.Slide], bytes]]:
    """The practice pack (illustrative figures included, every slide watermarked): every
    section of the seed data, so layout, type and marks are tested on all of them."""
    out = {}
    for lang in ("id", "en"):
        options = _options(lang, illustrative=True)
        slides = deck.build_slides(deck_db, options)
        out[lang] = (slides, deck.write_pptx(slides, options))
    return out


def _open(data: bytes) -> Presentation:
    return Presentation(io.BytesIO(data))


def _title(slide) -> str:
    return slide.shapes.title.text_frame.text


def _texts(slide) -> str:
    parts = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            parts.append(shape.text_frame.text)
        if shape.has_table:
            parts += [cell.text_frame.text for row in shape.table.rows for cell in row.cells]
    return "\n".join(parts)


def _texts_of(slide: deck.Slide) -> str:
    """Every text a built slide shows (title, finding, cards, table, blocks, footnote)."""
    parts = [slide.title, slide.finding, *slide.footnote]
    parts += [x for c in slide.cards for x in (c.label, c.value, *c.details)]
    if slide.table is not None:
        parts += [*slide.table.columns, *(c for r in slide.table.rows for c in r.cells)]
    parts += [x for b in slide.blocks for x in (b.heading, *b.lines)]
    return "\n".join(parts)


def _first_pages(titles: list[str], lang: str) -> list[str]:
    return [t for t in titles if not t.endswith(CONTINUED[lang])]


# --- content -----------------------------------------------------------------------------


def test_the_pptx_reopens_as_16_9(decks) -> None:
    prs = _open(decks["id"][1])
    assert (prs.slide_width, prs.slide_height) == (Pt(960), Pt(540))  # 13.333 x 7.5 in
    assert abs(prs.slide_width / prs.slide_height - 16 / 9) < 1e-3


@pytest.mark.parametrize("lang", ["id", "en"])
def test_slide_titles_in_order(decks, lang: str) -> None:
    slides, data = decks[lang]
    titles = [_title(s) for s in _open(data).slides]
    assert titles == [s.title for s in slides]
    assert _first_pages(titles, lang) == TITLES[lang]
    # A continuation slide follows its first page, and no section runs past three slides.
    for i, title in enumerate(titles):
        if title.endswith(CONTINUED[lang]):
            assert titles[i - 1].removesuffix(CONTINUED[lang]) == title.removesuffix(
                CONTINUED[lang]
            )
    assert max(titles.count(t) + titles.count(t + CONTINUED[lang]) for t in TITLES[lang]) <= 3


@pytest.mark.parametrize(
    ("lang", "figures", "not_the_study"),
    [
        ("id", ["+50–70%", "+30 poin persen", "+38,6–57,0%"], ["+29,2%", "480 → 620 orang"]),
        (
            "en",
            ["+50–70%", "+30 percentage points", "+38.6–57.0%"],
            ["+29.2%", "480 → 620 people"],
        ),
    ],
)
def test_summary_slide_has_the_headline_figures(
    decks, lang: str, figures: list[str], not_the_study: list[str]
) -> None:
    summary = _texts(_open(decks[lang][1]).slides[1])
    for text in figures:
        assert text in summary, text
    # 'Temuan studi' holds the study's findings only: the (illustrative) workers are not one,
    # even in the practice pack.
    for text in not_the_study:
        assert text not in summary, text


def test_figures_come_from_the_dashboards_functions(deck_db, decks) -> None:
    # The same headline the overview cards call, formatted by the same i18n function.
    registry = indicators.load_registry(deck_db)
    income, comp = (
        figure.change_figure(
            store.observations(deck_db, code, "blitar", "batik"), registry[code], 2021, 2023, "id"
        )
        for code in ("batik_income_index", "batik_competitiveness")
    )
    summary = decks["id"][0][1].title
    # The title states the change in words (the verb carries the sign: never "naik +50–70%").
    assert "naik " + i18n.format_range(income.comparison.percent, "id", "%", 0) in summary
    assert (
        "naik " + i18n.format_points(comp.comparison.points.mid, "id", 0, signed=False) in summary
    )
    assert "+" not in summary
    assert income.comparison.percent == growth.Range(50, 70)


def test_body_text_is_at_least_18pt_and_footnotes_12pt(decks) -> None:
    for lang in ("id", "en"):
        for number, slide in enumerate(_open(decks[lang][1]).slides, start=1):
            for shape, frame in _frames(slide):
                minimum = 12 if shape.name.startswith("footnote") else 18
                for paragraph in frame.paragraphs:
                    for run in paragraph.runs:
                        assert run.font.size is not None, (lang, number, shape.name, run.text)
                        assert run.font.size.pt >= minimum, (lang, number, shape.name, run.text)


def test_every_slide_has_a_footnote_and_speaker_notes(decks) -> None:
    for slide in _open(decks["id"][1]).slides:
        names = [s.name for s in slide.shapes]
        assert "footnote" in names and "footnote-page" in names, _title(slide)
        assert slide.has_notes_slide and slide.notes_slide.notes_text_frame.text.strip()


def test_illustrative_figures_are_marked_on_the_slide(decks) -> None:
    slides, data = decks["id"]
    marks = {}
    for built, slide in zip(slides, _open(data).slides, strict=True):
        shapes = {s.name: s for s in slide.shapes}
        marks[built.title] = (
            shapes["status-mark"].text_frame.text if "status-mark" in shapes else None
        )
        assert marks[built.title] == built.mark("id")
        if built.status in ("estimated", "illustrative"):
            assert "status-mark" in shapes, built.title
    assert marks[TITLES["id"][2]] is None  # income: the study's two reported years only
    assert marks[TITLES["id"][4]] == "Ilustratif"  # workers: every value illustrative
    assert marks[TITLES["id"][0]] is None  # the title slide shows no figure
    # The summary's cards carry their own status: both study findings are reported.
    summary = {s.name: s.text_frame.text for s in _open(data).slides[1].shapes if s.has_text_frame}
    assert summary["status-reported"] == "Dilaporkan"
    assert "status-illustrative" not in summary


def test_english_marks_are_translated(decks) -> None:
    slides = decks["en"][0]
    assert [s.mark("en") for s in slides[2:6]] == [None, None, "Illustrative", "Illustrative"]


def test_speaker_notes_carry_exact_figures_and_sources(decks) -> None:
    notes = [s.notes_slide.notes_text_frame.text for s in _open(decks["id"][1]).slides]
    summary, income, comp = notes[1], notes[2], notes[3]
    for text in (summary, income, comp):
        assert STUDY_SOURCE in text
    assert "Badan Pusat Statistik (BPS)" in summary  # real income uses BPS inflation
    assert "+22,47–30,38%" in income  # the CAGR with two decimals, not the slide's one
    assert "2023: 150–170 (dilaporkan)" in income
    assert "2022" not in income  # no figure was invented between the reported years
    assert "+30 poin persen" in comp and "+54,55%" in comp
    everything = "\n".join(notes)
    assert "Skor ilustratif tim dasbor" in everything  # the collaboration scores' source


def test_file_name_says_region_years_and_date() -> None:
    assert deck.file_name(_options()) == "paparan_dprd_batik_blitar_2021-2023_2024-05-14.pptx"
    assert deck.file_name(_options("en", region="kota_blitar", start_year=2022), "pdf") == (
        "dprd_hearing_batik_kota_blitar_2022-2023_2024-05-14.pdf"
    )
    assert (
        deck.file_name(_options(region="../x y"))
        == "paparan_dprd_batik_x_y_2021-2023_2024-05-14.pptx"
    )


def test_options_are_checked() -> None:
    with pytest.raises(deck.InvalidOptionsError):
        _options(start_year=2023, end_year=2023)
    with pytest.raises(deck.InvalidOptionsError):
        _options(sections=("summary", "gossip"))
    assert _options(sections=("sources", "summary")).sections == ("summary", "sources")
    assert _options(lang="fr").lang == "id"


def test_sections_pick_the_slides(seeded_db) -> None:
    slides = deck.build_slides(seeded_db, _options(sections=("summary",)))
    assert [s.title for s in slides] == TITLES["id"][:2]


def test_a_region_without_figures_leaves_its_charts_out(seeded_db) -> None:
    slides = deck.build_slides(seeded_db, _options(region="jatim", illustrative=True))
    # Obstacles and collaboration scores are the study's, not a region's: they stay; so does
    # Kota beside Kabupaten Blitar, which compares those two whatever the deck's region.
    assert {s.section for s in slides} == {
        "cover",
        "summary",
        "regions",
        "obstacles",
        "collaboration",
        "recommendations",
        "sources",
        "collecting",
    }
    # The study's own finding stays, labelled as the study's; the region has no card with
    # figures, so no slide of empty cards: its figures are named on the last slide.
    assert slides[1].title.startswith("Temuan studi 2021–2023: pendapatan pelaku batik naik 50–70%")
    assert [s.section for s in slides].count("summary") == 1
    collecting = "\n".join(_texts_of(s) for s in slides if s.section == "collecting")
    for name in ("Pendapatan pelaku usaha batik", "Skor daya saing produk batik", "Program"):
        assert name in collecting, name


def test_url_parameters_round_trip() -> None:
    options = _options(region="kota_blitar", sections=("summary", "charts"))
    params = deck.options_to_params(options)
    again = deck.options_from_params(
        params,
        region="kota_blitar",
        start_year=2021,
        end_year=2023,
        lang="id",
        today=dt.date(2030, 1, 1),
    )
    assert again == options
    fallback = deck.options_from_params(
        {"tanggal": "kemarin", "bagian": "x"},
        region="blitar",
        start_year=2021,
        end_year=2023,
        lang="en",
        today=DATE,
    )
    assert (fallback.date, fallback.sections, fallback.title) == (
        DATE,
        deck.SECTIONS,
        "The Impact of Collaboration on Blitar's Batik Industry",
    )
    assert [deck.slide_index(v, 12) for v in ("3", "0", "99", "abc", None)] == [3, 1, 12, 1, 1]


# --- nothing overflows ---------------------------------------------------------------------

LINE_HEIGHT = 1.2  # em, PowerPoint's single spacing (LibreOffice's is smaller)


def _frames(slide):
    """(shape, text frame) of every text box, placeholder, autoshape and table cell."""
    for shape in slide.shapes:
        if shape.has_text_frame:
            yield shape, shape.text_frame
        if shape.has_table:
            for row in shape.table.rows:
                for cell in row.cells:
                    if not cell.is_spanned:
                        yield shape, cell.text_frame


def _font(bold: bool, size: float) -> ImageFont.FreeTypeFont:
    name = "LiberationSans-Bold.ttf" if bold else "LiberationSans-Regular.ttf"
    return ImageFont.truetype(str(FONTS / name), max(1, round(size * 10)))  # 10x for precision


def _measured_lines(text: str, width_pt: float, size: float, bold: bool) -> int:
    """Lines ``text`` takes in a box ``width_pt`` wide, measured with the real font that
    LibreOffice draws Arial with (independent of the deck's own estimate)."""
    font, lines, current = _font(bold, size), 1, ""
    for word in text.split(" "):
        candidate = f"{current} {word}" if current else word
        if font.getlength(candidate) / 10 <= width_pt or not current:
            current = candidate
        else:
            lines, current = lines + 1, word
    return lines


def _needed_height(frame, width_pt: float) -> float:
    total = (frame.margin_top + frame.margin_bottom) / 12700
    for paragraph in frame.paragraphs:
        runs = paragraph.runs
        if not runs:
            continue
        size = max(r.font.size.pt for r in runs)
        bold = any(r.font.bold for r in runs)
        text = "".join(r.text for r in runs)
        inner = width_pt - (frame.margin_left + frame.margin_right) / 12700
        total += _measured_lines(text, inner, size, bold) * size * LINE_HEIGHT
        total += paragraph.space_after.pt if paragraph.space_after is not None else 0
    return total


def overflows(data: bytes) -> list[tuple[int, str, str]]:
    """(slide number, shape, problem) for every shape outside the slide and every text frame
    whose text needs more height than its box (or table row) gives it."""
    prs = _open(data)
    problems = []
    for number, slide in enumerate(prs.slides, start=1):
        for shape in slide.shapes:
            if (
                shape.left < 0
                or shape.top < 0
                or shape.left + shape.width > prs.slide_width
                or shape.top + shape.height > prs.slide_height
            ):
                problems.append((number, shape.name, "outside the slide"))
            if shape.has_text_frame and shape.text_frame.text.strip():
                needed = _needed_height(shape.text_frame, shape.width / 12700)
                if needed > shape.height / 12700 + 0.5:
                    problems.append(
                        (number, shape.name, f"needs {needed:.0f} pt of {shape.height / 12700:.0f}")
                    )
            if shape.has_table:
                table = shape.table
                if sum(r.height for r in table.rows) > shape.height + 12700:
                    problems.append((number, shape.name, "rows taller than the table"))
                for r, row in enumerate(table.rows):
                    for c, cell in enumerate(row.cells):
                        if cell.is_spanned:
                            continue
                        width = sum(
                            col.width for col in list(table.columns)[c : c + cell.span_width]
                        )
                        needed = _needed_height(cell.text_frame, width / 12700)
                        if needed > row.height / 12700 + 0.5:
                            problems.append(
                                (number, f"{shape.name}[{r},{c}]", f"needs {needed:.0f} pt")
                            )
    return problems


needs_fonts = pytest.mark.skipif(
    not (FONTS / "LiberationSans-Regular.ttf").exists(),
    reason="Liberation Sans (Debian fonts-liberation) measures the text",
)


@needs_fonts
@pytest.mark.parametrize("lang", ["id", "en"])
def test_no_text_frame_overflows_its_box_or_the_slide(decks, lang: str) -> None:
    assert overflows(decks[lang][1]) == []


@needs_fonts
def test_the_overflow_check_catches_an_overfull_box_and_a_shape_off_the_slide() -> None:
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    box = slide.shapes.add_textbox(Pt(36), Pt(36), Pt(300), Pt(40))
    box.name = "crowded"
    run = box.text_frame.paragraphs[0].add_run()
    run.text, run.font.size = "kata " * 60, Pt(18)
    off = slide.shapes.add_textbox(Pt(600), Pt(36), Pt(400), Pt(40))
    off.name = "off"
    out = io.BytesIO()
    prs.save(out)
    problems = {(name, problem.split(" ")[0]) for _, name, problem in overflows(out.getvalue())}
    assert problems == {("crowded", "needs"), ("off", "outside")}
    # A deck slide that was not split (paginate skipped) runs off the slide and is caught.
    crowded = deck.Slide(section="sources", title="T", blocks=(deck.Block("", ("kata " * 1500,)),))
    assert any(
        "outside the slide" in p for *_, p in overflows(deck.write_pptx([crowded], _options()))
    )


def test_long_tables_continue_on_the_next_slide() -> None:
    rows = tuple(deck.TableRow((f"Baris {i}", "teks " * 30)) for i in range(30))
    slide = deck.Slide(
        section="obstacles",
        title="Tabel panjang",
        finding="Temuan",
        table=deck.Table(("A", "B"), (0.3, 0.7), rows),
    )
    pages = layout.paginate(slide, "id")
    assert len(pages) > 2
    assert [p.title for p in pages[:2]] == ["Tabel panjang", "Tabel panjang (lanjutan)"]
    assert sum(len(p.table.rows) for p in pages) == 30
    for page in pages:
        frame = layout.frame(page, "id")
        widths = layout._table_col_widths(page.table, frame.body.w)
        height = layout.table_row_height(page.table.columns, widths, header=True)
        height += sum(layout.table_row_height(r, widths) for r in page.table.rows)
        assert height <= frame.body.h


# --- PDF -------------------------------------------------------------------------------


def _flat(text: str) -> str:
    # PDF text breaks lines after a dash ('50–' / '70%'): read the lines back as one.
    return re.sub(r"–\s+", "–", re.sub(r"\s+", " ", text))


@pytest.mark.skipif(
    shutil.which("libreoffice") is None, reason="libreoffice-impress is not installed"
)
def test_libreoffice_converts_the_pptx_and_the_pdf_holds_the_same_text(decks) -> None:
    from pypdf import PdfReader

    slides, data = decks["id"]
    pdf = deck.build_pdf(data)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == len(slides)
    pages = [_flat(page.extract_text()) for page in reader.pages]
    for page, slide in zip(pages, slides, strict=True):
        assert _flat(slide.title) in page, slide.title
    assert "+50–70%" in pages[1] and "+30 poin persen" in pages[1]
    assert "Ilustratif" in pages[4]
    width, height = (float(v) for v in reader.pages[0].mediabox[2:])
    assert abs(width / height - 16 / 9) < 1e-2


@pytest.mark.skipif(
    shutil.which("libreoffice") is None, reason="libreoffice-impress is not installed"
)
def test_a_file_libreoffice_cannot_read_is_a_named_fault() -> None:
    with pytest.raises(deck.PdfConversionError) as caught:
        deck.build_pdf(b"not a presentation")
    assert caught.value.reason  # what LibreOffice said, for the page to show


def test_no_libreoffice_is_a_named_fault(monkeypatch) -> None:
    monkeypatch.setattr(pdf.shutil, "which", lambda name: None)
    assert not deck.pdf_available()
    with pytest.raises(deck.PdfUnavailableError):
        deck.build_pdf(b"not used")


def _add_2024(path: Path) -> None:
    """A 2024 year as a planner would upload it, with its own source."""
    with store.connect(path) as con:
        for code, value in (("batik_income_index", 180.0), ("batik_competitiveness", 88.0)):
            con.execute(
                "INSERT INTO observation VALUES (?, 'blitar', 'batik', 2024, ?, NULL, NULL,"
                " 'reported', 'Disperindag Blitar (2025)', NULL, NULL)",
                [code, value],
            )


def test_the_studys_finding_survives_a_new_year_and_no_section_drops_silently(seeded_db) -> None:
    _add_2024(seeded_db)
    slides, omitted = deck.build(seeded_db, _options(start_year=2021, end_year=2024))
    titles = [s.title for s in slides]
    # The study's 2021-2023 result stays, labelled as the study's; the new comparison beside it.
    assert titles[1] == (
        "Temuan studi 2021–2023: pendapatan pelaku batik naik 50–70%, daya saing naik 30 poin persen"
    )
    assert titles[2] == (
        "Pendapatan pelaku batik naik 80% dan daya saing naik 33 poin persen, 2021–2024"
    )
    # Workers, programs and the creative economy have no 2024: named, not silently dropped.
    assert set(omitted) >= {"programs", "creative"}
    text = deck.omitted_text(omitted, _options(start_year=2021, end_year=2024), "Blitar")
    assert "Program (perlu keluaran program 2021 dan 2024)" in text
    # The speaker notes count the slides there are, after continuation slides.
    assert f"Paparan {len(slides)} slide" in slides[0].notes


def test_a_new_years_source_is_named_on_the_chart_that_plots_it(seeded_db) -> None:
    _add_2024(seeded_db)
    slides = deck.build_slides(seeded_db, _options(start_year=2021, end_year=2024))
    income_chart = next(s for s in slides if s.chart is not None)
    assert "Sumber 2024: Disperindag Blitar (2025)" in " ".join(income_chart.footnote)


def test_english_means_english_in_footnotes_and_notes(decks) -> None:
    # Source and note texts from the data had no English: they leaked into the English deck.
    slides, _ = decks["en"]
    text = "\n".join([*(line for s in slides for line in s.footnote), *(s.notes for s in slides)])
    for indonesian in ("Nilai ilustratif tim dasbor", "dikutip dalam studi", "Studi tidak memberi"):
        assert indonesian not in text, indonesian
    assert "Illustrative value by the dashboard team, not official data" in text


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # A new year for one region: the pack ends at that year, for that region.
        (
            pd.DataFrame({"region": ["kab_blitar", "kab_blitar"], "year": [2023, 2024]}),
            {"ke": "2024", "wilayah": "kab_blitar"},
        ),
        # Several regions: the year only; the deck page keeps its default region.
        (pd.DataFrame({"region": ["blitar", "kota_blitar"], "year": [2024, 2022]}), {"ke": "2024"}),
        # A dataset without regions (obstacles): the year only.
        (pd.DataFrame({"item": ["budget_cuts"], "year": [2025]}), {"ke": "2025"}),
        # Nothing to choose: no parameters, the page's defaults.
        (pd.DataFrame({"enterprise_id": ["u1"]}), {}),
    ],
)
def test_params_after_upload_choose_the_new_year_and_the_one_region(rows, expected) -> None:
    assert deck.params_after_upload(rows) == expected


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "id",
            "Tanda BPS pada angka slide ini: 2021 angka perbaikan (r), 2023 angka sementara (*).",
        ),
        ("en", "BPS marks on this slide's figures: 2021 revised figure (r), 2023 provisional"),
    ],
)
def test_speaker_notes_say_the_bps_marks_of_the_plotted_figures(
    tmp_path, lang: str, expected: str
) -> None:
    """Issue 13.3: a provisional figure is marked wherever it is shown, the presenter's notes
    included ('angka sementara' said aloud, not only a '*' on a label)."""
    path = store.ensure_database(tmp_path / "batik.duckdb")
    with duckdb.connect(str(path)) as con:
        for year, mark in ((2023, "provisional"), (2021, "revised")):
            con.execute(
                "UPDATE observation SET mark = ? WHERE indicator = 'batik_competitiveness' "
                "AND region = 'blitar' AND year = ?",
                [mark, year],
            )
    slides = deck.build_slides(path, _options(lang))
    comp = next(s for s in slides if "55" in s.title and "85" in s.title)
    assert expected in comp.notes
    opening = expected.split(":")[0]
    unmarked = [s for s in slides if s.chart is not None and s is not comp]
    assert unmarked and all(opening not in s.notes for s in unmarked)
