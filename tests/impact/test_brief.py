"""The one-page brief (impact/deck/brief.py): one A4 page whatever the data, the deck's own
figures with their status words and sources, the 'Data per' line, both languages, and no text
drawn outside the page's margins or lost on the way (checked with pypdf and poppler)."""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from impact import store
from impact.deck import DeckOptions, brief_file_name, build_slides
from impact.deck import brief as brief_module
from impact.deck.brief import PAGE, build_brief, missing_glyphs
from tests.pdfcheck import lost, outside, text_of

DATE = dt.date(2026, 12, 7)


def _options(lang: str = "id", **changes) -> DeckOptions:
    base = {
        "title": "Dampak Kolaborasi pada Industri Batik Blitar",
        "agency": "Bappeda Kabupaten Blitar",
        "date": DATE,
        "lang": lang,
    }
    return DeckOptions(**(base | changes))


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory) -> Path:
    return store.ensure_database(tmp_path_factory.mktemp("brief") / "batik.duckdb")


@pytest.fixture(scope="module")
def seed_briefs(seed_db: Path) -> dict[str, brief_module.Brief]:
    return {lang: build_brief(seed_db, _options(lang)) for lang in ("id", "en")}


def _rich(path: Path) -> None:
    """The fullest data a planner could have: a 2024 upload, 24 obstacles with long names in
    every category, a target for every indicator and year, a recorded upload."""
    with store.connect(path) as con:
        for code, value in (("batik_income_index", 180.0), ("batik_competitiveness", 88.0)):
            con.execute(
                "INSERT INTO observation VALUES (?, 'blitar', 'batik', 2024, ?, NULL, NULL,"
                " 'reported', 'Disperindag Blitar (2025)', NULL, NULL)",
                [code, value],
            )
        for n in range(24):
            category = ("structural", "technical", "coordination", "resources")[n % 4]
            con.execute(
                "INSERT INTO obstacle_item VALUES (?, ?, ?, ?, 'Studi', NULL)",
                [
                    f"extra_{n}",
                    category,
                    f"Hambatan tambahan nomor {n} dengan uraian panjang dari lapangan",
                    f"Additional obstacle number {n} with a long description from the field",
                ],
            )
            con.execute(
                "INSERT INTO obstacle VALUES (?, 2024, ?, 'estimated', 'Survei dinas 2024', NULL)",
                [f"extra_{n}", 1 + n % 5],
            )
            con.execute(
                "INSERT INTO obstacle_link VALUES (?, 'indicator', 'batik_income_index', NULL)",
                [f"extra_{n}"],
            )
        for code in ("batik_income_index", "batik_competitiveness"):
            for year in (2021, 2024):
                con.execute(
                    "INSERT INTO indicator_target VALUES (?, 'blitar', 'batik', ?, 100, "
                    "'higher', 'reported', 'RPJMD Kabupaten Blitar 2021–2026', NULL)",
                    [code, year],
                )
        con.execute(
            "INSERT INTO upload (uploaded_at, editor, filename, sha256, dataset, rows_added,"
            " rows_replaced, rows_unchanged) VALUES (TIMESTAMP '2026-12-03 09:00', 'ani',"
            " 'data_2024.csv', 'x', 'observations', 2, 0, 0)"
        )


@pytest.fixture(scope="module")
def rich_db(tmp_path_factory) -> Path:
    path = store.ensure_database(tmp_path_factory.mktemp("rich") / "batik.duckdb")
    _rich(path)
    return path


@pytest.fixture(scope="module")
def rich_briefs(rich_db) -> dict[str, brief_module.Brief]:
    return {lang: build_brief(rich_db, _options(lang, end_year=2024)) for lang in ("id", "en")}


def _pages(pdf: bytes) -> list:
    return PdfReader(io.BytesIO(pdf)).pages


def _is_a4(page) -> bool:
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    return abs(width - 595.28) < 1 and abs(height - 841.89) < 1


# --- one A4 page -------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_brief_is_one_a4_page(seed_briefs, rich_briefs, lang) -> None:
    for made in (seed_briefs[lang], rich_briefs[lang]):
        pages = _pages(made.pdf)
        assert len(pages) == 1
        assert _is_a4(pages[0])
    info = subprocess.run(
        ["pdfinfo", "-"], input=rich_briefs[lang].pdf, capture_output=True, check=True
    ).stdout.decode()
    assert re.search(r"Pages:\s+1\n", info) and "(A4)" in info


