"""The hearing pack page and the presentation mode through AppTest, in both languages."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from impact.deck import pdf
from tests.pages.apptest import open_page

DECK, PRESENT = "pages/deck.py", "pages/present.py"


def _heading(at: AppTest) -> str:
    """The slide title: the first plain text of the main area (st.text, never Markdown)."""
    return at.main.text[0].value


def _downloads(at: AppTest) -> list[str]:
    return [d.proto.label for d in at.get("download_button")]


FAILING_LIBREOFFICE = """#!/bin/sh
echo "Error: source file could not be loaded: /srv/batik/secret-tmp/deck.pptx" >&2
exit 1
"""


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("id", "PDF tidak dapat dibuat kali ini."),
        ("en", "The PDF could not be made this time."),
    ],
)
def test_a_failed_conversion_is_a_sentence_and_its_paths_go_to_the_log(
    app_db, monkeypatch, tmp_path, caplog, lang, sentence
) -> None:
    """LibreOffice's own words name the server's paths: the viewer reads a sentence in her
    language, the operator finds those words in the server's log."""
    import logging

    import streamlit as st

    fake = tmp_path / "libreoffice"
    fake.write_text(FAILING_LIBREOFFICE)
    fake.chmod(0o755)
    monkeypatch.setattr(pdf, "libreoffice", lambda: str(fake))
    st.cache_data.clear()  # a PDF made by another test would not be made again
    caplog.set_level(logging.WARNING, logger="impact.deck.pdf")
    at = open_page(DECK, lang)
    at.button(key="deck_pdf_make").click().run()
    assert not at.exception
    warnings = [w.value for w in at.warning]
    assert any(w.startswith(sentence) for w in warnings), warnings
    assert not any("/srv/batik" in w or "Error:" in w for w in warnings)
    assert "/srv/batik/secret-tmp/deck.pptx" in caplog.text
    assert "Unduh PDF" not in _downloads(at) and "Download PDF" not in _downloads(at)
    assert at.button(key="deck_pdf_make")  # still there, to try again


@pytest.mark.parametrize(
    ("lang", "title", "preview", "labels"),
    [
        (
            "id",
            "Bahan paparan DPRD",
            "Isi paparan: 10 slide",
            ["Unduh PPTX (16:9)", "Unduh PDF", "Unduh ringkasan (PDF, A4)"],
        ),
        (
            "en",
            "DPRD hearing pack",
            "Contents: 10 slides",
            ["Download PPTX (16:9)", "Download PDF", "Download the brief (PDF, A4)"],
        ),
    ],
)
def test_deck_page_previews_and_builds_both_files(app_db, lang, title, preview, labels) -> None:
    at = open_page(DECK, lang)
    assert at.title[0].value == title
    assert at.expander[0].label == preview
    assert "50–70%" in at.expander[0].markdown[0].value
    # Ready when the page opens: no "build" click between the planner and the files.
    assert not any(b.label in ("Buat bahan paparan", "Build the pack") for b in at.button)
    # The one-page brief needs no LibreOffice: offered either way. The PDF is made on a click.
    assert _downloads(at) == [labels[0], labels[2]]
    if pdf.libreoffice():
        at.button(key="deck_pdf_make").click().run()
        assert not at.exception
        assert _downloads(at) == labels
        at.run()  # a rerun: the PDF stays offered, without another click
        assert _downloads(at) == labels


@pytest.mark.parametrize("lang", ["id", "en"])
def test_opening_the_deck_page_starts_no_libreoffice(app_db, monkeypatch, lang) -> None:
    """A conversion costs seconds of the server's CPU: anyone opening the page (or typing a
    new title) starts none; a click on "Buat PDF" starts one."""
    import streamlit as st

    conversions = []
    monkeypatch.setattr(pdf, "libreoffice", lambda: "/usr/bin/libreoffice")
    monkeypatch.setattr(pdf, "pptx_to_pdf", lambda pptx: conversions.append(pptx) or b"%PDF-")
    st.cache_data.clear()
    at = open_page(DECK, lang)
    at.text_input(key="deck_title").input("Judul baru").run()
    assert not at.exception and conversions == []
    make = at.button(key="deck_pdf_make")
    assert make.label == {"id": "Buat PDF", "en": "Make the PDF"}[lang]
    make.click().run()
    assert len(conversions) == 1 and not at.exception
    assert {"id": "Unduh PDF", "en": "Download PDF"}[lang] in _downloads(at)


def test_the_practice_switch_brings_the_examples_back_and_says_so(app_db) -> None:
    at = open_page(DECK)
    assert at.toggle(key="deck_illustrative").value is False  # defended by default
    assert any(i.value.startswith("4 dari 11 bagian yang dipilih siap") for i in at.info)
    default = at.expander[0].markdown[0].value.replace("\\", "")
    assert "(ilustratif)" not in default and "Data yang masih dikumpulkan" in default
    at.toggle(key="deck_illustrative").set_value(True).run()
    assert at.expander[0].label == "Isi paparan: 22 slide"
    assert "(ilustratif)" in at.expander[0].markdown[0].value.replace("\\", "")
    assert any(i.value.startswith("Paket latihan") for i in at.info)


