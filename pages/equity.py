"""Pemerataan Manfaat / Who gained: the distribution of enterprise income growth, by size
class and region, program participants against non-participants, women and men owners, and
the share of enterprises whose income reaches their region's minimum wage (UMK)."""

from __future__ import annotations

import streamlit as st

from impact.equity import SMALL_GROUP
from impact.figures import equity
from pages import _data, _render, _widgets

lang = _render.lang()
path, version = _data.db()
st.title(_render.t("eq.title"))
st.caption(_render.t("eq.intro"))

years = _data.enterprise_years(path, version)
if len(years) < 2:
    st.info(_render.t("eq.empty"))
    st.stop()
regions = _data.names(path, version, "region", lang)
f1, f2, f3 = st.columns(3)
with f1:
    start = _widgets.url_choice("dari", _render.t("filter.base_year"), years[:-1], default=years[0])
with f2:
    end = _widgets.url_choice(
        "ke", _render.t("filter.compare_year"), [y for y in years if y > start], default=years[-1]
    )
with f3:
    region = _widgets.url_choice(
        "wilayah",
        _render.t("filter.region"),
        ["all", "kota_blitar", "kab_blitar"],
        {"all": _render.t("filter.all")} | regions,
    )
scope = None if region == "all" else region

overall, by_group, gap, left_out, bands, mean, by_gender = _data.equity_figures(
    path, version, start, end, scope
)
if overall.empty:
    st.info(_render.t("eq.empty"))
    st.stop()
spread = equity.distribution_figure(overall, bands, left_out, mean, start, end, lang)
_render.figure_metrics(spread)
st.caption(_render.plain(spread.extra["about"]))


def panel(fig, name: str, **layout) -> None:
    """A figure's panel, or why it is not shown (every group withheld: equity.withhold)."""
    if fig.chart is None:
        st.markdown(f"**{_render.plain(fig.title)}**")
        st.info(_render.t("eq.small", n=SMALL_GROUP))
    else:
        _render.figure_panel(fig, name, **layout)


panel(spread, f"sebaran_pertumbuhan_{start}-{end}_{region}")
if spread.chart is not None:  # else every group below is a part of fewer than SMALL_GROUP
    cols = st.columns(3, gap="medium")
    for column, group in zip(cols, ("size_class", "region", "participant"), strict=True):
        with column:
            fig = equity.group_figure(by_group[group], group, regions, spread.sources, lang)
            panel(fig, f"pertumbuhan_per_{group}_{start}-{end}_{region}")
    st.caption(_render.t("eq.small", n=SMALL_GROUP))
    if gap_text := equity.gap_text(gap, by_group["participant"], lang):
        st.info(_render.plain(gap_text))

    st.header(_render.t("eq.gender.heading"))
    st.caption(_render.t("eq.gender.intro", start=start, end=end))
    women_men = equity.gender_figures(by_gender, spread.sources, start, end, lang)
    if women_men is None:
        st.info(_render.plain(equity.gender_missing(by_gender, start, end, lang)))
    else:
        for column, fig in zip(st.columns(2, gap="medium"), women_men, strict=True):
            with column:
                panel(fig, f"{fig.key}_{start}-{end}_{region}")
        st.caption(_render.plain(equity.gender_note(by_gender, lang)))
        st.caption(_render.t("eq.small", n=SMALL_GROUP))

st.header(_render.t("eq.umk.heading"))
st.caption(_render.t("eq.umk.intro"))
yardstick = _data.umk_yardstick(path, version, end, scope)
if yardstick.empty:
    st.info(_render.t("eq.umk.empty"))
    st.stop()
umk = equity.umk_figure(yardstick, lang)
_render.figure_metrics(umk)
if umk.chart is not None:  # the share per year, across the page (its title is the finding)
    _render.figure_panel(umk, f"{umk.key}_{end}_{region}", wide=True)
by = [equity.umk_group_figure(yardstick, g, regions, lang) for g in ("region", "size_class")]
shown = [f for f in by if f is not None]
for column, fig in zip(st.columns(max(len(shown), 1), gap="medium"), shown, strict=False):
    with column:
        panel(fig, f"{fig.key}_{end}_{region}")
for note in umk.notes:
    st.caption(_render.plain(note))
st.caption(_render.t("eq.small", n=SMALL_GROUP))