def test_the_seed_data_fits_without_cutting_and_rich_data_is_cut_by_rule(
    seed_briefs, rich_briefs, rich_db
) -> None:
    assert seed_briefs["id"].level == 0
    assert "Diringkas agar muat satu halaman" not in text_of(seed_briefs["id"].pdf)
    rich = rich_briefs["id"]
    assert rich.level > 0
    # The fullest level that fits: the one before it takes a second page.
    content = brief_module.content.brief_content(rich_db, _options(end_year=2024))
    assert brief_module._draw(content, rich.level - 1)[1] == 2
    assert text_of(brief_module._draw(content, rich.level)[0]) == text_of(rich.pdf)
    text = text_of(rich.pdf)
    assert "Diringkas agar muat satu halaman; isi lengkap di bahan paparan." in text
    assert re.search(r"dan \d+ lainnya", text)
    assert re.search(r"and \d+ more", text_of(rich_briefs["en"].pdf))


def test_too_much_for_the_shortest_level_is_a_named_fault(rich_db, monkeypatch) -> None:
    monkeypatch.setattr(brief_module, "LEVELS", brief_module.LEVELS[:2])
    with pytest.raises(brief_module.BriefTooLongError):
        build_brief(rich_db, _options(end_year=2024))


# --- nothing clipped, nothing drawn without a glyph ---------------------------------------


@pytest.mark.parametrize("lang", ["id", "en"])
def test_no_word_is_clipped_or_outside_the_margins(seed_briefs, rich_briefs, lang) -> None:
    for made in (seed_briefs[lang], rich_briefs[lang]):
        assert outside(made.pdf) == []
        assert lost(made) == []
        assert set().union(*(missing_glyphs(t) for t in made.texts)) == set()


def test_the_clipping_checks_can_fail() -> None:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    sheet = canvas.Canvas(buffer, pagesize=PAGE)
    sheet.drawString(PAGE[0] - 20, 400, "terpotong")  # runs off the right edge
    sheet.drawString(100, 400, "utuh")
    sheet.save()
    pdf = buffer.getvalue()
    assert outside(pdf) == ["terp"]  # poppler reads what is on the page: the word is cut
    made = brief_module.Brief(pdf, ("terpotong", "utuh", "hilang"), 0)
    assert lost(made) == ["hilang", "terpotong"]
    assert missing_glyphs("a → b ⚠") == {"⚠"}


# --- the deck's figures, status words, sources, 'Data per' ---------------------------------


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "id",
            [
                "RINGKASAN EKSEKUTIF",
                "Data awal dasbor, belum ada unggahan",
                "Wilayah Kota & Kabupaten Blitar, tahun 2021–2023",
                "+50–70%",  # a range stays a range
                "55% → 85%",
                "+30 poin persen (+54,5% relatif) (dihitung)",
                "Dilaporkan",
                "Capaian target: 1 dari 3 target tercapai, 1 sebagian tercapai (ilustratif)",
                "93,8–106,3%",
                "Sebagian tercapai (ilustratif)",
                "Struktural",
                "Teknis",
                "Koordinasi",
                "Sumber daya",
                "Masalah",
                "Data lapangan",
                "Aturan/rencana terkait",
                "Tindak lanjut",
                # Nothing sourced for the synergy row: the agency fills it, no invented rule.
                "Diisi dinas: RPJMD/Renstra terkait (belum tercatat di dasbor)",
                "Contoh target ilustratif tim dasbor (bukan RPJMD/Renstra resmi) (ilustratif)",
                "1. Sinergi lintas sektor",
                "Sumber: [1] Dinas Perindustrian dan Perdagangan Blitar (2023)",
            ],
        ),
        (
            "en",
            [
                "EXECUTIVE BRIEF",
                "Seed data, no uploads yet",
                "+50–70%",
                "+30 percentage points",
                "(illustrative)",
                "Reported",
                "Illustrative",
                "Structural",
                "Technical",
                "Coordination",
                "Resources",
                "Problem",
                "Field data",
                "Related rule or plan",
                "Follow-up",
                "To be filled in by the agency",
                "Illustrative value by the dashboard team, not official data",
            ],
        ),
    ],
)
def test_the_practice_brief_says_what_the_deck_says(seed_db, lang, expected) -> None:
    """With the illustrative figures asked for (practice), every section is there, marked."""
    text = text_of(build_brief(seed_db, _options(lang, illustrative=True)).pdf)
    for phrase in expected:
        assert phrase in text, phrase
    if lang == "en":
        for indonesian in ("Dilaporkan", "ilustratif)", "Masalah", "Nilai ilustratif"):
            assert indonesian not in text, indonesian