def test_deck_page_sections_and_years_change_the_preview(app_db) -> None:
    at = open_page(DECK)
    at.multiselect(key="deck_sections").set_value(["summary"]).run()
    assert at.expander[0].label == "Isi paparan: 2 slide"
    at.toggle(key="deck_illustrative").set_value(True).run()  # 2022 figures are examples
    at.selectbox(key="deck_end").select(2022).run()
    assert "2021–2022" in at.expander[0].markdown[0].value


def test_deck_page_says_when_libreoffice_is_missing(app_db, monkeypatch) -> None:
    monkeypatch.setattr(pdf, "libreoffice", lambda: None)
    at = open_page(DECK)
    assert _downloads(at) == ["Unduh PPTX (16:9)", "Unduh ringkasan (PDF, A4)"]
    assert any("LibreOffice tidak terpasang" in w.value for w in at.warning)


@pytest.mark.parametrize(
    ("params", "chosen"),
    [
        ({"wilayah": "kota_blitar", "ke": "2022"}, ("kota_blitar", 2021, 2022)),
        ({"dari": "2022"}, ("blitar", 2022, 2023)),
        # What the data does not offer is ignored: the defaults.
        ({"wilayah": "atlantis", "dari": "1999", "ke": "<b>"}, ("blitar", 2021, 2023)),
    ],
)
def test_deck_page_opens_with_the_region_and_years_of_its_link(app_db, params, chosen) -> None:
    at = open_page(DECK, **params)
    values = tuple(at.selectbox(key=k).value for k in ("deck_region", "deck_start", "deck_end"))
    assert values == chosen
    first, last = chosen[1], chosen[2]
    # The sections left out are named for the region and years chosen.
    assert f"{first}–{last}" in " ".join(w.value for w in at.warning)


def test_deck_page_region_without_years_says_what_to_do(app_db) -> None:
    at = open_page(DECK)
    at.selectbox(key="deck_region").select("kota_kediri").run()
    assert any("Unggah Data" in i.value for i in at.info)
    assert not at.button  # no build button for a deck without figures


@pytest.mark.parametrize(
    ("lang", "first", "second"),
    [
        (
            "id",
            "Dampak Kolaborasi pada Industri Batik Blitar",
            "Temuan studi 2021–2023: pendapatan pelaku batik naik 50–70%, daya saing naik 30 poin "
            "persen",
        ),
        (
            "en",
            "The Impact of Collaboration on Blitar's Batik Industry",
            "The study's finding 2021–2023: batik entrepreneurs' income rose 50–70%, "
            "competitiveness rose 30 percentage points",
        ),
    ],
)
def test_presentation_next_and_previous_move_the_slide_and_the_url(
    app_db, lang, first, second
) -> None:
    at = open_page(PRESENT, lang)
    assert _heading(at) == first
    assert _slide_param(at) == "1"
    assert at.button(key="present_prev").disabled
    at.button(key="present_next").click().run()
    assert _heading(at) == second
    assert _slide_param(at) == "2"
    at.button(key="present_next").click().run()
    assert _slide_param(at) == "3"
    assert at.get("vega_lite_chart")  # slide 3 is a chart, drawn full width
    at.button(key="present_prev").click().run()
    assert (_heading(at), _slide_param(at)) == (second, "2")


def _slide_param(at: AppTest) -> str:
    value = at.query_params["slide"]
    return value[0] if isinstance(value, list) else value


def test_presentation_link_opens_the_same_slide(app_db) -> None:
    at = open_page(PRESENT, slide="4")
    assert _heading(at) == "Daya saing produk naik 30 poin persen, dari 55% ke 85%"
    assert not any("ilustratif" in m.value.lower() for m in at.markdown)  # both years reported
    at = open_page(PRESENT, slide="5", ilustratif="1")  # the practice pack: marked, every slide
    assert _heading(at) == "Tenaga kerja industri batik naik 29,2% dari 2021 ke 2023 (ilustratif)"
    badges = [m.value for m in at.markdown]
    assert any(":gray-badge[:material/warning: Ilustratif]" in v for v in badges)
    assert any(":red-badge[:material/warning: CONTOH — bukan data resmi]" in v for v in badges)


def test_presentation_clamps_a_bad_slide_number(app_db) -> None:
    at = open_page(PRESENT, slide="999")
    assert at.button(key="present_next").disabled
    last = _slide_param(at)
    assert int(last) == 10
    at = open_page(PRESENT, slide="abc")
    assert _slide_param(at) == "1"


def test_presentation_follows_region_and_years_in_the_url(app_db) -> None:
    # The study's own finding first, then the chosen region and years beside it (their
    # figures are examples: the practice pack).
    at = open_page(
        PRESENT, wilayah="kota_blitar", dari="2021", ke="2022", slide="3", ilustratif="1"
    )
    assert _heading(at) == "Angka utama Kota Blitar, 2021–2022"


PLANTED = "Rapat :red[palsu] [klik](http://evil.example) ![i](http://evil.example/x.png) **tebal**"


def test_presentation_title_from_the_link_is_literal_text(app_db) -> None:
    # ?judul= comes from whoever shared the link: no link, image or colour may come with it.
    at = open_page(PRESENT, judul=PLANTED)
    assert _heading(at) == PLANTED  # st.text: shown as typed, never parsed
    assert not any(PLANTED in m.value or "evil" in m.value for m in at.markdown)
