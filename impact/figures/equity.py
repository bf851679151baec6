"""Who gained: the equity figures (the spread of enterprise income growth, its median by size
class, region and program participation, the participants' gap, and income growth and program
participation by the owner's gender), composed once.

Every figure gives the number of enterprises behind it, flags small groups, carries the
weakest status of the records it uses and names the sources of the two years it compares.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from impact import growth, i18n
from impact.equity import GENDERS, NOT_RECORDED, SMALL_GROUP
from impact.figures.figure import PRECISION, Figure, chart_spec
from impact.figures.marks import marked, statuses_of

HISTOGRAM_ENDS = (-50, 150)  # growth beyond these is gathered in the end bands (equity.py)


def record_sources(
    mean: pd.DataFrame, start: int, end: int
) -> tuple[tuple[str, tuple[int, ...]], ...]:
    """Each source of the enterprise records of ``start`` and ``end`` with its years
    (``mean``: equity.mean_income_by_year, whose source joins a year's sources with '; ')."""
    out: dict[str, list[int]] = {}
    rows = mean[mean["year"].isin([start, end])].sort_values("year")
    for year, joined in zip(rows["year"].astype(int), rows["source"], strict=True):
        for source in str(joined).split("; "):
            out.setdefault(source, [])
            if year not in out[source]:
                out[source].append(year)
    return tuple((source, tuple(years)) for source, years in out.items())


def _pct(x: float, lang: str, decimals: int = PRECISION) -> str:
    return i18n.format_percent(x, lang, decimals, True)


def band_label(low: float, high: float, lang: str) -> str:
    """A histogram band in words; the end bands gather everything beyond them."""
    if low <= HISTOGRAM_ENDS[0]:
        return i18n.t("eq.band.below", lang, high=i18n.format_number(high, lang, 0))
    if low >= HISTOGRAM_ENDS[1]:
        return i18n.t("eq.band.above", lang, low=i18n.format_number(low, lang, 0))
    return i18n.t(
        "eq.band",
        lang,
        low=i18n.format_number(low, lang, 0),
        high=i18n.format_number(high, lang, 0),
    )


def distribution_figure(
    overall: pd.DataFrame,
    bands: pd.DataFrame,
    left_out: dict[str, int],
    mean: pd.DataFrame,
    start: int,
    end: int,
    lang: str,
) -> Figure:
    """The spread of growth from ``start`` to ``end``: the median, the middle half, the share
    that grew by 50% or more and the count (the card's metrics), a histogram, and who was not
    counted and why (the caption)."""
    row = overall.iloc[0]
    status = str(row["status"])
    sources = record_sources(mean, start, end)
    median = _pct(row["median"], lang)
    share = i18n.format_percent(row["share_50"], lang, 0)
    title = marked(
        i18n.t("eq.hist.title", lang, start=start, end=end, median=median, share=share),
        status,
        lang,
    )
    frame = bands.assign(
        band=[
            band_label(lo, hi, lang)
            for lo, hi in zip(bands["band_low"], bands["band_high"], strict=True)
        ],
        status=status,
        label=[i18n.format_number(n, lang, 0) for n in bands["n"]],
    )
    chart = chart_spec(
        "bar",
        frame,
        lang,
        sources,
        x="band",
        y="n",
        x_title=i18n.t("eq.hist.x", lang),
        y_title=i18n.t("eq.hist.y", lang),
        title=title,
        label="label",
        wrap=(90, 140),
    )
    table = pd.DataFrame(
        {
            i18n.t("eq.hist.x", lang): frame["band"].tolist(),
            i18n.t("eq.hist.y", lang): frame["label"].tolist(),
            i18n.t("table.status", lang): [i18n.label("status", status, lang)] * len(frame),
        }
    )
    metrics = (
        (i18n.t("eq.median", lang), median),
        (
            i18n.t("eq.iqr", lang),
            i18n.format_range(growth.Range(row["q1"], row["q3"]), lang, "%", 0, True),
        ),
        (i18n.t("eq.share50", lang), share),
        (i18n.t("eq.n", lang), i18n.format_number(row["n"], lang, 0)),
    )
    caption = i18n.t(
        "eq.excluded", lang, missing=left_out["missing_year"], zero=left_out["zero_base"]
    )
    about = i18n.t(
        "eq.source", lang, sources="; ".join(i18n.data_text(s, lang) for s, _ in sources)
    )
    return Figure(
        key="equity_distribution",
        kind="level",
        unit="%",
        value=growth.Range.point(float(row["median"])),
        years=(start, end),
        status=status,
        sources=sources,
        title=title,
        label=i18n.t("eq.median", lang),
        value_text=median,
        period=i18n.t("card.period", lang, start=start, end=end),
        metrics=metrics,
        chart=chart,
        table=table,
        notes=(caption, about),
        extra={"caption": caption, "about": about},
    )


def group_name(group: str, code: object, region_names: dict[str, str], lang: str) -> str:
    """A group's name: a size class, a region, an owner's gender (or 'not recorded') or
    participants / non-participants."""
    if group == "size_class":
        return i18n.label("size", str(code), lang)
    if group == "gender":
        return i18n.label("gender", str(code), lang)
    if group == "region":
        return region_names.get(str(code), str(code))
    return i18n.t("eq.participants" if code else "eq.others", lang)


def group_figure(
    frame: pd.DataFrame,
    group: str,
    region_names: dict[str, str],
    sources: tuple[tuple[str, tuple[int, ...]], ...],
    lang: str,
) -> Figure:
    """The median growth per group (``group``: size_class, region or participant) with the n
    behind each bar and small groups flagged; titled by the highest, ties named.

    A title never rests on a small group (n < equity.SMALL_GROUP, column ``small``): the
    highest among the groups large enough is named, and the title says it ranks only those;
    when no group is large enough the title says the groups are too small to compare. Every
    group, small ones too, stays on the chart and in the table with its n."""
    names = [group_name(group, g, region_names, lang) for g in frame["group"]]
    medians = [_pct(m, lang) for m in frame["median"]]
    status = statuses_of(frame)
    group_word = i18n.t(f"eq.group.{group}", lang)
    large = [i for i, small in enumerate(frame["small"]) if not small]
    if not large:
        title = marked(
            i18n.t("eq.by.title.too_small", lang, group=group_word, n=SMALL_GROUP), status, lang
        )
        fig = _median_figure(frame, names, medians, title, f"equity_by_{group}", sources, lang)
        return replace(fig, label=group_word, value_text="")
    highest = max((medians[i] for i in large), key=lambda t: frame["median"].iloc[medians.index(t)])
    tops = [names[i] for i in large if medians[i] == highest]
    key = "eq.by.title" if len(large) == len(frame) else "eq.by.title.large"
    title = marked(
        i18n.t(key, lang, group=group_word, top=" & ".join(tops), value=highest, n=SMALL_GROUP),
        status,
        lang,
    )
    fig = _median_figure(frame, names, medians, title, f"equity_by_{group}", sources, lang)
    return replace(fig, label=" & ".join(tops), value_text=highest)


def _with_n(frame: pd.DataFrame, names: list[str]) -> list[str]:
    """Each group's name with the n behind it, and ⚠ on a small group (see eq.small)."""
    # n beside the group's name, not after the bar: a narrow column would cut it off there.
    return [
        f"{name} (n={int(n)})" + (" ⚠" if small else "")
        for name, n, small in zip(names, frame["n"], frame["small"], strict=True)
    ]


def _small_words(frame: pd.DataFrame, lang: str) -> list[str]:
    return [
        i18n.t("table.col.small.yes" if s else "table.col.small.no", lang) for s in frame["small"]
    ]


def _group_bars(
    shown: pd.DataFrame,
    value: str,
    axis_title: str,
    title: str,
    sources: tuple[tuple[str, tuple[int, ...]], ...],
    lang: str,
) -> dict:
    """One horizontal bar per group (``label_group``: its name and n) of ``value``, labelled
    with the group's ``label`` text: the chart options of every by-group figure."""
    return chart_spec(
        "bar",
        shown,
        lang,
        sources,
        x="label_group",
        y=value,
        horizontal=True,
        label="label",
        x_title=None,
        y_title=axis_title,
        title=title,
        height=40 * len(shown) + 20,
        wrap=(34, 48),
    )


def _median_figure(
    frame: pd.DataFrame,
    names: list[str],
    medians: list[str],
    title: str,
    key: str,
    sources: tuple[tuple[str, tuple[int, ...]], ...],
    lang: str,
) -> Figure:
    """The median growth of each group as bars, n beside each name, and its table."""
    status = statuses_of(frame)
    shown = frame.assign(label_group=_with_n(frame, names), label=medians)
    chart = _group_bars(shown, "median", i18n.t("eq.median.axis", lang), title, sources, lang)
    table = pd.DataFrame(
        {
            i18n.t("table.col.group", lang): shown["label_group"].tolist(),
            i18n.t("eq.n", lang): [i18n.format_number(n, lang, 0) for n in shown["n"]],
            i18n.t("eq.median", lang): medians,
            i18n.t("eq.iqr", lang): [
                i18n.format_range(growth.Range(a, b), lang, "%", 0, True)
                for a, b in zip(shown["q1"], shown["q3"], strict=True)
            ],
            i18n.t("eq.share50", lang): [
                i18n.format_percent(v, lang, 0) for v in shown["share_50"]
            ],
            i18n.t("table.col.small", lang): _small_words(shown, lang),
            i18n.t("table.status", lang): [i18n.label("status", s, lang) for s in shown["status"]],
        }
    )
    return Figure(
        key=key,
        kind="level",
        unit="%",
        value=None,
        years=None,
        status=status,
        sources=sources,
        title=title,
        label="",
        value_text="",
        chart=chart,
        table=table,
    )


def gap_text(gap: dict, participants: pd.DataFrame, lang: str) -> str | None:
    """The participants' median minus the others', with both counts, as a comparison (not a
    cause), marked with the weaker status of the two groups; None without both groups."""
    if gap["gap_pp"] is None:
        return None
    text = i18n.t(
        "eq.gap",
        lang,
        gap=i18n.format_points(gap["gap_pp"], lang, PRECISION),
        n1=gap["n_participants"],
        n2=gap["n_others"],
    )
    return marked(text, statuses_of(participants), lang)


# --- women and men: the owner's gender (pengarusutamaan gender, PUG) ---------------------


def _by_gender_words(frame: pd.DataFrame, values: list[str], lang: str) -> str:
    """'Perempuan +35%, Laki-laki +10%': the recorded genders only (not the 'not recorded')."""
    return ", ".join(
        f"{group_name('gender', g, {}, lang)} {v}"
        for g, v in zip(frame["group"], values, strict=True)
        if g in GENDERS
    )


def gender_figures(
    frame: pd.DataFrame,
    sources: tuple[tuple[str, tuple[int, ...]], ...],
    start: int,
    end: int,
    lang: str,
) -> tuple[Figure, Figure] | None:
    """(income growth by the owner's gender, program participation by the owner's gender)
    from ``frame`` (equity.by_gender), or None when no record has a gender.

    Both give n beside every group and flag small groups as the size classes do; the records
    without a gender are their own row, 'not recorded', shown and counted but left out of the
    titles. The growth figure's table holds both measures (the deck's table)."""
    if not frame["group"].isin(GENDERS).any():
        return None
    names = [group_name("gender", g, {}, lang) for g in frame["group"]]
    medians = [_pct(m, lang) for m in frame["median"]]
    status = statuses_of(frame)
    growth_title = marked(
        i18n.t(
            "eq.gender.growth.title",
            lang,
            start=start,
            end=end,
            values=_by_gender_words(frame, medians, lang),
        ),
        status,
        lang,
    )
    growth_fig = replace(
        _median_figure(frame, names, medians, growth_title, "equity_by_gender", sources, lang),
        label=i18n.t("eq.gender.heading", lang),
        value_text=_by_gender_words(frame, medians, lang),
    )
    rates = [i18n.format_percent(r, lang, 0) for r in frame["participation"]]
    growth_fig.table.insert(
        len(growth_fig.table.columns) - 2, i18n.t("eq.gender.joined", lang), rates
    )
    part_title = marked(
        i18n.t(
            "eq.gender.part.title",
            lang,
            start=start,
            end=end,
            values=_by_gender_words(frame, rates, lang),
        ),
        status,
        lang,
    )
    shown = frame.assign(label_group=_with_n(frame, names), label=rates)
    axis = i18n.t("eq.gender.part.axis", lang)
    chart = _group_bars(shown, "participation", axis, part_title, sources, lang)
    table = pd.DataFrame(
        {
            i18n.t("table.col.group", lang): shown["label_group"].tolist(),
            i18n.t("eq.n", lang): [i18n.format_number(n, lang, 0) for n in shown["n"]],
            i18n.t("eq.gender.participants", lang): [
                i18n.format_number(n, lang, 0) for n in shown["participants"]
            ],
            i18n.t("eq.gender.joined", lang): rates,
            i18n.t("table.col.small", lang): _small_words(shown, lang),
            i18n.t("table.status", lang): [i18n.label("status", s, lang) for s in shown["status"]],
        }
    )
    part_fig = Figure(
        key="equity_participation_by_gender",
        kind="share",
        unit="%",
        value=None,
        years=(start, end),
        status=status,
        sources=sources,
        title=part_title,
        label=i18n.t("eq.gender.joined", lang),
        value_text=_by_gender_words(frame, rates, lang),
        chart=chart,
        table=table,
    )
    return growth_fig, part_fig


def gender_note(frame: pd.DataFrame, lang: str) -> str:
    """How many enterprises have no owner's gender recorded, and that they are counted apart."""
    rows = frame.loc[frame["group"] == NOT_RECORDED, "n"]
    return i18n.t("eq.gender.not_recorded", lang, n=int(rows.sum()))


def gender_missing(frame: pd.DataFrame, start: int, end: int, lang: str) -> str:
    """What the section says instead of charts when no record has a gender."""
    return i18n.t("eq.gender.none", lang, start=start, end=end, n=int(frame["n"].sum()))
