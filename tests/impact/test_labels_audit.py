"""Issue 22.5: what a figure says of itself travels with it to every surface. BPS marks
(``*``, ``**``, ``r``) follow a number into titles, cards and notes; a title built on an
illustrative input says so; rounding is one rule; a benchmark keeps its published precision."""

from __future__ import annotations

import pandas as pd
import pytest

from impact import i18n
from impact.figures import figure
from impact.indicators import Indicator

COLUMNS = ["indicator", "region", "sector", "year", "value", "low", "high", "status", "source"]


def _indicator(kind: str, unit: str = "%", code: str = "x") -> Indicator:
    return Indicator(code, "Skor", "Score", None, None, None, unit, kind, "tahunan", "BPS")


def _series(rows: list[tuple[int, float, str | None]], status: str = "reported") -> pd.DataFrame:
    """rows: (year, value, BPS mark or None)."""
    frame = pd.DataFrame(
        [
            {"indicator": "x", "region": "blitar", "sector": "batik", "year": y, "value": v,
             "low": None, "high": None, "status": status, "source": "BPS", "note": None,
             "mark": m}
            for y, v, m in rows
        ],
        columns=[*COLUMNS, "note", "mark"],
    )  # fmt: skip
    return frame.astype({"low": float, "high": float, "value": float})


MARKED = [(2021, 55.0, None), (2023, 70.0, None), (2024, 80.0, "provisional"),
          (2025, 89.0, "very_provisional")]  # fmt: skip
WORDS = {"id": "angka sangat sementara", "en": "very provisional figure"}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_bps_mark_follows_a_score_into_title_value_and_status(lang: str) -> None:
    score = _indicator("score", code="batik_competitiveness")  # its title states both values
    fig = figure.change_figure(_series(MARKED), score, 2021, 2025, lang)
    assert "89%**" in fig.title, fig.title
    assert "89%**" in fig.value_text, fig.value_text
    assert all("**" in line.text for line in fig.details), fig.details
    assert WORDS[lang] in fig.status_text, fig.status_text
    assert fig.mark == "very_provisional"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_bps_mark_follows_a_level_change_into_title_value_and_details(lang: str) -> None:
    rows = [(2021, 100.0, None), (2024, 150.0, "provisional")]
    fig = figure.change_figure(_series(rows), _indicator("count", "orang"), 2021, 2024, lang)
    assert "50%*" in fig.title, fig.title
    assert fig.value_text == "+50%*"
    assert "150*" in fig.details[0].text, fig.details
    assert all("*" in line.text for line in fig.details), fig.details
    assert {"id": "angka sementara", "en": "provisional figure"}[lang] in fig.status_text
    assert any("2024" in n and "sementara" in n or "provisional" in n for n in fig.notes)


def test_a_final_figure_has_no_mark() -> None:
    rows = [(2021, 55.0, None), (2023, 70.0, None)]
    fig = figure.change_figure(_series(rows), _indicator("score"), 2021, 2023, "id")
    assert "*" not in fig.title + fig.value_text
    assert fig.mark is None
    assert fig.status_text == "Dilaporkan"


# --- the programs section on the seed data (its counts and budget are illustrative) --------

import datetime as dt  # noqa: E402
import io  # noqa: E402
import shutil  # noqa: E402
from pathlib import Path  # noqa: E402

from impact import evaluation, indicators, store  # noqa: E402
from impact.deck import content  # noqa: E402
from impact.deck.model import DeckOptions  # noqa: E402
from impact.figures import programs  # noqa: E402

ILLUSTRATIVE = {"id": "(ilustratif)", "en": "(illustrative)"}
# Seed budget Rp253.000.000 (2021) -> Rp226.000.000 (2023): −10,67%, one decimal as elsewhere.
BUDGET = {"id": "−10,7%", "en": "−10.7%"}
PERSON_EVENTS = {"id": "orang-kegiatan", "en": "person-events"}


def _deck(path: Path, lang: str) -> content._Deck:
    options = DeckOptions(
        title="T", date=dt.date(2026, 12, 1), lang=lang, start_year=2021, end_year=2023
    )
    return content._Deck(path, options, indicators.load_registry(path))


