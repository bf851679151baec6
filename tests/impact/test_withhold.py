"""No enterprise identifiable: groups under equity.SMALL_GROUP are withheld (not only flagged)
in the frames, the charts' data, the tables and their downloads, the slides and the brief."""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from pathlib import Path

import pandas as pd
import pytest

from impact import deck, equity, i18n, store
from impact.figures import charts, export, tables
from impact.figures import equity as figures
from tests.pdfcheck import text_of
from tests.privacy_data import END, SECRETS, START, load_identifiable

VALUES = list(equity.GROWTH_VALUES)


def _frame(groups: list[str], ns: list[int], medians: list[float]) -> pd.DataFrame:
    return pd.DataFrame(
        {"group": groups, "n": ns, "median": medians, "q1": [m - 0.5 for m in medians],
         "q3": [m + 0.5 for m in medians], "share_50": [100.0] * len(ns),
         "participants": [1] * len(ns), "participation": [50.0] * len(ns),
         "status": ["reported"] * len(ns), "small": [n < 30 for n in ns]}
    )  # fmt: skip


def _numbers(frame: pd.DataFrame) -> set[float]:
    return {
        round(float(v), 6)
        for column in VALUES
        for v in frame[column]
        if not (isinstance(v, float) and math.isnan(v))
    }


@pytest.mark.parametrize(
    ("ns", "complementary", "withheld"),
    [
        ([1, 2, 40, 50], True, [True, True, False, False]),  # two small: their sum only
        ([1, 40, 50], True, [True, True, False]),  # one small: the next smallest too
        ([1, 40, 50], False, [True, False, False]),  # no total beside them (years)
        ([1, 40], True, [True, True]),  # two groups: both
        ([40, 29, 30], True, [False, True, True]),  # 29 is small, 30 not: the smaller other
        ([0, 1, 40, 50], True, [False, True, True, False]),  # n 0: nothing to withhold
        ([30, 40], True, [False, False]),
    ],
)
def test_which_groups_are_withheld(ns, complementary, withheld) -> None:
    frame = _frame([f"g{i}" for i in range(len(ns))], ns, [100.0 + i for i in range(len(ns))])
    out = equity.withhold(frame, VALUES, complementary=complementary)
    assert out["withheld"].tolist() == withheld
    kept = frame[[not w for w in withheld]]
    assert out[~out["withheld"]][VALUES].equals(kept[VALUES].astype("float64"))
    assert out[out["withheld"]][VALUES].isna().all().all()  # blank, not a flag beside a value


def test_no_withheld_value_is_left_anywhere_in_the_frame() -> None:
    frame = _frame(["medium", "not_recorded", "micro", "small"], [1, 2, 41, 36],
                   [987.6, 772.0, 30.0, 37.5])  # fmt: skip
    out = equity.withhold(frame, VALUES, complementary=True)
    assert out["withheld"].tolist() == [True, True, False, False]
    left = _numbers(out)
    assert not left & {987.6, 987.1, 988.1, 772.0, 771.5, 772.5}
    assert {30.0, 37.5, 29.5, 38.0} <= left
    assert out["n"].tolist() == [1, 2, 41, 36]  # counts say how many, not what one earned


@pytest.fixture(scope="module")
def identifiable_db(tmp_path_factory) -> Path:
    path = store.ensure_database(tmp_path_factory.mktemp("withhold") / "batik.duckdb")
    load_identifiable(path)
    return path


def _spec(fig) -> str:
    """The chart's Vega-Lite spec as the page sends it (its data inline), as text, without
    the datasets' names (hashes, whose hex digits may spell anything)."""
    spec = charts.build(fig.chart["kind"], fig.chart["frame"], **fig.chart["options"])
    return re.sub(r"data-[0-9a-f]{32}", "data", json.dumps(spec.to_dict()))


