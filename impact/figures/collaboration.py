"""The collaboration scores as a figure: Ansell & Gash's five elements as each party scores
them, titled by the element where their views differ most (ties stated as ties)."""

from __future__ import annotations

import pandas as pd

from impact import evaluation, i18n
from impact.figures.figure import (
    Figure,
    chart_spec,
    marked,
    statuses_of,
    year_sources,
)
from impact.store import ELEMENTS


def labelled(scores: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One year's scores with element and actor names, in the elements' order."""
    return scores.assign(
        element_label=[i18n.label("element", e, lang) for e in scores["element"]],
        actor_label=[i18n.label("actor", a, lang) for a in scores["actor"]],
        order=[ELEMENTS.index(e) for e in scores["element"]],
    ).sort_values(["order", "actor"])


def gaps_figure(scores: pd.DataFrame, lang: str) -> Figure:
    """``scores``: one year of store.collaboration_scores. Title, dot chart, tables."""
    scores = labelled(scores, lang)
    gaps = evaluation.divergence(scores)
    widest = gaps.iloc[0]
    tied = gaps[gaps["spread"] == widest["spread"]]
    status = statuses_of(scores)

    def score(v: float) -> str:
        return i18n.format_number(v, lang, 1)

    if len(tied) == 1:
        title = i18n.t(
            "collab.chart.title", lang, element=i18n.label("element", widest["element"], lang).lower(),
            high_actor=i18n.label("actor", widest["high_actor"], lang), high=score(widest["high"]),
            low_actor=i18n.label("actor", widest["low_actor"], lang), low=score(widest["low"]),
        )  # fmt: skip
    else:
        elements = ", ".join(i18n.label("element", e, lang).lower() for e in tied["element"])
        title = i18n.t(
            "collab.chart.title.tie", lang, elements=elements, spread=score(widest["spread"])
        )
    title = marked(title, status, lang)
    table = pd.DataFrame(
        {
            i18n.t("collab.element", lang): scores["element_label"].tolist(),
            i18n.t("collab.actor", lang): scores["actor_label"].tolist(),
            i18n.t("collab.score", lang): [score(v) for v in scores["score"]],
            i18n.t("table.status", lang): [i18n.label("status", s, lang) for s in scores["status"]],
            i18n.t("table.source", lang): [i18n.data_text(s, lang) for s in scores["source"]],
        }
    )
    spread = pd.DataFrame(
        {
            i18n.t("collab.element", lang): [
                i18n.label("element", e, lang) for e in gaps["element"]
            ],
            i18n.t("collab.high", lang): [score(v) for v in gaps["high"]],
            i18n.t("collab.high_actor", lang): [
                i18n.label("actor", a, lang) for a in gaps["high_actor"]
            ],
            i18n.t("collab.low", lang): [score(v) for v in gaps["low"]],
            i18n.t("collab.low_actor", lang): [
                i18n.label("actor", a, lang) for a in gaps["low_actor"]
            ],
            i18n.t("collab.spread", lang): [score(v) for v in gaps["spread"]],
        }
    )
    chart = chart_spec("dots", scores, lang, year_sources(scores), x="score", y="element_label", color="actor_label", x_title=i18n.t("collab.score", lang), y_title=i18n.t("collab.element", lang), color_title=i18n.t("collab.actor", lang), title=title, notes=[i18n.t("collab.scale", lang)])  # fmt: skip
    return Figure(
        key="collaboration_gaps", kind="score", unit="", value=None, years=None, status=status,
        sources=year_sources(scores), title=title, label=i18n.t("collab.spread", lang),
        value_text=score(widest["spread"]), chart=chart, table=table,
        extra={"gaps": gaps, "spread_table": spread, "scores": scores},
    )  # fmt: skip
