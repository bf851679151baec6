"""Cached access to :mod:`impact` for the pages: the database, its version and every query.

Results are keyed on the database path and its data version, so a new upload shows at once;
the connection setup is cached per process (``st.cache_resource``), queries per version.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from impact import equity, i18n, indicators, store, upload
from impact import readiness as readiness_module
from impact.figures import as_of as as_of_module
from impact.figures import figure


@st.cache_resource(show_spinner=False)
def _ensure(path: str) -> str:
    store.ensure_database(path)
    return path


@st.cache_data(show_spinner=False, ttl=2)
def _version(path: str) -> int:
    # Opening DuckDB costs ~20 ms; a rerun within 2 s reuses the number. Writes made by this
    # process call refresh(), so they show at once; a CLI import shows within 2 s.
    return store.data_version(path)


# path -> the data version last read. A plain module object, not a Streamlit cache: while
# another process (the CLI) holds the file, viewers keep the figures of that version, which
# the query caches below still hold.
_LAST_VERSION: dict[str, int] = {}

# The storage faults a page explains (impact.i18n.cli, fault.*); anything else is a bug.
# The first class that matches wins: a subclass comes before its base.
FAULT_TEXTS: dict[type[store.StoreError], str] = {
    store.WorkingSpaceError: "fault.out_of_memory",
    store.DatabaseBusyError: "fault.busy",
    store.DatabaseCorruptError: "fault.corrupt",
    store.StorageFullError: "fault.disk_full",
    store.StorageReadOnlyError: "fault.read_only",
}


def db() -> tuple[str, int]:
    """(database path, data version): create/seed on first use, then read the version.

    While another process holds the file, the version last read is served (with a note), so
    the figures already cached keep showing; other storage faults propagate as the named
    errors of :mod:`impact.store`, which :func:`show_fault` explains at the page edge.
    """
    path = str(store.db_path_from_env())
    try:
        _ensure(path)
        version = _version(path)
    except store.DatabaseBusyError:
        if path not in _LAST_VERSION:
            raise
        st.caption(i18n.t("fault.stale", _lang()))
        return path, _LAST_VERSION[path]
    _LAST_VERSION[path] = version
    return path, version


def show_fault(exc: store.StoreError) -> bool:
    """Say in the planner's language what happened, that the data is safe and what to do.
    False for a store error this does not know (the caller re-raises it)."""
    key = next((k for cls, k in FAULT_TEXTS.items() if isinstance(exc, cls)), None)
    if key is None:
        return False
    st.error(i18n.t(key, _lang()), icon=":material/database:")
    return True


def _lang() -> str:
    return i18n.normalize_lang(st.session_state.get("lang"))


def refresh() -> None:
    """After this process wrote (upload, revert): every cached figure is read again."""
    _version.clear()


@st.cache_data(show_spinner=False)
def readiness(path: str, version: int, language: str) -> readiness_module.Readiness:
    return readiness_module.readiness(path, language)


@st.cache_data(show_spinner=False)
def registry(path: str, version: int) -> dict[str, indicators.Indicator]:
    return indicators.load_registry(path)


@st.cache_data(show_spinner=False)
def observations(path: str, version: int, code: str, region: str, sector: str) -> pd.DataFrame:
    return store.observations(path, code, region, sector)


@st.cache_data(show_spinner=False)
def indicator_observations(path: str, version: int, code: str) -> pd.DataFrame:
    """One indicator in every region and sector (for regions side by side)."""
    return store.observations(path, code, None, None)


@st.cache_data(show_spinner=False)
def obstacles(path: str, version: int) -> pd.DataFrame:
    return store.obstacles_with_latest_severity(path)


@st.cache_data(show_spinner=False)
def row_count(path: str, version: int, table: str) -> int:
    """Rows of a stored table (an upload moves ``version``, so the count follows it)."""
    return store.row_count(path, table)


@st.cache_data(show_spinner=False)
def vocabulary(path: str, version: int):
    return upload.load_vocabulary(path)


@st.cache_data(show_spinner=False)
def upload_history(path: str, version: int):
    return upload.history(path)


@st.cache_data(show_spinner=False)
def as_of(path: str, version: int) -> as_of_module.AsOf:
    """When the data were last changed and by which upload (changes with the version)."""
    return as_of_module.as_of(path)


def as_of_text(lang: str) -> str:
    """'Data per 3 Desember 2026, unggahan #4' for the database this page reads."""
    path, version = db()
    return as_of_module.as_of_text(as_of(path, version), lang)


@st.cache_data(show_spinner=False)
def targets(path: str, version: int, region: str | None) -> pd.DataFrame:
    return store.targets_with_realisation(path, region)


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
    return store.code_names(path, table, language)


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
        equity.scope_summary(path, start, end, region),  # withheld: see equity.withhold
        {
            g: equity.growth_summary(path, start, end, g, region=region)
            for g in ("size_class", "region", "participant")
        },
        equity.participant_gap(path, start, end, region=region),
        equity.excluded(path, start, end, region=region),
        equity.growth_histogram(path, start, end, region=region),
        equity.mean_income_by_year(path, region=region),
        equity.by_gender(path, start, end, region=region),
    )


@st.cache_data(show_spinner=False)
def umk_yardstick(
    path: str, version: int, year: int | None, region: str | None, sector: str | None = None
) -> equity.UmkYardstick:
    """The share of enterprises reaching their region's UMK (impact.equity.umk_yardstick)."""
    return equity.umk_yardstick(path, year, region=region, sector=sector)


@st.cache_data(show_spinner=False)
def derived_income(path: str, version: int, region: str, sector: str) -> pd.DataFrame:
    return equity.derived_income_series(path, region, sector)


@st.cache_data(show_spinner=False)
def change(
    path: str,
    version: int,
    code: str,
    region: str,
    sector: str,
    start: int,
    end: int,
    lang: str,
    with_real: bool = False,
    label: str | None = None,
) -> figure.Figure:
    """The figure layer's change of one indicator in one region and sector (see
    impact.figures.figure.change_figure). Raises the named growth errors."""
    indicator = indicators.get(registry(path, version), code)
    obs = observations(path, version, code, region, sector)
    inflation = (
        observations(path, version, figure.INFLATION_INDICATOR, figure.INFLATION_REGION, "all")
        if with_real
        else None
    )
    return figure.change_figure(obs, indicator, start, end, lang, inflation=inflation, label=label)
