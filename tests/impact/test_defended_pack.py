"""Defensible by default (issue 22): the pack a fresh install makes holds only figures a
planner can stand behind; a switch brings the examples back, each slide marked; what is left
out is named, with the office that holds it and the template that fills it."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import duckdb
import pytest
from pptx import Presentation

from impact import deck, i18n, readiness, store
from impact.deck import brief as brief_module
from impact.upload import changes
from tests.impact.test_uploads import file_of, upload

DATE = dt.date(2026, 12, 1)
EXAMPLE_WORDS = {"id": ("(ilustratif)", "Ilustratif"), "en": ("(illustrative)", "Illustrative")}


def _options(lang: str = "id", **changes) -> deck.DeckOptions:
    return deck.DeckOptions(title="Paparan Komisi II", date=DATE, lang=lang, **changes)


def _shapes_text(slide) -> list[tuple[str, str]]:
    """(shape name, text) of every text box, table cell and the speaker notes of a slide."""
    out = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            out.append((shape.name, shape.text_frame.text))
        if shape.has_table:
            out += [(shape.name, c.text_frame.text) for r in shape.table.rows for c in r.cells]
    out.append(("notes", slide.notes_slide.notes_text_frame.text))
    return out


def _illustrative_sources(path: Path, lang: str) -> set[str]:
    """The source texts of every illustrative row in the store, as the deck would write them."""
    found = set()
    with store.connect(path) as con:
        for table in store.STATUS_TABLES:
            rows = con.execute(
                "SELECT DISTINCT source FROM " + store.quote_table(table)
                + " WHERE status = 'illustrative'"
            ).fetchall()  # fmt: skip
            found |= {i18n.data_text(r[0], lang) for r in rows}
    return found


@pytest.fixture(scope="module")
def pack_db(tmp_path_factory) -> Path:
    return store.ensure_database(tmp_path_factory.mktemp("pack") / "batik.duckdb")


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_default_pack_has_no_illustrative_figure_anywhere(pack_db: Path, lang: str) -> None:
    options = _options(lang)
    slides = deck.build_slides(pack_db, options)
    sources = _illustrative_sources(pack_db, lang)
    assert sources  # the seed holds examples: the test would see them if they leaked
    for built in slides:
        assert "illustrative" not in built.statuses, built.title
        assert built.mark(lang) is None and not built.watermark, built.title
    prs = Presentation(io.BytesIO(deck.write_pptx(slides, options)))
    marker, chip = EXAMPLE_WORDS[lang]
    for number, slide in enumerate(prs.slides, start=1):
        for name, text in _shapes_text(slide):
            assert name not in ("status-mark", "status-illustrative", "watermark"), number
            assert marker not in text, (number, name, text)
            assert chip not in text.split("\n"), (number, name, text)
            leaked = [s for s in sources if s in text]
            assert not leaked, (number, name, leaked)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_switch_brings_the_examples_back_each_slide_watermarked(
    pack_db: Path, lang: str
) -> None:
    options = _options(lang, illustrative=True)
    slides = deck.build_slides(pack_db, options)
    default = deck.build_slides(pack_db, _options(lang))
    assert len(slides) > len(default)
    assert any("illustrative" in s.statuses for s in slides)
    word = i18n.t("deck.watermark", lang)
    prs = Presentation(io.BytesIO(deck.write_pptx(slides, options)))
    for number, slide in enumerate(prs.slides, start=1):
        texts = dict(_shapes_text(slide))
        assert texts.get("watermark") == word, number
        assert word in texts["notes"], number


def test_the_pack_ends_with_what_is_still_being_collected(pack_db: Path) -> None:
    slides, omitted = deck.build(pack_db, _options())
    assert slides[-1].section == "collecting"
    assert set(omitted) >= {"programs", "obstacles", "collaboration", "targets", "creative"}
    rows = [r.cells for s in slides if s.section == "collecting" for r in s.table.rows]
    by_what = {cells[0]: cells[1:] for cells in rows}
    needs, offices, template = by_what["Program dan hasil"]
    assert "anggaran" in needs and "2021 dan 2023" in needs
    assert offices == "Dinas Koperasi dan UM, Disperindag, Disbudpar"
    assert template == "templat_programs.xlsx"
    # The workers figure is left out of the charts for want of a reported figure: named too.
    assert by_what["Tenaga kerja industri batik"][2] == "templat_observations.xlsx"
    # Every omitted section has a line (the commission's list is complete).
    names = {i18n.t(f"deck.section.{s}", "id") for s in omitted}
    assert names <= set(by_what)


def test_reported_program_figures_move_the_section_into_the_pack(tmp_path: Path) -> None:
    path = store.ensure_database(tmp_path / "batik.duckdb")
    before, omitted = deck.build(path, _options(sections=("programs", "sources")))
    assert "programs" in omitted
    records = [
        {"year": y, "program": "training", "agency": "Dinas Koperasi dan UM",
         "region": "blitar", "count": c, "budget_rp": b, "participants": p,
         "status": "dilaporkan", "source": "LKjIP Dinas Koperasi dan UM 2023"}
        for y, c, b, p in ((2021, 4, 100_000_000, 80), (2023, 6, 120_000_000, 120))
    ]  # fmt: skip
    number = upload(path, file_of("programs", *records))
    after, omitted = deck.build(path, _options(sections=("programs", "sources")))
    assert "programs" not in omitted
    shown = [s for s in after if s.section == "programs"]
    assert shown and all(set(s.statuses) == {"reported"} for s in shown)
    assert any("LKjIP Dinas Koperasi dan UM 2023" in s.sources for s in shown)
    changes.revert(path, number, editor="budi")
    assert "programs" in deck.build(path, _options(sections=("programs",)))[1]


def test_a_deck_for_2021_2023_neither_plots_nor_cites_a_later_upload(tmp_path: Path) -> None:
    path = store.ensure_database(tmp_path / "batik.duckdb")
    with duckdb.connect(str(path)) as con:
        con.execute(
            "INSERT INTO observation VALUES ('batik_competitiveness', 'blitar', 'batik', 2024,"
            " 89, NULL, NULL, 'reported', 'BPS Kota Blitar 2025', NULL, 'very_provisional')"
        )
    for illustrative in (False, True):
        slides = deck.build_slides(path, _options(illustrative=illustrative))
        for s in slides:
            texts = [s.title, s.finding, s.notes, *s.footnote, *s.sources]
            assert not any("BPS Kota Blitar 2025" in t for t in texts), s.title
            if s.chart is not None:
                data = s.chart.to_dict().get("datasets", {}).values()
                assert 2024 not in {row.get("year") for rows in data for row in rows}, s.title
    # A pack that asks for 2024 has it, with its BPS mark.
    slides = deck.build_slides(path, _options(start_year=2021, end_year=2024))
    assert any("BPS Kota Blitar 2025" in s.sources for s in slides)


def test_the_brief_holds_the_same_list_and_a_practice_brief_says_so(pack_db: Path) -> None:
    brief = brief_module.content.brief_content(pack_db, _options())
    assert [f.card.label for _, findings in brief.findings for f in findings] == [
        "Pendapatan pelaku usaha batik",
        "Skor daya saing produk batik",
    ]  # the study's two findings, nothing illustrative beside them
    slides, omitted = deck.build(pack_db, _options())
    listed = [r.cells[0] for s in slides if s.section == "collecting" for r in s.table.rows]
    assert [c.what for c in brief.collecting] == listed
    texts = brief_module.render(brief).texts
    assert i18n.t("brief.section.collecting", "id") in texts
    assert i18n.t("deck.watermark", "id") not in texts
    practice = brief_module.render(
        brief_module.content.brief_content(pack_db, _options(illustrative=True))
    )
    assert practice.texts[0] == i18n.t("deck.watermark", "id")


def test_hiding_shadows_every_status_table_and_only_inside_the_block(seeded_db: Path) -> None:
    counts = {t: store.row_count(seeded_db, t) for t in store.STATUS_TABLES}
    with store.hiding("illustrative"):
        assert store.hidden_statuses() == ("illustrative",)
        for table in store.STATUS_TABLES:
            statuses = set(store.read_table(seeded_db, table)["status"])
            assert "illustrative" not in statuses, table
        assert store.row_count(seeded_db, "program") == 0  # every seed program is an example
        income = store.observations(seeded_db, "batik_income_index", "blitar", "batik")
        assert income["year"].tolist() == [2021, 2023]
    assert store.hidden_statuses() == ()
    assert {t: store.row_count(seeded_db, t) for t in store.STATUS_TABLES} == counts
    with pytest.raises(ValueError):
        with store.hiding("made-up"):
            pass


def test_readiness_names_years_offices_and_templates(seeded_db: Path) -> None:
    ready = readiness.readiness(seeded_db, "id")
    rows = ready.rows.set_index("item")
    income = rows.loc["batik_income_index"]
    assert (income["reported"], income["illustrative"]) == ("2021, 2023", "")
    assert income["missing"] == "2022"  # the study reports no 2022 figure, none is invented
    assert income["section"] == "summary,charts,regions"
    workers = rows.loc["batik_workers"]
    assert (workers["reported"], workers["illustrative"], workers["missing"]) == (
        "",
        "2021–2023",
        "2021–2023",
    )
    program = rows.loc["program"]
    assert (program["template"], program["offices"]) == (
        "templat_programs.xlsx",
        "Dinas Koperasi dan UM, Disperindag, Disbudpar",
    )
    assert (ready.first, ready.last) == (2021, 2023)
    assert ready.complete == 0


def test_an_upload_moves_a_readiness_line_and_a_revert_moves_it_back(tmp_path: Path) -> None:
    path = store.ensure_database(tmp_path / "batik.duckdb")
    row = {"indicator": "batik_competitiveness", "region": "blitar", "sector": "batik",
           "year": 2022, "value": 71, "status": "dilaporkan",
           "source": "Disperindag Kabupaten Blitar, laporan 2022"}  # fmt: skip
    number = upload(path, file_of("observations", row))
    line = readiness.readiness(path, "id").rows.set_index("item").loc["batik_competitiveness"]
    assert (line["reported"], line["missing"]) == ("2021–2023", "")
    changes.revert(path, number, editor="budi")
    line = readiness.readiness(path, "id").rows.set_index("item").loc["batik_competitiveness"]
    assert (line["reported"], line["missing"]) == ("2021, 2023", "2022")


@pytest.mark.parametrize(
    ("omitted", "illustrative", "expected"),
    [
        ((), False, "11 dari 11 bagian yang dipilih siap dengan angka yang dilaporkan."),
        (("programs", "targets"), False, "9 dari 11 bagian yang dipilih siap"),
        (("programs",), True, "Paket latihan"),
    ],
)
def test_the_deck_page_says_how_ready_the_pack_is(omitted, illustrative, expected) -> None:
    text = deck.readiness_text(omitted, _options(illustrative=illustrative))
    assert text.startswith(expected)


def test_the_practice_switch_travels_in_the_link() -> None:
    for illustrative in (False, True):
        options = _options(illustrative=illustrative)
        again = deck.options_from_params(
            deck.options_to_params(options),
            region=options.region,
            start_year=2021,
            end_year=2023,
            lang="id",
            today=DATE,
        )
        assert again.illustrative is illustrative
    # Anything but an explicit '1' keeps the defended pack.
    for value in ("true", "ya", "", "2"):
        assert not deck.options_from_params(
            {"ilustratif": value}, region="blitar", start_year=2021, end_year=2023,
            lang="id", today=DATE,
        ).illustrative  # fmt: skip


def test_every_chart_finding_of_the_practice_pack_marks_its_illustrative_figures(
    pack_db: Path,
) -> None:
    # The workers' finding was '480 → 620 orang' from raw numbers, with no mark.
    slides = deck.build_slides(pack_db, _options(illustrative=True, sections=("charts",)))
    jobs = next(s for s in slides if s.title.startswith("Tenaga kerja industri batik"))
    assert jobs.finding.startswith("480 → 620 orang (ilustratif)")
    for s in slides:
        if s.section == "charts" and "illustrative" in s.statuses:
            assert "(ilustratif)" in s.finding, s.title
