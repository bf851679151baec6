"""How the pages render: the language in use, texts, badges, escaped text, charts with their
data table and downloads, and the metrics of a change.

Escaping is decided here once: stored or uploaded text goes through :func:`plain`.
"""

from __future__ import annotations

import functools
import hashlib
import json
import pickle
import re
from pathlib import Path

import altair as alt
import pandas as pd
import streamlit as st

from impact import i18n
from impact.figures import charts, export, figure, tables
from impact.figures.figure import Figure
from pages import _data

_BADGE_COLOURS = {
    "reported": "blue",
    "estimated": "orange",
    "illustrative": "gray",
    "computed": "violet",
}


_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:$])")
_TYPOGRAPHIC_PAIRS = re.compile(r"([-<>~])(?=[->=])")
_AUTOLINK_STARTS = re.compile(r"(?i)(?<=:)(?=//)|(?<=www)(?=\.)|(?=@)")


@functools.cache
def _frame_css() -> str:
    return (Path(__file__).with_name("_frame.css")).read_text(encoding="utf-8")


def frame_style() -> None:
    """The frame's own CSS on this page (pages/_frame.css): readable captions and the print
    layout (A4, no sidebar or controls, charts whole). Called once per run by app.py."""
    st.html(f"<style>{_frame_css()}</style>")


def lang() -> str:
    """The language picked in app.py (Indonesian unless changed)."""
    return i18n.normalize_lang(st.session_state.get("lang"))


def t(key: str, **params: object) -> str:
    return i18n.t(key, lang(), **params)


def count(n: int) -> str:
    """A whole count as the language writes it: 60.000 (id), 60,000 (en)."""
    return i18n.format_number(n, lang(), 0)


def plain(text: object) -> str:
    """Escape Markdown so stored or uploaded text renders as the literal text it is."""
    # Streamlit's Markdown, after escapes are resolved, turns ' -- ' into an em dash, '->' and
    # '>=' into an arrow and a sign, and 'https://…', 'www.…' and 'a@b.id' into links. A word
    # joiner (U+2060, invisible) between the characters keeps them literal and unclickable.
    text = _TYPOGRAPHIC_PAIRS.sub("\\1\u2060", str(text))
    text = _AUTOLINK_STARTS.sub("\u2060", text)
    return _MARKDOWN_SPECIALS.sub(r"\\\1", text)


def badge(status: str, text: str | None = None) -> str:
    """A Markdown badge naming a figure's status, e.g. ':blue-badge[Dilaporkan]'; ``text``
    (the figure layer's words, e.g. with a BPS mark) replaces the plain status word."""
    if text is None:
        text = t("card.computed") if status == "computed" else i18n.label("status", status, lang())
    return f":{_BADGE_COLOURS[status]}-badge[{plain(text)}]"


@st.cache_data(show_spinner=False, max_entries=512)
def _chart_spec(kind: str, frame_key: str, options: str, _frame: pd.DataFrame) -> dict:
    return charts.build(kind, _frame, **json.loads(options)).to_dict()


def chart(kind: str, frame: pd.DataFrame, **options) -> dict:
    """A chart's Vega-Lite spec, built once per data and options (building and validating an
    Altair chart costs ~150 ms; a rerun with the same filters reuses it). ``kind`` is a key of
    charts.BUILDERS; options are plain values (formatter by name, see charts.LABEL_FORMATS).
    Every chart says how old its data are ('Data per …', last under its sources).

    The cache key holds the frame as a SHA-256 of its pickle: with Streamlit's own hashing of
    the frame (column by column) a view of the overview cost the server ~0.08 CPU-s, with the
    pickle ~0.05 (tests/bench_viewers.py). Equal pickles are equal frames, so a key never
    names another chart; frames equal but pickled apart at worst build the spec again.
    """
    options = {"as_of": _data.as_of_text(lang())} | options
    frame_key = hashlib.sha256(pickle.dumps(frame, protocol=5)).hexdigest()
    return _chart_spec(kind, frame_key, json.dumps(options, sort_keys=True, default=str), frame)


