"""The Streamlit edge of the hearing deck: cached deck building for the deck page and the
presentation mode, and how one slide is drawn on screen (large type, one figure at a time).

Slides come from :func:`impact.deck.build_slides`, the same list the PPTX is written
from. Caches key on the database path and data version, so a new upload shows at once.
"""

from __future__ import annotations

from collections.abc import Callable

import altair as alt
import streamlit as st

from impact import deck, i18n
from impact.deck.model import PARAMS
from impact.figures.marks import with_mark
from pages import _render

PPTX_MIME = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
SCREEN_FONT_PX = 16  # chart axis and legend text on a slide
_FIT = alt.AutoSizeParams(type="fit", contains="padding")
_MARK_COLOURS = {"estimated": "orange", "illustrative": "gray"}


@st.cache_data(show_spinner=False)
def years(path: str, version: int, region: str) -> list[int]:
    return deck.available_years(path, region)


def url_index(name: str, options: list, default=None) -> int:
    """Index in ``options`` of the value the URL gives for the deck option ``name`` (see
    deck.PARAMS: region, start_year, end_year), else of ``default``, else 0. Plain values
    only: anything the options do not hold is ignored."""
    by_text = {str(o): i for i, o in enumerate(options)}
    given = st.query_params.get(PARAMS[name])
    if given in by_text:
        return by_text[given]
    return options.index(default) if default in options else 0


def _key(options: deck.DeckOptions) -> tuple:
    # Plain, hashable values for the caches (a date, strings, ints and a tuple).
    return tuple(sorted(vars(options).items()))


@st.cache_resource(show_spinner=False, max_entries=16)
def _build(path: str, version: int, key: tuple) -> tuple[list[deck.Slide], tuple[str, ...]]:
    return deck.build(path, deck.DeckOptions(**dict(key)))


def _slides(path: str, version: int, key: tuple) -> list[deck.Slide]:
    return _build(path, version, key)[0]


def slides(path: str, version: int, options: deck.DeckOptions) -> list[deck.Slide]:
    return _slides(path, version, _key(options))


def omitted(path: str, version: int, options: deck.DeckOptions) -> tuple[str, ...]:
    """The sections asked for that have no slide (no figures for the region and years)."""
    return _build(path, version, _key(options))[1]


@st.cache_data(show_spinner=False, max_entries=4)
def _pptx(path: str, version: int, key: tuple) -> bytes:
    return deck.write_pptx(_slides(path, version, key), deck.DeckOptions(**dict(key)))


def pptx(path: str, version: int, options: deck.DeckOptions) -> bytes:
    return _pptx(path, version, _key(options))


@st.cache_data(show_spinner=False, max_entries=4)
def _pdf(path: str, version: int, key: tuple) -> bytes:
    return deck.build_pdf(_pptx(path, version, key))


def pdf(path: str, version: int, options: deck.DeckOptions) -> bytes:
    """The PDF; raises deck.PdfUnavailableError / PdfConversionError (not cached)."""
    return _pdf(path, version, _key(options))


_PDF_ASKED = "deck_pdf_asked"  # the (path, version, options) whose PDF this session asked for


def pdf_download(path: str, version: int, options: deck.DeckOptions) -> None:
    """The PDF, made only when asked: a conversion holds LibreOffice for 2 to 30 s of the
    server's CPU, so a page view (or a new title typed by anyone) never starts one. A "make"
    button first; once clicked, the PDF of these options is converted (cached, so again
    instantly on reruns) and offered for download. A conversion that fails says so in her
    language (LibreOffice's words go to the server's log) and the button stays, to try again."""
    if not deck.pdf_available():
        st.warning(_render.t("deck.pdf.unavailable"))
        return
    wanted = (path, version, _key(options))
    if st.session_state.get(_PDF_ASKED) != wanted:
        if not st.button(
            _render.t("deck.pdf.make"), key="deck_pdf_make", icon=":material/picture_as_pdf:"
        ):
            return
        st.session_state[_PDF_ASKED] = wanted
    try:
        with st.spinner(_render.t("deck.pdf.making")):
            data = pdf(path, version, options)
    except deck.PdfUnavailableError:
        st.session_state.pop(_PDF_ASKED, None)
        st.warning(_render.t("deck.pdf.unavailable"))
        return
    except deck.PdfConversionError:  # its reason is in the server's log (impact.deck.pdf)
        st.session_state.pop(_PDF_ASKED, None)  # not converted again on every rerun
        st.warning(_render.t("deck.pdf.failed"))
        return
    st.download_button(
        _render.t("deck.download.pdf"),
        data,
        deck.file_name(options, "pdf"),
        "application/pdf",
        key="deck_pdf",
        on_click="ignore",
        icon=":material/picture_as_pdf:",
    )


