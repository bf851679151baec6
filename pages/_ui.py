"""The Streamlit edge: cached access to `impact`, the language in use and small render helpers.

Pages import from here so that caching and escaping are decided once. Cached results are
keyed on the database path and its data version, so a new upload shows at once.
"""

from __future__ import annotations

import json
import re

import altair as alt
import pandas as pd
import streamlit as st
from streamlit.errors import StreamlitSecretNotFoundError

from impact import auth, charts, equity, export, growth, headlines, i18n, indicators, store, uploads

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


def count(n: int) -> str:
    """A whole count as the language writes it: 60.000 (id), 60,000 (en)."""
    return i18n.format_number(n, lang(), 0)


@st.cache_resource(show_spinner=False)
def _ensure(path: str) -> str:
    store.ensure_database(path)
    return path


@st.cache_data(show_spinner=False, ttl=2)
def _version(path: str) -> int:
    # Opening DuckDB costs ~20 ms; a rerun within 2 s reuses the number. Writes made by this
    # process call refresh(), so they show at once; a CLI import shows within 2 s.
    return store.data_version(path)


def db() -> tuple[str, int]:
    """(database path, data version): create/seed on first use, then read the version."""
    path = _ensure(str(store.db_path_from_env()))
    return path, _version(path)


def refresh() -> None:
    """After this process wrote (upload, revert): every cached figure is read again."""
    _version.clear()


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


# --- editors ---------------------------------------------------------------------------


def editor_config() -> auth.EditorConfig:
    """Editors from `.streamlit/secrets.toml` ([editors] name = hash) and the environment."""
    try:
        section = st.secrets.get("editors")
    except StreamlitSecretNotFoundError:
        section = None
    return auth.EditorConfig.load(section)


@st.cache_resource(show_spinner=False)
def _throttle() -> auth.LoginThrottle:
    # One per server process: reloading the page does not reset the failure count.
    return auth.LoginThrottle()


def signed_in_editor() -> str | None:
    """The editor's name if this session signed in; else shows the sign-in form and None."""
    if st.session_state.get("editor"):
        with st.sidebar:
            st.markdown(t("signin.as", name=plain(st.session_state["editor"])))
            if st.button(t("signin.signout"), key="signout"):
                del st.session_state["editor"]
                st.rerun()
        return st.session_state["editor"]
    config = editor_config()
    if not config.enabled:
        st.warning(t("signin.disabled"))
        return None
    st.caption(t("signin.why"))
    with st.form("signin"):
        st.subheader(t("signin.title"))
        name = st.text_input(t("signin.name"))
        password = st.text_input(t("signin.password"), type="password")
        submitted = st.form_submit_button(t("signin.submit"), type="primary")
    if submitted:
        try:
            if _throttle().sign_in(config, name, password):
                st.session_state["editor"] = name.strip()
                st.rerun()
            st.error(t("signin.failed"))
        except auth.LockedOutError as exc:
            st.error(t("signin.locked", seconds=exc.seconds))
    return None


@st.cache_data(show_spinner=False)
def vocabulary(path: str, version: int):
    return uploads.load_vocabulary(path)


@st.cache_data(show_spinner=False)
def upload_history(path: str, version: int):
    return uploads.history(path)


# --- filters that live in the URL ------------------------------------------------------


def url_choice(key: str, label: str, options: list, labels: dict | None = None, default=None):
    """A select box whose value lives in the URL (?key=value), so a link reproduces the view.

    Only plain values from ``options`` are accepted from the URL; anything else falls back to
    ``default`` (or the first option).
    """
    options = list(options)
    if not options:
        return None
    names = {str(o): o for o in options}
    fallback = default if default in options else options[0]
    chosen = names.get(st.query_params.get(key, ""), fallback)
    shown = labels or {}
    value = st.selectbox(
        label, options, index=options.index(chosen), key=f"url_{key}",
        format_func=lambda o: str(shown.get(o, o)),
    )  # fmt: skip
    st.query_params[key] = str(value)
    return value


# --- charts with their data and downloads ----------------------------------------------


@st.cache_data(show_spinner=False, max_entries=512)
def _chart_spec(kind: str, frame: pd.DataFrame, options: str) -> dict:
    return charts.BUILDERS[kind](frame, **json.loads(options)).to_dict()


def chart(kind: str, frame: pd.DataFrame, **options) -> dict:
    """A chart's Vega-Lite spec, built once per data and options (building and validating an
    Altair chart costs ~150 ms; a rerun with the same filters reuses it). ``kind`` is a key of
    charts.BUILDERS; options are plain values (formatter by name, see charts.LABEL_FORMATS)."""
    return _chart_spec(kind, frame, json.dumps(options, sort_keys=True, default=str))


