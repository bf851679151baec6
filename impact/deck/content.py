"""What the hearing deck says: the dashboard's findings as a list of :class:`Slide`.

Every figure is the figure layer's (:mod:`impact.figures`: the same title, card, chart and notes
the pages render), the rest comes from :mod:`impact.growth`, :mod:`impact.evaluation` and the
:mod:`impact.store` queries, so the deck and the dashboard can never disagree. Where a slide's text goes is :mod:`impact.deck.layout`'s business.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field, replace
from pathlib import Path

import altair as alt
import pandas as pd

from impact import equity, evaluation, growth, i18n, indicators, readiness, store
from impact.deck import layout
from impact.deck.model import (
    SECTOR,
    Block,
    BriefContent,
    Card,
    DeckOptions,
    Finding,
    FollowUp,
    Slide,
    Table,
    TableRow,
    format_hearing_date,
)
from impact.figures import achievement as achievement_figures
from impact.figures import as_of, charts, collaboration, figure
from impact.figures import creative as creative_figures
from impact.figures import equity as equity_figures
from impact.figures import programs as programs_figures
from impact.figures import regions as regions_figures
from impact.figures.figure import Figure
from impact.figures.marks import mark_notes, status_word, with_symbol
from impact.status import ORDER as STATUS_ORDER
from impact.status import weakest
from impact.store import ELEMENTS, OBSTACLE_CATEGORIES

# The first of these with figures for both years is the deck's income figure: the study's
# index (Blitar as a whole), else the average income in Rp (per city/regency, illustrative).
INCOME_CODES = ("batik_income_index", "batik_income_avg")
COMPETITIVENESS = "batik_competitiveness"
JOBS = "batik_workers"
OUTCOME_LABELS = {
    "batik_income_index": "prog.outcome.income",
    COMPETITIVENESS: "prog.outcome.comp",
    JOBS: "prog.outcome.jobs",
}
# Obstacles and programs the recommendations cite as evidence (codes of the seed data).
EVIDENCE = {
    "synergy": ("weak_cross_agency",),
    "continuity": ("board_turnover",),
    "resources": ("budget_cuts", "mori_shortage"),
}
CONTINUITY_PROGRAM = "training"
# Chart plot heights (px) as built; the PPTX writer refits them to the slide's free space.
SERIES_HEIGHT = 150
BAR_HEIGHT = 150
REGIONS_HEIGHT = 190  # two series and their labels, one above and one below the points
# Titles and subtitles are not wrapped by the chart: on a slide the title is the slide's own
# and the subtitle lines (sources, how to read the marks) become the footnote.
NO_WRAP = (1000, 1000)


# --- small formatting helpers ---------------------------------------------------------


def _float(x: object) -> float | None:
    """A number from a frame cell; pandas' missing values (NA, NaN) become None."""
    return None if x is None or pd.isna(x) else float(x)


def _untitled(chart: alt.TopLevelMixin) -> tuple[alt.TopLevelMixin, tuple[str, ...]]:
    """The chart without its title block, and the title's subtitle lines (sources and reading
    notes). On a slide the title is the slide's own and the subtitle becomes the footnote."""
    subtitle = chart.title.subtitle if chart.title is not alt.Undefined else []
    plain = chart.copy(deep=False)
    plain.title = alt.Undefined
    return plain, tuple(subtitle or ())


def _footnote(lang: str, sources: Iterable[str], notes: Iterable[str] = ()) -> tuple[str, ...]:
    """The slide's footnote: one line naming every source, one with the reading notes."""
    sources = list(dict.fromkeys(i18n.data_text(s, lang) for s in sources))
    lines = [i18n.t("source.line", lang, source="; ".join(sources))] if sources else []
    notes = " ".join(n for n in notes if n)
    return tuple([*lines, notes] if notes else lines)


def _notes(*parts: Iterable[str]) -> str:
    return "\n".join(line for part in parts for line in part if line)


def _sources_notes(sources: Iterable[str], lang: str) -> list[str]:
    sources = list(dict.fromkeys(i18n.data_text(s, lang) for s in sources))
    return [i18n.t("deck.notes.sources", lang), *(f"- {s}" for s in sources)] if sources else []


# --- the deck's content ---------------------------------------------------------------


@dataclass
class _Deck:
    """What the section builders share: the store, the options and memoised figures."""

    path: Path | str
    options: DeckOptions
    registry: dict[str, indicators.Indicator] = field(default_factory=dict)
    _figures: dict = field(default_factory=dict)
    _programs: pd.DataFrame | None = None
    # Headline figures left off the cards (no figure for both years): label -> the agency
    # that produces it, for the pack's 'still being collected' slide.
    dropped: dict[str, str] = field(default_factory=dict)

    @property
    def lang(self) -> str:
        return self.options.lang

    @property
    def years(self) -> tuple[int, int]:
        return self.options.start_year, self.options.end_year

    def t(self, key: str, **params: object) -> str:
        return i18n.t(key, self.lang, **params)

    def region_names(self) -> dict[str, str]:
        """Region code -> name in the deck's language."""
        frame = store.read_table(self.path, "region")
        return dict(
            zip(frame["code"], frame["name_en" if self.lang == "en" else "name_id"], strict=True)
        )

    def region_name(self, region: str | None = None) -> str:
        region = region or self.options.region
        return self.region_names().get(region, region)

    def change_of(self, code: str, real: bool = False) -> Figure | None:
        """The figure layer's change of ``code`` in the deck's region and years (memoised), or
        None when a year is missing (a deck for another region simply leaves it out)."""
        key = (code, real)
        if key not in self._figures:
            self._figures[key] = _figure(self, code, self.options.region, *self.years, real)
        return self._figures[key]

    def wanted(
        self, label: str, code: str, region: str, start: int, end: int, real: bool = False
    ) -> Figure | None:
        """The change of ``code``, or None with ``label`` recorded (with the agency that
        produces the figure) for the pack's 'still being collected' slide."""
        fig = _figure(self, code, region, start, end, real)
        if fig is None and code in self.registry:
            self.dropped.setdefault(label, self.registry[code].agency)
        return fig

    def income(self) -> Figure | None:
        """The deck's income figure: the first of INCOME_CODES with both years, real terms."""
        return next((f for code in INCOME_CODES if (f := self.change_of(code, real=True))), None)

    def programs(self) -> pd.DataFrame:
        """Program outputs of the region in the deck's years, with attainment and cost."""
        if self._programs is None:
            summary = store.program_summary(self.path, self.options.region)
            start, end = self.years
            summary = summary[summary["year"].between(start, end)]
            name_col = "name_en" if self.lang == "en" else "name_id"
            self._programs = evaluation.attainment(summary).assign(
                program_label=lambda d: d[name_col]
            )
        return self._programs

    def program_totals(self) -> pd.DataFrame | None:
        """Yearly totals when both end years have programs, else None."""
        summary = self.programs()
        if summary.empty:
            return None
        totals = evaluation.yearly_totals(summary)
        if not set(self.years) <= set(totals["year"].astype(int)):
            return None
        return totals

    def change_text(self, fig: Figure) -> str:
        """A figure's change as the figure layer writes it: points for scores, percent else."""
        return figure.change_text(fig.value, fig.kind, self.lang)