@st.cache_data(show_spinner=False, max_entries=4)
def _brief(path: str, version: int, key: tuple) -> bytes:
    return deck.build_brief(path, deck.DeckOptions(**dict(key)))


def brief(path: str, version: int, options: deck.DeckOptions) -> bytes:
    """The one-page A4 brief of the same options (cached like the PDF)."""
    return _brief(path, version, _key(options))


# Type sizes of a slide's text (rem of the fitted page, see _FIT_CSS), by role.
_SIZES = {"value": "xl", "cover": "l", "block": "m", "finding": "s", "detail": "s", "head": "s"}


def _big(text: str, role: str, key: str) -> None:
    """Literal ``text`` in large type for its ``role`` (a card's value, a finding...): a
    paragraph in a keyed container that _FIT_CSS sizes, not a Markdown heading. Headings
    are structure a screen reader lists; used for type size, they put a value's h2 under a
    finding's h5 (axe: heading-order). ``key`` tells this text apart on the slide."""
    size = _SIZES[role]
    st.container(key="slide_size_" + size + "_" + key).markdown(_render.plain(text), anchors=False)


def _cell(text: str, bold: bool = False) -> str:
    """A table cell's lines as one compact Markdown paragraph (line breaks kept)."""
    lines = [_render.plain(line) for line in text.split("\n") if line]
    return "  \n".join(f"**{line}**" if bold else line for line in lines)


# Presentation mode only (the style element lives on that page and goes with it): the type
# scales with the screen, 16 px at 1280 x 720 and 24 px at 1920 x 1080, so the layout that fits
# one fits the other the same way; by the height on a 16:9 screen, by the width on a narrower
# one (a portrait window otherwise broke words: "Collabora/tion"); the slide is one column as
# tall as the screen and its chart takes what the text leaves. Static CSS written here, never text from a user.
_FIT_CSS = """<style>
html { font-size: min(calc(100vh / 45), calc(100vw / 80)) !important; }
[data-testid="stMainBlockContainer"] { padding-top: 3.6rem !important; padding-bottom: 0 !important; }
.st-key-slide { height: calc(100vh - 4.75rem) !important; flex: none !important; }
[class*="st-key-slide_title"] [data-testid="stText"] {
  font-size: 2.25rem; font-weight: 700; line-height: 1.2; letter-spacing: -0.01em; }
.st-key-slide > [data-testid="stElementContainer"]:has([data-testid="stVegaLiteChart"]) {
  flex: 1 1 0; min-height: 0; }
.st-key-slide > [data-testid="stElementContainer"]:has([data-testid="stVegaLiteChart"]) > div,
.st-key-slide > [data-testid="stElementContainer"]:has([data-testid="stVegaLiteChart"]) > div > div,
.st-key-slide [data-testid="stVegaLiteChart"] { height: 100%; }
[class*="st-key-slide_mark"] .stMarkdownBadge { font-size: 1.35rem !important; font-weight: 600;
  padding: 0.15em 0.6em; }
[class*="st-key-slide_mark_"] { padding-top: 0.75rem; }
.st-key-slide_watermark .stMarkdownBadge { font-size: 1.35rem !important; font-weight: 700; }
.st-key-slide_table { padding-bottom: 1.1rem !important; }
.st-key-slide_table p { font-size: 0.92rem; line-height: 1.3; margin-bottom: 0.1rem; }
.st-key-slide_table [data-testid="stVerticalBlock"] { gap: 0.35rem; }
.st-key-slide_foot p { font-size: 0.8rem; line-height: 1.3; }
[class*="st-key-slide_size_"] { padding-top: 0.6rem; }
[class*="st-key-slide_size_"] p { font-weight: 600; line-height: 1.2; margin: 0; }
[class*="st-key-slide_size_xl_"] { padding: 1rem 0 0.2rem; }
[class*="st-key-slide_size_l_"] { padding: 1rem 0 0.6rem; }
.st-key-slide_size_s_finding { padding-top: 0; }
[class*="st-key-slide_size_s_head"], [class*="st-key-slide_size_s_section"] { padding-bottom: 0.6rem; }
[class*="st-key-slide_size_xl_"] p { font-size: 2.25rem; }
[class*="st-key-slide_size_l_"] p { font-size: 1.75rem; }
[class*="st-key-slide_size_m_"] p { font-size: 1.5rem; }
[class*="st-key-slide_size_s_"] p { font-size: 1.25rem; }
</style>"""


def show(slide: deck.Slide, lang: str, nav: Callable[[], None]) -> None:
    """One slide of the presentation mode, full width: its title (``nav``, a callable drawing
    the slide buttons, at its right), the finding and status mark, then its one figure and
    the footnote. The slide fills the screen height and no more: the chart stretches into
    the space left, the type follows the screen (see ``_FIT_CSS``)."""
    st.html(_FIT_CSS)
    with st.container(key="slide", gap="small"):
        _slide(slide, lang, nav)


