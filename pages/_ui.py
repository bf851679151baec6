"""The Streamlit edge: cached access to `impact`, the language in use and small render helpers.

Pages import from here so that caching and escaping are decided once. Cached results are
keyed on the database path and its data version, so a new upload shows at once.
"""

from __future__ import annotations

import re

import altair as alt
import pandas as pd
import streamlit as st

from impact import headlines, i18n, indicators, store

_BADGE_COLOURS = {
    "reported": "blue",
    "estimated": "orange",
    "illustrative": "gray",
    "computed": "violet",
}
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:$])")


def lang() -> str:
    """The language picked in app.py (Indonesian unless changed)."""
    return i18n.normalize_lang(st.session_state.get("lang"))


def t(key: str, **params: object) -> str:
    return i18n.t(key, lang(), **params)


@st.cache_resource(show_spinner=False)
def _ensure(path: str) -> str:
    store.ensure_database(path)
    return path


def db() -> tuple[str, int]:
    """(database path, data version): create/seed on first use, then read the version."""
    path = _ensure(str(store.db_path_from_env()))
    return path, store.data_version(path)


@st.cache_data(show_spinner=False)
def registry(path: str, version: int) -> dict[str, indicators.Indicator]:
    return indicators.load_registry(path)


@st.cache_data(show_spinner=False)
def observations(path: str, version: int, code: str, region: str, sector: str) -> pd.DataFrame:
    return store.observations(path, code, region, sector)


@st.cache_data(show_spinner=False)
def headline(
    path: str,
    version: int,
    code: str,
    region: str,
    sector: str,
    start: int,
    end: int,
    with_real: bool = False,
) -> headlines.Headline:
    reg = registry(path, version)
    return headlines.headline(
        path, indicators.get(reg, code), region, sector, start, end, with_real=with_real
    )


@st.cache_data(show_spinner=False)
def obstacles(path: str, version: int) -> pd.DataFrame:
    return store.obstacles_with_latest_severity(path)


def plain(text: object) -> str:
    """Escape Markdown so stored or uploaded text renders as the literal text it is."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", str(text))


def badge(status: str) -> str:
    """A Markdown badge naming a figure's status, e.g. ':blue-badge[Dilaporkan]'."""
    text = t("card.computed") if status == "computed" else i18n.label("status", status, lang())
    return f":{_BADGE_COLOURS[status]}-badge[{plain(text)}]"


def source_lines(sources: tuple[str, ...] | list[str]) -> str:
    return "  \n".join(plain(t("source.line", source=s)) for s in sources)


def chart_with_table(chart: alt.TopLevelMixin, table: pd.DataFrame) -> None:
    """A chart as drawn by Vega (theme=None keeps our fonts and locale) with its data below."""
    st.altair_chart(chart, width="stretch", theme=None)
    with st.expander(t("table.show")):
        st.dataframe(table, hide_index=True, width="stretch")
