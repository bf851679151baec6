"""The analysis pages through AppTest: filters exercised, figures checked, both languages."""

from __future__ import annotations

import json

import pytest

from impact import auth, i18n
from impact.upload.datasets import DATASETS
from tests.pages.apptest import chart_titles, metrics, open_page


def test_income_default_is_the_reported_range(app_db) -> None:
    at = open_page("pages/income.py")
    assert metrics(at) == {
        "Selisih": "50 – 70",
        "Perubahan": "+50–70%",
        "Laju per tahun (CAGR)": "+22,5–30,4%",
    }
    # The title states the reported range in words; the card says the same at one decimal.
    assert chart_titles(at)[0] == (
        "Indeks pendapatan pelaku usaha batik (2021=100) naik 50–70% dari 2021 ke 2023"
    )


def test_income_real_rupiah_for_kota_blitar_from_url(app_db) -> None:
    at = open_page(
        "pages/income.py", indikator="batik_income_avg", wilayah="kota_blitar", harga="real"
    )
    shown = metrics(at)
    assert shown["Selisih"].startswith("Rp")
    # 3.400.000 -> 5.300.000 nominal is +55,9%; real at 2021 prices is less.
    assert shown["Perubahan"] == "+44%"
    assert "riil, harga 2021" in chart_titles(at)[0]


def test_income_real_terms_with_the_deflator_a_planner_chooses(app_db) -> None:
    at = open_page(
        "pages/income.py", indikator="batik_income_avg", wilayah="kota_blitar", harga="real"
    )
    # 2021..2023 needs the 2022 and 2023 rates: Kota Kediri has no 2022, so it is not offered.
    assert at.selectbox(key="url_inflasi").options == ["Indonesia", "Jawa Timur"]
    assert "dideflasi dengan inflasi Indonesia" in " ".join(_subtitle(at))
    at.selectbox(key="url_inflasi").select("jatim").run()
    # By hand: 5.3 / (1.0652 x 1.0292) / 3.4 - 1 = +42.19% (national: +43.98%, shown +44%).
    assert metrics(at)["Perubahan"] == "+42,2%"
    assert "dideflasi dengan inflasi Jawa Timur" in " ".join(_subtitle(at))
    assert at.query_params["inflasi"] == "jatim"


def _subtitle(at) -> list[str]:
    return json.loads(at.get("vega_lite_chart")[0].proto.spec)["title"]["subtitle"]


def test_income_year_on_year_view_and_changed_years(app_db) -> None:
    # The study's index has no 2022: no year-on-year change is invented for it.
    at = open_page("pages/income.py", "en", tampilan="yoy")
    assert not chart_titles(at)[0].endswith("(illustrative)")
    at = open_page("pages/income.py", "en", tampilan="yoy", indikator="batik_income_avg")
    # 2022 (illustrative, Rp3.9M) -> 2023 (Rp4.5-5.1M): a range, and not a reported one.
    assert chart_titles(at)[0].endswith("change from year to year (illustrative)")
    table = next(d.value for d in at.dataframe if "Year-on-year change (%)" in d.value.columns)
    assert table.to_dict("records")[-1] == {
        "Year": "2023",
        "Year-on-year change (%)": "+15.4–30.8%",
        "Status": "Illustrative",
    }
    at.selectbox(key="url_dari").select(2022).run()
    assert metrics(at)["Change"] == "+15.4–30.8%"
    assert at.query_params["dari"] == "2022"


def test_income_empty_region_suggests_the_uploadopen_page(app_db) -> None:
    at = open_page("pages/income.py", wilayah="jatim")
    assert any("Unggah Data" in i.value for i in at.info)
    assert not at.get("vega_lite_chart")


def test_competitiveness_points_and_drivers(app_db) -> None:
    at = open_page("pages/competitiveness.py")
    assert metrics(at) == {"Poin persen": "+30", "Perubahan relatif": "+54,5%"}
    titles = chart_titles(at)
    assert titles[0] == "Daya saing produk naik 30 poin persen, dari 55% ke 85%"
    assert titles[1] == (
        "Tiga pendorong daya saing: pengelolaan merek naik paling banyak (+34 poin persen)"
        " (ilustratif)"
    )


def test_obstacles_heatmap_and_links_for_budget_cuts(app_db) -> None:
    at = open_page("pages/obstacles.py", kategori="resources")
    titles = chart_titles(at)
    assert titles[0].startswith("Hambatan terberat 2023: Pemangkasan anggaran")
    assert any(
        t.startswith("Pelatihan keterampilan dan desain: 4 kegiatan pada 2021, 2 pada 2023")
        for t in titles
    )
    assert any(t.startswith("Pendapatan pelaku batik naik 50–70%") for t in titles)


