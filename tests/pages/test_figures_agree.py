"""Every surface tells one figure the same way: pages and the deck, both languages, with the
seed data and again after a 2024 upload with a source of its own.

* every number in a chart or slide title equals the same figure in its card, labels or notes
  at the precision the title shows it (one rounding rule, half away from zero);
* a chart whose plotted figures are all estimated or illustrative says so in its title;
* every chart's source lines name the source of each year it plots;
* a title built on any illustrative figure says so, even beside reported ones (issue 22.5.2);
* a BPS mark in a title (89%**) is in its card too, with its status word (issue 22.5.1).
"""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from impact import deck, i18n, store
from tests.pages.apptest import open_page
from tests.synthetic_data import load_synthetic

PAGES = [
    "pages/overview.py",
    "pages/income.py",
    "pages/competitiveness.py",
    "pages/regions.py",
    "pages/obstacles.py",
    "pages/programs.py",
    "pages/collaboration.py",
    "pages/creative.py",
    "pages/equity.py",  # no records: says how to add them (with records: below)
    "pages/sources.py",
    "pages/deck.py",
    "pages/present.py",
    "pages/upload.py",
    "pages/history.py",
    "pages/readiness.py",
]
NUMBER = re.compile(r"(?<![\d.,=])[−+-]?\d[\d.,]*\d|(?<![\d.,=])[−+-]?\d")  # not a base (=100)
MARKS = {"id": ("(ilustratif)", "(estimasi)"), "en": ("(illustrative)", "(estimated)")}
NEW_SOURCE = "Disperindag Blitar (2025)"
NEW_YEAR_PAGES = ("pages/overview.py", "pages/income.py", "pages/competitiveness.py")
ILLUSTRATIVE = {"id": "(ilustratif)", "en": "(illustrative)"}
YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# A number with a BPS mark after it, as the figure layer writes it: '89%**', '+50%*', '150r'.
MARKED = re.compile(r"(\d[\d.,]*%?)(\*\*|\*|r)(?![\w*])")
MARK_WORDS = {
    "id": {"**": "angka sangat sementara", "*": "angka sementara", "r": "angka perbaikan"},
    "en": {"**": "very provisional figure", "*": "provisional figure", "r": "revised figure"},
}


def numbers(text: str, lang: str) -> list[tuple[float, int]]:
    """(value, decimals shown) of every number in ``text`` that is not a year."""
    out = []
    for raw in NUMBER.findall(text):
        raw = raw.lstrip("+−-")
        thousands, decimal = (".", ",") if lang == "id" else (",", ".")
        body = raw.replace(thousands, "")
        decimals = len(body.split(decimal)[1]) if decimal in body else 0
        try:
            value = float(body.replace(decimal, "."))
        except ValueError:
            continue
        if decimals == 0 and 1990 <= value <= 2100:  # a year
            continue
        out.append((value, decimals))
    return out


def agrees(title: str, support: str, lang: str) -> list[float]:
    """Numbers of ``title`` that no number of ``support`` writes at the title's precision."""
    shown = [v for v, _ in numbers(support, lang)]
    missing = []
    for value, decimals in numbers(title, lang):
        if not any(float(i18n.round_half_away(s, decimals)) == value for s in shown):
            missing.append(value)
    return missing


@pytest.fixture
def year_2024(app_db):
    with store.connect(app_db) as con:
        for code, value in (("batik_income_index", 180.0), ("batik_competitiveness", 87.5)):
            con.execute(
                "INSERT INTO observation VALUES (?, 'blitar', 'batik', 2024, ?, NULL, NULL,"
                " 'reported', ?, NULL, NULL)",
                [code, value, NEW_SOURCE],
            )
        store.bump_data_version(con)
    return app_db


def unescape(markdown: str) -> str:
    """Text as the planner reads it: the Markdown escapes of plain text removed ('32\\.5')."""
    return re.sub(r"\\(.)", r"\1", markdown)


def _charts(at) -> list[dict]:
    return [json.loads(c.proto.spec) for c in at.get("vega_lite_chart")]


def _rows(spec: dict) -> list[dict]:
    return [row for rows in spec.get("datasets", {}).values() for row in rows]


def _inputs(title: str, rows: list[dict]) -> list[dict]:
    """The plotted figures a title rests on: those of the years it names (all of them when it
    names none); target marks, which carry their own status in their label, are not inputs."""
    figures = [r for r in rows if r.get("status") and "target" not in r]
    years = {int(y) for y in YEAR.findall(title)}
    if not years or not any(r.get("year") in years for r in figures):
        return figures
    return [r for r in figures if r.get("year") in years]


def _check_titles(title: str, rows: list[dict], cards: str, lang: str) -> None:
    """The illustrative-title rule and the marks rule of one chart title (see the docstring)."""
    if numbers(title, lang) and any(r["status"] == "illustrative" for r in _inputs(title, rows)):
        assert ILLUSTRATIVE[lang] in title, title
    for value, symbol in MARKED.findall(title):
        assert symbol in cards, (title, value + symbol)  # the card writes the mark too
        assert MARK_WORDS[lang][symbol] in cards, (title, MARK_WORDS[lang][symbol])


