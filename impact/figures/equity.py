"""Who gained: the equity figures (the spread of enterprise income growth, its median by size
class, region and program participation, the participants' gap, and income growth and program
participation by the owner's gender, and the share of enterprises whose income reaches their
region's minimum wage, UMK), composed once.

Every figure gives the number of enterprises behind it, withholds the figures of small groups
(equity.withhold: in titles, charts' data, tables and so in downloads and slides, a withheld
group keeps only its name and 'n < 30'), carries the weakest status of the records it uses and
names the sources of the two years it compares.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

import pandas as pd

from impact import equity, growth, i18n
from impact.equity import GENDERS, GROWTH_VALUES, NOT_RECORDED, SMALL_GROUP, UMK_VALUES
from impact.figures.figure import PRECISION, Figure, chart_spec, year_sources
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


def withheld_word(lang: str) -> str:
    """What a withheld figure's cell says (the reason is the eq.small sentence)."""
    return i18n.t("eq.withheld", lang)


def _n_text(n: float, withheld: bool, lang: str) -> str:
    """A group's count; '< 30' for a group withheld for being small (not one withheld beside
    it), so that the page does not say 'n=1' next to a withheld figure."""
    if withheld and 0 < n < SMALL_GROUP:
        return f"< {SMALL_GROUP}"
    return i18n.format_number(n, lang, 0)


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
    if row["n"] < SMALL_GROUP or row.get("withheld", False):  # equity.scope_summary
        return _withheld_distribution(int(row["n"]), status, sources, start, end, lang)
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


