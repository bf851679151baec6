"""Hambatan / Obstacles: severity of each obstacle over the years, by category, and the
figures each one holds back, charted beside it."""

from __future__ import annotations

import streamlit as st

from impact import i18n
from impact.figures import figure, obstacles
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
_render.figure_panel(obstacles.severity_figure(shown, lang), f"hambatan_{category}", wide=True)

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
st.header(_render.t("obst.links", item=item_name))
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
            years = sorted(obs["year"].astype(int))
            if len(years) < 2:
                st.info(_render.t("empty.series"))
                continue
            fig = figure.change_figure(
                obs,
                registry[link.target],
                years[0],
                years[-1],
                lang,
                y_title=figure.unit_text(registry[link.target], lang),
            )
            _render.figure_card(fig)  # the title's change, with its years and status
            _render.figure_panel(fig, f"terdampak_{item}_{link.target}", height=200, wrap=(44, 66))
        else:
            rows = programs[programs["program"] == link.target].assign(
                program_label=lambda d: d[name_col]
            )
            fig = obstacles.program_link_figure(rows, lang)
            _render.figure_panel(fig, f"terdampak_{item}_{link.target}", height=200, wrap=(44, 66))

with st.expander(_render.t("obst.link.table")):
    st.dataframe(obstacles.links_table(links, lang), hide_index=True, width="stretch")
