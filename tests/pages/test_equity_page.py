"""The equity page through AppTest: empty state, then synthetic records uploaded the validated way."""

from __future__ import annotations

import json
import re

import pytest
from streamlit.testing.v1 import AppTest

from tests.pages.apptest import APP, chart_titles, open_page
from tests.pages.apptest import metrics as metrics_of
from tests.synthetic_data import load_synthetic
from tests.umk_data import SAMPLE as UMK_SAMPLE
from tests.umk_data import SOURCE as UMK_SOURCE
from tests.umk_data import add_umk


def test_without_records_the_page_says_how_to_add_them(app_db) -> None:
    at = open_page("pages/equity.py", "id")
    assert any("Catatan per unit usaha" in i.value for i in at.info)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_with_synthetic_records(app_db, lang) -> None:
    load_synthetic(app_db)
    at = open_page("pages/equity.py", lang, wilayah="kab_blitar")
    metrics = {m.label: m.value for m in at.metric}
    counted = "Usaha dihitung" if lang == "id" else "Enterprises counted"
    assert int(metrics[counted].replace(".", "").replace(",", "")) > 150
    titles = [
        " ".join(json.loads(c.proto.spec)["title"]["text"]) for c in at.get("vega_lite_chart")
    ]
    # the spread, three groups, women and men (two), and the UMK (three: the seed ships the
    # published UMK of both regions)
    assert len(titles) == 9
    assert titles[0].startswith(
        "Sebaran pertumbuhan pendapatan 2021–2023" if lang == "id" else "Spread of income growth"
    )
    markdown = " ".join(m.value for m in at.markdown)
    assert ("Ilustratif" if lang == "id" else "Illustrative") in markdown
    assert any("sintetis" in c.value.lower() for c in at.caption)


def test_income_page_offers_the_series_derived_from_records(app_db) -> None:
    load_synthetic(app_db)
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["indikator"] = "enterprise_income_mean"
    at.query_params["wilayah"] = "kota_blitar"
    at.run()
    at.switch_page("pages/income.py")
    at.run()
    assert not at.exception
    assert any("catatan per unit usaha" in c.value for c in at.caption)
    title = " ".join(json.loads(at.get("vega_lite_chart")[0].proto.spec)["title"]["text"])
    assert title.startswith(
        "Rata-rata pendapatan per usaha per tahun (dari catatan per unit usaha) naik"
    )
    table = at.dataframe[0].value
    assert table["Catatan"].str.startswith("n = ").all() and set(table["Status"]) == {"Ilustratif"}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_women_and_men_section_with_n_small_groups_and_not_recorded(app_db, lang) -> None:
    load_synthetic(app_db)
    at = open_page("pages/equity.py", lang, wilayah="kab_blitar")
    heading = "Perempuan dan laki-laki" if lang == "id" else "Women and men"
    assert heading in [h.value for h in at.header]
    growth, joined = chart_titles(at)[4:6]
    if lang == "id":
        assert growth.startswith("Pertumbuhan median 2021–2023 menurut jenis kelamin pemilik: ")
        # Not recorded is under 30 here: withheld, and Laki-laki beside it (else by subtraction)
        assert "Perempuan +" in growth and "Laki-laki" not in growth
        assert joined.startswith("Ikut program 2021–2023 menurut jenis kelamin pemilik: ")
        assert growth.endswith("(ilustratif)") and joined.endswith("(ilustratif)")
    else:
        assert growth.startswith("Median growth 2021–2023 by owner's gender: Women +")
        assert joined.startswith("Joined a program 2021–2023 by owner's gender: Women ")
        assert growth.endswith("(illustrative)") and joined.endswith("(illustrative)")
    group = "Kelompok" if lang == "id" else "Group"
    women = "Perempuan (n=" if lang == "id" else "Women (n="
    groups = next(  # the participation chart's data table: the last one grouped by gender
        t
        for t in (d.value[group].tolist() for d in reversed(at.dataframe) if group in d.value)
        if t and str(t[0]).startswith(women)
    )
    assert groups[0].startswith("Perempuan (n=" if lang == "id" else "Women (n=")
    assert groups[1].startswith("Laki-laki (n=" if lang == "id" else "Men (n=")
    assert groups[2] == ("Tidak dicatat (n < 30)" if lang == "id" else "Not recorded (n < 30)")
    word = "usaha tanpa jenis kelamin pemilik" if lang == "id" else "enterprises without the"
    assert any(re.search(rf"\d+ {word}", c.value) for c in at.caption)


def test_without_any_gender_the_section_says_what_would_fill_it(app_db) -> None:
    load_synthetic(app_db, gender=False)
    at = open_page("pages/equity.py", "id")
    assert "Perempuan dan laki-laki" in [h.value for h in at.header]
    # no empty chart for women and men: the spread, three groups and the UMK section's three
    assert len(at.get("vega_lite_chart")) == 7
    infos = [re.sub(r"\\(.)", r"\1", i.value) for i in at.info]  # Markdown escapes removed
    assert any(
        "Belum ada catatan jenis kelamin pemilik untuk 2021–2023: 300 usaha dihitung" in i
        and "jenis_kelamin_pemilik (P atau L)" in i
        for i in infos
    ), infos


# --- income against the UMK ---------------------------------------------------------------