def _chart_slide(
    deck: _Deck,
    chart: alt.TopLevelMixin,
    *,
    title: str,
    finding: str,
    height: int,
    sources: list[str],
    statuses: Iterable[str],
    notes: list[str],
    section: str,
) -> Slide:
    plain, subtitle = _untitled(chart)
    source_lines = {i18n.t("source.line", deck.lang, source=s) for s in sources}
    footnote = _footnote(
        deck.lang, sources, [line for line in subtitle if line not in source_lines]
    )
    return Slide(
        section=section,
        title=title,
        finding=finding,
        chart=plain,
        chart_height=height,
        footnote=footnote,
        sources=tuple(dict.fromkeys(sources)),
        statuses=tuple(dict.fromkeys(statuses)),
        notes=_notes(
            [title, finding],
            notes,
            [deck.t("deck.notes.reading")],
            _sources_notes(sources, deck.lang),
        ),
    )


STUDY_REGION, STUDY_YEARS = "blitar", (2021, 2023)  # the study's own comparison


def _figure(deck: _Deck, code: str, region: str, start: int, end: int, real: bool = False):
    """The figure layer's change of ``code`` in ``region``, or None when a year is missing."""
    if code not in deck.registry:
        return None
    obs = store.observations(deck.path, code, region, SECTOR)
    # The deck's years only: a 2021-2023 pack built after a 2024 upload neither plots nor
    # cites 2024 (the page shows every year; a hearing pack is about the years it names).
    obs = obs[obs["year"].between(start, end)]
    inflation = (
        store.observations(deck.path, figure.INFLATION_INDICATOR, figure.INFLATION_REGION, "all")
        if real
        else None
    )
    try:
        return figure.change_figure(
            obs, deck.registry[code], start, end, deck.lang, inflation=inflation
        )
    except growth.MissingValueError:
        if real:  # no inflation for a year: the nominal figures still stand
            return _figure(deck, code, region, start, end)
        return None
    except growth.GrowthError:
        return None


def _card(fig, label: str, lang: str) -> Card:
    """A deck card from a figure: its value, and each detail line marked with what it is."""
    details = tuple(
        figure.marked(line.text, line.status, lang)
        if line.status != figure.COMPUTED
        else i18n.t("figure.computed", lang, text=line.text)
        for line in fig.details
    )
    return Card(label, fig.value_text, details, fig.status, fig.mark)


def _headline(
    deck: _Deck, region: str, start: int, end: int, *, study: bool = False
) -> list[tuple[str, Figure | None]]:
    """The headline figures of ``region`` and years with their card labels (None where a
    year is missing): income in real terms and competitiveness, the study's two findings,
    and for any other region or years also the workers. The study's slide and box hold the
    study's findings only: a figure the study did not report never stands beside them.
    A missing figure is recorded, with the agency that produces it, for the pack's 'still
    being collected' slide."""
    income_code = next(
        (code for code in INCOME_CODES if _figure(deck, code, region, start, end, True)),
        INCOME_CODES[0],
    )
    wanted = [
        (deck.t("card.income.label"), income_code, True),
        (deck.t("card.comp.label"), COMPETITIVENESS, False),
    ]
    if not study and JOBS in deck.registry:
        wanted.append((deck.registry[JOBS].name(deck.lang), JOBS, False))
    return [
        (label, deck.wanted(label, code, region, start, end, real)) for label, code, real in wanted
    ]


def _headline_cards(deck: _Deck, headline: list[tuple[str, Figure | None]]) -> list[Card]:
    """A card for each figure there is; a missing one is left off the cards (see
    :func:`_headline`), never shown as a dash among the findings."""
    return [_card(fig, label, deck.lang) for label, fig in headline if fig is not None]


def _summary_slide(deck: _Deck, region: str, start: int, end: int, *, study: bool) -> Slide | None:
    """The headline cards (income, competitiveness and, beyond the study, workers) for
    ``region`` and years; None when none of them has figures for both years."""
    lang = deck.lang
    headline = _headline(deck, region, start, end, study=study)
    income, comp = headline[0][1], headline[1][1]
    cards = _headline_cards(deck, headline)
    if not cards:
        return None
    notes, sources = [], []
    for label, fig in headline:
        if fig is None:
            continue
        notes += [label + ":", *fig.notes]
        sources += [src for src, _ in fig.sources]
    statuses = [c.status for c in cards if c.status]
    if income is not None and comp is not None:
        verb_i, mag_i = i18n.describe_change(income.value, lang, "%", figure.PRECISION)
        verb_c, mag_c = i18n.describe_change(
            comp.value, lang, " " + deck.t("unit.pp"), figure.PRECISION
        )
        key = "deck.study.title" if study else "deck.summary.title"
        title = deck.t(
            key, income=f"{verb_i} {mag_i}", points=f"{verb_c} {mag_c}", start=start, end=end
        )
        title = figure.marked(title, weakest([income.status, comp.status]), lang)
    else:
        region_name = deck.region_name(region)
        title = deck.t("deck.summary.title.plain", region=region_name, start=start, end=end)
    finding = deck.t("deck.study.finding" if study else "deck.summary.finding")
    return Slide(
        section="summary",
        title=title,
        finding=finding,
        cards=tuple(cards),
        footnote=_footnote(lang, sources),
        sources=tuple(dict.fromkeys(sources)),
        statuses=tuple(dict.fromkeys(statuses)),
        notes=_notes([title], [deck.t("deck.notes.figures")], notes, _sources_notes(sources, lang)),
    )


def _summary(deck: _Deck) -> list[Slide]:
    """The study's own finding (2021-2023, Blitar) always, labelled as the study's; the
    chosen region and years beside it when they differ."""
    start, end = deck.years
    slides = [_summary_slide(deck, STUDY_REGION, *STUDY_YEARS, study=True)]
    if (deck.options.region, (start, end)) != (STUDY_REGION, STUDY_YEARS):
        slides.append(_summary_slide(deck, deck.options.region, start, end, study=False))
    return [slide for slide in slides if slide is not None]