def chart_panel(chart: alt.TopLevelMixin | dict, table: pd.DataFrame, name: str) -> None:
    """A chart, its data table, and downloads of both (PNG, SVG, CSV); files named ``name``.

    Every file is made only when its button is pressed (a callable), so reruns stay fast.
    """
    if isinstance(chart, dict):
        title = chart.get("title", {}).get("text", "")
        st.vega_lite_chart(
            spec=chart,
            width="stretch",
            theme=None,
            alt=" ".join(title) if isinstance(title, list) else str(title),
        )
    else:
        st.altair_chart(chart, width="stretch", theme=None)
    table = tables.display(table, lang())  # headers, statuses and numbers in the language
    with st.expander(t("table.show")):
        st.dataframe(table, hide_index=True, width="stretch")
    png, svg, csv = st.columns(3)
    png.download_button(
        "PNG",
        lambda: charts.to_png(chart),
        f"{name}.png",
        "image/png",
        key=f"png_{name}",
        icon=":material/image:",
    )
    svg.download_button(
        "SVG",
        lambda: charts.to_svg(chart),
        f"{name}.svg",
        "image/svg+xml",
        key=f"svg_{name}",
        icon=":material/image:",
    )
    csv.download_button(
        t("download.csv"),
        lambda: export.to_csv_bytes(table),  # made on the click too: ~10% of an overview view
        f"{name}.csv",
        "text/csv",
        key=f"csv_{name}",
        icon=":material/table:",
    )


def figure_card(fig: Figure) -> None:
    """A figure's card: label and value, its years with the status badge, then each detail
    line with the badge of what it says (a computed CAGR is 'computed', never 'reported')."""
    st.metric(fig.label, fig.value_text)
    lines = [f"**{plain(fig.period)}** {badge(fig.status, figure.status_label(fig, lang()))}"]
    lines += [f"{plain(line.text)} {badge(line.status)}" for line in fig.details]
    st.markdown("  \n".join(lines))


def figure_metrics(fig: Figure) -> None:
    """A figure's change measures as metrics, under its years and status badge."""
    st.markdown(f"**{plain(fig.period)}** {badge(fig.status, figure.status_label(fig, lang()))}")
    for column, (label, value) in zip(st.columns(len(fig.metrics)), fig.metrics, strict=True):
        column.metric(label, value)


def figure_panel(fig: Figure, name: str, *, wide: bool = False, **layout: object) -> None:
    """A figure's chart, its table and their downloads (see chart_panel); ``wide`` for a chart
    across the page (longer title lines); ``layout`` sets the chart's height or wrap."""
    options = fig.chart["options"] | ({"wrap": (80, 130)} if wide else {}) | layout
    spec = chart(fig.chart["kind"], fig.chart["frame"], **options)
    if caption := fig.extra.get("caption"):  # the figure's own numbers under its chart
        st.caption(plain(caption))
    chart_panel(spec, fig.table, name)


_DROPZONE = '[data-testid="stFileUploaderDropzone"]'


def uploader_css(button_word: str) -> str:
    """A style element that hides Streamlit's English words in the file picker: its "400MB per
    file" (not our limit; the label gives ours) and its button's "Upload", drawn instead as
    ``button_word`` (a catalogue text; CSS generated content also names the button for screen
    readers). The word is written as a CSS string with every character escaped as code point."""
    escaped = "".join(f"\\{ord(c):06x}" for c in button_word)
    return (
        "<style>"
        '[data-testid="stFileUploaderDropzoneInstructions"]{display:none}'
        f'{_DROPZONE} button [data-testid="stMarkdownContainer"] p{{display:none}}'
        f'{_DROPZONE} button [data-testid="stMarkdownContainer"]::after{{content:"{escaped}"}}'
        "</style>"
    )