@pytest.mark.parametrize("lang", ["id", "en"])
def test_umk_section_with_records_and_umk(app_db, lang) -> None:
    load_synthetic(app_db)
    add_umk(app_db, UMK_SAMPLE, only=True)
    at = open_page("pages/equity.py", lang)
    heading = "Pendapatan dibanding UMK" if lang == "id" else "Income against the minimum wage"
    assert any(h.value.startswith(heading) for h in at.header)
    titles = chart_titles(at)
    assert len(titles) == 9  # the six above, then the UMK share by year, region and size class
    start = (
        "Pangsa usaha dengan pendapatan per bulan ≥ UMK wilayahnya, 2023: "
        if lang == "id"
        else "Share of enterprises whose monthly income is at least their region's UMK, 2023: "
    )
    assert titles[6].startswith(start)
    compared = "Usaha dibandingkan" if lang == "id" else "Enterprises compared"
    assert int(metrics_of(at)[compared].replace(".", "").replace(",", "")) == 300
    captions = " ".join(re.sub(r"\\(.)", r"\1", c.value) for c in at.caption)
    assert ("≥ 12 × UMK" if lang == "id" else "≥ 12 × the UMK") in captions
    # kab_blitar has no UMK for 2022: named, not filled (185 of the 300 are in kab_blitar)
    assert ("2022: 185 usaha" if lang == "id" else "2022: 185 enterprises") in captions
    groups = at.dataframe[-1].value.iloc[:, 0].tolist()  # the size classes' table
    assert any(g.endswith("(n < 30)") for g in groups)  # the medium ones: a small group, withheld


def test_umk_section_without_any_umk_says_what_would_fill_it(app_db) -> None:
    load_synthetic(app_db)
    add_umk(app_db, [], only=True)  # no UMK at all (the seed's published ones removed)
    at = open_page("pages/equity.py", "id")
    assert len(at.get("vega_lite_chart")) == 6  # no empty UMK chart
    captions = " ".join(re.sub(r"\\(.)", r"\1", c.value) for c in at.caption)
    assert "Belum ada angka UMK di basis data (indikator umk" in captions
    assert "Tidak dihitung di 2023: 300 usaha tanpa UMK" in captions


@pytest.mark.parametrize("lang", ["id", "en"])
def test_income_page_without_records_says_what_would_fill_the_umk_card(app_db, lang) -> None:
    at = open_page("pages/income.py", lang)
    words = (
        "templat 'Catatan per unit usaha' (enterprises)"
        if lang == "id"
        else ("'Enterprise records' template (enterprises)")
    )
    assert any(words in i.value for i in at.info)


def test_income_page_umk_card_and_line(app_db) -> None:
    load_synthetic(app_db)
    add_umk(app_db, UMK_SAMPLE, only=True)
    at = open_page("pages/income.py", "en", indikator="batik_income_avg", wilayah="kota_blitar")
    card = "Enterprises whose monthly income is at least their region's UMK"
    assert metrics_of(at)[card].endswith("%")
    spec = json.loads(at.get("vega_lite_chart")[0].proto.spec)
    subtitle = " ".join(spec["title"]["subtitle"])
    assert "UMK Blitar City 2021, 2022, 2023: " + UMK_SOURCE in subtitle


# --- no enterprise identifiable -----------------------------------------------------------


def _everything_sent(at) -> str:
    """Every element's text and data the page sends to the browser: markdown, captions,
    infos, headers, metrics, each table's cells and each chart's spec (its data inline,
    without the datasets' hashed names)."""
    texts = [e.value for kind in ("markdown", "caption", "info", "header", "title")
             for e in getattr(at, kind)]  # fmt: skip
    texts += [f"{m.label} {m.value}" for m in at.metric]
    texts += [d.value.to_csv() for d in at.dataframe]
    texts += [re.sub(r"data-[0-9a-f]{32}", "data", c.proto.spec) for c in at.get("vega_lite_chart")]
    return "\n".join(texts)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_group_of_one_or_two_is_withheld_everywhere_on_the_page(app_db, lang) -> None:
    from tests.privacy_data import SECRETS, load_identifiable

    load_identifiable(app_db)
    at = open_page("pages/equity.py", lang)
    sent = _everything_sent(at)
    assert not [s for s in SECRETS if s in sent]
    rule = (
        "Kelompok kurang dari 30 usaha: tidak ditampilkan agar tidak ada usaha yang bisa dikenali"
        if lang == "id"
        else "Groups of fewer than 30 enterprises: not shown, so that no enterprise can be"
    )
    assert rule in sent
    medium = "Menengah (n < 30)" if lang == "id" else "Medium (n < 30)"
    assert medium in sent  # the group is named, its figures are not
    assert len(at.get("vega_lite_chart")) >= 6  # the groups large enough are still charted


def test_in_one_region_its_group_of_one_is_withheld(app_db) -> None:
    from tests.privacy_data import SECRETS, load_identifiable

    load_identifiable(app_db)
    at = open_page("pages/equity.py", "id", wilayah="kota_blitar")  # 41 here: shown
    assert not [s for s in SECRETS if s in _everything_sent(at)]


def test_a_region_withheld_among_the_regions_shows_nothing_when_chosen(app_db) -> None:
    """Kabupaten (36) is withheld beside 'blitar' (1) in the by-region figure: chosen alone it
    would give the one by subtraction from the whole, so its own figures are withheld too."""
    from tests.privacy_data import load_identifiable

    load_identifiable(app_db)
    at = open_page("pages/equity.py", "id", wilayah="kab_blitar")
    sent = _everything_sent(at)
    assert "+37,5%" not in sent  # Kabupaten's median growth
    assert "Sebaran pertumbuhan pendapatan 2021–2023\\: tidak ditampilkan" in sent  # escaped
    assert any("tidak ada usaha yang bisa dikenali" in i.value for i in at.info)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_sources_page_states_the_rule(app_db, lang) -> None:
    at = open_page("pages/sources.py", lang)
    rule = "sedikitnya 30 usaha" if lang == "id" else "at least 30 enterprises"
    assert any(rule in m.value for m in at.markdown)