def _summary(path: Path, lang: str) -> pd.DataFrame:
    summary = evaluation.attainment(store.program_summary(path, "blitar"))
    return summary.assign(program_label=summary["name_en" if lang == "en" else "name_id"])


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_outputs_and_outcomes_title_says_its_counts_are_illustrative(
    module_db: Path, lang: str
) -> None:
    slides = content._programs(_deck(module_db, lang))
    assert slides, "the seed has programs in 2021 and 2023"
    for slide in slides:
        assert slide.title.endswith(ILLUSTRATIVE[lang]), slide.title


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_budget_change_is_rounded_to_one_decimal_like_every_change(
    module_db: Path, lang: str
) -> None:
    summary = _summary(module_db, lang)
    summary = summary[summary["year"].between(2021, 2023)]
    fig = programs.budget_figure(evaluation.yearly_totals(summary), summary, lang)
    assert fig.value_text == BUDGET[lang]
    assert BUDGET[lang] in fig.title, fig.title
    table_slide = content._programs(_deck(module_db, lang))[-1]
    assert BUDGET[lang] in table_slide.title, table_slide.title
    cells = [row.cells for row in table_slide.table.rows]
    assert any(BUDGET[lang] in cells_ for cells_ in cells), cells


@pytest.mark.parametrize("lang", ["id", "en"])
def test_participants_of_different_program_types_are_not_added_up_unlabelled(
    module_db: Path, lang: str
) -> None:
    deck = _deck(module_db, lang)
    slide = content._programs(deck)[-1]
    participants = i18n.t("prog.participants", lang)
    for row in slide.table.rows:  # no total over types; or, if one is shown, it says what it adds
        if participants.lower() in row.cells[0].lower():
            assert PERSON_EVENTS[lang] in row.cells[0], row.cells
    assert participants.lower() not in slide.title.lower()
    assert slide.notes.count(participants) >= 5, slide.notes  # each type's own, in the notes
    for follow_up in content._follow_ups(deck):  # cost per participant across types
        for part in follow_up.data:
            if "peserta" in part or "participant" in part:
                assert PERSON_EVENTS[lang] in part, part


# --- obstacle severities (the dashboard's own illustrative 1-5 convention) -----------------


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_sentence_stating_an_obstacle_severity_says_it_is_illustrative(
    module_db: Path, tmp_path: Path, lang: str
) -> None:
    word = ILLUSTRATIVE[lang].strip("()")
    [slide] = content._obstacles(_deck(module_db, lang))
    assert "/5" in slide.finding
    assert word in slide.finding, slide.finding
    heading = slide.table.columns[1]  # 'Hambatan (keparahan 2023, ilustratif)': all alike
    assert word in heading, heading
    mixed = _mixed_severities(module_db, tmp_path)
    [slide] = content._obstacles(_deck(mixed, lang))
    assert word in slide.finding, slide.finding
    lines = [line for row in slide.table.rows for line in row.cells[1].split("\n")]
    stated = [line for line in lines if "/5" in line]
    assert len(stated) > 1
    reported = {"id": "dilaporkan", "en": "reported"}[lang]
    for line in stated:  # each line says its own status when they differ
        assert word in line or reported in line, line
    assert sum(word in line for line in stated) == len(stated) - 1


def _mixed_severities(path: Path, tmp_path: Path) -> Path:
    """A copy of ``path`` where one latest severity is reported, the others illustrative."""
    copy = tmp_path / "mixed.duckdb"
    shutil.copy(path, copy)
    with store.connect(copy) as con:
        year = con.execute("SELECT max(year) FROM obstacle").fetchone()[0]
        item = con.execute("SELECT min(item) FROM obstacle WHERE year = ?", [year]).fetchone()[0]
        con.execute(
            "UPDATE obstacle SET status = 'reported' WHERE year = ? AND item = ?", [year, item]
        )
    return copy


# --- a reported benchmark keeps its published precision ------------------------------------

from impact.figures import charts, regions  # noqa: E402


@pytest.mark.parametrize(
    ("value", "default", "expected"),
    [
        (7.28, 1, 2),  # BPS: creative economy 7,28% of GDP
        (5.51, 1, 2),  # BPS: CPI inflation 2022, 5,51%
        (1.5, 1, 1),
        (7.0, 1, 1),  # never fewer than the kind's own precision
        (3.14159, 1, 2),  # never more than two: more digits are storage, not publication
        (1611.2, 0, 1),
        (480.0, 0, 0),
    ],
)
def test_published_decimals(value: float, default: int, expected: int) -> None:
    assert i18n.published_decimals(value, default) == expected