def _figure_slide(
    deck: _Deck,
    fig,
    *,
    finding: str,
    section: str,
    height: int = SERIES_HEIGHT,
    notes: Iterable[str] = (),
) -> Slide:
    """A chart slide from a figure: its title, its chart (built for the slide), and as the
    footnote the chart's own subtitle lines (the source of every year, the reading notes)."""
    options = fig.chart["options"] | {"height": height, "wrap": NO_WRAP}
    chart = charts.build(fig.chart["kind"], fig.chart["frame"], **options)
    plain, subtitle = _untitled(chart)
    sources = [src for src, _ in fig.chart_sources]  # every plotted year's
    return Slide(
        section=section,
        title=fig.title,
        finding=finding,
        chart=plain,
        chart_height=height,
        footnote=(" · ".join(subtitle),) if subtitle else (),
        sources=tuple(dict.fromkeys(sources)),
        statuses=tuple(dict.fromkeys(fig.chart["frame"]["status"])),
        notes=_notes(
            [fig.title, finding],
            fig.notes,
            mark_notes(fig.chart["frame"], deck.lang),
            notes,
            [deck.t("deck.notes.reading")],
            _sources_notes(sources, deck.lang),
        ),
    )


def _charts(deck: _Deck) -> list[Slide]:
    lang, (start, end) = deck.lang, deck.years
    region = deck.options.region
    slides = []
    income = next(
        (f for code in INCOME_CODES if (f := _figure(deck, code, region, start, end, True))), None
    )
    if income is not None:
        finding = "; ".join(_card(income, "", lang).details)
        slides.append(_figure_slide(deck, income, finding=finding, section="charts"))
    comp = _figure(deck, COMPETITIVENESS, region, start, end)
    if comp is not None:
        finding = "; ".join(_card(comp, "", lang).details)
        slides.append(_figure_slide(deck, comp, finding=finding, section="charts"))
    jobs = (
        deck.wanted(deck.registry[JOBS].name(lang), JOBS, region, start, end)
        if JOBS in deck.registry
        else None
    )
    if jobs is not None:  # its card's lines, each marked as the figure layer marks it
        finding = "; ".join(_card(jobs, "", lang).details)
        slides.append(_figure_slide(deck, jobs, finding=finding, section="charts"))
    return slides


def _severity_year(severity: pd.DataFrame, end: int) -> int | None:
    years = severity.loc[severity["year"] <= end, "year"]
    return int(years.max()) if not years.empty else None


def _obstacles(deck: _Deck) -> list[Slide]:
    """One row per category: its obstacles with their severity, next to the figures they
    hold back (each with its change over the deck's years), as the obstacles page links them."""
    lang, (start, end) = deck.lang, deck.years
    severity = store.obstacle_severity(deck.path)
    year = _severity_year(severity, end)
    if year is None:
        return []
    latest = severity[severity["year"] == year]
    links = store.obstacle_links(deck.path)
    programs = deck.programs()
    name_col = "name_en" if lang == "en" else "name_id"
    order = {c: i for i, c in enumerate(OBSTACLE_CATEGORIES)}
    latest = latest.assign(order=latest["category"].map(order)).sort_values(
        ["order", "severity"], ascending=[True, False], kind="stable"
    )
    statuses, sources = set(latest["status"]), list(latest["source"])

    def affected(kind: str, target: str) -> str | None:
        if kind == "indicator":
            fig = deck.change_of(target)
            if fig is None:
                return None
            statuses.add(fig.status)
            sources.extend(src for src, _ in fig.sources)
            text = deck.t(
                "deck.affects.indicator",
                name=deck.registry[target].name(lang),
                change=with_symbol(deck.change_text(fig), fig.mark),  # '+34 poin persen**'
            )
            return figure.marked(text, fig.status, lang)
        rows = programs[
            (programs["program"] == target) & programs["year"].isin([start, end])
        ].sort_values("year")
        if len(rows) < 2:
            return None
        status = weakest(tuple(rows["status"]))
        statuses.add(status)
        sources.extend(rows["source"])
        text = deck.t(
            "deck.affects.program",
            name=rows[name_col].iloc[0],
            count_start=int(rows["count"].iloc[0]),
            count_end=int(rows["count"].iloc[-1]),
        )
        return figure.marked(text, status, lang)

    rows, notes = [], []
    uniform = latest["status"].nunique() == 1
    for _, items in latest.groupby("order", sort=True):
        label = i18n.label("category", items["category"].iloc[0], lang)
        mine = links[links["item"].isin(items["item"])]
        targets = dict.fromkeys(zip(mine["target_kind"], mine["target"], strict=True))
        texts = [
            deck.t("deck.bullet", text=text)
            for kind, target in targets
            if (text := affected(kind, target))
        ]
        # Each severity with its status where it is stated: the column heading states it when
        # every severity shares one status ('Hambatan (keparahan 2023, ilustratif)'); else each
        # line does ('4/5, ilustratif'), so a reported severity never hides an illustrative one.
        names = [
            deck.t("deck.obstacle", name=r[name_col], severity=int(r["severity"]))
            if uniform
            else deck.t(
                "deck.obstacle.marked",
                name=r[name_col],
                severity=int(r["severity"]),
                status=status_word(r["status"], lang),
            )
            for r in items.to_dict("records")
        ]
        rows.append(
            TableRow((label, "\n".join(names), "\n".join(texts) or deck.t("deck.affects.none")))
        )
        for r in items.to_dict("records"):
            targets_of = links.loc[
                links["item"] == r["item"], "target_en" if lang == "en" else "target_id"
            ]
            notes.append(
                f"{label} · {r[name_col]}: {int(r['severity'])}/5 ({status_word(r['status'], lang)}, "
                f"{year}; {i18n.data_text(r['source'], lang)}) → " + "; ".join(targets_of.dropna())
            )
    top = int(latest["severity"].max())
    title = deck.t("obstacles.heading")
    finding = figure.marked(
        deck.t(
            "deck.obstacles.finding",
            count=len(latest),
            top=int((latest["severity"] == top).sum()),
            severity=top,
            year=year,
        ),
        weakest(tuple(latest["status"])),  # the severities it counts
        lang,
    )
    status_col = status_word(weakest(tuple(latest["status"])), lang)
    table = Table(
        columns=(
            deck.t("filter.category"),
            deck.t("deck.obstacles.col.items", year=year, status=status_col),
            deck.t("deck.obstacles.col.affects"),
        ),
        widths=(0.15, 0.45, 0.40),
        rows=tuple(rows),
    )
    sources = list(dict.fromkeys(sources))
    return [
        Slide(
            section="obstacles",
            title=title,
            finding=finding,
            table=table,
            footnote=_footnote(lang, sources, [deck.t("obstacles.caption")]),
            sources=tuple(sources),
            statuses=tuple(sorted(statuses, key=STATUS_ORDER.index)),
            notes=_notes(
                [title, finding, deck.t("obstacles.caption")], notes, _sources_notes(sources, lang)
            ),
        )
    ]


