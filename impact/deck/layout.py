"""Where a deck slide's text and chart go on a 16:9 slide, and where a slide is split.

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

from dataclasses import dataclass, replace

from pptx.dml.color import RGBColor
from pptx.enum.text import PP_ALIGN

from impact import i18n
from impact.deck.model import Block, Slide, Table, TableRow

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
_WIDTHS: dict[str, float] = {
    " ": 0.28,
    "·": 0.28,
    "%": 0.89,
    "–": 0.56,
    "—": 1.0,
    "→": 1.0,
    "●": 0.8,
    "○": 0.8,
    "≈": 0.6,
    "m": 0.84,
    "w": 0.73,
    "M": 0.84,
    "W": 0.95,
    "I": 0.28,
    "r": 0.34,
}
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
    return (
        Box(MARGIN + GAP, top, width, title_h),
        size,
        Box(MARGIN + GAP, top + title_h + 24, width, lines_h),
        Box(MARGIN, SLIDE_H - BOTTOM - foot_h, foot_w, foot_h),
    )