def chart_panel(chart: alt.TopLevelMixin | dict, table: pd.DataFrame, name: str) -> None:
    """A chart, its data table, and downloads of both (PNG, SVG, CSV); files named ``name``.

    PNG/SVG are rendered only when their button is pressed (a callable), so reruns stay fast.
    """
    if isinstance(chart, dict):
        title = chart.get("title", {}).get("text", "")
        st.vega_lite_chart(spec=chart, width="stretch", theme=None,
                           alt=" ".join(title) if isinstance(title, list) else str(title))  # fmt: skip
    else:
        st.altair_chart(chart, width="stretch", theme=None)
    with st.expander(t("table.show")):
        st.dataframe(table, hide_index=True, width="stretch")
    png, svg, csv = st.columns(3)
    png.download_button("PNG", lambda: charts.to_png(chart), f"{name}.png", "image/png",
                        key=f"png_{name}", icon=":material/image:")  # fmt: skip
    svg.download_button("SVG", lambda: charts.to_svg(chart), f"{name}.svg", "image/svg+xml",
                        key=f"svg_{name}", icon=":material/image:")  # fmt: skip
    csv.download_button(t("download.csv"), export.to_csv_bytes(table), f"{name}.csv", "text/csv",
                        key=f"csv_{name}", icon=":material/table:")  # fmt: skip


@st.cache_data(show_spinner=False)
def catalog(path: str, version: int) -> pd.DataFrame:
    return store.series_catalog(path)


@st.cache_data(show_spinner=False)
def obstacle_severity(path: str, version: int) -> pd.DataFrame:
    return store.obstacle_severity(path)


@st.cache_data(show_spinner=False)
def obstacle_links(path: str, version: int) -> pd.DataFrame:
    return store.obstacle_links(path)


@st.cache_data(show_spinner=False)
def collaboration(path: str, version: int) -> pd.DataFrame:
    return store.collaboration_scores(path)


@st.cache_data(show_spinner=False)
def programs(path: str, version: int, region: str | None = None) -> pd.DataFrame:
    return store.program_summary(path, region)


@st.cache_data(show_spinner=False)
def all_observations(
    path: str, version: int, indicator=None, region=None, status=None
) -> pd.DataFrame:
    return store.all_observations(path, indicator, region, status)


@st.cache_data(show_spinner=False)
def names(path: str, version: int, table: str, language: str) -> dict[str, str]:
    """code -> name in ``language``, for region/sector/program_type/indicator."""
    frame = store.read_table(path, table)
    column = "name_en" if language == "en" else "name_id"
    return dict(zip(frame["code"], frame[column], strict=True))


def change_metrics(
    comparison: growth.Comparison, unit_format, start_status: str, end_status: str
) -> None:
    """Metrics of a change as its kind allows: levels -> difference, percent, CAGR;
    scores and shares -> percentage points and relative change. Ranges stay ranges."""
    language = lang()
    c = comparison
    st.markdown(
        f"**{plain(t('card.change', start=c.start_year, end=c.end_year))}** "
        f"{badge(headlines.weakest_status((start_status, end_status)))}"
    )
    if c.points is not None:
        cols = st.columns(2)
        cols[0].metric(t("card.points"), i18n.format_range(c.points, language, "", 1, True))
        cols[1].metric(t("card.relative"), i18n.format_range(c.percent, language, "%", 1, True))
        return
    cols = st.columns(3)
    low, high = unit_format(c.absolute.low), unit_format(c.absolute.high)
    difference = low if c.absolute.is_point else f"{low} – {high}"
    cols[0].metric(t("card.absolute"), difference)
    cols[1].metric(t("card.percent"), i18n.format_range(c.percent, language, "%", 1, True))
    cols[2].metric(t("card.cagr"), i18n.format_range(c.cagr, language, "%", 1, True))


@st.cache_data(show_spinner=False)
def sector_observations(path: str, version: int, code: str, region: str) -> pd.DataFrame:
    """One indicator in one region, every sector (for the creative-economy subsectors)."""
    return store.observations(path, code, region, None)


@st.cache_data(show_spinner=False)
def enterprise_years(path: str, version: int) -> list[int]:
    return equity.record_years(path)


@st.cache_data(show_spinner=False)
def equity_figures(path: str, version: int, start: int, end: int, region: str | None):
    """Every aggregate the equity page shows, computed in DuckDB once per data version."""
    return (
        equity.growth_summary(path, start, end, region=region),
        {
            g: equity.growth_summary(path, start, end, g, region=region)
            for g in ("size_class", "region", "participant")
        },
        equity.participant_gap(path, start, end, region=region),
        equity.excluded(path, start, end, region=region),
        equity.growth_histogram(path, start, end, region=region),
        equity.mean_income_by_year(path, region=region),
    )


@st.cache_data(show_spinner=False)
def derived_income(path: str, version: int, region: str, sector: str) -> pd.DataFrame:
    return equity.derived_income_series(path, region, sector)