def _collaboration_frame(deck: _Deck) -> pd.DataFrame:
    scores = store.collaboration_scores(deck.path)
    scores = scores[scores["year"] <= deck.options.end_year]
    if scores.empty:
        return scores
    year = int(scores["year"].max())
    scores = scores[scores["year"] == year]
    lang = deck.lang
    return scores.assign(
        element_label=[i18n.label("element", e, lang) for e in scores["element"]],
        actor_label=[i18n.label("actor", a, lang) for a in scores["actor"]],
        order=[ELEMENTS.index(e) for e in scores["element"]],
    ).sort_values(["order", "actor"])


def _collaboration(deck: _Deck) -> list[Slide]:
    lang = deck.lang
    scores = _collaboration_frame(deck)
    if scores.empty:
        return []
    gaps = evaluation.divergence(scores)
    title = collaboration.gaps_figure(scores, lang).title  # the page's own title, ties too
    sources = list(dict.fromkeys(scores["source"]))
    chart = charts.heatmap(
        scores,
        lang=lang,
        x="actor_label",
        y="element_label",
        value="score",
        x_title=deck.t("collab.actor"),
        y_title=deck.t("collab.element"),
        value_title=deck.t("collab.score"),
        title=title,
        sources=sources,
        wrap=NO_WRAP,
    )
    height = 34 * scores["element"].nunique()
    evidence_col = "evidence_en" if lang == "en" else "evidence_id"
    notes = []
    for _, rows in scores.groupby("order", sort=True):  # one line per element
        marks = ", ".join(
            f"{r['actor_label']} {int(r['score'])}/5 ({status_word(r['status'], lang)})"
            for r in rows.to_dict("records")
        )
        evidence = " ".join(dict.fromkeys(rows[evidence_col].dropna()))
        notes.append(
            f"{rows['element_label'].iloc[0]}: {marks}. {deck.t('collab.evidence')}: {evidence}"
        )
    notes += [
        f"{deck.t('collab.spread')} · {i18n.label('element', g.element, lang)}: "
        f"{i18n.format_number(g.spread, lang, 1)}"
        for g in gaps.itertuples()
    ]
    return [
        _chart_slide(
            deck,
            chart,
            title=title,
            finding=deck.t("collab.scale"),
            height=height,
            sources=sources,
            statuses=scores["status"],
            notes=notes,
            section="collaboration",
        )
    ]


def _programs(deck: _Deck) -> list[Slide]:
    lang, (start, end) = deck.lang, deck.years
    summary, totals = deck.programs(), deck.program_totals()
    if totals is None:
        return []
    rupiah = lambda x: i18n.format_rupiah(x, lang)  # noqa: E731
    first = totals[totals["year"] == start].iloc[0]
    last = totals[totals["year"] == end].iloc[0]
    sources = list(dict.fromkeys(summary["source"]))
    budget = programs_figures.budget_figure(totals, summary, lang)  # the programs page's
    budget_text = budget.value_text
    finding = deck.t(
        "deck.budget.finding",
        budget_start=rupiah(first["budget_rp"]),
        start=start,
        budget_end=rupiah(last["budget_rp"]),
        end=end,
    )
    program_notes = [
        f"{int(r['year'])} · {r['program_label']}: {int(r['count'])} {deck.t('prog.count').lower()} "
        f"({deck.t('prog.target')} {i18n.format_number(_float(r['target_count']), lang, 0)}); "
        f"{deck.t('prog.participants')} {i18n.format_number(_float(r['participants']), lang, 0)}; "
        f"{rupiah(_float(r['budget_rp']))}; {deck.t('prog.cost')} "
        f"{rupiah(_float(r['cost_per_participant']))} ({status_word(r['status'], lang)})"
        for r in summary.to_dict("records")
    ]
    budget_notes = figure.comparison_notes(
        growth.compare("level", start, first["budget_rp"], end, last["budget_rp"]), None, lang
    )
    slides = [
        _figure_slide(
            deck,
            budget,
            finding=finding,
            section="programs",
            height=BAR_HEIGHT,
            notes=[*program_notes, *budget_notes],
        )
    ]

    # Outputs next to outcomes, as the programs page puts them.
    num = lambda x: i18n.format_number(x, lang, 0)  # noqa: E731
    out_status = weakest((first["status"], last["status"]))
    # Changes of counts and budget at the one precision of every change (−10,7%, not −11%).
    pct = lambda r: i18n.format_range(r, lang, "%", figure.PRECISION, True)  # noqa: E731
    # Activities per program type: sessions, certificates and exhibitions are not one unit.
    by_type = summary[summary["year"].isin([start, end])].pivot_table(
        index="program_label", columns="year", values="count", aggfunc="sum"
    )
    type_rows, rose = [], 0
    for label, counts in by_type.iterrows():
        if pd.isna(counts.get(start)) or pd.isna(counts.get(end)):
            continue
        rose += int(counts[end] > counts[start])
        rows_of = summary[(summary["program_label"] == label) & summary["year"].isin([start, end])]
        change = (
            pct(growth.percent_change(counts[start], counts[end])) if counts[start] > 0 else "–"
        )
        type_rows.append(
            TableRow(
                (
                    str(label),
                    num(counts[start]),
                    num(counts[end]),
                    change,
                    i18n.label("status", figure.statuses_of(rows_of), lang),
                )
            )
        )
    # No participants total: certificates, registrations and trainees are different
    # people-events; each type's participants are in the speaker notes (program_notes).
    rows = [
        TableRow((deck.t("prog.outputs"),), section=True),
        *type_rows,
        TableRow(
            (
                deck.t("prog.budget"),
                rupiah(first["budget_rp"]),
                rupiah(last["budget_rp"]),
                budget_text,
                i18n.label("status", out_status, lang),
            )
        ),
        TableRow((deck.t("prog.outcomes"),), section=True),
    ]
    statuses, outcome_sources, outcome_notes = {out_status}, [], []
    income = deck.income()
    for h in (income, deck.change_of(COMPETITIVENESS), deck.change_of(JOBS)):
        if h is None:
            continue
        code = h.extra["indicator"]
        c = h.comparison
        label_key = OUTCOME_LABELS.get(code)
        label = deck.t(label_key) if label_key else deck.registry[code].name(lang)
        rows.append(
            TableRow(
                (
                    label,
                    h.extra["start_text"],  # as the figure writes them, BPS marks kept
                    h.extra["end_text"],
                    with_symbol(deck.change_text(h), h.mark),
                    i18n.label("status", h.status, lang),
                )
            )
        )
        statuses.add(h.status)
        outcome_sources += [src for src, _ in h.sources]
        outcome_notes += [label + ":", *figure.comparison_notes(c, None, lang)]
    table = Table(
        columns=(
            deck.t("deck.progout.measure"),
            str(start),
            str(end),
            deck.t("card.percent"),
            deck.t("table.status"),
        ),
        widths=(0.28, 0.17, 0.17, 0.26, 0.12),
        rows=tuple(rows),
    )
    if income is not None:
        title = deck.t(
            "deck.progout.title",
            rose=rose,
            types=len(type_rows),
            budget=budget_text,
            income=deck.change_text(income),
        )
    else:
        title = deck.t("deck.progout.title.plain", start=start, end=end)
    # The title rests on the counts and budget of every type shown and on the income figure:
    # it is only as reliable as the weakest of them, and says so ('(ilustratif)').
    ends = summary[summary["year"].isin([start, end])]
    title_status = weakest(
        [*ends["status"], out_status, *([income.status] if income is not None else [])]
    )
    title = figure.marked(title, title_status, lang)
    statuses |= set(ends["status"])
    all_sources = list(dict.fromkeys([*sources, *outcome_sources]))
    slides.append(
        Slide(
            section="programs",
            title=title,
            finding=deck.t("deck.progout.finding"),
            table=table,
            footnote=_footnote(lang, all_sources, [deck.t("prog.cost_note")]),
            sources=tuple(all_sources),
            statuses=tuple(sorted(statuses, key=STATUS_ORDER.index)),
            notes=_notes(
                [title, deck.t("prog.cost_note")],
                program_notes,
                outcome_notes,
                _sources_notes(all_sources, lang),
            ),
        )
    )
    return slides