def _outputs(fig, lang: str) -> list[str]:
    """Everything of a figure that reaches a reader: title, card words, notes, the chart's
    data and spec, the table and its CSV download."""
    texts = [fig.title, fig.value_text, fig.period, *map(str, fig.metrics), *fig.notes]
    if fig.chart is not None:
        texts += [fig.chart["frame"].to_json(), _spec(fig)]
    if fig.table is not None:
        shown = tables.display(fig.table, lang)
        texts += [shown.to_json(), export.to_csv_bytes(shown).decode("utf-8-sig")]
    return texts


def _figures(db: Path, lang: str, region: str | None = None) -> list:
    """Every equity figure of ``region`` (None: the whole) as the page composes it."""
    overall = equity.scope_summary(db, START, END, region)
    mean = equity.mean_income_by_year(db, region=region)
    sources = figures.record_sources(mean, START, END)
    out = [
        figures.distribution_figure(
            overall, equity.growth_histogram(db, START, END, region=region),
            equity.excluded(db, START, END, region=region), mean, START, END, lang,
        )
    ]  # fmt: skip
    if out[0].chart is None:  # the page shows no group of a withheld scope
        found = equity.umk_yardstick(db, END, region=region)
        umk = [figures.umk_figure(found, lang)]
        umk += [figures.umk_group_figure(found, g, {}, lang) for g in ("region", "size_class")]
        return out + [f for f in umk if f is not None]
    for group in ("size_class", "region", "participant"):
        frame = equity.growth_summary(db, START, END, group, region=region)
        out.append(figures.group_figure(frame, group, {}, sources, lang))
    by_gender = equity.by_gender(db, START, END, region=region)
    out += list(figures.gender_figures(by_gender, sources, START, END, lang))
    found = equity.umk_yardstick(db, END, region=region)
    out.append(figures.umk_figure(found, lang))
    out += [figures.umk_group_figure(found, g, {}, lang) for g in ("region", "size_class")]
    return [f for f in out if f is not None]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_no_figure_shows_a_withheld_group(identifiable_db, lang) -> None:
    every = "\n".join(t for fig in _figures(identifiable_db, lang) for t in _outputs(fig, lang))
    assert not [s for s in SECRETS if s in every]
    # the groups themselves are still named, with why their figures are not shown
    medium = i18n.label("size", "medium", lang)
    assert f"{medium} (n < 30)" in every and i18n.t("eq.withheld", lang) in every
    # ... and the figures of the groups large enough are
    assert "+30%" in every or "+30,0%" in every


def test_the_downloaded_picture_holds_no_withheld_value(identifiable_db) -> None:
    (by_size,) = [f for f in _figures(identifiable_db, "id") if f.key == "equity_by_size_class"]
    spec = charts.build(by_size.chart["kind"], by_size.chart["frame"], **by_size.chart["options"])
    svg = charts.to_svg(spec.to_dict())
    assert "Mikro" in svg and not [s for s in SECRETS if s in svg]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_slides_and_brief_hold_no_withheld_value(identifiable_db, lang) -> None:
    options = deck.DeckOptions(title="Uji", date=dt.date(2026, 12, 7), lang=lang,
                               sections=("gender",))  # fmt: skip
    slides, omitted = deck.build(identifiable_db, options)
    (slide,) = [s for s in slides if s.section == "gender"]
    texts = [slide.title, slide.finding, *slide.footnote, *slide.notes]
    texts += [c for row in slide.table.rows for c in row.cells]
    every = "\n".join(str(t) for t in texts)
    assert not [s for s in SECRETS if s in every]
    assert i18n.t("eq.small", lang, n=equity.SMALL_GROUP) in every  # says why
    assert i18n.t("eq.withheld", lang) in every
    brief = text_of(deck.build_brief(identifiable_db, options))
    assert not [s for s in SECRETS if s in brief]


