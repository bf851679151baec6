"""The upload page's step for a wide table (years across the columns, BPS style): show how
it will be read, ask about what was not recognised, and check it (impact.upload.wide)."""

from __future__ import annotations

import streamlit as st

from impact import status, upload
from impact.upload import wide, wideviews
from pages import _data, _render


def layout(
    data: bytes, file_id: str, name: str, dataset, sheet: str | None, path: str, version: int
) -> wide.Layout | None:
    """The wide table in the file (:func:`upload.plan`), or None. Read once per file, sheet,
    dataset and data version: every widget on the page reruns the script."""
    key = (file_id, sheet, dataset.code if dataset else None, version)
    kept = st.session_state.get("wide_layout")
    if kept is None or kept[0] != key:
        found = upload.plan(data, name, _data.vocabulary(path, version), dataset, sheet=sheet)
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
    vocabulary = _data.vocabulary(path, version)
    _ask_units(found, choices, key, vocabulary, lang)
    _ask_parts(found, choices, key)
    if found.needs_region:
        left, middle, right = st.columns(3)
        choices.region = _pick(left, "wide.region", regions, found.region, f"wide_{key}_region")
    else:  # every figure's region comes from the table's column or row groups
        middle, right = st.columns(2)
    choices.sector = _pick(middle, "wide.sector", sectors, found.sector, f"wide_{key}_sector")
    statuses = {s: _render.t(f"status.{s}") for s in status.ORDER}
    choices.status = right.selectbox(
        _render.t("wide.status"),
        list(statuses),
        format_func=statuses.get,
        key=f"wide_{key}_status",
    )
    if not found.source:
        choices.source = st.text_input(
            _render.t("wide.source"), key=f"wide_{key}_source", max_chars=wide.MAX_SOURCE_CHARS
        )
    st.markdown("**" + _render.t("wide.rows") + "**")
    st.dataframe(
        wideviews.rows_table(found, indicators | regions, choices, lang, vocabulary),
        hide_index=True,
    )
    st.markdown("**" + _render.t("wide.columns") + "**")
    st.dataframe(wideviews.columns_table(found, lang, choices, regions), hide_index=True)
    st.markdown("**" + _render.t("wide.about") + "**")
    st.dataframe(wideviews.about_table(found, choices, regions | sectors, lang), hide_index=True)
    return choices


def _ask_units(found, choices, key, vocabulary, lang) -> None:
    """A unit for each row whose unit the table does not establish: its registered unit at
    each scale, nothing chosen until the planner chooses (never 'as written')."""
    for row in wideviews.unit_questions(found, choices):
        code = choices.indicators.get(row.row, row.indicator) or ""
        options = wideviews.unit_options(code, vocabulary, lang)
        reason = _render.t("wide.unit.conflict" if row.stated else "wide.unit.unknown")
        picked = st.selectbox(  # the label is the file's text: escaped, never Markdown
            _render.t(
                "wide.unit_question", row=row.row, label=_render.plain(row.label), reason=reason
            ),
            options,
            index=None,
            placeholder=_render.t("wide.placeholder"),
            key=f"wide_{key}_unit_{row.row}_{code}",
        )
        if picked:
            choices.units[row.row] = picked


def _ask_parts(found, choices, key) -> None:
    """Whole or skip, for each sub-column label under the years ('Laki-laki', 'Jumlah')."""
    options = {wide.WHOLE: _render.t("wide.part_whole"), wide.SKIP: _render.t("wide.part_skip")}
    for number, label in enumerate(found.breakdowns):
        letters = ", ".join(c.letter for c in found.read_columns if c.breakdown == label)
        picked = st.radio(
            _render.t("wide.part_question", label=_render.plain(label), columns=letters),
            list(options),
            index=None,
            format_func=options.get,
            key=f"wide_{key}_part_{number}",
            horizontal=True,
        )
        if picked:
            choices.parts[label] = picked


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