def _obstacle_evidence(deck: _Deck, codes: tuple[str, ...]) -> tuple[list[str], set, list]:
    severity = store.obstacle_severity(deck.path)
    year = _severity_year(severity, deck.options.end_year)
    name_col = "name_en" if deck.lang == "en" else "name_id"
    parts, statuses, sources = [], set(), []
    for code in codes:
        rows = severity[(severity["item"] == code) & (severity["year"] == year)]
        if rows.empty:
            continue
        row = rows.iloc[0]
        parts.append(
            deck.t(
                "deck.ev.obstacle",
                name=row[name_col],
                severity=int(row["severity"]),
                year=year,
                status=status_word(row["status"], deck.lang),
            )
        )
        statuses.add(row["status"])
        sources.append(row["source"])
    return parts, statuses, sources


def _follow_ups(deck: _Deck) -> list[FollowUp]:
    """The four recommendations with their evidence, as the recommendations slide cites it and
    the brief's matrix lays it out (problem, field data, plan documents, follow-up)."""
    lang, (start, end) = deck.lang, deck.years
    totals, summary = deck.program_totals(), deck.programs()
    income = deck.income()
    made: list[FollowUp] = []
    links = store.obstacle_links(deck.path)

    def add(
        code: str,
        parts: list[str],
        more_statuses: set,
        more_sources: list,
        problems: list[str] = (),  # type: ignore[assignment]
        indicators: Iterable[str] = (),
    ) -> None:
        linked = links.loc[
            links["item"].isin(EVIDENCE.get(code, ())) & (links["target_kind"] == "indicator"),
            "target",
        ]
        made.append(
            FollowUp(
                code=code,
                heading=deck.t(f"deck.rec.{code}.heading"),
                body=deck.t(f"deck.rec.{code}.body"),
                problems=tuple(problems),
                data=tuple(p for p in parts if p not in problems),
                plans=_plans(deck, {*linked, *indicators}),
                evidence=tuple(parts),
                statuses=tuple(sorted(more_statuses, key=STATUS_ORDER.index)),
                sources=tuple(dict.fromkeys(more_sources)),
            )
        )

    # 1. Cross-sector synergy: coordination obstacles and where the parties' views differ.
    parts, st_, src = _obstacle_evidence(deck, EVIDENCE["synergy"])
    problems = list(parts)
    scores = _collaboration_frame(deck)
    if not scores.empty:
        gaps = evaluation.divergence(scores)
        w = gaps.iloc[0]
        parts.append(
            deck.t(
                "deck.ev.collab",
                element=i18n.label("element", w["element"], lang).lower(),
                high_actor=i18n.label("actor", w["high_actor"], lang),
                high=i18n.format_number(w["high"], lang, 1),
                low_actor=i18n.label("actor", w["low_actor"], lang),
                low=i18n.format_number(w["low"], lang, 1),
                status=status_word(weakest(tuple(scores["status"])), lang),
            )
        )
        st_ |= set(scores["status"])
        src += list(scores["source"])
    add("synergy", parts, st_, src, problems)

    # 2. Program continuity: the training program's activities and board turnover.
    parts, st_, src = [], set(), []
    rows = summary[
        (summary["program"] == CONTINUITY_PROGRAM) & summary["year"].isin([start, end])
    ].sort_values("year")
    if len(rows) == 2:
        status = weakest(tuple(rows["status"]))
        parts.append(
            deck.t(
                "deck.ev.program",
                name=rows["program_label"].iloc[0],
                count_start=int(rows["count"].iloc[0]),
                count_end=int(rows["count"].iloc[1]),
                start=start,
                end=end,
                status=status_word(status, lang),
            )
        )
        st_.add(status)
        src += list(rows["source"])
    more = _obstacle_evidence(deck, EVIDENCE["continuity"])
    add("continuity", parts + more[0], st_ | more[1], src + more[2], more[0])

    # 3. Resource allocation: the budget against the income outcome, and the budget cuts.
    parts, st_, src = [], set(), []
    if totals is not None:
        first, last = totals[totals["year"] == start].iloc[0], totals[totals["year"] == end].iloc[0]
        status = weakest((first["status"], last["status"]))
        change = growth.percent_change(first["budget_rp"], last["budget_rp"])
        parts.append(
            deck.t(
                "deck.ev.budget",
                change=programs_figures.budget_change_text(change, lang),
                start=start,
                end=end,
                status=status_word(status, lang),
            )
        )
        st_.add(status)
        src += list(summary["source"])
    if income is not None:
        parts.append(
            deck.t(
                "deck.ev.income",
                change=deck.change_text(income),
                start=start,
                end=end,
                status=status_word(income.status, lang),
            )
        )
        st_.add(income.status)
        src += [source for source, _ in income.sources]
    more = _obstacle_evidence(deck, EVIDENCE["resources"])
    cited = [income.extra["indicator"]] if income is not None else []
    add("resources", parts + more[0], st_ | more[1], src + more[2], more[0], cited)

    # 4. Outcome-based evaluation: outputs are counted, each program's effect is not.
    parts, st_, src = [], set(), []
    if totals is not None:
        last = totals[totals["year"] == end].iloc[0]
        parts.append(
            deck.t(
                "deck.ev.outputs",
                types=int(summary.loc[summary["year"] == end, "program"].nunique()),
                year=end,
                status=status_word(last["status"], lang),
            )
        )
        cost = (
            growth.Range.point(float(last["budget_rp"]) / float(last["participants"]))
            if last["participants"]
            else None
        )
        if cost is not None:
            parts.append(
                deck.t(
                    "deck.ev.cost",
                    cost=i18n.format_rupiah(cost.low, lang),
                    year=end,
                    status=status_word(last["status"], lang),
                )
            )
        st_.add(last["status"])
        src += list(summary["source"])
    add("evaluation", parts, st_, src, indicators=(*INCOME_CODES, COMPETITIVENESS, JOBS))
    return made


