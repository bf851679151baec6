"""The one-page brief (ringkasan eksekutif): one A4 portrait page, PDF, for a DPRD commission.

Built from the deck's own figures (:func:`impact.deck.content.brief_content`: the same cards,
achievement table, obstacles and recommendations as the slides), laid out as a commission
reads a brief: the headline findings with status and source, the achievement table, the four
obstacle categories, and the matrix problem | field data | related rule or plan | follow-up.
No wording, rounding or status rule of its own: every sentence comes from the figure layer or
the catalogue (:func:`impact.i18n.t`); this module only places text on the page.

Made for black-and-white printing: status is written in words, never carried by colour; the
only fills are light greys behind header rows; no text is under 8 pt. It is one page by rule:
when the data would fill more, the lists are shortened step by step (the top items, then
'dan N lainnya') and the page says it was shortened; it never spills onto a second page.

The PDF is drawn by ReportLab (pure Python, no LibreOffice) in Bitstream Vera, the TrueType
face shipped inside the ReportLab package (DejaVu's parent: Indonesian Latin, 'Rp', '–', '−',
'≥'), embedded in the file; the few symbols Vera lacks ('→') are drawn from the PDF's standard
Symbol face, which every PDF reader has.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

import reportlab
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import Flowable

from impact import i18n
from impact.deck import content
from impact.deck.model import BriefContent, DeckOptions, format_hearing_date
from impact.figures.marks import with_mark

PAGE = A4  # portrait, points (595.3 x 841.9)
MARGIN = 10 * mm  # every side: inside what any office printer prints (most need ~5 mm)
WIDTH = PAGE[0] - 2 * MARGIN
FONT, BOLD = "BriefSans", "BriefSans-Bold"
SYMBOL = "Symbol"  # a standard PDF face: no embedding needed
BODY_PT = 8.0  # the smallest text on the page
GRID = colors.Color(0.35, 0.35, 0.35)  # table rules: dark enough to survive a photocopy
HEAD_FILL = colors.Color(0.85, 0.85, 0.85)  # header rows: light grey, black text on it
BAND_FILL = colors.Color(0.93, 0.93, 0.93)  # a heading row inside a table

# How far the lists are cut when the page is full, one step at a time, least missed first:
# obstacles per category, items per matrix cell (problems, field data, plan documents),
# achievement rows, detail lines per headline figure. Each level is the one before with one
# more cut; the fullest level that fits one page wins.
_FULL: dict[str, int | None] = {
    "obstacles": None,
    "targets": None,
    "items": None,
    "details": None,
    "collecting": None,
}
_STEPS = (
    ("collecting", 6),
    ("obstacles", 3),
    ("items", 3),
    ("targets", 8),
    ("details", 2),
    ("obstacles", 2),
    ("items", 2),
    ("targets", 6),
    ("targets", 4),
    ("details", 1),
    ("obstacles", 1),
    ("items", 1),
    ("targets", 3),
    ("targets", 2),
    ("details", 0),
    ("collecting", 3),
    ("collecting", 0),  # the names in one sentence; the pack's last slide has the rest
)


def _levels() -> tuple[dict[str, int | None], ...]:
    levels = [_FULL]
    for key, limit in _STEPS:
        levels.append(levels[-1] | {key: limit})
    return tuple(levels)


LEVELS = _levels()


class BriefTooLongError(RuntimeError):
    """Even the shortest level of the brief did not fit one page (a bug: the tests guard it)."""


@dataclass(frozen=True)
class Brief:
    """The brief's PDF, every text drawn on it (plain, as laid out) and how far it was cut
    (0: nothing left out)."""

    pdf: bytes
    texts: tuple[str, ...]
    level: int


# --- fonts -----------------------------------------------------------------------------


@cache
def _fonts() -> frozenset[int]:
    """Register the embedded faces once; the code points the body face draws."""
    folder = Path(reportlab.__file__).parent / "fonts"
    regular = TTFont(FONT, str(folder / "Vera.ttf"))
    pdfmetrics.registerFont(regular)
    pdfmetrics.registerFont(TTFont(BOLD, str(folder / "VeraBd.ttf")))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=FONT, boldItalic=BOLD)
    return frozenset(regular.face.charToGlyph)


def _symbol_chars() -> frozenset[str]:
    """Characters the standard Symbol face draws (arrows and the like)."""
    from reportlab.pdfbase.rl_codecs import RL_Codecs

    RL_Codecs.register()
    found = set()
    for char in "→←↑↓↔⇒•":
        try:
            char.encode("symbol")
        except UnicodeEncodeError:
            continue
        found.add(char)
    return frozenset(found)


def missing_glyphs(text: str) -> set[str]:
    """Characters of ``text`` that neither the embedded face nor Symbol can draw."""
    drawable = _fonts()
    symbols = _symbol_chars()
    return {c for c in text if ord(c) not in drawable and c not in symbols and c != "\n"}


def _markup(text: str) -> str:
    """Plain text (data, uploads, the planner's title) as safe Paragraph markup: escaped, with
    the characters the body face lacks switched to the Symbol face."""
    drawable, symbols = _fonts(), _symbol_chars()
    out = []
    for char in text:
        if ord(char) not in drawable and char in symbols:
            out.append(f'<font face="{SYMBOL}">{escape(char)}</font>')
        else:
            out.append(escape(char))
    return "".join(out)


# --- styles ----------------------------------------------------------------------------


def _style(
    name: str, size: float = BODY_PT, bold: bool = False, space: float = 0
) -> ParagraphStyle:
    return ParagraphStyle(
        name,
        fontName=BOLD if bold else FONT,
        fontSize=size,
        leading=size * 1.17,
        alignment=TA_LEFT,
        spaceBefore=space,
        textColor=colors.black,
        splitLongWords=True,
    )


BODYS = _style("body")
BOLDS = _style("bold", bold=True)
KICKER = _style("kicker", 9, bold=True)
TITLE = _style("title", 14, bold=True)
SECTION = _style("section", 10, bold=True, space=4)
WATERMARK = _style("watermark", 11, bold=True)  # a practice brief's first line, in words


# --- what is drawn -----------------------------------------------------------------------


class _Sheet:
    """Collects the flowables and the plain text of every paragraph, and numbers sources."""

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.sources: dict[str, int] = {}

    def para(self, text: str, style: ParagraphStyle = BODYS, bold_head: str = "") -> Paragraph:
        """A paragraph of plain ``text`` (escaped); ``bold_head`` before it in bold."""
        self.texts += [t for t in (bold_head, text) if t]
        markup = _markup(text)
        if bold_head:
            markup = f"<b>{_markup(bold_head)}</b>" + (f"<br/>{markup}" if text else "")
        return Paragraph(markup, style)

    def lines(self, lines: list[str] | tuple[str, ...], style: ParagraphStyle = BODYS) -> Paragraph:
        """Several lines in one cell, one under the other."""
        self.texts += [line for line in lines if line]
        return Paragraph("<br/>".join(_markup(line) for line in lines if line), style)

    def refs(self, sources: tuple[str, ...] | list[str], lang: str) -> str:
        """'[1, 2]': the numbers of ``sources`` in the brief's list of sources."""
        numbers = []
        for source in dict.fromkeys(sources):
            text = i18n.data_text(source, lang)
            numbers.append(self.sources.setdefault(text, len(self.sources) + 1))
        return "[" + ", ".join(str(n) for n in numbers) + "]" if numbers else ""


def _table(rows: list[list[Flowable]], widths: tuple[float, ...], bands: tuple[int, ...] = ()):
    table = Table(
        rows,
        colWidths=[WIDTH * w for w in widths],
        repeatRows=0,
        hAlign="LEFT",
    )
    style = [
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]
    for row in bands:
        style += [("SPAN", (0, row), (-1, row)), ("BACKGROUND", (0, row), (-1, row), BAND_FILL)]
    table.setStyle(TableStyle(style))
    return table


def _cut(items: list[str], limit: int | None, lang: str) -> list[str]:
    """The first ``limit`` items and 'dan N lainnya' for the rest (all when None)."""
    if limit is None or len(items) <= limit:
        return items
    return [*items[:limit], i18n.t("brief.more", lang, count=len(items) - limit)]


def _bullets(text: str) -> list[str]:
    """A deck cell's lines ('• …' each)."""
    return [line for line in text.split("\n") if line.strip()]


def _header(sheet: _Sheet, brief: BriefContent) -> list[Flowable]:
    options, lang = brief.options, brief.options.lang
    t = lambda key, **kw: i18n.t(key, lang, **kw)  # noqa: E731
    date = format_hearing_date(options.date, lang)
    scope = t(
        "brief.scope", region=brief.region_name, start=options.start_year, end=options.end_year
    )
    line = " · ".join(p for p in (scope, options.agency.strip(), date) if p)
    practice = [sheet.para(t("deck.watermark"), WATERMARK)] if options.illustrative else []
    return [
        *practice,
        sheet.para(t("brief.kicker").upper(), KICKER),
        sheet.para(options.title.strip() or t("deck.default_title"), TITLE),
        sheet.para(line, BODYS),
        sheet.para(brief.as_of, BOLDS),
    ]


def _findings(sheet: _Sheet, brief: BriefContent, level: dict) -> list[Flowable]:
    lang = brief.options.lang
    t = lambda key: i18n.t(key, lang)  # noqa: E731
    head = [
        sheet.para(t(k), BOLDS)
        for k in ("brief.col.figure", "brief.col.value", "brief.col.detail", "table.status")
    ] + [sheet.para(t("table.source"), BOLDS)]
    rows: list[list[Flowable]] = [head]
    bands = []
    for heading, findings in brief.findings:
        bands.append(len(rows))
        rows.append([sheet.para(heading, BOLDS), "", "", "", ""])
        for finding in findings:
            card = finding.card
            details = list(card.details)
            if level["details"] is not None:
                details = details[: level["details"]]
            status = with_mark(card.status, card.mark, lang) if card.status else "–"
            weight = BODYS if card.status in (None, "reported") else BOLDS  # not reported: bold
            rows.append(
                [
                    sheet.para(card.label),
                    sheet.para(card.value, BOLDS),
                    sheet.lines(details),
                    sheet.para(status, weight),
                    sheet.para(sheet.refs(finding.sources, lang)),
                ]
            )
    return [
        sheet.para(t("brief.section.findings"), SECTION),
        Spacer(0, 2),
        _table(rows, (0.24, 0.13, 0.43, 0.11, 0.09), tuple(bands)),
    ]


# The achievement table's columns (content.TARGET_COLUMNS: indicator, year, target,
# realisation, achievement, category, met) on the page: the last holds '(ilustratif)'.
TARGET_WIDTHS = (0.29, 0.07, 0.09, 0.11, 0.13, 0.12, 0.19)


def _targets(sheet: _Sheet, brief: BriefContent, level: dict) -> list[Flowable]:
    lang, slide = brief.options.lang, brief.targets
    out: list[Flowable] = [sheet.para(i18n.t("brief.section.targets", lang), SECTION)]
    if slide is None or slide.table is None:
        what = i18n.t("deck.fill.targets", lang, start=brief.options.start_year,
                      end=brief.options.end_year)  # fmt: skip
        return [*out, sheet.para(i18n.t("brief.none", lang, what=what))]
    table = slide.table
    body = list(table.rows)
    limit = level["targets"]
    rows: list[list[Flowable]] = [[sheet.para(c, BOLDS) for c in table.columns]]
    for row in body if limit is None else body[:limit]:
        rows.append([sheet.para(cell) for cell in row.cells])
    bands: tuple[int, ...] = ()
    if limit is not None and len(body) > limit:
        bands = (len(rows),)
        more = i18n.t("brief.more", lang, count=len(body) - limit)
        rows.append([sheet.para(more), *[""] * (len(table.columns) - 1)])
    refs = sheet.refs(slide.sources, lang)
    return [
        *out,
        sheet.para(f"{slide.title} {refs}".strip()),
        Spacer(0, 2),
        _table(rows, TARGET_WIDTHS, bands),
    ]


def _obstacles(sheet: _Sheet, brief: BriefContent, level: dict) -> list[Flowable]:
    lang, slide = brief.options.lang, brief.obstacles
    out: list[Flowable] = [sheet.para(i18n.t("brief.section.obstacles", lang), SECTION)]
    if slide is None or slide.table is None:
        what = i18n.t("deck.fill.obstacles", lang, end=brief.options.end_year)
        return [*out, sheet.para(i18n.t("brief.none", lang, what=what))]
    table = slide.table
    # Category and its obstacles, one after the other on the line: the figures they hold
    # back are the matrix's field data below.
    rows: list[list[Flowable]] = [[sheet.para(c, BOLDS) for c in table.columns[:2]]]
    for row in table.rows:
        label, items = row.cells[:2]
        listed = _cut(_bullets(items), level["obstacles"], lang)
        rows.append([sheet.para(label, BOLDS), sheet.para("   ".join(listed))])
    refs = sheet.refs(slide.sources, lang)
    return [
        *out,
        sheet.para(f"{slide.finding} {refs}".strip()),
        Spacer(0, 2),
        _table(rows, (0.13, 0.87)),
    ]


PROBLEMS = {  # the study's problem behind each recommendation, when no obstacle is recorded
    "synergy": "brief.problem.synergy",
    "continuity": "brief.problem.continuity",
    "resources": "brief.problem.resources",
    "evaluation": "brief.problem.evaluation",
}


def _matrix(sheet: _Sheet, brief: BriefContent, level: dict) -> list[Flowable]:
    lang = brief.options.lang
    t = lambda key, **kw: i18n.t(key, lang, **kw)  # noqa: E731
    keys = ("brief.col.problem", "brief.col.data", "brief.col.plan", "brief.col.follow_up")
    rows: list[list[Flowable]] = [[sheet.para(t(k), BOLDS) for k in keys]]
    for follow in brief.follow_ups:
        bullet = lambda items: [t("deck.bullet", text=i) for i in items]  # noqa: E731
        problems = bullet(follow.problems or [t(PROBLEMS[follow.code])])
        data = bullet(follow.data or [t("deck.ev.none")])
        plans = list(follow.plans) or [t("brief.plan.none")]
        refs = sheet.refs(follow.sources, lang)
        data = _cut(data, level["items"], lang)
        rows.append(
            [
                sheet.lines(_cut(problems, level["items"], lang)),
                sheet.lines([*data[:-1], f"{data[-1]} {refs}".strip()]),
                sheet.lines(_cut(plans, level["items"], lang)),
                sheet.para(follow.body, bold_head=follow.heading),
            ]
        )
    return [
        sheet.para(t("brief.section.matrix"), SECTION),
        Spacer(0, 2),
        _table(rows, (0.24, 0.27, 0.19, 0.30)),
    ]


COLLECTING_WIDTHS = (0.2, 0.35, 0.24, 0.21)


def _collecting(sheet: _Sheet, brief: BriefContent, level: dict) -> list[Flowable]:
    """The box 'Data yang masih dikumpulkan': what the pack of the same options leaves out,
    what would fill it, who holds it and the template (the deck's last slide, as a table)."""
    if not brief.collecting:
        return []
    lang = brief.options.lang
    t = lambda key: i18n.t(key, lang)  # noqa: E731
    lines = list(brief.collecting)
    limit = level["collecting"]
    if limit == 0:  # no room for the table: every name still listed, in one sentence
        names = "; ".join(line.what for line in lines)
        return [
            sheet.para(t("brief.section.collecting"), SECTION),
            sheet.para(i18n.t("brief.collecting.short", lang, names=names)),
        ]
    keys = ("collecting.col.what", "collecting.col.needs", "collecting.col.offices")
    rows: list[list[Flowable]] = [
        [sheet.para(t(k), BOLDS) for k in (*keys, "collecting.col.template")]
    ]
    for line in lines if limit is None else lines[:limit]:
        rows.append([sheet.para(c) for c in (line.what, line.needs, line.offices, line.template)])
    bands: tuple[int, ...] = ()
    if limit is not None and len(lines) > limit:
        bands = (len(rows),)
        rows.append([sheet.para(i18n.t("brief.more", lang, count=len(lines) - limit)), "", "", ""])
    finding = "collecting.finding.practice" if brief.options.illustrative else "collecting.finding"
    return [
        sheet.para(t("brief.section.collecting"), SECTION),
        sheet.para(t(finding)),
        Spacer(0, 2),
        _table(rows, COLLECTING_WIDTHS, bands),
    ]


def _footer(sheet: _Sheet, brief: BriefContent, level: int) -> list[Flowable]:
    lang = brief.options.lang
    out: list[Flowable] = [Spacer(0, 4), sheet.para(i18n.t("brief.status_note", lang))]
    if level:
        out.append(sheet.para(i18n.t("brief.shortened", lang), BOLDS))
    listed = "; ".join(f"[{n}] {source}" for source, n in sheet.sources.items())
    out.append(sheet.para(f"{i18n.t('brief.sources', lang)}: {listed}"))
    return out


def _story(brief: BriefContent, level_index: int) -> tuple[list[Flowable], _Sheet]:
    level = LEVELS[level_index]
    sheet = _Sheet()
    story = [
        *_header(sheet, brief),
        *_findings(sheet, brief, level),
        *_targets(sheet, brief, level),
        *_obstacles(sheet, brief, level),
        *_matrix(sheet, brief, level),
        *_collecting(sheet, brief, level),
    ]
    story += _footer(sheet, brief, level_index)  # after the rest: the sources are numbered
    return story, sheet


class _OnePage(BaseDocTemplate):
    """One frame inside the margins; counts the pages the story took."""

    def __init__(self, buffer: io.BytesIO, title: str, lang: str, watermark: str = "") -> None:
        super().__init__(
            buffer,
            pagesize=PAGE,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=MARGIN,
            title=title,
            author="Dasbor Dampak Batik Blitar",
            lang=lang,
        )
        frame = Frame(MARGIN, MARGIN, WIDTH, PAGE[1] - 2 * MARGIN, 0, 0, 0, 0, id="page")
        self.watermark = watermark
        self.addPageTemplates([PageTemplate(id="brief", frames=[frame], onPage=self._mark)])

    def _mark(self, canvas, doc) -> None:
        """A practice brief's mark across the page, translucent, under nothing it hides."""
        if not self.watermark:
            return
        canvas.saveState()
        canvas.setFillColor(colors.Color(0.75, 0.11, 0.11, alpha=0.18))
        canvas.setFont(BOLD, 40)
        canvas.translate(PAGE[0] / 2, PAGE[1] / 2)
        canvas.rotate(35)
        canvas.drawCentredString(0, 0, self.watermark)
        canvas.restoreState()


def _draw(brief: BriefContent, index: int) -> tuple[bytes, int, tuple[str, ...]]:
    """(PDF bytes, pages it took, texts drawn) of the brief at level ``index``."""
    story, sheet = _story(brief, index)
    buffer = io.BytesIO()
    title = f"{i18n.t('brief.kicker', brief.options.lang)}: {brief.options.title.strip()}"
    watermark = i18n.t("deck.watermark", brief.options.lang) if brief.options.illustrative else ""
    doc = _OnePage(buffer, title, brief.options.lang, watermark)
    doc.build(story)
    return buffer.getvalue(), doc.page, tuple(sheet.texts)


def render(brief: BriefContent) -> Brief:
    """The brief as one A4 page: the fullest level of :data:`LEVELS` that fits. Each level
    holds less than the one before, so the first that fits is found by bisection (about six
    drawings of ~0.1 s instead of up to fifteen)."""
    _fonts()
    pdf, pages, texts = _draw(brief, 0)
    if pages == 1:
        return Brief(pdf, texts, 0)
    low, high = 0, len(LEVELS) - 1  # ``low`` does not fit; ``high`` is the best that does
    found = _draw(brief, high)
    if found[1] != 1:
        raise BriefTooLongError(brief.options.region)
    while high - low > 1:
        middle = (low + high) // 2
        drawn = _draw(brief, middle)
        if drawn[1] == 1:
            high, found = middle, drawn
        else:
            low = middle
    return Brief(found[0], found[2], high)


def build_brief(path: Path | str, options: DeckOptions) -> Brief:
    """The one-page brief of the deck ``options`` ask for (region, years, language, title,
    agency, date), from the store at ``path``."""
    return render(content.brief_content(path, options))


__all__ = ["Brief", "BriefTooLongError", "build_brief", "missing_glyphs", "render"]