def _slide(slide: deck.Slide, lang: str, nav: Callable[[], None]) -> None:
    if slide.watermark:  # a practice pack: every slide says its figures are examples
        st.container(key="slide_watermark").markdown(
            f":red-badge[:material/warning: {_render.plain(slide.watermark)}]", anchors=False
        )
    head, side = st.columns([3.6, 1.4], vertical_alignment="top")
    with head:
        _title(slide.title)
    with side:
        nav()
    mark = slide.mark(lang)
    if slide.finding or mark:
        left, right = st.columns([3.6, 1.4], vertical_alignment="center")
        if slide.finding:
            with left:
                _big(slide.finding, "finding", "finding")
        if mark:  # large enough to read from the back of the room
            colour = _MARK_COLOURS.get(slide.status or "", "gray")
            right.container(key="slide_mark").markdown(
                f":{colour}-badge[:material/warning: {_render.plain(mark)}]", anchors=False
            )
    if slide.chart is not None:  # the space the text leaves, axes and legend included ("fit")
        st.vega_lite_chart(_screen_spec(slide.chart), width="stretch", height="stretch", theme=None)
    elif slide.cards:
        columns = st.columns(len(slide.cards), border=True)
        for number, (column, fig) in enumerate(zip(columns, slide.cards, strict=True)):
            with column:  # large text, not st.metric: a metric cuts a long value with "…"
                st.markdown(_render.plain(fig.label))
                _big(fig.value, "value", f"value{number}")
                for line, detail in enumerate(fig.details):
                    _big(detail, "detail", f"detail{number}_{line}")
                if fig.status:
                    st.container(key=f"slide_mark_{number}").markdown(
                        _render.badge(fig.status, with_mark(fig.status, fig.mark, _render.lang())),
                        anchors=False,
                    )
    elif slide.table is not None:
        _table(slide.table)
    elif slide.blocks:
        columns = st.columns(slide.columns, gap="large")
        for index, block in enumerate(slide.blocks):
            with columns[index % slide.columns]:
                if block.heading:
                    _big(block.heading, "block", f"block{index}")
                role = "cover" if slide.section == "cover" else "detail"  # room to spare
                for number, line in enumerate(block.lines):
                    _big(line, role, f"line{index}_{number}")
    if slide.footnote:
        with st.container(key="slide_foot"):
            st.caption("  \n".join(_render.plain(line) for line in slide.footnote))


def _screen_spec(chart: alt.TopLevelMixin) -> dict:
    """The slide's chart for a projector: sized to fit its box, and no axis, legend or label
    text under ``SCREEN_FONT_PX`` (Vega sizes text in pixels: the figure layer's 11-13 px
    vanish at the back of a hearing room), wherever the spec sets it. Nothing else changes."""
    spec = chart.properties(autosize=_FIT).to_dict()
    config = spec.setdefault("config", {})
    config["axisQuantitative"] = {"tickCount": 6, **config.get("axisQuantitative", {})}
    for part in ("axis", "legend", "header"):
        config[part] = {**config.get(part, {}), **dict.fromkeys(_FONT_KEYS, SCREEN_FONT_PX)}
    _at_least(spec, SCREEN_FONT_PX)
    return spec


_FONT_KEYS = ("labelFontSize", "titleFontSize")


def _at_least(node: object, px: int) -> None:
    """Raise every font size in a Vega-Lite spec (a tree of dicts and lists) to ``px``."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in (*_FONT_KEYS, "fontSize") and isinstance(value, int | float):
                node[key] = max(value, px)
            else:
                _at_least(value, px)
    elif isinstance(node, list):
        for item in node:
            _at_least(item, px)


def _title(text: str) -> None:
    """The slide title as plain text (st.text, large): a title can come from a shared link
    (?judul=), and Markdown, even escaped, turns a bare URL in it into a link."""
    st.container(key="slide_title").text(text, width="stretch")


def _table(table: deck.Table) -> None:
    widths = list(table.widths)
    with st.container(border=True, key="slide_table", gap="small"):
        for number, (column, text) in enumerate(
            zip(st.columns(widths), table.columns, strict=True)
        ):
            with column:
                _big(text, "head", f"head{number}")
        for number, row in enumerate(table.rows):
            if row.section:
                _big(row.cells[0], "head", f"section{number}")
                continue
            for column, text in zip(st.columns(widths), row.cells, strict=True):
                column.markdown(_cell(text))


def section_label(section: str, lang: str) -> str:
    return i18n.t(f"deck.section.{section}", lang)