def _plans(deck: _Deck, codes: Iterable[str]) -> tuple[str, ...]:
    """The plan documents (RPJMD, Renstra) that set a target for any of ``codes`` in the deck's
    region and years, as the target data name them, each marked with the target's status;
    empty when the data records none (the brief then says who fills it in)."""
    targets = store.targets_with_realisation(deck.path, deck.options.region)
    start, end = deck.years
    rows = targets[targets["indicator"].isin(list(codes)) & targets["year"].between(start, end)]
    documents = dict.fromkeys(
        figure.marked(i18n.data_text(source, deck.lang), status, deck.lang)
        for source, status in zip(rows["source"], rows["status"], strict=True)
        if isinstance(source, str) and source.strip()
    )
    return tuple(documents)


def _recommendations(deck: _Deck) -> list[Slide]:
    lang = deck.lang
    follow_ups = _follow_ups(deck)
    blocks = [
        Block(
            f.heading,
            (
                f.body,
                deck.t(
                    "deck.rec.evidence", evidence="; ".join(f.evidence) or deck.t("deck.ev.none")
                ),
            ),
        )
        for f in follow_ups
    ]
    statuses = {s for f in follow_ups for s in f.statuses}
    title = deck.t("deck.recs.title")
    sources = list(dict.fromkeys(s for f in follow_ups for s in f.sources))
    return [
        Slide(
            section="recommendations",
            title=title,
            finding=deck.t("deck.recs.finding"),
            blocks=tuple(blocks),
            columns=2,
            footnote=_footnote(lang, sources),
            sources=tuple(sources),
            statuses=tuple(sorted(statuses, key=STATUS_ORDER.index)),
            notes=_notes(
                [title],
                [f"{b.heading}\n" + "\n".join(b.lines) for b in blocks],
                _sources_notes(sources, lang),
            ),
        )
    ]


def _method_lines(lang: str) -> tuple[str, ...]:
    """The sources page's method text as plain lines (its Markdown bullets and bold removed)."""
    text = i18n.t("src.method.text", lang).replace("**", "")
    return tuple(line.removeprefix("- ").strip() for line in text.splitlines() if line.strip())


def _sources(deck: _Deck, shown: list[Slide], data_as_of: str) -> list[Slide]:
    lang = deck.lang
    sources = list(dict.fromkeys(s for slide in shown for s in slide.sources))
    generated = deck.t(
        "deck.generated", as_of=data_as_of, date=format_hearing_date(deck.options.date, lang)
    )
    title = deck.t("deck.sources.title", count=len(sources))
    registry_notes = [
        f"{i.name(lang)} ({i.code}): {i18n.data_text(i.unit, lang)}; {i.formula or ''}; {i.agency}"
        for i in deck.registry.values()
    ]
    method_title = deck.t("deck.method.title")
    return [
        Slide(
            section="sources",
            title=title,
            finding=deck.t("deck.sources.finding"),
            blocks=tuple(
                Block("", (deck.t("deck.bullet", text=i18n.data_text(s, lang)),)) for s in sources
            ),
            footnote=(deck.t("deck.sources.study"), generated),
            notes=_notes(
                [title], _sources_notes(sources, lang), [deck.t("deck.sources.study"), generated]
            ),
        ),
        Slide(
            section="sources",
            title=method_title,
            blocks=tuple(
                Block("", (deck.t("deck.bullet", text=line),)) for line in _method_lines(lang)
            ),
            footnote=(generated,),
            notes=_notes([method_title], _method_lines(lang), registry_notes),
        ),
    ]


CREATIVE_INDICATOR = "ce_workers"
# Subsector figures exist for Kota Blitar; a deck for Blitar as a whole shows those, named.
CREATIVE_FALLBACK = {"blitar": "kota_blitar"}


def _creative(deck: _Deck) -> list[Slide]:
    """Batik among the creative subsectors: each subsector's growth (the page's figure, with
    the region in its title), batik's share of the total as the finding."""
    lang, (start, end) = deck.lang, deck.years
    indicator = deck.registry.get(CREATIVE_INDICATOR)
    if indicator is None:
        return []
    region_choices = [deck.options.region]
    if deck.options.region in CREATIVE_FALLBACK:
        region_choices.append(CREATIVE_FALLBACK[deck.options.region])
    for region in region_choices:
        obs = store.observations(deck.path, CREATIVE_INDICATOR, region, None)
        obs = obs[obs["year"].isin([start, end])]
        if obs["sector"].nunique() > 1 and set(obs["year"]) == {start, end}:
            break
    else:
        return []
    sectors = store.read_table(deck.path, "sector")
    names = dict(
        zip(sectors["code"], sectors["name_en" if lang == "en" else "name_id"], strict=True)
    )
    region_name = deck.region_name(region)
    grown = creative_figures.growth_figure(
        obs, indicator, names, start, end, lang, region_name=region_name
    )
    share = creative_figures.share_figure(obs, indicator, lang)
    if grown is None or share is None:
        return []
    finding = figure.marked(
        deck.t(
            "deck.creative.finding",
            share=share.value_text,
            name=indicator.name(lang).lower(),
            region=region_name,
            year=share.years[1],
        ),
        share.status,
        lang,
    )
    return [_figure_slide(deck, grown, finding=finding, section="creative")]


def _regions(deck: _Deck) -> list[Slide]:
    """Kota beside Kabupaten Blitar (the regions page's figure): one slide per indicator both
    regions hold for both of the deck's years, with benchmarks and targets where they exist."""
    lang, (start, end) = deck.lang, deck.years
    catalog = store.series_catalog(deck.path)
    names = deck.region_names()
    targets = store.targets_with_realisation(deck.path)
    slides = []
    for code, indicator in deck.registry.items():
        if len(regions_figures.regions_with_data(catalog, code)) < len(regions_figures.REGIONS):
            continue
        obs = store.observations(deck.path, code)
        obs = obs[obs["year"].between(start, end)]
        fig = regions_figures.regions_figure(obs, indicator, SECTOR, names, lang, targets=targets)
        if fig.chart is None or fig.years != (start, end):
            continue  # both regions over the deck's own years, or no slide
        if len(fig.extra["compared"]) < len(regions_figures.REGIONS):
            continue
        key = (
            "deck.regions.finding.points"
            if indicator.kind in growth.POINT_KINDS
            else "deck.regions.finding.percent"
        )
        finding = deck.t(key, start=start, end=end)
        changes = [deck.t("regions.change", region=r, change=v) for r, v in fig.metrics]
        slides.append(
            _figure_slide(
                deck,
                fig,
                finding=finding,
                section="regions",
                notes=changes,
                height=REGIONS_HEIGHT,
            )
        )
    return slides