def test_a_region_withheld_among_the_regions_is_withheld_when_chosen(identifiable_db) -> None:
    """The whole shows every region's enterprises; by region, 'blitar' (1) is withheld and so
    is Kabupaten (36, the next smallest). Kabupaten chosen alone would show its figures, and
    the whole minus Kota and Kabupaten would give the one: Kabupaten is withheld there too."""
    by_region = equity.growth_summary(identifiable_db, START, END, "region")
    assert equity.region_withheld(by_region, "kab_blitar")
    assert not equity.region_withheld(by_region, "kota_blitar")
    kab = _figures(identifiable_db, "id", "kab_blitar")
    growth = [f for f in kab if not f.key.startswith("equity_umk")]
    assert [f.key for f in growth] == ["equity_distribution"]  # no group figure either
    assert growth[0].chart is None and growth[0].value is None
    every = "\n".join(t for fig in kab for t in _outputs(fig, "id"))
    mean = equity.mean_income_by_year(identifiable_db, region="kab_blitar")
    shown = figures.distribution_figure(  # what Kabupaten's figures would have said
        equity.growth_summary(identifiable_db, START, END, region="kab_blitar"),
        equity.growth_histogram(identifiable_db, START, END, region="kab_blitar"),
        equity.excluded(identifiable_db, START, END, region="kab_blitar"), mean, START, END, "id",
    )  # fmt: skip
    assert shown.value_text == "+37,5%" and shown.value_text not in every
    # Against the UMK the one is not compared (the combined region has no UMK): among the
    # compared, no region is small, so Kabupaten's share is shown
    assert not equity.umk_yardstick(identifiable_db, END, region="kab_blitar").withheld
    kota = _figures(identifiable_db, "id", "kota_blitar")
    assert kota[0].chart is not None and kota[0].value_text == "+30%"


def test_the_slide_of_a_region_withheld_among_the_regions_shows_no_figure(tmp_path) -> None:
    """Kabupaten (70: 35 women, 35 men) is withheld beside 'blitar' (1) among the regions; its
    own slide would show both genders' figures, and with the whole's, the one's."""
    from tests.privacy_data import _enterprise

    rows = [
        r
        for i in range(100)
        for r in _enterprise(f"k{i}", "kota_blitar", "micro", "P", 30_000_000, 10 + i % 40)
    ]
    rows += [
        r
        for i in range(70)
        for r in _enterprise(f"b{i}", "kab_blitar", "small", "PL"[i % 2], 40_000_000, 20 + i % 30)
    ]
    rows += _enterprise("one", "blitar", "medium", "P", 50_000_000, 987.6)
    db = store.ensure_database(tmp_path / "batik.duckdb")
    with store.connect(db) as con:
        con.register("f", pd.DataFrame(rows))
        con.execute("INSERT INTO enterprise_record BY NAME SELECT * FROM f")
    options = deck.DeckOptions(
        title="Uji", date=dt.date(2026, 12, 7), sections=("gender",), region="kab_blitar"
    )
    slides, _ = deck.build(db, options)
    (slide,) = [s for s in slides if s.section == "gender"]
    cells = [row.cells[1:5] for row in slide.table.rows]  # median .. joined
    assert len(cells) == 2 and all(c == ("ditahan",) * 4 for c in cells), cells


def test_the_income_pages_mean_income_never_shows_a_small_groups_income(identifiable_db) -> None:
    # One enterprise alone in 'blitar' every year: its income would be the combined region's
    # mean, or follow from the whole less Kota and Kabupaten. No year is shown for any scope.
    with store.connect(identifiable_db) as con:
        small = con.execute(
            "SELECT count(*) FROM (SELECT year, region, count(*) AS n FROM enterprise_record"
            " GROUP BY ALL) WHERE n < ?",
            [equity.SMALL_GROUP],
        ).fetchone()[0]
    assert small > 0  # the data holds a small group (else this test would prove nothing)
    for region in (None, "blitar", "kota_blitar", "kab_blitar"):
        assert equity.derived_income_series(identifiable_db, region, None).empty, region
    # The raw means exist (the figure layer's own counts), so leaving them out is the rule.
    assert not equity.mean_income_by_year(identifiable_db).empty
