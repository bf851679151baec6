"""Pemerataan Manfaat / Who gained: the distribution of enterprise income growth, by size
class and region, and program participants against non-participants."""

from __future__ import annotations

import streamlit as st

from impact import growth, i18n
from impact.equity import SMALL_GROUP
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

overall, by_group, gap, left_out, bands, mean = _data.equity_figures(
    path, version, start, end, scope
)
if overall.empty:
    st.info(_render.t("eq.empty"))
    st.stop()
row = overall.iloc[0]
pct = lambda x: i18n.format_percent(x, lang, 1, True)  # noqa: E731
st.markdown(_render.badge(row["status"]))
a, b, c, d = st.columns(4)
a.metric(_render.t("eq.median"), pct(row["median"]))
b.metric(
    _render.t("eq.iqr"), i18n.format_range(growth.Range(row["q1"], row["q3"]), lang, "%", 0, True)
)
c.metric(_render.t("eq.share50"), i18n.format_percent(row["share_50"], lang, 0))
d.metric(_render.t("eq.n"), i18n.format_number(row["n"], lang, 0))
st.caption(_render.t("eq.excluded", missing=left_out["missing_year"], zero=left_out["zero_base"]))
sources = list(dict.fromkeys(s for s in mean["source"].str.split("; ").explode()))
st.caption(_render.plain(_render.t("eq.source", sources="; ".join(sources))))

title = _render.t(
    "eq.hist.title",
    start=start,
    end=end,
    median=pct(row["median"]),
    share=i18n.format_percent(row["share_50"], lang, 0),
)
hist = bands.assign(
    band=[
        f"{int(lo)}…{int(hi)}" for lo, hi in zip(bands["band_low"], bands["band_high"], strict=True)
    ],
    status=row["status"],
    label=[i18n.format_number(n, lang, 0) for n in bands["n"]],
)
spec = _render.chart(
    "bar",
    hist,
    lang=lang,
    x="band",
    y="n",
    x_title=_render.t("eq.hist.x"),
    y_title=_render.t("eq.hist.y"),
    title=title,
    sources=sources,
    label="label",
    wrap=(90, 140),
)
_render.chart_panel(
    spec, hist[["band", "n", "status"]], f"sebaran_pertumbuhan_{start}-{end}_{region}"
)

cols = st.columns(3, gap="medium")
for column, group in zip(cols, ("size_class", "region", "participant"), strict=True):
    with column:
        frame = by_group[group]
        names = {
            "size_class": lambda g: i18n.label("size", g, lang),
            "region": lambda g: regions.get(g, g),
            "participant": lambda g: _render.t("eq.participants") if g else _render.t("eq.others"),
        }[group]
        frame = frame.assign(
            label_group=[
                names(g) + (" ⚠" if s else "")
                for g, s in zip(frame["group"], frame["small"], strict=True)
            ],
            label=[
                f"{pct(m)} (n={int(n)})" for m, n in zip(frame["median"], frame["n"], strict=True)
            ],
        )
        top = frame.loc[frame["median"].idxmax()]
        title = _render.t(
            "eq.by.title",
            group=_render.t(f"eq.group.{group}"),
            top=names(top["group"]),
            value=pct(top["median"]),
        )
        spec = _render.chart(
            "bar",
            frame,
            lang=lang,
            x="label_group",
            y="median",
            horizontal=True,
            label="label",
            x_title=None,
            y_title=_render.t("eq.median") + " (%)",
            title=title,
            sources=sources,
            height=40 * len(frame) + 20,
            wrap=(34, 48),
        )
        _render.chart_panel(
            spec,
            frame[["label_group", "n", "median", "q1", "q3", "share_50", "small"]],
            f"pertumbuhan_per_{group}_{start}-{end}_{region}",
        )
st.caption(_render.t("eq.small", n=SMALL_GROUP))
if gap["gap_pp"] is not None:
    st.info(
        _render.t(
            "eq.gap",
            gap=i18n.format_points(gap["gap_pp"], lang, 1),
            n1=gap["n_participants"],
            n2=gap["n_others"],
        )
    )
