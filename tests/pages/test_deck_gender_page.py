"""The hearing pack page names the women-and-men section as left out, with what would fill
it, until enterprise records carry the owner's gender; then it is in the deck."""

from __future__ import annotations

import re

import pytest

from tests.pages.apptest import open_page
from tests.synthetic_data import load_synthetic

WORDS = {
    "id": "Perempuan dan laki-laki (perlu catatan per unit usaha 2021 dan 2023 dengan kolom "
    "jenis_kelamin_pemilik terisi)",
    "en": "Women and men (needs enterprise records for 2021 and 2023 with the owner's gender, "
    "jenis_kelamin_pemilik, filled in)",
}


def _warnings(at) -> str:
    return " ".join(re.sub(r"\\(.)", r"\1", w.value) for w in at.warning)  # escapes removed


@pytest.mark.parametrize("lang", ["id", "en"])
def test_without_gender_the_section_is_named_as_left_out(app_db, lang) -> None:
    load_synthetic(app_db, enterprises=40, gender=False)
    at = open_page("pages/deck.py", lang, dari="2021", ke="2023")
    assert WORDS[lang] in _warnings(at)


def test_with_gender_the_section_is_in_the_deck(app_db) -> None:
    load_synthetic(app_db, enterprises=40)  # illustrative records: the practice pack shows them
    at = open_page("pages/deck.py", "id", dari="2021", ke="2023", ilustratif="1")
    assert "Perempuan dan laki-laki" not in _warnings(at)
    # the seed data's practice pack (22 slides, test_deck_pages.py) with the gender slide in
    # place of its last one, which listed the gender section as still being collected
    assert at.expander[0].label == "Isi paparan: 22 slide"
    assert "Data yang masih dikumpulkan" not in at.expander[0].markdown[0].value
    assert "Pertumbuhan median 2021–2023 menurut jenis kelamin pemilik" in (
        at.expander[0].markdown[0].value
    )
