"""Where a deck slide's text and chart go on a 16:9 slide; the PPTX writer; the PDF.

Sizes are in points (1 in = 72 pt): the slide is 960 x 540 pt (13.333 x 7.5 in), shapes are
placed here rather than by the 4:3 default template. Text boxes are sized *from their text*
with a conservative width estimate (:func:`text_width`), never left to PowerPoint's autofit,
which LibreOffice ignores when it exports a PDF; text that would not fit is moved to a
continuation slide ("(lanjutan)") by :func:`paginate`, never shrunk below 18 pt.

Type sizes: titles 30 pt (26/22 for long findings), findings 20 pt, body 18 pt or larger;
footnotes (sources, how to read the marks, page number) 12 pt, the one exception.
Font: Arial, which PowerPoint has everywhere and which LibreOffice on Debian draws with the
metric-compatible Liberation Sans (fontconfig alias), so line breaks match in both.
"""

from __future__ import annotations

import io
import os
import shutil
import signal
import subprocess
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from PIL import Image
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.enum.lang import MSO_LANGUAGE_ID
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.util import Emu, Pt

from impact import charts, i18n
from impact.report import (
    Block,
    DeckOptions,
    Figure,
    PdfConversionError,
    PdfUnavailableError,
    Slide,
    Table,
    TableRow,
)

FONT = "Arial"
SLIDE_W, SLIDE_H = 960.0, 540.0
MARGIN = 36.0
CONTENT_W = SLIDE_W - 2 * MARGIN
TOP = 20.0
BOTTOM = 12.0
GAP = 10.0
TITLE_SIZES = (30, 26, 22)
COVER_TITLE_SIZES = (40, 34, 28)
FINDING_SIZE = 20
HEADING_SIZE = 20
BODY_SIZE = 18
COVER_LINE_SIZE = 24
FOOTNOTE_SIZE = 12
MIN_BODY_SIZE = 18
VALUE_SIZES = (44, 36, 30, 26)
MARK_W, MARK_H = 210.0, 34.0
PAGE_W = 60.0  # the page number's box, right of the footnote
PAD_X, PAD_Y = 5.0, 3.0  # text frame insets
CELL_PAD_X, CELL_PAD_Y = 6.0, 4.0
LINE = 1.2  # line height in em: PowerPoint's single spacing; LibreOffice's is ~1.15
PARA_GAP = 6.0
CARD_GAP = 16.0
COL_GAP = 24.0
CHART_PX = 660  # chart width in px: 13 px labels print at ~17.5 pt across the slide

BLUE = RGBColor(0x00, 0x72, 0xB2)
INK = RGBColor(0x1A, 0x1A, 0x1A)
GREY = RGBColor(0x55, 0x55, 0x55)
PALE = RGBColor(0xF2, 0xF6, 0xFA)
SECTION_FILL = RGBColor(0xDC, 0xE9, 0xF5)
STRIPE = RGBColor(0xF5, 0xF5, 0xF5)
WHITE = RGBColor(0xFF, 0xFF, 0xFF)
MARK_FILL = RGBColor(0xEE, 0xEE, 0xEE)


# --- how wide text is ----------------------------------------------------------------

# Advance widths in em, rounded *up* from Arial/Liberation Sans so estimates err long.
_WIDTHS: dict[str, float] = {" ": 0.28, "·": 0.28, "%": 0.89, "–": 0.56, "—": 1.0, "→": 1.0,
                             "●": 0.8, "○": 0.8, "≈": 0.6, "m": 0.84, "w": 0.73, "M": 0.84,
                             "W": 0.95, "I": 0.28, "r": 0.34}  # fmt: skip