def _withheld_distribution(
    n: int,
    status: str,
    sources: tuple[tuple[str, tuple[int, ...]], ...],
    start: int,
    end: int,
    lang: str,
) -> Figure:
    """The spread when fewer than SMALL_GROUP enterprises are compared: no median, middle
    half, share or histogram (a chart of one enterprise shows its growth), no chart."""
    title = marked(i18n.t("eq.hist.title.withheld", lang, start=start, end=end), status, lang)
    word = withheld_word(lang)
    about = i18n.t(
        "eq.source", lang, sources="; ".join(i18n.data_text(s, lang) for s, _ in sources)
    )
    return Figure(
        key="equity_distribution",
        kind="level",
        unit="%",
        value=None,
        years=(start, end),
        status=status,
        sources=sources,
        title=title,
        label=i18n.t("eq.median", lang),
        value_text=word,
        period=i18n.t("card.period", lang, start=start, end=end),
        metrics=(
            (i18n.t("eq.median", lang), word),
            (i18n.t("eq.n", lang), _n_text(n, True, lang)),
        ),
        notes=(about,),
        extra={"about": about},
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
    behind each bar; titled by the highest, ties named.

    A title never rests on a withheld group (n < equity.SMALL_GROUP, or withheld beside one): the
    highest among the groups large enough is named, and the title says it ranks only those;
    when no group is large enough the title says the groups are too small to compare. Every
    group stays in the table with its n; a withheld group (equity.withhold) has no bar and no
    figure, only its name and n. The chart is None when every group is withheld."""
    frame = equity.withhold(frame, GROWTH_VALUES, complementary=True)
    names = [group_name(group, g, region_names, lang) for g in frame["group"]]
    medians = _texts(frame, "median", lambda m: _pct(m, lang), lang)
    status = statuses_of(frame)
    group_word = i18n.t(f"eq.group.{group}", lang)
    large = [i for i, hidden in enumerate(frame["withheld"]) if not hidden]
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


def _with_n(frame: pd.DataFrame, names: list[str], lang: str) -> list[str]:
    """Each group's name with the n behind it ('n < 30' for a small withheld group)."""
    # n beside the group's name, not after the bar: a narrow column would cut it off there.
    return [
        f"{name} (n < {SMALL_GROUP})" if hidden and 0 < n < SMALL_GROUP else f"{name} (n={int(n)})"
        for name, n, hidden in zip(names, frame["n"], frame["withheld"], strict=True)
    ]


def _texts(frame: pd.DataFrame, column: str, text, lang: str) -> list[str]:
    """``text(value)`` of each row's ``column``, or the withheld word in a withheld row."""
    return [
        withheld_word(lang) if hidden else text(v)
        for v, hidden in zip(frame[column], frame["withheld"], strict=True)
    ]


def _small_words(frame: pd.DataFrame, lang: str) -> list[str]:
    return [
        i18n.t("table.col.small.yes" if s else "table.col.small.no", lang)
        for s in frame["withheld"]
    ]


def _plotted(shown: pd.DataFrame) -> pd.DataFrame:
    """The rows a chart may carry: never a withheld group's (a Vega spec holds its data)."""
    return shown[~shown["withheld"].to_numpy(dtype=bool)]


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
    """The median growth of each group as bars, n beside each name, and its table; ``frame``
    is withheld (equity.withhold): a withheld group has no bar and 'ditahan' in its cells."""
    status = statuses_of(frame)
    shown = frame.assign(label_group=_with_n(frame, names, lang), label=medians)
    plotted = _plotted(shown)
    axis = i18n.t("eq.median.axis", lang)
    chart = _group_bars(plotted, "median", axis, title, sources, lang) if len(plotted) else None
    word = withheld_word(lang)
    table = pd.DataFrame(
        {
            i18n.t("table.col.group", lang): shown["label_group"].tolist(),
            i18n.t("eq.n", lang): [
                _n_text(n, w, lang) for n, w in zip(shown["n"], shown["withheld"], strict=True)
            ],
            i18n.t("eq.median", lang): medians,
            i18n.t("eq.iqr", lang): [
                word if w else i18n.format_range(growth.Range(a, b), lang, "%", 0, True)
                for a, b, w in zip(shown["q1"], shown["q3"], shown["withheld"], strict=True)
            ],
            i18n.t("eq.share50", lang): _texts(
                shown, "share_50", lambda v: i18n.format_percent(v, lang, 0), lang
            ),
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
    cause), marked with the weaker status of the two groups; None without both groups, or
    when either is a small group (both are then withheld, see equity.withhold)."""
    if gap["gap_pp"] is None or gap.get("small"):
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
    """'Perempuan +35%, Laki-laki +10%': the recorded genders only (not the 'not recorded'),
    never a withheld group's; 'ditahan' when every recorded gender is withheld."""
    words = ", ".join(
        f"{group_name('gender', g, {}, lang)} {v}"
        for g, v, hidden in zip(frame["group"], values, frame["withheld"], strict=True)
        if g in GENDERS and not hidden
    )
    return words or withheld_word(lang)


def gender_figures(
    frame: pd.DataFrame,
    sources: tuple[tuple[str, tuple[int, ...]], ...],
    start: int,
    end: int,
    lang: str,
    *,
    scope_withheld: bool = False,
) -> tuple[Figure, Figure] | None:
    """(income growth by the owner's gender, program participation by the owner's gender)
    from ``frame`` (equity.by_gender), or None when no record has a gender.

    Both give n beside every group and withhold small groups as the size classes do; the records
    without a gender are their own row, 'not recorded', shown and counted but left out of the
    titles. The growth figure's table holds both measures (the deck's table).
    ``scope_withheld``: the region of ``frame`` is withheld among the regions
    (equity.region_withheld), so every group is."""
    if not frame["group"].isin(GENDERS).any():
        return None
    frame = equity.withhold(frame, GROWTH_VALUES, complementary=True)
    if scope_withheld:
        frame = frame.assign(withheld=True, **{c: float("nan") for c in GROWTH_VALUES})
    names = [group_name("gender", g, {}, lang) for g in frame["group"]]
    medians = _texts(frame, "median", lambda m: _pct(m, lang), lang)
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
    rates = _texts(frame, "participation", lambda r: i18n.format_percent(r, lang, 0), lang)
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
    shown = frame.assign(label_group=_with_n(frame, names, lang), label=rates)
    axis = i18n.t("eq.gender.part.axis", lang)
    plotted = _plotted(shown)
    chart = (
        _group_bars(plotted, "participation", axis, part_title, sources, lang)
        if len(plotted)
        else None
    )
    table = pd.DataFrame(
        {
            i18n.t("table.col.group", lang): shown["label_group"].tolist(),
            i18n.t("eq.n", lang): [
                _n_text(n, w, lang) for n, w in zip(shown["n"], shown["withheld"], strict=True)
            ],
            i18n.t("eq.gender.participants", lang): _texts(
                shown, "participants", lambda n: i18n.format_number(n, lang, 0), lang
            ),
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


# --- the UMK yardstick: enterprises whose monthly income reaches their region's UMK -------


def _umk_share_text(share: float, lang: str) -> str:
    """A share of enterprises: unsigned, one decimal ('81,7%')."""
    return i18n.format_percent(share, lang, PRECISION)


def _umk_shares(frame: pd.DataFrame, lang: str) -> list[str]:
    return _texts(frame, "share", lambda s: _umk_share_text(s, lang), lang)


def _umk_table(shown: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Each compared group: its name with n, the n, how many reach the UMK, the share, the
    records left out for want of a UMK, whether it is withheld and the status."""
    return pd.DataFrame(
        {
            i18n.t("table.col.group", lang): shown["label_group"].tolist(),
            i18n.t("eq.umk.n", lang): [
                _n_text(n, w, lang) for n, w in zip(shown["n"], shown["withheld"], strict=True)
            ],
            i18n.t("eq.umk.reached", lang): _texts(
                shown, "reached", lambda n: i18n.format_number(n, lang, 0), lang
            ),
            i18n.t("eq.umk.share", lang): shown["label"].tolist(),
            i18n.t("eq.umk.no_umk", lang): [
                i18n.format_number(n, lang, 0) for n in shown["no_umk"]
            ],
            i18n.t("table.col.small", lang): _small_words(shown, lang),
            i18n.t("table.status", lang): [i18n.label("status", s, lang) for s in shown["status"]],
        }
    )


def _umk_bars(
    frame: pd.DataFrame,
    names: list[str],
    title: str,
    sources: tuple[tuple[str, tuple[int, ...]], ...],
    lang: str,
) -> tuple[dict | None, pd.DataFrame]:
    """The share per group as bars (n beside each name, no bar for a withheld group) and its table,
    of the groups compared with a UMK only (a group without one has no share, not 0%)."""
    keep = (frame["n"] > 0).to_numpy()
    shown = frame[keep].assign(
        label_group=_with_n(frame[keep], [n for n, k in zip(names, keep, strict=True) if k], lang),
        label=_umk_shares(frame[keep], lang),
    )
    plotted = _plotted(shown)
    if plotted.empty:
        return None, _umk_table(shown, lang)
    chart = _group_bars(plotted, "share", i18n.t("eq.umk.axis", lang), title, sources, lang)
    return chart, _umk_table(shown, lang)


def umk_sources(
    found: equity.UmkYardstick, years: Iterable[int]
) -> tuple[tuple[str, tuple[int, ...]], ...]:
    """Each source of the records and UMK figures of ``years``, with its years."""
    return year_sources(found.sources[found.sources["year"].isin(list(years))])


def umk_figure(found: equity.UmkYardstick, lang: str) -> Figure:
    """The share of enterprises whose monthly income reaches their region's UMK in
    ``found.year``: card metrics (share, n compared, n without a UMK), the share per year as
    bars, and notes on the method (yearly income against 12 x UMK), on who was left out and
    why, on the years without a UMK, and the sources. The title states the share only when
    the enterprises compared are not a small group."""
    overall = equity.withhold(found.overall, UMK_VALUES, complementary=False)
    if found.withheld:  # the region in scope is withheld among the regions: every figure
        overall = overall.assign(withheld=True, share=float("nan"), reached=float("nan"))
    row = overall.iloc[0]
    year, n = int(found.year or 0), int(row["n"])
    # Years are not parts of one shown total: only each year's own small n withholds it.
    by_year = equity.withhold(found.by["year"], UMK_VALUES, complementary=False)
    if found.withheld:
        nan = float("nan")
        by_year = by_year.assign(withheld=by_year["n"] > 0, share=nan, reached=nan)
    compared = by_year[by_year["n"] > 0]
    if n:
        status = str(row["status"])
    else:  # no share this year: the status of what the figure still shows
        status = statuses_of(compared) if len(compared) else str(row["record_status"])
    sources = umk_sources(found, [year])
    share = (
        "–"
        if not n
        else withheld_word(lang)
        if row["withheld"]
        else _umk_share_text(row["share"], lang)
    )
    if not n:
        title = i18n.t("eq.umk.title.none", lang, year=year)
    elif row["withheld"]:
        title = i18n.t("eq.umk.title.small", lang, year=year)
    else:
        title = i18n.t("eq.umk.title", lang, year=year, share=share)
    title = marked(title, status, lang)
    names = [str(int(y)) for y in by_year["group"]]
    plotted = umk_sources(found, compared["group"].astype(int))
    chart, table = _umk_bars(by_year, names, title, plotted, lang)
    no_umk = int(row["no_umk"])
    metrics = (
        (i18n.t("eq.umk.share", lang), share),
        (i18n.t("eq.umk.n", lang), _n_text(n, bool(row["withheld"]), lang)),
        (i18n.t("eq.umk.no_umk", lang), i18n.format_number(no_umk, lang, 0)),
    )
    notes = [i18n.t("eq.umk.method", lang)]
    if no_umk:
        notes.append(i18n.t("eq.umk.excluded", lang, year=year, n=no_umk))
    if combined := int(row["combined"]):
        notes.append(i18n.t("eq.umk.combined", lang, n=combined))
    missing = by_year[(by_year["no_umk"] - by_year["combined"]) > 0]
    if not missing.empty:
        years = ", ".join(
            i18n.t("eq.umk.missing.year", lang, year=int(y), n=int(k - c))
            for y, k, c in zip(
                missing["group"], missing["no_umk"], missing["combined"], strict=True
            )
        )
        notes.append(i18n.t("eq.umk.missing", lang, years=years))
    if found.umk.empty:
        notes.append(i18n.t("eq.umk.no_data", lang))
    notes.append(
        i18n.t(
            "eq.umk.source",
            lang,
            sources="; ".join(
                i18n.data_text(s, lang) for s, _ in umk_sources(found, found.sources["year"])
            ),
        )
    )
    return Figure(
        key="equity_umk",
        kind="share",
        unit="%",
        value=growth.Range.point(float(row["share"])) if n and not row["withheld"] else None,
        years=(year, year),
        status=status,
        sources=sources,
        title=title,
        label=i18n.t("eq.umk.card", lang),
        value_text=share,
        period=i18n.t("eq.umk.period", lang, year=year, n=_n_text(n, bool(row["withheld"]), lang)),
        metrics=metrics,
        chart=chart,
        table=table,
        notes=tuple(notes),
    )


def umk_group_figure(
    found: equity.UmkYardstick, group: str, region_names: dict[str, str], lang: str
) -> Figure | None:
    """The share reaching the UMK per ``group`` (region or size_class) in ``found.year``, n
    beside each name and small groups withheld (with the next-smallest beside a single one);
    titled by the highest group shown. None when no group can be charted."""
    if found.withheld:
        return None
    frame = equity.withhold(found.by[group], UMK_VALUES, complementary=True)
    names = [group_name(group, g, region_names, lang) for g in frame["group"]]
    year = int(found.year or 0)
    sources = umk_sources(found, [year])
    sturdy = frame[(frame["n"] > 0) & ~frame["withheld"]]
    status = statuses_of(frame[frame["n"] > 0])
    words = {"group": i18n.t(f"eq.group.{group}", lang), "year": year}
    if sturdy.empty:
        title = i18n.t("eq.umk.by.title.small", lang, n=equity.SMALL_GROUP, **words)
    else:
        shares = _umk_shares(sturdy, lang)
        top = max(shares, key=lambda text: sturdy["share"].iloc[shares.index(text)])
        tops = [
            group_name(group, g, region_names, lang)
            for g, s in zip(sturdy["group"], shares, strict=True)
            if s == top
        ]
        title = i18n.t("eq.umk.by.title", lang, top=" & ".join(tops), value=top, **words)
    title = marked(title, status, lang)
    chart, table = _umk_bars(frame, names, title, sources, lang)
    if chart is None:
        return None
    return Figure(
        key=f"equity_umk_by_{group}",
        kind="share",
        unit="%",
        value=None,
        years=(year, year),
        status=status,
        sources=sources,
        title=title,
        label="",
        value_text="",
        chart=chart,
        table=table,
    )


def umk_empty(lang: str) -> str:
    """What the UMK section says instead of a chart when there are no enterprise records."""
    return i18n.t("eq.umk.empty", lang)
