"""Every page through Streamlit's AppTest, in both languages (fast; the browser test is separate)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from impact import i18n, store

APP = str(Path(__file__).resolve().parents[2] / "app.py")
PAGES = [
    "pages/overview.py",
    "pages/income.py",
    "pages/competitiveness.py",
    "pages/regions.py",
    "pages/obstacles.py",
    "pages/collaboration.py",
    "pages/programs.py",
    "pages/equity.py",
    "pages/creative.py",
    "pages/sources.py",
    "pages/deck.py",
    "pages/present.py",
    "pages/upload.py",
    "pages/history.py",
    "pages/readiness.py",
]


@pytest.fixture
def app_db(monkeypatch, seeded_db: Path) -> Path:
    monkeypatch.setenv(store.DB_PATH_ENV, str(seeded_db))
    return seeded_db


def _run(lang: str, page: str | None = None, via_url: bool = False) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    if via_url:
        at.query_params["lang"] = lang
    else:
        at.session_state["lang"] = lang
    at.run()
    if page:
        at.switch_page(page)
        at.run()
    return at


def _all_text(at: AppTest) -> str:
    parts = [
        e.value
        for kind in ("title", "header", "subheader", "markdown", "caption")
        for e in getattr(at, kind)
    ]
    parts += [m.label + " " + m.value for m in at.metric]
    parts += [
        json.dumps(json.loads(c.proto.spec), ensure_ascii=False) for c in at.get("vega_lite_chart")
    ]
    # Markdown escapes (\\+, \\() are how stored text is kept literal; read past them.
    return re.sub(r"\\(.)", r"\1", "\n".join(parts))


def _chart_titles(at: AppTest) -> list[str]:
    titles = []
    for chart in at.get("vega_lite_chart"):
        spec = json.loads(chart.proto.spec)
        titles.append(" ".join(spec["title"]["text"]))
    return titles


@pytest.mark.parametrize("lang", i18n.LANGS)
@pytest.mark.parametrize("page", PAGES)
def test_page_runs_without_exception_and_leaks_no_key(app_db, lang, page) -> None:
    at = _run(lang, page)
    assert not at.exception, [e.value for e in at.exception]
    text = _all_text(at)
    leaked = [key for key in i18n.TEXTS if key in text]
    assert not leaked


def test_overview_in_indonesian_shows_the_headline_figures(app_db) -> None:
    at = _run("id")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Pendapatan pelaku usaha batik"] == "+50–70%"
    assert metrics["Skor daya saing produk batik"] == "55% → 85%"
    text = _all_text(at)
    assert "+30 poin persen (+54,5% relatif)" in text
    assert "22,5–30,4% per tahun" in text
    # The study's two findings, both reported: no year is filled in between them.
    assert "Dilaporkan" in text
    subtitles = " ".join(
        " ".join(json.loads(c.proto.spec)["title"]["subtitle"]) for c in at.get("vega_lite_chart")
    )
    assert "Sumber: Dinas Perindustrian dan Perdagangan Blitar (2023)" in subtitles
    assert "ilustratif" not in subtitles.lower()
    assert _chart_titles(at) == [
        "Pendapatan pelaku batik naik 50–70% dari 2021 ke 2023",
        "Daya saing produk naik 30 poin persen, dari 55% ke 85%",
    ]
    assert [c.value for c in at.radio] == ["id"]


def test_overview_in_english_from_the_url(app_db) -> None:
    at = _run("en", via_url=True)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Batik entrepreneurs' income"] == "+50–70%"
    text = _all_text(at)
    assert "+30 percentage points (+54.5% relative)" in text
    assert "22.5–30.4% a year" in text
    assert "Dilaporkan" not in text
    assert at.query_params["lang"] == "en"


def test_switching_language_in_the_sidebar(app_db) -> None:
    at = _run("id")
    at.radio[0].set_value("en").run()
    assert "Batik entrepreneurs' income" in [m.label for m in at.metric]


def test_overview_lists_the_four_obstacle_categories(app_db) -> None:
    at = _run("id")
    subheaders = [s.value for s in at.subheader]
    assert subheaders == ["Struktural", "Teknis", "Koordinasi", "Sumber daya"]
    text = _all_text(at)
    assert "Belum ada instalasi pengolahan air limbah (IPAL)" in text


def test_overview_without_the_2023_figure_says_so(app_db) -> None:
    with store.connect(app_db) as con:
        con.execute(
            "DELETE FROM observation WHERE indicator = 'batik_income_index' AND year = 2023"
        )
        con.execute("UPDATE meta SET value = '99' WHERE key = 'data_version'")
    at = _run("id")
    assert not at.exception
    assert any("Belum ada data" in i.value and "2023" in i.value for i in at.info)


def test_each_overview_chart_has_its_data_table(app_db) -> None:
    at = _run("id")
    assert len(at.get("vega_lite_chart")) == 2
    frames = [df.value for df in at.dataframe]
    assert [f["Nilai"].tolist() for f in frames] == [["100", "150–170"], ["55%", "85%"]]
