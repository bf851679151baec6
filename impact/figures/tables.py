"""Table views of chart data, with localized headers and numbers formatted as text.

Formatted text (not floats) so the table reads the same in every browser locale and on a
projector: '150–170', '55%', 'Rp4.800.000'.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pandas as pd

from impact import i18n
from impact.figures.charts import value_labels
from impact.figures.marks import statuses_with_marks, with_mark
from impact.indicators import Indicator
from impact.status import ORDER


def series_table(obs: pd.DataFrame, lang: str, formatter: Callable[[float], str]) -> pd.DataFrame:
    """One series as a table: year, value (or reported range), status, source, note."""
    rows = obs.sort_values("year")
    values = value_labels(rows, formatter)
    return pd.DataFrame(
        {
            i18n.t("table.year", lang): rows["year"].astype(int).astype(str).tolist(),
            i18n.t("table.value", lang): values,
            i18n.t("table.status", lang): statuses_with_marks(rows, lang),
            i18n.t("table.source", lang): [i18n.data_text(x, lang) for x in rows["source"]],
            i18n.t("table.note", lang): [i18n.data_text(x, lang) for x in rows["note"]],
        }
    )


def indicators_table(registry: Mapping[str, Indicator], lang: str) -> pd.DataFrame:
    """The indicator registry as the sources page lists it: code, name, definition, formula,
    unit, kind, frequency and producing agency, in the language. Names and definitions have
    their own English columns; formula, unit, frequency and agency are data texts, shown in
    English through data/translations.csv (:func:`impact.i18n.data_text`)."""
    t = lambda key: i18n.t(key, lang)  # noqa: E731
    rows = list(registry.values())
    return pd.DataFrame(
        {
            t("col.code"): [i.code for i in rows],
            t("col.name"): [i.name(lang) for i in rows],
            t("col.definition"): [i.definition(lang) for i in rows],
            t("col.formula"): [i18n.data_text(i.formula, lang) for i in rows],
            t("col.unit"): [i18n.data_text(i.unit, lang) for i in rows],
            t("col.kind"): [i18n.label("kind", i.kind, lang) for i in rows],
            t("col.frequency"): [i18n.data_text(i.frequency, lang) for i in rows],
            t("col.agency"): [i18n.data_text(i.agency, lang) for i in rows],
        }
    )


def observations_table(
    data: pd.DataFrame,
    lang: str,
    regions: dict[str, str],
    sectors: dict[str, str],
    *,
    as_text: bool,
) -> pd.DataFrame:
    """Every observation for the sources page: headers, statuses, regions, sectors, units,
    sources and notes in the dashboard's language. ``as_text``: numbers written as the
    language writes them (1,68 / 1.68) and '–' for an empty bound, so the screen reads the same
    in every browser; otherwise numbers stay numbers (downloads) and an empty bound is empty."""
    t = lambda key: i18n.t(key, lang)  # noqa: E731

    def number(x: float) -> object:
        if as_text:
            return i18n.format_number(None if pd.isna(x) else float(x), lang, 2)
        return None if pd.isna(x) else float(x)

    return pd.DataFrame(
        {
            t("col.code"): data["indicator"].tolist(),
            t("col.name"): data["name_en" if lang == "en" else "name_id"].tolist(),
            t("col.region"): [regions.get(r, r) for r in data["region"]],
            t("col.sector"): [sectors.get(s, s) for s in data["sector"]],
            t("table.year"): [str(int(y)) if as_text else int(y) for y in data["year"]],
            t("table.value"): [number(v) for v in data["value"]],
            t("col.low"): [number(v) for v in data["low"]],
            t("col.high"): [number(v) for v in data["high"]],
            t("col.unit"): [i18n.data_text(u, lang) for u in data["unit"]],
            t("table.status"): statuses_with_marks(data, lang),
            t("table.source"): [i18n.data_text(s, lang) for s in data["source"]],
            t("table.note"): [i18n.data_text(n, lang) for n in data["note"]],
        }
    )


# Headers of the raw columns a "show data" table may carry, by catalogue key.
HEADERS = {
    "year": "table.year", "value": "table.value", "label": "table.value", "status": "table.status",
    "source": "table.source", "note": "table.note", "subsector": "ce.subsector",
    "component": "comp.component", "count": "prog.count", "budget_rp": "prog.budget",
    "band": "eq.hist.x", "n": "eq.n", "median": "eq.median", "q1": "table.col.q1",
    "q3": "table.col.q3", "share_50": "eq.share50", "small": "table.col.small",
    "label_group": "table.col.group",
}  # fmt: skip


def display(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A table as a planner reads it: raw column names become headers in the language,
    status codes their words, sources and notes their English where known, numbers text
    written the language's way (never the browser's), missing values '–'. Columns already
    named for display pass through unchanged."""
    out = {}
    for column in frame.columns:
        values = frame[column]
        header = i18n.t(HEADERS[column], lang) if column in HEADERS else column
        if column == "status":
            marks = frame["mark"] if "mark" in frame else [None] * len(frame)
            values = [
                with_mark(v, m, lang) if v in ORDER else v
                for v, m in zip(values, marks, strict=True)
            ]
        elif column == "mark":
            continue  # shown beside the status
        elif column in ("source", "note"):
            values = [i18n.data_text(v, lang) for v in values]
        elif column == "small":
            values = [
                i18n.t("table.col.small.yes" if v else "table.col.small.no", lang) for v in values
            ]
        elif column == "year":
            values = [str(int(v)) if not pd.isna(v) else "–" for v in values]
        elif pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
            values = [i18n.format_number(None if pd.isna(v) else float(v), lang, 2) for v in values]
        else:
            values = [
                "–" if v is None or (isinstance(v, float) and pd.isna(v)) else v for v in values
            ]
        out[header] = list(values)
    return pd.DataFrame(out)