@pytest.mark.parametrize(
    ("lang", "expected", "examples"),
    [
        (
            "id",
            [
                "RINGKASAN EKSEKUTIF",
                "+50–70%",
                "55% → 85%",
                "+30 poin persen (+54,5% relatif) (dihitung)",
                "Dilaporkan",
                "Diisi dinas: RPJMD/Renstra terkait (belum tercatat di dasbor)",
                "5. Data yang masih dikumpulkan",
                "templat_programs.xlsx",
                "Sumber: [1] Dinas Perindustrian dan Perdagangan Blitar (2023)",
            ],
            ["(ilustratif)", "Ilustratif", "Nilai ilustratif", "480 → 620", "CONTOH"],
        ),
        (
            "en",
            ["EXECUTIVE BRIEF", "+50–70%", "+30 percentage points", "Reported",
             "5. Data still being collected", "templat_observations.xlsx"],
            ["(illustrative)", "Illustrative value", "480 → 620", "EXAMPLE"],
        ),
    ],
)  # fmt: skip
def test_the_default_brief_holds_reported_figures_and_what_is_missing(
    seed_briefs, lang, expected, examples
) -> None:
    text = text_of(seed_briefs[lang].pdf)
    for phrase in expected:
        assert phrase in text, phrase
    for phrase in examples:
        assert phrase not in text, phrase


def test_headline_values_are_the_decks_cards(tmp_path) -> None:
    path = store.ensure_database(tmp_path / "batik.duckdb")
    options = _options()
    summary = next(s for s in build_slides(path, options) if s.section == "summary")
    text = text_of(build_brief(path, options).pdf)
    for card in summary.cards:
        assert card.value in text and card.label in text
        for detail in card.details:
            assert detail in text, detail


def test_the_data_per_line_follows_the_upload_history(rich_db, rich_briefs) -> None:
    assert "Data per 3 Desember 2026, unggahan #1" in text_of(rich_briefs["id"].pdf)
    assert "Data as of December 3, 2026, upload #1" in text_of(rich_briefs["en"].pdf)
    # The plan documents the data names are cited, marked as recorded.
    assert "RPJMD Kabupaten Blitar 2021–2026" in text_of(rich_briefs["id"].pdf)


def test_a_title_from_the_page_is_text_not_markup(tmp_path) -> None:
    path = store.ensure_database(tmp_path / "batik.duckdb")
    made = build_brief(path, _options(title="<b>Rapat</b> & <font size=40>x</font>"))
    assert "<b>Rapat</b> & <font size=40>x</font>" in text_of(made.pdf)


def test_no_colour_carries_meaning(seed_briefs) -> None:
    """Black text, grey rules and fills only: every fill and stroke colour is a grey."""
    content = _pages(seed_briefs["id"].pdf)[0].get_contents().get_data().decode("latin-1")
    rgb = re.findall(r"([\d.]+) ([\d.]+) ([\d.]+) (?:rg|RG)\b", content)
    assert rgb, "the check found no colours at all"
    assert all(r == g == b for r, g, b in rgb), set(rgb)


def test_file_name_says_brief_region_years_and_date() -> None:
    assert (
        brief_file_name(_options()) == "ringkasan_eksekutif_batik_blitar_2021-2023_2026-12-07.pdf"
    )
    assert (
        brief_file_name(_options("en", region="kota_blitar", start_year=2022))
        == "executive_brief_batik_kota_blitar_2022-2023_2026-12-07.pdf"
    )