# The women-and-men table: figures/equity.gender_figures' growth table without its n column
# (n stays in each group's cell, 'Perempuan (n=147)'; eight columns at 18 pt break words):
# group, median, middle half, share up >= 50%, share that joined a program, small, status.
# Each at least its longest header word in either language (layout.text_width, bold).
GENDER_WIDTHS = (0.21, 0.155, 0.135, 0.14, 0.105, 0.125, 0.13)


def _gender(deck: _Deck) -> list[Slide]:
    """Women and men: income growth and program participation by the owner's gender (the
    equity page's figures) as one table, for the deck's years; Blitar as a whole takes every
    enterprise record. None when no record of both years has a gender (the section is then
    named as left out)."""
    lang, (start, end) = deck.lang, deck.years
    scope = None if deck.options.region == STUDY_REGION else deck.options.region
    frame = equity.by_gender(deck.path, start, end, region=scope)
    mean = equity.mean_income_by_year(deck.path, region=scope)
    sources = equity_figures.record_sources(mean, start, end)
    # a region withheld among the regions would give the rest by subtraction from the whole
    hidden = equity.region_withheld(equity.growth_summary(deck.path, start, end, "region"), scope)
    figures = equity_figures.gender_figures(frame, sources, start, end, lang, scope_withheld=hidden)
    if figures is None:
        return []
    grown, joined = figures
    shown = grown.table.drop(columns=i18n.t("eq.n", lang))
    table = Table(
        columns=tuple(shown.columns),
        widths=GENDER_WIDTHS,
        rows=tuple(TableRow(tuple(str(v) for v in row)) for row in shown.values.tolist()),
    )
    names = [source for source, _ in sources]
    reading = [
        equity_figures.gender_note(frame, lang),
        i18n.t("eq.small", lang, n=equity.SMALL_GROUP),
    ]
    return [
        Slide(
            section="gender",
            title=grown.title,
            finding=joined.title,
            table=table,
            footnote=_footnote(lang, names, reading),
            sources=tuple(names),
            statuses=tuple(dict.fromkeys(frame["status"])),
            notes=_notes(
                [grown.title, joined.title],
                [" · ".join(str(v) for v in row) for row in grown.table.values.tolist()],
                reading,
                _sources_notes(names, lang),
            ),
        )
    ]


TARGET_COLUMNS = (  # of the achievement table: what a slide has room for, no word broken;
    ("ach.indicator", 0.30),  # each row's status is in words in its last cell
    ("table.year", 0.09),
    ("ach.target", 0.10),
    ("ach.realisation", 0.12),
    ("ach.percent", 0.14),
    ("ach.category", 0.11),
    ("ach.met", 0.14),
)


def _targets(deck: _Deck) -> list[Slide]:
    """The achievement table of the deck's region and years (the programs page's figure)."""
    lang, (start, end) = deck.lang, deck.years
    targets = store.targets_with_realisation(deck.path, deck.options.region)
    targets = targets[targets["year"].between(start, end)]
    fig = achievement_figures.achievement_figure(targets, deck.registry, deck.region_names(), lang)
    if fig is None:
        return []
    headers = [deck.t(key) for key, _ in TARGET_COLUMNS]
    table = Table(
        columns=tuple(headers),
        widths=tuple(width for _, width in TARGET_COLUMNS),
        rows=tuple(
            TableRow(tuple(str(row[h]) for h in headers)) for _, row in fig.table.iterrows()
        ),
    )
    sources = [source for source, _ in fig.sources] + [
        s for s in dict.fromkeys(targets["real_source"].dropna())
    ]
    sources = list(dict.fromkeys(sources))
    return [
        Slide(
            section="targets",
            title=fig.title,
            finding=deck.t("deck.targets.finding"),
            table=table,
            footnote=_footnote(lang, sources, list(fig.notes)),
            sources=tuple(sources),
            statuses=tuple(dict.fromkeys(targets["status"])),
            notes=_notes(
                [fig.title],
                [" · ".join(str(v) for v in row) for row in fig.table.itertuples(index=False)],
                fig.notes,
                _sources_notes(sources, lang),
            ),
        )
    ]


_BUILDERS = {
    "summary": _summary,
    "charts": _charts,
    "regions": _regions,
    "obstacles": _obstacles,
    "collaboration": _collaboration,
    "programs": _programs,
    "targets": _targets,
    "creative": _creative,
    "gender": _gender,
    "recommendations": _recommendations,
}


def build(path: Path | str, options: DeckOptions) -> tuple[list[Slide], tuple[str, ...]]:
    """See :func:`_build`. One opened database for the whole build: its 40-odd queries each
    take a cursor of it (store.session), instead of opening and closing the file each time."""
    with store.session(path):
        return _build(path, options)


def _build(path: Path | str, options: DeckOptions) -> tuple[list[Slide], tuple[str, ...]]:
    """(every slide of the deck, in order, already split where text would not fit; the
    sections asked for that have no slide because their figures are missing for the region
    and years). A section never shows an empty chart, and never drops silently: the deck page
    names the omitted ones. Raises store errors only; growth faults become omissions."""
    with defended(options):
        deck = _Deck(path, options, indicators.load_registry(path))
        body: list[Slide] = []
        omitted: list[str] = []
        for section in options.sections:
            if section in _BUILDERS:
                made = _BUILDERS[section](deck)
                body += made
                if not made:
                    omitted.append(section)
        data_as_of = as_of.as_of_text(as_of.as_of(path), options.lang)
        if "sources" in options.sections:
            body += _sources(deck, body, data_as_of)
    body += _collecting(deck, tuple(omitted))
    # Every slide says how old its figures are ('Data per …, unggahan #4'), last in its footer.
    body = [
        slide if slide.section == "sources" else replace(slide, footnote=_dated(slide, data_as_of))
        for slide in body
    ]  # the sources slides say it in their own 'made from' line
    pages = [page for slide in body for page in layout.paginate(slide, options.lang)]
    slides = [_cover(deck, pages, data_as_of), *pages]
    if options.illustrative:  # every slide of a practice pack says it is an example
        mark = deck.t("deck.watermark")
        slides = [
            replace(slide, watermark=mark, notes=_notes([mark], [slide.notes])) for slide in slides
        ]
    return slides, tuple(omitted)


@contextmanager
def defended(options: DeckOptions) -> Iterator[None]:
    """The store as the pack reads it: without illustrative rows unless the planner asked for
    them (for practice), so no section, card, chart point, table row or source of the default
    pack can rest on an example figure."""
    with nullcontext() if options.illustrative else store.hiding("illustrative"):
        yield