_WIDTHS |= dict.fromkeys("ijl|.,:;'!/", 0.28) | dict.fromkeys("ft", 0.3)
_WIDTHS |= dict.fromkeys("()[]-", 0.34) | dict.fromkeys("0123456789", 0.56)
_WIDTHS |= dict.fromkeys("+=<>~×", 0.59)
BOLD_FACTOR = 1.08
SAFETY = 1.04


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Estimated width of ``text`` in points at ``size`` pt (errs wide, never narrow)."""
    em = 0.0
    for c in text:
        if c in _WIDTHS:
            em += _WIDTHS[c]
        elif c.islower():
            em += 0.56
        elif c.isupper():
            em += 0.72
        else:
            em += 0.6
    return em * size * SAFETY * (BOLD_FACTOR if bold else 1.0)


def wrap(text: str, width: float, size: float, bold: bool = False) -> list[str]:
    """Greedy word wrap of one paragraph into lines no wider than ``width`` points."""
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        candidate = f"{current} {word}" if current else word
        if text_width(candidate, size, bold) <= width or not current:
            current = candidate
        else:
            lines.append(current)
            current = word
        # A word longer than the line breaks mid-word (as PowerPoint does).
        while text_width(current, size, bold) > width and len(current) > 1:
            cut = len(current)
            while cut > 1 and text_width(current[:cut], size, bold) > width:
                cut -= 1
            lines.append(current[:cut])
            current = current[cut:]
    lines.append(current)
    return lines


@dataclass(frozen=True)
class Para:
    text: str
    size: float
    bold: bool = False
    color: RGBColor = INK
    space_after: float = 0.0
    align: PP_ALIGN = PP_ALIGN.LEFT


def paras_height(
    paras: list[Para], width: float, pad_x: float = PAD_X, pad_y: float = PAD_Y
) -> float:
    """Height in points a text box of ``width`` needs for ``paras`` (insets included)."""
    inner = width - 2 * pad_x
    total = 2 * pad_y
    for p in paras:
        total += len(wrap(p.text, inner, p.size, p.bold)) * p.size * LINE + p.space_after
    return total


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float


@dataclass(frozen=True)
class Frame:
    """The fixed parts of a slide and the free body box between them."""

    title: Box
    title_size: int
    mark: Box | None
    finding: Box | None
    body: Box
    footnote: Box | None


def _title_size(text: str, width: float, sizes: tuple[int, ...], max_lines: int = 2) -> int:
    """The largest size that sets ``text`` on one line, else on the fewest lines up to
    ``max_lines`` (a slightly smaller title on one line reads better than two)."""
    for lines in range(1, max_lines + 1):
        for size in sizes[:2] if lines == 1 else sizes:
            if len(wrap(text, width - 2 * PAD_X, size, True)) <= lines:
                return size
    return sizes[-1]


def _footnote_paras(slide: Slide) -> list[Para]:
    return [Para(line, FOOTNOTE_SIZE, color=GREY) for line in slide.footnote]


def frame(slide: Slide, lang: str) -> Frame:
    """Title across the top; the finding under it with the status mark at its right; the
    footnote at the bottom; the body gets the rest."""
    mark = slide.mark(lang)
    size = _title_size(slide.title, CONTENT_W, TITLE_SIZES)
    title_h = paras_height([Para(slide.title, size, True)], CONTENT_W)
    title = Box(MARGIN, TOP, CONTENT_W, title_h)
    y = TOP + title_h + 4
    mark_box = Box(SLIDE_W - MARGIN - MARK_W, y, MARK_W, MARK_H) if mark else None
    finding, row_h = None, MARK_H if mark else 0.0
    if slide.finding:
        w = CONTENT_W - (MARK_W + GAP if mark else 0)
        h = paras_height([Para(slide.finding, FINDING_SIZE)], w)
        finding = Box(MARGIN, y, w, h)
        row_h = max(row_h, h)
    y += row_h + GAP
    footnote = None
    foot_paras = _footnote_paras(slide)
    foot_y = SLIDE_H - BOTTOM - FOOTNOTE_SIZE * LINE - 2 * PAD_Y
    if foot_paras:
        w = CONTENT_W - PAGE_W - GAP
        h = paras_height(foot_paras, w)
        foot_y = SLIDE_H - BOTTOM - h
        footnote = Box(MARGIN, foot_y, w, h)
    return Frame(
        title, size, mark_box, finding, Box(MARGIN, y, CONTENT_W, foot_y - GAP - y), footnote
    )


# --- splitting text that does not fit -------------------------------------------------


def _table_col_widths(table: Table, width: float) -> list[float]:
    widths = [round(width * f, 1) for f in table.widths]
    widths[-1] = round(width - sum(widths[:-1]), 1)
    return widths


def _cell_paras(text: str, size: float, bold: bool, color: RGBColor = INK) -> list[Para]:
    return [Para(line, size, bold, color) for line in text.split("\n")]


def table_row_height(
    row: TableRow | tuple[str, ...], widths: list[float], header: bool = False
) -> float:
    """Height of a table row: its tallest cell (cell insets included)."""
    if isinstance(row, TableRow) and row.section:
        return paras_height(
            _cell_paras(row.cells[0], BODY_SIZE, True), sum(widths), CELL_PAD_X, CELL_PAD_Y
        )
    cells = row.cells if isinstance(row, TableRow) else row
    return max(
        paras_height(_cell_paras(text, BODY_SIZE, header), w, CELL_PAD_X, CELL_PAD_Y)
        for text, w in zip(cells, widths, strict=True)
    )


def _block_paras(block: Block, columns: int) -> list[Para]:
    paras = []
    if block.heading:
        paras.append(Para(block.heading, HEADING_SIZE, True, BLUE, space_after=4))
    paras += [
        Para(line, BODY_SIZE, space_after=PARA_GAP if block.heading else 0) for line in block.lines
    ]
    return paras


def _column_width(columns: int) -> float:
    return (CONTENT_W - (columns - 1) * COL_GAP) / columns


def block_height(block: Block, columns: int) -> float:
    return paras_height(_block_paras(block, columns), _column_width(columns))


def _grid_rows(blocks: tuple[Block, ...], columns: int) -> list[tuple[Block, ...]]:
    return [blocks[i : i + columns] for i in range(0, len(blocks), columns)]


def _fit(heights: list[float], available: float, gap: float = 0.0) -> int:
    """How many of the leading items fit in ``available`` points (at least one)."""
    used, count = 0.0, 0
    for h in heights:
        if count and used + gap + h > available:
            break
        used += (gap if count else 0) + h
        count += 1
    return max(count, 1)


def paginate(slide: Slide, lang: str) -> list[Slide]:
    """The slide, or the slide split into continuation slides where its table rows or text
    blocks would run past the footnote. Charts and figure cards are never split."""
    if slide.section == "cover" or (slide.table is None and not slide.blocks):
        return [slide]
    pages: list[Slide] = []
    title = slide.title
    if slide.table is not None:
        rows = list(slide.table.rows)
        while rows:
            page = replace(slide, title=title, table=replace(slide.table, rows=tuple(rows)))
            f = frame(page, lang)
            widths = _table_col_widths(slide.table, f.body.w)
            available = f.body.h - table_row_height(slide.table.columns, widths, header=True)
            take = _fit([table_row_height(r, widths) for r in rows], available)
            while take > 1 and rows[take - 1].section:  # a section heading stays with its rows
                take -= 1
            pages.append(replace(page, table=replace(slide.table, rows=tuple(rows[:take]))))
            rows = rows[take:]
            title = i18n.t("deck.continued", lang, title=slide.title)
        return pages
    grid = _grid_rows(slide.blocks, slide.columns)
    while grid:
        page = replace(slide, title=title, blocks=tuple(b for row in grid for b in row))
        f = frame(page, lang)
        heights = [max(block_height(b, slide.columns) for b in row) for row in grid]
        take = _fit(heights, f.body.h, GAP)
        pages.append(replace(page, blocks=tuple(b for row in grid[:take] for b in row)))
        grid = grid[take:]
        title = i18n.t("deck.continued", lang, title=slide.title)
    return pages


# --- writing the PPTX ------------------------------------------------------------------


def _emu(points: float) -> Emu:
    return Emu(int(round(points * 12700)))


def _language(lang: str) -> MSO_LANGUAGE_ID:
    return MSO_LANGUAGE_ID.ENGLISH_US if lang == "en" else MSO_LANGUAGE_ID.INDONESIAN


def _fill_text_frame(tf, paras: list[Para], lang: str, pad_x: float = PAD_X, pad_y: float = PAD_Y,
                     anchor: MSO_ANCHOR = MSO_ANCHOR.TOP) -> None:  # fmt: skip
    tf.word_wrap = True
    tf.auto_size = MSO_AUTO_SIZE.NONE
    tf.margin_left = tf.margin_right = _emu(pad_x)
    tf.margin_top = tf.margin_bottom = _emu(pad_y)
    tf.vertical_anchor = anchor
    for i, para in enumerate(paras):
        p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
        if i == 0:
            for r in list(p.runs):
                r._r.getparent().remove(r._r)
        p.alignment = para.align
        p.space_after = Pt(para.space_after)
        p.space_before = Pt(0)
        p.line_spacing = 1.0
        run = p.add_run()
        run.text = para.text
        font = run.font
        font.name = FONT
        font.size = Pt(para.size)
        font.bold = para.bold
        font.color.rgb = para.color
        font.language_id = _language(lang)


def _textbox(slide, box: Box, paras: list[Para], lang: str, name: str, **kwargs) -> object:
    shape = slide.shapes.add_textbox(_emu(box.x), _emu(box.y), _emu(box.w), _emu(box.h))
    shape.name = name
    _fill_text_frame(shape.text_frame, paras, lang, **kwargs)
    return shape


def _rect(slide, box: Box, fill: RGBColor, name: str, shape_type=MSO_SHAPE.RECTANGLE) -> object:
    shape = slide.shapes.add_shape(shape_type, _emu(box.x), _emu(box.y), _emu(box.w), _emu(box.h))
    shape.name = name
    shape.fill.solid()
    shape.fill.fore_color.rgb = fill
    shape.line.fill.background()
    shape.shadow.inherit = False
    return shape


def _chip(slide, box: Box, text: str, status: str, lang: str, name: str) -> None:
    """A status label: grey with a dashed outline for estimated/illustrative figures (the
    dashboard's hollow/dashed convention), pale blue for reported ones."""
    shape = _rect(slide, box, MARK_FILL if status != "reported" else SECTION_FILL, name,
                  MSO_SHAPE.ROUNDED_RECTANGLE)  # fmt: skip
    shape.line.fill.solid()
    shape.line.color.rgb = GREY if status != "reported" else BLUE
    shape.line.width = Pt(1.5)
    if status != "reported":
        shape.line.dash_style = MSO_LINE_DASH_STYLE.DASH
    _fill_text_frame(shape.text_frame, [Para(text, BODY_SIZE, True, INK, align=PP_ALIGN.CENTER)],
                     lang, pad_x=4, pad_y=2, anchor=MSO_ANCHOR.MIDDLE)  # fmt: skip


def _title(slide, box: Box, text: str, size: int, lang: str) -> None:
    shape = slide.shapes.title
    shape.left, shape.top, shape.width, shape.height = (
        _emu(v) for v in (box.x, box.y, box.w, box.h)
    )
    _fill_text_frame(shape.text_frame, [Para(text, size, True, INK)], lang)


def _chart_picture(slide, chart, height: int, box: Box) -> None:
    """Render the chart (vl-convert, 2x) at CHART_PX wide, refit its plot height to the free
    space once, and place it centred in the body box without distortion."""
    scale = box.w / CHART_PX  # points per chart pixel
    png = charts.to_png(chart, width=CHART_PX)
    px_w, px_h = (v / 2 for v in Image.open(io.BytesIO(png)).size)
    target = int(box.h / scale - (px_h - height))
    target = max(80, min(target, 420))
    if abs(target - height) > 2:
        png = charts.to_png(chart.properties(height=target), width=CHART_PX)
        px_w, px_h = (v / 2 for v in Image.open(io.BytesIO(png)).size)
    w = min(box.w, px_w * scale)
    h = px_h * w / px_w
    if h > box.h:
        h, w = box.h, px_w * box.h / px_h
    pic = slide.shapes.add_picture(
        io.BytesIO(png), _emu(box.x + (box.w - w) / 2), _emu(box.y), _emu(w), _emu(h)
    )
    pic.name = "chart"


def _value_size(text: str, width: float) -> int:
    for size in VALUE_SIZES:
        if len(wrap(text, width - 2 * PAD_X, size, True)) == 1:
            return size
    return VALUE_SIZES[-1]


def _card_paras(fig: Figure, width: float) -> list[Para]:
    return [
        Para(fig.label, BODY_SIZE, False, GREY, space_after=4),
        Para(fig.value, _value_size(fig.value, width), True, BLUE, space_after=6),
        *(Para(d, BODY_SIZE, space_after=4) for d in fig.details),
    ]


def _figures(slide, figures: tuple[Figure, ...], box: Box, lang: str) -> None:
    n = len(figures)
    w = (box.w - (n - 1) * CARD_GAP) / n
    text_h = max(paras_height(_card_paras(f, w - 2 * GAP), w - 2 * GAP) for f in figures)
    card_h = min(box.h, text_h + MARK_H + 3 * GAP)
    for i, fig in enumerate(figures):
        x = box.x + i * (w + CARD_GAP)
        _rect(slide, Box(x, box.y, w, card_h), PALE, f"card-{i + 1}")
        _textbox(slide, Box(x + GAP, box.y + GAP, w - 2 * GAP, text_h), _card_paras(fig, w - 2 * GAP),
                 lang, f"card-text-{i + 1}")  # fmt: skip
        if fig.status:
            chip = Box(x + GAP, box.y + card_h - GAP - MARK_H, min(w - 2 * GAP, MARK_W), MARK_H)
            _chip(
                slide,
                chip,
                i18n.label("status", fig.status, lang),
                fig.status,
                lang,
                f"status-{fig.status}",
            )


def _table(slide, table: Table, box: Box, lang: str) -> None:
    widths = _table_col_widths(table, box.w)
    heights = [table_row_height(table.columns, widths, header=True)]
    heights += [table_row_height(r, widths) for r in table.rows]
    n_cols = len(table.columns)
    gf = slide.shapes.add_table(
        len(heights), n_cols, _emu(box.x), _emu(box.y), _emu(box.w), _emu(sum(heights))
    )
    gf.name = "table"
    t = gf.table
    t.first_row, t.horz_banding = True, False
    for j, w in enumerate(widths):
        t.columns[j].width = _emu(w)
    for i, h in enumerate(heights):
        t.rows[i].height = _emu(h)

    def fill(cell, paras: list[Para], colour: RGBColor) -> None:
        cell.margin_left = cell.margin_right = _emu(CELL_PAD_X)
        cell.margin_top = cell.margin_bottom = _emu(CELL_PAD_Y)
        cell.fill.solid()
        cell.fill.fore_color.rgb = colour
        _fill_text_frame(cell.text_frame, paras, lang, CELL_PAD_X, CELL_PAD_Y)
        cell.vertical_anchor = MSO_ANCHOR.TOP

    for j, text in enumerate(table.columns):
        fill(t.cell(0, j), _cell_paras(text, BODY_SIZE, True, WHITE), BLUE)
    for i, row in enumerate(table.rows, start=1):
        if row.section:
            t.cell(i, 0).merge(t.cell(i, n_cols - 1))
            fill(t.cell(i, 0), _cell_paras(row.cells[0], BODY_SIZE, True, BLUE), SECTION_FILL)
            continue
        for j, text in enumerate(row.cells):
            fill(t.cell(i, j), _cell_paras(text, BODY_SIZE, False), STRIPE if i % 2 == 0 else WHITE)


def _blocks(slide, s: Slide, box: Box, lang: str) -> None:
    w = _column_width(s.columns)
    y = box.y
    for r, row in enumerate(_grid_rows(s.blocks, s.columns)):
        h = max(block_height(b, s.columns) for b in row)
        for c, block in enumerate(row):
            x = box.x + c * (w + COL_GAP)
            _textbox(slide, Box(x, y, w, block_height(block, s.columns)), _block_paras(block, s.columns),
                     lang, f"block-{r + 1}-{c + 1}")  # fmt: skip
        y += h + GAP


def _footer(slide, s: Slide, f: Frame | None, index: int, count: int, lang: str) -> None:
    if f is not None and f.footnote is not None:
        _textbox(slide, f.footnote, _footnote_paras(s), lang, "footnote")
    page_h = FOOTNOTE_SIZE * LINE + 2 * PAD_Y
    box = Box(SLIDE_W - MARGIN - PAGE_W, SLIDE_H - BOTTOM - page_h, PAGE_W, page_h)
    text = i18n.t("deck.page_number", lang, index=index, count=count)
    _textbox(
        slide,
        box,
        [Para(text, FOOTNOTE_SIZE, color=GREY, align=PP_ALIGN.RIGHT)],
        lang,
        "footnote-page",
    )


def cover_layout(s: Slide) -> tuple[Box, int, Box, Box]:
    """(title box, title size, lines box, footnote box) of the title slide."""
    width = CONTENT_W - 2 * GAP
    size = _title_size(s.title, width, COVER_TITLE_SIZES, 3)
    title_h = paras_height([Para(s.title, size, True)], width)
    lines = [Para(line, COVER_LINE_SIZE, space_after=8) for b in s.blocks for line in b.lines]
    lines_h = paras_height(lines, width)
    foot_w = CONTENT_W - PAGE_W - GAP
    foot_h = paras_height(_footnote_paras(s), foot_w)
    top = max(110.0, (SLIDE_H - title_h - lines_h - 24) / 2 - 20)
    return (Box(MARGIN + GAP, top, width, title_h), size,
            Box(MARGIN + GAP, top + title_h + 24, width, lines_h),
            Box(MARGIN, SLIDE_H - BOTTOM - foot_h, foot_w, foot_h))  # fmt: skip


def _render_cover(slide, s: Slide, lang: str, index: int, count: int) -> None:
    title_box, size, lines_box, foot_box = cover_layout(s)
    _rect(slide, Box(0, 0, SLIDE_W, 16), BLUE, "accent")
    _rect(slide, Box(MARGIN, title_box.y, 6, title_box.h + lines_box.h + 24), BLUE, "accent-bar")
    _title(slide, title_box, s.title, size, lang)
    lines = [
        Para(line, COVER_LINE_SIZE, color=INK, space_after=8) for b in s.blocks for line in b.lines
    ]
    _textbox(slide, lines_box, lines, lang, "cover-lines")
    _textbox(slide, foot_box, _footnote_paras(s), lang, "footnote")
    _footer(slide, s, None, index, count, lang)


def _render(slide, s: Slide, lang: str, index: int, count: int) -> None:
    f = frame(s, lang)
    _rect(slide, Box(0, 0, SLIDE_W, 8), BLUE, "accent")
    _title(slide, f.title, s.title, f.title_size, lang)
    mark = s.mark(lang)
    if mark and f.mark:
        _chip(slide, f.mark, mark, s.status or "illustrative", lang, "status-mark")
    if s.finding and f.finding:
        _textbox(slide, f.finding, [Para(s.finding, FINDING_SIZE, color=GREY)], lang, "finding")
    if s.chart is not None:
        _chart_picture(slide, s.chart, s.chart_height, f.body)
    elif s.figures:
        _figures(slide, s.figures, f.body, lang)
    elif s.table is not None:
        _table(slide, s.table, f.body, lang)
    elif s.blocks:
        _blocks(slide, s, f.body, lang)
    _footer(slide, s, f, index, count, lang)


def write_pptx(slides: list[Slide], options: DeckOptions) -> bytes:
    """The slides as a 16:9 PPTX (bytes), speaker notes included."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = _emu(SLIDE_W), _emu(SLIDE_H)
    layout = prs.slide_layouts[5]  # "Title Only": a real title placeholder, moved below
    lang = options.lang
    for index, s in enumerate(slides, start=1):
        slide = prs.slides.add_slide(layout)
        if s.section == "cover":
            _render_cover(slide, s, lang, index, len(slides))
        else:
            _render(slide, s, lang, index, len(slides))
        slide.notes_slide.notes_text_frame.text = s.notes
    props = prs.core_properties
    props.title = slides[0].title if slides else options.title
    props.author = options.agency or i18n.t("app.title", lang)
    props.subject = i18n.t("nav.deck", lang)
    props.language = "en-US" if lang == "en" else "id-ID"
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


# --- PDF through LibreOffice ----------------------------------------------------------

PDF_TIMEOUT = 180  # seconds; a conversion takes about 2 s, a cold machine longer


def libreoffice() -> str | None:
    """Path of the LibreOffice executable, or None when it is not installed."""
    return shutil.which("libreoffice") or shutil.which("soffice")


def pptx_to_pdf(pptx: bytes, timeout: float = PDF_TIMEOUT) -> bytes:
    """Convert PPTX bytes to PDF bytes with ``libreoffice --headless --convert-to pdf``.

    Works in a temporary directory with a profile of its own, so it never touches (or waits
    for) a LibreOffice someone has open; on a timeout the whole LibreOffice process group it
    started is ended. Raises PdfUnavailableError without LibreOffice, PdfConversionError
    when it gives no PDF.
    """
    exe = libreoffice()
    if exe is None:
        raise PdfUnavailableError("libreoffice is not installed")
    with tempfile.TemporaryDirectory(prefix="batik-deck-") as tmp:
        # A fresh profile per conversion (~0.5 MB, no slower): conversions never wait for one
        # another or for a LibreOffice someone has open, and nothing is left behind.
        profile = Path(tmp) / "profile"
        source = Path(tmp) / "deck.pptx"
        source.write_bytes(pptx)
        command = [exe, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                   "--nologo", "--convert-to", "pdf", "--outdir", tmp, str(source)]  # fmt: skip
        # Its own session: `libreoffice` is a wrapper that starts soffice.bin as a grandchild.
        proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True, start_new_session=True)  # fmt: skip
        try:
            stdout, stderr = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            raise PdfConversionError(f"timeout after {timeout:g} s") from None
        target = Path(tmp) / "deck.pdf"
        if not target.exists() or target.stat().st_size == 0:
            reason = (stderr or stdout or f"exit code {proc.returncode}").strip()
            raise PdfConversionError(reason.splitlines()[-1] if reason else "no output")
        return target.read_bytes()