@pytest.mark.parametrize(
    ("title", "rows", "cards"),
    [
        # a reported start beside an illustrative end: the title must say so
        ("Anggaran −10,7% dari 2021 ke 2023", [(2021, "reported"), (2023, "illustrative")], ""),
        # a title naming no year rests on every plotted figure
        ("3 dari 5 jenis program naik", [(2021, "reported"), (2022, "illustrative")], ""),
        # a mark in the title that the card does not state in words
        ("Daya saing naik 34 poin persen, dari 55% ke 89%**", [], "+34** Dilaporkan"),
    ],
)
def test_the_title_checks_catch_what_they_are_for(title: str, rows: list, cards: str) -> None:
    with pytest.raises(AssertionError):
        _check_titles(title, [{"year": y, "status": s} for y, s in rows], cards, "id")


def _check_page(at, lang: str) -> None:
    cards = unescape(
        "\n".join(
            [
                *(m.value for m in at.metric),
                *(m.value for m in at.markdown),
                *(c.value for c in at.caption),
                *(d.value.to_string() for d in at.dataframe),
            ]
        )
    )
    for spec in _charts(at):
        title = " ".join(spec["title"]["text"])
        subtitle = " ".join(spec["title"].get("subtitle", []))
        rows = _rows(spec)
        labels = " ".join(str(r.get("label", "")) for r in rows)
        values = " ".join(
            i18n.format_number(r[k], lang, 4)
            for r in rows
            for k in ("value", "score", "severity", "count", "change", "median", "n")
            if isinstance(r.get(k), int | float)
        )
        assert not agrees(title, f"{cards} {labels} {values}", lang), (
            title,
            agrees(title, cards + labels + values, lang),
        )
        statuses = {r.get("status") for r in rows if r.get("status")}
        if statuses and "reported" not in statuses:
            assert title.endswith(MARKS[lang]), title
        _check_titles(title, rows, cards, lang)
        for source in {r["source"] for r in rows if isinstance(r.get("source"), str)}:
            words = i18n.data_text(source, lang)[:25]
            assert words in subtitle.replace("  ", " ") or words in re.sub(r"\s+", " ", subtitle), (
                title,
                source,
            )


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_pages_tell_one_figure_the_same_way(app_db, page: str, lang: str) -> None:
    _check_page(open_page(page, lang), lang)


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("region", ["all", "kab_blitar"])
def test_the_equity_page_with_enterprise_records(app_db, lang: str, region: str) -> None:
    load_synthetic(app_db)
    at = open_page("pages/equity.py", lang, wilayah=region)
    # spread, three groups, women and men (growth, participation), the UMK (year, region, size)
    assert len(_charts(at)) == 9
    _check_page(at, lang)


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize(
    "page",
    [
        "pages/overview.py",
        "pages/income.py",
        "pages/competitiveness.py",
        "pages/programs.py",
        "pages/obstacles.py",
        "pages/creative.py",
    ],
)
def test_and_after_a_2024_upload_with_its_own_source(year_2024, page: str, lang: str) -> None:
    at = open_page(page, lang, ke="2024")
    _check_page(at, lang)
    subtitles = [" ".join(s["title"].get("subtitle", [])) for s in _charts(at)]
    if page in NEW_YEAR_PAGES:
        assert any(NEW_SOURCE in s for s in subtitles), subtitles  # 2024 is plotted, and named


@pytest.fixture
def marked_years(app_db):
    """2024 provisional (*) and 2025 very provisional (**) BPS figures, as an upload of BPS's
    latest release brings them."""
    with store.connect(app_db) as con:
        for code, values in (
            ("batik_competitiveness", (80.0, 89.0)),
            ("batik_income_index", (175.0, 190.0)),
        ):
            marks = ("provisional", "very_provisional")
            for year, value, mark in zip((2024, 2025), values, marks, strict=True):
                con.execute(
                    "INSERT INTO observation VALUES (?, 'blitar', 'batik', ?, ?, NULL, NULL,"
                    " 'reported', ?, NULL, ?)",
                    [code, year, value, NEW_SOURCE, mark],
                )
        store.bump_data_version(con)
    return app_db


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("page", ["pages/competitiveness.py", "pages/income.py"])
def test_a_bps_mark_in_a_title_is_in_its_card_with_its_word(marked_years, page, lang) -> None:
    at = open_page(page, lang, ke="2025")
    _check_page(at, lang)
    titles = [" ".join(c["title"]["text"]) for c in _charts(at)]
    assert any("**" in t for t in titles), titles  # the 2025 figure's mark is in a title
    if page == "pages/competitiveness.py":
        assert any("89%**" in t for t in titles), titles


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("years", [(2021, 2023), (2021, 2024)])
def test_deck_slides_tell_one_figure_the_same_way(year_2024, lang: str, years) -> None:
    options = deck.DeckOptions(
        title="T", date=dt.date(2026, 12, 1), lang=lang, start_year=years[0], end_year=years[1]
    )
    for slide in deck.build_slides(year_2024, options):
        if slide.section in ("cover", "sources", "recommendations"):
            continue
        support = "\n".join(
            [slide.finding, slide.notes, *(f"{c.value} {' '.join(c.details)}" for c in slide.cards)]
        )
        if slide.chart is not None:
            spec = slide.chart.to_dict()
            support += " ".join(str(r.get("label", "")) for r in _rows(spec))
        assert not agrees(slide.title, support, lang), (
            slide.title,
            agrees(slide.title, support, lang),
        )
        if slide.status not in (None, "reported") and "reported" not in slide.statuses:
            assert slide.title.endswith(MARKS[lang]) or slide.mark(lang), slide.title