def collecting_lines(deck: _Deck, omitted: tuple[str, ...]) -> tuple[readiness.Collecting, ...]:
    """What the pack leaves out and what would fill it: the omitted sections, then the
    headline figures left off the cards."""
    start, end = deck.years
    return readiness.collecting(omitted, deck.dropped.items(), lang=deck.lang, start=start, end=end)


def _collecting(deck: _Deck, omitted: tuple[str, ...]) -> list[Slide]:
    """The pack's last slide, 'Data yang masih dikumpulkan': each section or headline figure
    left out, what it needs, which office usually holds it and the template to fill. A
    commission asks for exactly this list; it is the case for a data budget."""
    lines = collecting_lines(deck, omitted)
    if not lines:
        return []
    title = deck.t("collecting.title")
    finding = deck.t(
        "collecting.finding.practice" if deck.options.illustrative else "collecting.finding"
    )
    table = Table(
        columns=(
            deck.t("collecting.col.what"),
            deck.t("collecting.col.needs"),
            deck.t("collecting.col.offices"),
            deck.t("collecting.col.template"),
        ),
        widths=(0.2, 0.36, 0.26, 0.18),
        rows=tuple(TableRow((c.what, c.needs, c.offices, c.template)) for c in lines),
    )
    return [
        Slide(
            section="collecting",
            title=title,
            finding=finding,
            table=table,
            footnote=(deck.t("collecting.footnote"),),
            notes=_notes(
                [title, finding],
                [f"{c.what}: {c.needs} ({c.offices}; {c.template})" for c in lines],
            ),
        )
    ]


def _dated(slide: Slide, data_as_of: str) -> tuple[str, ...]:
    """The footnote with how old the data are at the end of its last line (a line of its own
    would push a full table onto one more slide)."""
    if not slide.footnote:
        return (data_as_of,)
    return (*slide.footnote[:-1], f"{slide.footnote[-1]} · {data_as_of}")


def build_slides(path: Path | str, options: DeckOptions) -> list[Slide]:
    """Every slide of the deck (see :func:`build`)."""
    return build(path, options)[0]


def _cover(deck: _Deck, body: list[Slide], data_as_of: str) -> Slide:
    lang, (start, end) = deck.lang, deck.years
    title = deck.options.title.strip() or deck.t("deck.default_title")
    lines = [deck.t("deck.cover.subtitle", region=deck.region_name(), start=start, end=end)]
    date = format_hearing_date(deck.options.date, lang)
    agency = deck.options.agency.strip()
    lines.append(f"{agency} · {date}" if agency else date)
    titles = "; ".join(dict.fromkeys(s.title for s in body))
    return Slide(
        section="cover",
        title=title,
        blocks=(Block("", tuple(lines)),),
        footnote=(deck.t("deck.cover.footnote", as_of=data_as_of),),
        notes=_notes(
            [title, *lines], [deck.t("deck.cover.notes", count=len(body) + 1, titles=titles)]
        ),
    )


def available_years(path: Path | str, region: str) -> list[int]:
    """Years in which the region has any batik figure (for the year pickers)."""
    frame = store.all_observations(path, region=region)
    frame = frame[frame["sector"] == SECTOR]
    return sorted(frame["year"].astype(int).unique().tolist())


def omitted_text(omitted: tuple[str, ...], options: DeckOptions, region_name: str) -> str | None:
    """The deck page's sentence naming the sections left out and what would fill each; in
    the default pack, left out for want of reported figures (illustrative ones not counted)."""
    if not omitted:
        return None
    t = lambda key, **kw: i18n.t(key, options.lang, **kw)  # noqa: E731
    years = {"start": options.start_year, "end": options.end_year}
    sections = "; ".join(t(f"deck.fill.{s}", **years) for s in omitted)
    key = "deck.omitted" if options.illustrative else "deck.omitted.reported"
    return t(key, region=region_name, sections=sections, **years)


def readiness_text(omitted: tuple[str, ...], options: DeckOptions) -> str:
    """'8 dari 11 bagian yang dipilih siap dengan angka yang dilaporkan.' (the default pack),
    or what the practice pack is."""
    if options.illustrative:
        return i18n.t("deck.ready.practice", options.lang)
    asked = len(options.sections)
    return i18n.t("deck.ready", options.lang, ready=asked - len(omitted), asked=asked)


def brief_content(path: Path | str, options: DeckOptions) -> BriefContent:
    """See :func:`_brief_content`; one opened database for all of it (as :func:`build`)."""
    with store.session(path):
        return _brief_content(path, options)


def _brief_content(path: Path | str, options: DeckOptions) -> BriefContent:
    """What the one-page brief shows (:mod:`impact.deck.brief`), from the deck's own
    builders, whatever sections the deck has: the headline cards of the study and of the
    chosen region and years, the achievement table, the obstacles table and the follow-ups,
    none of them split into slides."""
    with defended(options):
        deck = _Deck(path, options, indicators.load_registry(path))
        start, end = deck.years
        wanted = [(STUDY_REGION, *STUDY_YEARS, True)]
        if (options.region, (start, end)) != (STUDY_REGION, STUDY_YEARS):
            wanted.append((options.region, start, end, False))
        findings = []
        for region, first, last, study in wanted:
            headline = [
                (label, fig)
                for label, fig in _headline(deck, region, first, last, study=study)
                if fig
            ]
            if not headline:
                continue
            heading = deck.t(
                "brief.findings.study" if study else "brief.findings.region",
                region=deck.region_name(region),
                start=first,
                end=last,
            )
            findings.append(
                (
                    heading,
                    tuple(
                        Finding(
                            _card(fig, label, deck.lang),
                            tuple(dict.fromkeys(s for s, _ in fig.sources)),
                        )
                        for label, fig in headline
                    ),
                )
            )
        # Every section asked for, built once: the box names what the pack of the same options
        # leaves out, as its last slide does; the brief's tables are the same sections' slides.
        built = {s: _BUILDERS[s](deck) for s in options.sections if s in _BUILDERS}
        omitted = tuple(s for s, made in built.items() if not made)
        targets = built["targets"] if "targets" in built else _targets(deck)
        obstacles = built["obstacles"] if "obstacles" in built else _obstacles(deck)
        follow_ups = tuple(_follow_ups(deck))
        as_of_text = as_of.as_of_text(as_of.as_of(path), options.lang)
    return BriefContent(
        options=options,
        region_name=deck.region_name(),
        as_of=as_of_text,
        findings=tuple(findings),
        targets=targets[0] if targets else None,
        obstacles=obstacles[0] if obstacles else None,
        follow_ups=follow_ups,
        collecting=collecting_lines(deck, omitted),
    )