def _bench_obs(indicator: str, bench: float, status: str = "reported") -> pd.DataFrame:
    rows = [("kota_blitar", 2022, 6.123, "reported"), ("kota_blitar", 2023, 7.281, "reported"),
            ("indonesia", 2022, bench, status), ("indonesia", 2023, bench, status)]  # fmt: skip
    frame = _series([(y, v, None) for _, y, v, _ in rows])
    return frame.assign(
        indicator=indicator,
        region=[r for r, *_ in rows],
        status=[s for *_, s in rows],
        source=["BPS"] * len(rows),
    )


NAMES = {"kota_blitar": "Kota Blitar", "kab_blitar": "Kabupaten Blitar",
         "jatim": "Jawa Timur", "indonesia": "Indonesia"}  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "kind", "bench", "expected"),
    [("id", "share", 7.28, "7,28%"), ("en", "share", 7.28, "7.28%"),
     ("id", "rate", 5.51, "5,51%")],
)  # fmt: skip
def test_a_reported_benchmark_keeps_its_published_decimals(
    lang: str, kind: str, bench: float, expected: str
) -> None:
    fig = regions.regions_figure(_bench_obs("x", bench), _indicator(kind), "batik", NAMES, lang)
    spec = charts.build(fig.chart["kind"], fig.chart["frame"], **fig.chart["options"]).to_dict()
    labels = {r.get("series"): [] for r in _rows(spec)}
    for row in _rows(spec):
        labels[row.get("series")].append(row.get("label"))
    bench_labels = [v for k, vs in labels.items() if k and "Indonesia" in k for v in vs]
    assert expected in bench_labels, labels
    region_labels = [v for k, vs in labels.items() if k == "Kota Blitar" for v in vs]
    assert {"id": "7,3%", "en": "7.3%"}[lang] in region_labels, region_labels  # one decimal
    assert expected in fig.table.to_string(), fig.table


def test_an_illustrative_benchmark_keeps_the_default_precision() -> None:
    fig = regions.regions_figure(
        _bench_obs("x", 7.28, "illustrative"), _indicator("share"), "batik", NAMES, "id"
    )
    assert "7,28%" not in fig.table.to_string()


def _rows(spec: dict) -> list[dict]:
    return [row for rows in spec.get("datasets", {}).values() for row in rows]


# --- an equity title never rests on a small group ------------------------------------------

from impact.equity import SMALL_GROUP  # noqa: E402
from impact.figures import equity as equity_figures  # noqa: E402


def _groups(rows: list[tuple[str, int, float]]) -> pd.DataFrame:
    """rows: (size class, n, median growth %)."""
    return pd.DataFrame(
        [{"group": g, "n": n, "median": m, "q1": m - 5, "q3": m + 5, "share_50": 10.0,
          "participation": 20.0, "small": n < SMALL_GROUP, "status": "illustrative"}
         for g, n, m in rows]
    )  # fmt: skip


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_small_group_growing_fastest_is_not_the_title(lang: str) -> None:
    frame = _groups([("micro", 4, 80.0), ("small", 40, 20.0), ("medium", 35, 10.0)])
    fig = equity_figures.group_figure(frame, "size_class", {}, (), lang)
    micro, small = {"id": ("Mikro", "Kecil"), "en": ("Micro", "Small")}[lang]
    assert micro not in fig.title, fig.title
    # micro (4) is withheld, and medium (35) beside it: the title ranks the groups shown
    shown = {"id": "kelompok yang ditampilkan", "en": "groups shown"}[lang]
    assert small in fig.title and shown in fig.title, fig.title
    assert fig.label == small


@pytest.mark.parametrize("lang", ["id", "en"])
def test_groups_all_too_small_are_not_ranked_in_the_title(lang: str) -> None:
    frame = _groups([("micro", 4, 80.0), ("small", 12, 20.0)])
    fig = equity_figures.group_figure(frame, "size_class", {}, (), lang)
    assert "Mikro" not in fig.title and "Micro" not in fig.title, fig.title
    assert str(SMALL_GROUP) in fig.title, fig.title
    assert fig.title.endswith(ILLUSTRATIVE[lang])


# --- the sources page in English: formulas and agencies too --------------------------------

from impact.figures import tables  # noqa: E402


def test_the_indicator_registry_in_english_translates_formulas_and_agencies(
    module_db: Path,
) -> None:
    registry = indicators.load_registry(module_db)
    en = tables.indicators_table(registry, "en")
    ind = tables.indicators_table(registry, "id")
    for column in ("col.formula", "col.agency"):
        english, indonesian = en[i18n.t(column, "en")], ind[i18n.t(column, "id")]
        assert list(indonesian) == [getattr(i, column[4:]) or "" for i in registry.values()]
        untranslated = sorted({i for e, i in zip(english, indonesian, strict=True) if e == i and i})
        assert not untranslated, untranslated


