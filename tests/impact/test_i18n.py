"""Texts and Indonesian number formats."""

from __future__ import annotations

import re
import string

import pytest

from impact import i18n
from impact.growth import Range


@pytest.mark.parametrize(
    ("func", "args", "expected"),
    [
        (i18n.format_rupiah, (1_250_000, "id"), "Rp1.250.000"),
        (i18n.format_rupiah, (1_250_000, "en"), "Rp1,250,000"),
        (i18n.format_percent, (54.545, "id"), "54,5%"),
        (i18n.format_percent, (54.545, "en"), "54.5%"),
        (i18n.format_percent, (50.0, "id"), "50%"),
        (i18n.format_number, (1234.5, "id"), "1.234,5"),
        (i18n.format_number, (-3.25, "id", 1), "−3,3"),  # half away from zero
        (i18n.format_number, (float("nan"), "id"), "–"),
        (i18n.format_points, (30, "id", 0), "+30 poin persen"),
        (i18n.format_points, (30, "en", 0), "+30 percentage points"),
    ],
)
def test_formats(func, args, expected) -> None:
    assert func(*args) == expected


@pytest.mark.parametrize(
    ("r", "lang", "signed", "expected"),
    [
        (Range(50, 70), "id", True, "+50–70%"),
        (Range(22.4745, 30.384), "id", False, "22,5–30,4%"),
        (Range(22.4745, 30.384), "en", False, "22.5–30.4%"),
        (Range(54.545, 54.545), "id", True, "+54,5%"),
        (Range(-5, 10), "id", True, "−5% s.d. +10%"),
    ],
)
def test_ranges(r, lang, signed, expected) -> None:
    assert i18n.format_range(r, lang, "%", 1, signed) == expected


def test_every_text_exists_in_both_languages_with_the_same_placeholders() -> None:
    fields = string.Formatter()
    for key, (id_text, en_text) in i18n.TEXTS.items():
        assert id_text.strip() and en_text.strip(), key
        id_fields = {f for _, f, _, _ in fields.parse(id_text) if f}
        en_fields = {f for _, f, _, _ in fields.parse(en_text) if f}
        assert id_fields == en_fields, key


def test_unknown_keys_raise_instead_of_leaking() -> None:
    with pytest.raises(i18n.UnknownTextError):
        i18n.t("no.such.key", "id")


def test_default_language_is_indonesian() -> None:
    assert i18n.normalize_lang(None) == "id"
    assert i18n.normalize_lang("fr") == "id"
    assert i18n.t("status.reported", "xx") == "Dilaporkan"


def test_chart_locale_uses_indonesian_separators() -> None:
    number = i18n.chart_locale("id")["number"]
    assert (number["decimal"], number["thousands"], number["currency"]) == (",", ".", ["Rp", ""])
    assert re.fullmatch(r"\.", i18n.chart_locale("en")["number"]["decimal"])


def test_range_ends_share_their_decimals() -> None:
    assert i18n.format_range(Range(38.55, 57.02), "id", "%", 1, True) == "+38,6–57,0%"


@pytest.mark.parametrize(
    ("r", "lang", "expected"),
    [
        (Range(50, 70), "id", ("naik", "50–70%")),
        (Range(-8, -5), "id", ("turun", "5–8%")),
        (Range(-5, 10), "en", ("changed", "−5% to +10%")),
        (Range(30, 30), "en", ("rose", "30%")),
    ],
)
def test_describe_change_puts_the_sign_in_the_verb(r, lang, expected) -> None:
    assert i18n.describe_change(r, lang) == expected


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [(32.5, 0, "+33"), (-2.5, 0, "−3"), (0.125, 2, "+0,13"), (2.45, 1, "+2,5"), (0.5, 0, "+1"),
     (87.5 - 55, 0, "+33"), (-0.04, 1, "0"), (54.545, 1, "+54,5")],
)  # fmt: skip
def test_one_rounding_rule_half_away_from_zero(value: float, decimals: int, expected: str) -> None:
    # Babel alone rounds half to even (32.5 -> 32): a title said +32 beside a card's +32,5.
    assert i18n.format_number(value, "id", decimals, signed=True) == expected


def test_a_point_change_reads_the_same_whole_and_at_one_decimal() -> None:
    points = Range.point(87.5 - 55)
    assert i18n.format_range(points, "id", " poin persen", 0, True) == "+33 poin persen"
    assert i18n.format_range(points, "id", " poin persen", 1, True) == "+32,5 poin persen"
