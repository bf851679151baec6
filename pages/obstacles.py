"""Hambatan / Obstacles: severity of each obstacle over the years, by category, and the
figures each one holds back, charted beside it."""

from __future__ import annotations

import streamlit as st

from impact import i18n
from impact.figures import tables
from impact.store import OBSTACLE_CATEGORIES
from pages import _data, _render, _widgets

lang = _render.lang()
path, version = _data.db()
st.title(_render.t("obst.title"))
st.caption(_render.t("obst.intro"))

severity = _data.obstacle_severity(path, version)
if severity.empty:
    st.info(_render.t("empty.series"))
    st.stop()
categories = ["all", *OBSTACLE_CATEGORIES]
labels = {"all": _render.t("filter.all")} | {
    c: i18n.label("category", c, lang) for c in OBSTACLE_CATEGORIES
}
category = _widgets.url_choice("kategori", _render.t("filter.category"), categories, labels)
shown = severity if category == "all" else severity[severity["category"] == category]
name_col = "name_en" if lang == "en" else "name_id"
shown = shown.assign(
    item_label=[
        f"{i18n.label('category', c, lang)} · {n}"
        for c, n in zip(shown["category"], shown[name_col], strict=True)
    ]
)
latest = int(shown["year"].max())
worst = shown[shown["year"] == latest].nlargest(2, "severity")[name_col].tolist()
chart = _render.chart(
    "heatmap",
    shown,
    lang=lang,
    x="year",
    y="item_label",
    value="severity",
    x_title=_render.t("chart.year"),
    y_title=_render.t("obst.item"),
    value_title=_render.t("obst.severity"),
    title=_render.t("obst.heat.title", year=latest, items="; ".join(worst)),
    sources=list(dict.fromkeys(shown["source"])),
    wrap=(90, 140),
)
table = shown[["item_label", "year", "severity", "status", "source"]]
_render.chart_panel(chart, table, f"hambatan_{category}")

links = _data.obstacle_links(path, version)
items = shown.drop_duplicates("item")
default = "budget_cuts" if "budget_cuts" in set(items["item"]) else items["item"].iloc[0]
item = _widgets.url_choice(
    "hambatan",
    _render.t("filter.obstacle"),
    items["item"].tolist(),
    dict(zip(items["item"], items[name_col], strict=True)),
    default,
)
item_name = items.set_index("item").loc[item, name_col]
st.subheader(_render.t("obst.links", item=item_name))
mine = links[links["item"] == item]
if mine.empty:
    st.info(_render.t("obst.links.none"))
registry = _data.registry(path, version)
programs = _data.programs(path, version)
grid = st.columns(2)
for index, link in enumerate(mine.itertuples()):
    with grid[index % 2]:
        if link.target_kind == "indicator":
            obs = _data.observations(path, version, link.target, "blitar", "batik")
            if obs.empty:
                st.info(_render.t("empty.series"))
                continue
            fmt = lambda x: i18n.format_number(x, lang, 0)  # noqa: E731
            chart = _render.chart(
                "series",
                obs,
                lang=lang,
                title=registry[link.target].name(lang),
                y_title=registry[link.target].unit,
                sources=list(dict.fromkeys(obs["source"])),
                formatter="index",
                height=200,
                wrap=(44, 66),
            )
            _render.chart_panel(
                chart, tables.series_table(obs, lang, fmt), f"terdampak_{item}_{link.target}"
            )
        else:
            rows = programs[programs["program"] == link.target]
            first, last = rows.iloc[0], rows.iloc[-1]
            title = _render.t(
                "obst.program.title",
                program=first[name_col],
                count_start=int(first["count"]),
                start=int(first["year"]),
                count_end=int(last["count"]),
                end=int(last["year"]),
            )
            frame = rows.assign(label=[str(int(c)) for c in rows["count"]])
            chart = _render.chart(
                "bar",
                frame,
                lang=lang,
                x="year",
                y="count",
                x_title=_render.t("chart.year"),
                y_title=_render.t("obst.activities"),
                title=title,
                label="label",
                sources=list(dict.fromkeys(frame["source"])),
                height=200,
                wrap=(44, 66),
            )
            _render.chart_panel(
                chart,
                frame[["year", "count", "budget_rp", "status"]],
                f"terdampak_{item}_{link.target}",
            )

with st.expander(_render.t("obst.link.table")):
    st.dataframe(
        links[
            [
                "category",
                "item_" + lang if lang == "en" else "item_id",
                "target_kind",
                "target_en" if lang == "en" else "target_id",
            ]
        ],
        hide_index=True,
        width="stretch",
    )