# --- a deck card states its BPS mark beside its status, and the chip holds it ---------------

from pptx import Presentation  # noqa: E402
from pptx.util import Pt  # noqa: E402

from impact import deck as deck_package  # noqa: E402
from impact.deck import layout  # noqa: E402


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_card_chip_states_the_mark_in_words_and_holds_it(lang: str) -> None:
    cards = tuple(
        deck_package.Card(label, "55% → 89%**", ("+34 poin persen**",), "reported", mark)
        for label, mark in (("A", "very_provisional"), ("B", None), ("C", "provisional"))
    )
    slide = deck_package.Slide(section="summary", title="T", finding="F", cards=cards)
    options = DeckOptions(title="T", date=dt.date(2026, 12, 1), lang=lang)
    prs = Presentation(io.BytesIO(deck_package.write_pptx([slide], options)))
    chips = [s for page in prs.slides for s in page.shapes if s.name == "status-reported"]
    texts = [c.text_frame.text for c in chips]
    assert WORDS[lang] in texts[0] and i18n.label("status", "reported", lang) in texts[0], texts
    for chip in chips:  # the text fits its chip (a two-line status is not cut)
        needed = layout.paras_height(
            [layout.Para(chip.text_frame.text, layout.BODY_SIZE, True)],
            chip.width / Pt(1),
            pad_x=4,
            pad_y=2,
        )
        assert chip.height / Pt(1) >= needed - 0.5, (chip.text_frame.text, chip.height / Pt(1))


def _marked_db(path: Path, tmp_path: Path) -> Path:
    """A copy of ``path`` with 2024* and 2025** competitiveness and income figures."""
    copy = tmp_path / "marked.duckdb"
    shutil.copy(path, copy)
    with store.connect(copy) as con:
        for code, values in (
            ("batik_competitiveness", (80.0, 89.0)),
            ("batik_income_index", (175.0, 190.0)),
        ):
            marks = ("provisional", "very_provisional")
            for year, value, mark in zip((2024, 2025), values, marks, strict=True):
                con.execute(
                    "INSERT INTO observation VALUES (?, 'blitar', 'batik', ?, ?, NULL, NULL,"
                    " 'reported', 'BPS', NULL, ?)",
                    [code, year, value, mark],
                )
        # programs in 2025 too, so the outputs-and-outcomes table reaches 2025
        con.execute(
            "INSERT INTO program SELECT * REPLACE (2025 AS year) FROM program WHERE year = 2023"
        )
        store.bump_data_version(con)
    return copy


def _deck_to(path: Path, lang: str, end: int) -> content._Deck:
    options = DeckOptions(
        title="T", date=dt.date(2026, 12, 1), lang=lang, start_year=2021, end_year=end
    )
    return content._Deck(path, options, indicators.load_registry(path))


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_programs_and_obstacles_tables_keep_the_bps_marks(
    module_db: Path, tmp_path: Path, lang: str
) -> None:
    deck = _deck_to(_marked_db(module_db, tmp_path), lang, 2025)
    table = content._programs(deck)[-1].table  # outputs beside outcomes
    cells = [c for row in table.rows for c in row.cells]
    assert "89%**" in cells and any(
        c.endswith("poin persen**") or c.endswith("points**") for c in cells
    ), cells
    [obstacles] = content._obstacles(deck)
    affected = " ".join(row.cells[2] for row in obstacles.table.rows)
    points = {"id": "poin persen**", "en": "percentage points**"}[lang]
    assert points in affected, affected


def test_a_regions_title_and_metrics_keep_the_bps_mark_of_each_regions_change() -> None:
    frame = _series([(2021, 100.0, None), (2024, 150.0, "provisional")])
    kab = _series([(2021, 200.0, None), (2024, 260.0, None)]).assign(region="kab_blitar")
    obs = pd.concat([frame.assign(region="kota_blitar"), kab], ignore_index=True)
    fig = regions.regions_figure(obs, _indicator("count", "orang"), "batik", NAMES, "id")
    assert "Kota Blitar +50%*" in fig.title, fig.title
    assert fig.title.endswith("Kabupaten Blitar +30%"), fig.title  # a final figure: no mark
    assert dict(fig.metrics) == {"Kota Blitar": "+50%*", "Kabupaten Blitar": "+30%"}