def test_obstacles_heatmap_states_a_tie_as_a_tie(app_db) -> None:
    # Five obstacles share the top severity 4/5 in 2023: none is "the heaviest".
    title = chart_titles(open_page("pages/obstacles.py"))[0]
    assert title.startswith("5 dari 9 hambatan sama-sama terberat pada 2023 (4/5): ")
    assert title.endswith("dan 2 lainnya (ilustratif)")


def test_collaboration_names_the_widest_divergence_in_english(app_db) -> None:
    at = open_page("pages/collaboration.py", "en")
    assert chart_titles(at) == [
        "Views differ most on intermediate outcomes: Local government 4, Entrepreneurs 2"
        " (illustrative)"
    ]
    assert "own convention" in at.info[0].value


def test_programs_outputs_beside_outcomes(app_db) -> None:
    at = open_page("pages/programs.py")
    titles = chart_titles(at)
    # Activities of different program types are never added up (sessions are not certificates).
    assert titles[0] == "Keluaran per jenis program: 3 dari 5 jenis naik, 2021–2023 (ilustratif)"
    assert titles[1] == "Anggaran program −10,7% dari 2021 ke 2023 (ilustratif)"
    assert titles[2] == "Pendapatan (indeks 2021=100) naik 50–70% dari 2021 ke 2023"
    assert "ilustratif" in at.info[0].value  # the banner the creative-economy page has
    targets = next(d.value for d in at.dataframe if "Capaian" in d.value.columns)
    training = targets[targets["Program"] == "Pelatihan keterampilan dan desain"].iloc[0]
    assert (training["Target"], training["Realisasi"], training["Capaian"]) == ("4", "2", "50%")


def test_sources_filters_and_downloads(app_db) -> None:
    at = open_page("pages/sources.py", status="reported")
    data = at.dataframe[-1].value
    assert set(data["Status"]) == {"Dilaporkan"}
    filtered = [d.proto.label for d in at.get("download_button")][:2]
    assert filtered == [i18n.t("download.csv", "id"), i18n.t("download.xlsx", "id")]
    at.selectbox(key="url_indikator").select("batik_competitiveness").run()
    assert at.dataframe[-1].value["Tahun"].tolist() == ["2021", "2023"]


def test_sources_table_speaks_the_dashboards_language(app_db) -> None:
    # Written the dashboard's way, not the browser's: 2,72 (id), 2.72 (en); '–' for no bound.
    # (National CPI 2019, the first year, from public_figures.csv line 58.)
    for lang, rate in (("id", "2,72"), ("en", "2.72")):
        at = open_page("pages/sources.py", lang, indikator="cpi_inflation", wilayah="indonesia")
        data = at.dataframe[-1].value
        value, low = data.columns[5], data.columns[6]
        assert data[value].tolist()[0] == rate
        assert set(data[low]) == {"–"}
        assert "None" not in data.to_string()
    english = open_page("pages/sources.py", "en", indikator="batik_workers").dataframe[-1].value
    assert set(english["Unit"]) == {"people"}
    assert "Illustrative value by the dashboard team, not official data" in set(english["Source"])


def test_region_pickers_mark_regions_without_data(app_db) -> None:
    at = open_page("pages/income.py")
    options = at.selectbox(key="url_wilayah").options
    assert "Jawa Timur (belum ada data)" in options
    assert "Kota & Kabupaten Blitar" in options  # a region with figures reads as its name
    comp = open_page("pages/competitiveness.py", "en").selectbox(key="url_wilayah").options
    assert "East Java (no data yet)" in comp


@pytest.mark.parametrize("lang", ["id", "en"])
def test_sources_offers_current_data_and_enterprise_rows_only_to_editors(app_db, lang) -> None:
    """Issue 13.4: the sources page, too, gives each dataset's current rows as its template;
    per-enterprise rows go only to a signed-in editor (viewers see them aggregated)."""

    def current_labels(at) -> set[str]:
        return {d.proto.label for d in at.get("download_button")}

    def label(code: str) -> str:
        return i18n.t("upload.current_xlsx", lang, name=i18n.t(f"dataset.{code}", lang))

    viewer = open_page("pages/sources.py", lang)
    public = {code for code in DATASETS if code != "enterprises"}
    assert {label(c) for c in public} <= current_labels(viewer)
    assert label("enterprises") not in current_labels(viewer)
    why = i18n.t("src.current.editor_only", lang, name=i18n.t("dataset.enterprises", lang))
    assert why in [c.value for c in viewer.caption]

    editor = open_page("pages/sources.py", lang)
    editor.session_state["editor_token"] = auth.SESSIONS.open("ani")
    editor.run()
    assert {label(c) for c in DATASETS} <= current_labels(editor)


def test_sources_offers_current_data_even_when_the_filter_finds_nothing(app_db) -> None:
    at = open_page("pages/sources.py", indikator="cpi_inflation", wilayah="kota_blitar")
    assert at.info[0].value == i18n.t("empty.series", "id")
    assert i18n.t("src.current", "id") in [h.value for h in at.header]
