"""The deck as a 16:9 PPTX: shapes placed where :mod:`impact.deck.layout` says.

python-pptx's default template is 4:3; the slide size is set here and every shape is placed
by hand (placeholders would stay where the 4:3 layout put them).
"""

from __future__ import annotations

import io

from PIL import Image
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.enum.lang import MSO_LANGUAGE_ID
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.util import Emu, Pt

from impact import i18n
from impact.deck.layout import (
    BLUE,
    BODY_SIZE,
    BOTTOM,
    CARD_GAP,
    CELL_PAD_X,
    CELL_PAD_Y,
    CHART_PX,
    COL_GAP,
    COVER_LINE_SIZE,
    FINDING_SIZE,
    FONT,
    FOOTNOTE_SIZE,
    GAP,
    GREY,
    INK,
    LINE,
    MARGIN,
    MARK_FILL,
    MARK_H,
    MARK_W,
    PAD_X,
    PAD_Y,
    PAGE_W,
    PALE,
    SECTION_FILL,
    SLIDE_H,
    SLIDE_W,
    STRIPE,
    VALUE_SIZES,
    WHITE,
    Box,
    Frame,
    Para,
    _block_paras,
    _cell_paras,
    _column_width,
    _footnote_paras,
    _grid_rows,
    _table_col_widths,
    block_height,
    cover_layout,
    frame,
    paras_height,
    table_row_height,
    wrap,
)
from impact.deck.model import Card, DeckOptions, Slide, Table
from impact.figures import charts
from impact.figures.marks import with_mark


def _emu(points: float) -> Emu:
    return Emu(int(round(points * 12700)))


def _language(lang: str) -> MSO_LANGUAGE_ID:
    return MSO_LANGUAGE_ID.ENGLISH_US if lang == "en" else MSO_LANGUAGE_ID.INDONESIAN


def _fill_text_frame(
    tf,
    paras: list[Para],
    lang: str,
    pad_x: float = PAD_X,
    pad_y: float = PAD_Y,
    anchor: MSO_ANCHOR = MSO_ANCHOR.TOP,
) -> None:
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
    shape = _rect(
        slide,
        box,
        MARK_FILL if status != "reported" else SECTION_FILL,
        name,
        MSO_SHAPE.ROUNDED_RECTANGLE,
    )
    shape.line.fill.solid()
    shape.line.color.rgb = GREY if status != "reported" else BLUE
    shape.line.width = Pt(1.5)
    if status != "reported":
        shape.line.dash_style = MSO_LINE_DASH_STYLE.DASH
    _fill_text_frame(
        shape.text_frame,
        [Para(text, BODY_SIZE, True, INK, align=PP_ALIGN.CENTER)],
        lang,
        pad_x=4,
        pad_y=2,
        anchor=MSO_ANCHOR.MIDDLE,
    )


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


def _card_paras(fig: Card, width: float) -> list[Para]:
    return [
        Para(fig.label, BODY_SIZE, False, GREY, space_after=4),
        Para(fig.value, _value_size(fig.value, width), True, BLUE, space_after=6),
        *(Para(d, BODY_SIZE, space_after=4) for d in fig.details),
    ]


def _cards(slide, figures: tuple[Card, ...], box: Box, lang: str) -> None:
    n = len(figures)
    w = (box.w - (n - 1) * CARD_GAP) / n
    text_h = max(paras_height(_card_paras(f, w - 2 * GAP), w - 2 * GAP) for f in figures)
    chip_w = min(w - 2 * GAP, MARK_W)
    # A status with its BPS mark ('Dilaporkan · angka sangat sementara') may take two lines.
    chips = [with_mark(f.status, f.mark, lang) if f.status else "" for f in figures]
    chip_h = max(
        MARK_H,
        *(paras_height([Para(c, BODY_SIZE, True)], chip_w, pad_x=4, pad_y=2) for c in chips if c),
    )
    card_h = min(box.h, text_h + chip_h + 3 * GAP)
    for i, fig in enumerate(figures):
        x = box.x + i * (w + CARD_GAP)
        _rect(slide, Box(x, box.y, w, card_h), PALE, f"card-{i + 1}")
        _textbox(
            slide,
            Box(x + GAP, box.y + GAP, w - 2 * GAP, text_h),
            _card_paras(fig, w - 2 * GAP),
            lang,
            f"card-text-{i + 1}",
        )
        if fig.status:
            chip = Box(x + GAP, box.y + card_h - GAP - chip_h, chip_w, chip_h)
            _chip(slide, chip, chips[i], fig.status, lang, f"status-{fig.status}")


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
            _textbox(
                slide,
                Box(x, y, w, block_height(block, s.columns)),
                _block_paras(block, s.columns),
                lang,
                f"block-{r + 1}-{c + 1}",
            )
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
    elif s.cards:
        _cards(slide, s.cards, f.body, lang)
    elif s.table is not None:
        _table(slide, s.table, f.body, lang)
    elif s.blocks:
        _blocks(slide, s, f.body, lang)
    _footer(slide, s, f, index, count, lang)


WATERMARK_RED = RGBColor(0xC0, 0x1C, 0x1C)
WATERMARK_ALPHA = 30  # percent opaque: the slide stays readable under it


def _watermark(slide, text: str, lang: str) -> None:
    """The practice pack's mark across the slide: large, tilted, translucent red text on top
    of everything, so no slide of a pack with example figures can pass for official."""
    box = Box(MARGIN, SLIDE_H / 2 - 45, SLIDE_W - 2 * MARGIN, 90)
    shape = _textbox(
        slide,
        box,
        [Para(text, 44, True, WATERMARK_RED, align=PP_ALIGN.CENTER)],
        lang,
        "watermark",
        anchor=MSO_ANCHOR.MIDDLE,
    )
    shape.rotation = -18
    # python-pptx has no API for a colour's transparency: <a:alpha> inside the run's colour.
    for colour in shape._element.iter(
        "{http://schemas.openxmlformats.org/drawingml/2006/main}srgbClr"
    ):
        alpha = colour.makeelement(
            "{http://schemas.openxmlformats.org/drawingml/2006/main}alpha",
            {"val": str(WATERMARK_ALPHA * 1000)},
        )
        colour.append(alpha)


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
        if s.watermark:
            _watermark(slide, s.watermark, lang)
        slide.notes_slide.notes_text_frame.text = s.notes
    props = prs.core_properties
    props.title = slides[0].title if slides else options.title
    props.author = options.agency or i18n.t("app.title", lang)
    props.subject = i18n.t("nav.deck", lang)
    props.language = "en-US" if lang == "en" else "id-ID"
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()
