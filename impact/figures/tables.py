"""Table views of chart data, with localized headers and numbers formatted as text.

Formatted text (not floats) so the table reads the same in every browser locale and on a
projector: '150–170', '55%', 'Rp4.800.000'.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from impact import i18n
from impact.figures.charts import value_labels


def series_table(obs: pd.DataFrame, lang: str, formatter: Callable[[float], str]) -> pd.DataFrame:
    """One series as a table: year, value (or reported range), status, source, note."""
    rows = obs.sort_values("year")
    values = value_labels(rows, formatter)
    return pd.DataFrame(
        {
            i18n.t("table.year", lang): rows["year"].astype(int).astype(str).tolist(),
            i18n.t("table.value", lang): values,
            i18n.t("table.status", lang): [i18n.label("status", s, lang) for s in rows["status"]],
            i18n.t("table.source", lang): [i18n.data_text(x, lang) for x in rows["source"]],
            i18n.t("table.note", lang): [i18n.data_text(x, lang) for x in rows["note"]],
        }
    )
