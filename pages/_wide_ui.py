"""The upload page's step for a wide table (years across the columns, BPS style): show how
it will be read, ask about what was not recognised, and check it (impact.upload.wide)."""

from __future__ import annotations

import streamlit as st

from impact import status, upload
from impact.upload import ingest, wide
from pages import _data, _render


def layout(data: bytes, file_id: str, name: str, sheet: str | None, path: str, version: int):
    """The wide table in the file, or None (a long file, or too large to read cell by cell).
    Read once per file, sheet and data version: every widget on the page reruns the script."""
    key = (file_id, sheet, version)
    kept = st.session_state.get("wide_layout")
    if kept is None or kept[0] != key:
        found = None
        if 0 < len(data) <= ingest.CELL_BY_CELL_MAX_BYTES:  # 0: a checked file let go
            grid = ingest.read_grid(data, name, sheet=sheet)
            found = wide.detect(grid, _data.vocabulary(path, version))
        st.session_state["wide_layout"] = kept = (key, found)
    return kept[1]


def choose(found: wide.Layout, key: str, path: str, version: int, lang: str) -> wide.Choices:
    """Render the plan (rows -> indicators, columns -> years, title/unit/source) and the
    choices for what the file did not say; returns the choices."""
    st.info(_render.t("wide.detected"))
    indicators = _data.names(path, version, "indicator", lang)
    regions = _data.names(path, version, "region", lang)
    sectors = _data.names(path, version, "sector", lang)
    choices = wide.Choices()
    for row in found.unknown:  # the label is the file's text: escaped, never Markdown
        options = {wide.SKIP: _render.t("wide.skip")} | indicators
        picked = st.selectbox(  # nothing chosen yet: the check says so, nothing is guessed
            _render.t("wide.choose", row=row.row, label=_render.plain(row.label)),
            list(options),
            index=None,
            placeholder=_render.t("wide.placeholder"),
            format_func=options.get,
            key=f"wide_{key}_{row.row}",
        )
        if picked:
            choices.indicators[row.row] = picked
    left, middle, right = st.columns(3)
    choices.region = _pick(left, "wide.region", regions, found.region, f"wide_{key}_region")
    choices.sector = _pick(middle, "wide.sector", sectors, found.sector, f"wide_{key}_sector")
    statuses = {s: _render.t(f"status.{s}") for s in status.ORDER}
    choices.status = right.selectbox(
        _render.t("wide.status"),
        list(statuses),
        format_func=statuses.get,
        key=f"wide_{key}_status",
    )
    if not found.source:
        choices.source = st.text_input(_render.t("wide.source"), key=f"wide_{key}_source")
    st.markdown("**" + _render.t("wide.rows") + "**")
    st.dataframe(wide.rows_table(found, indicators, choices, lang), hide_index=True)
    st.markdown("**" + _render.t("wide.columns") + "**")
    st.dataframe(wide.columns_table(found, lang), hide_index=True)
    st.markdown("**" + _render.t("wide.about") + "**")
    st.dataframe(wide.about_table(found, choices, regions | sectors, lang), hide_index=True)
    return choices


def _pick(place, label: str, names: dict[str, str], given: str | None, key: str) -> str | None:
    """A region or sector: what the title gave first (marked so), else the planner's choice."""
    shown = {c: n for c, n in names.items() if c != given}
    if given in names:
        shown = {given: _render.t("wide.from_title", name=names[given])} | shown
    return place.selectbox(
        _render.t(label),
        list(shown),
        index=0 if given in names else None,
        placeholder=_render.t("wide.placeholder"),
        format_func=shown.get,
        key=key,
    )


def check(
    found: wide.Layout,
    choices: wide.Choices,
    path: str,
    version: int,
    decimal: str | None = None,
) -> upload.Checked:
    """The table reshaped and checked as any observations file (``decimal``: the
    planner's decimal mark for numbers written as text, once asked)."""
    units = {code: i.unit for code, i in _data.registry(path, version).items()}
    vocabulary = _data.vocabulary(path, version)
    checked = wide.check(found, choices, vocabulary, units, decimal=decimal)
    return upload.Checked(checked, found.detection, len(found.rows))
