"""Numbers as the language writes them: Indonesian (PUEBI) ``1.250.000``, ``54,5%``, ``Rp50.000``;
English ``1,250,000``. Babel does the digits; the d3 locale for charts is here too.
"""

from __future__ import annotations

import datetime as dt
import math
from decimal import ROUND_HALF_UP, Decimal

from babel.dates import format_date as _babel_date
from babel.numbers import format_decimal

from impact.growth import Range
from impact.i18n.catalogue import t

_LOCALES = {"id": "id_ID", "en": "en_US"}


def _lang(lang: str | None) -> str:
    return "en" if lang == "en" else "id"


def _t(key: str, lang: str) -> str:
    return t(key, lang)


def _pattern(decimals: int, fixed: bool) -> str:
    # '#,##0.#' drops a trailing zero (50 -> '50', 54.545 -> '54,5'); fixed keeps it ('50,0').
    return "#,##0" + ("." + ("0" if fixed else "#") * decimals if decimals > 0 else "")


def round_half_away(x: float, decimals: int = 0) -> Decimal:
    """``x`` rounded half away from zero, the product's one rounding rule (32.5 -> 33,
    -2.5 -> -3, 0.125 -> 0.13 at 2 decimals). The number is taken as Python writes it
    (``repr``), so 2.45 rounds to 2.5 as a planner expects, not to 2.4 as its binary
    neighbour would. Returns a Decimal (exact); ``float()`` it for arithmetic."""
    return Decimal(repr(float(x))).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


PUBLISHED_MAX_DECIMALS = 2  # BPS publishes rates and shares to two decimals (7,28%; CPI 5,51)


def published_decimals(x: float, default: int, cap: int = PUBLISHED_MAX_DECIMALS) -> int:
    """How many decimals to write a *reported benchmark* with, so it reads as published.

    The rule, one for the product: the decimals of the stored value as Python writes it
    (7.28 -> 2, 5.51 -> 2, 1.5 -> 1; trailing zeros do not count, 7.0 -> 0), never fewer than
    ``default`` (the product's own precision for that kind of figure, e.g. 1 for a percent)
    and never more than ``cap`` (2: a published rate has at most two; further digits are
    storage or arithmetic, not publication). A figure of our own (a region's value, a change)
    keeps ``default``: this is only for figures quoted from a publisher."""
    exponent = Decimal(repr(float(x))).normalize().as_tuple().exponent
    stored = max(0, -int(exponent)) if isinstance(exponent, int) else default
    return min(max(stored, default), max(cap, default))


def format_number(
    x: float | None, lang: str, decimals: int = 1, signed: bool = False, fixed: bool = False
) -> str:
    """1234.5 -> '1.234,5' (id) / '1,234.5' (en); a missing value -> an en dash.

    Rounds half away from zero (:func:`round_half_away`) before Babel writes the digits
    (Babel alone rounds half to even: 32.5 would print 32 beside a card saying 32,5).
    """
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    rounded = round_half_away(float(x), decimals)
    if rounded == 0:
        rounded = abs(rounded)  # never '−0'
    pattern = _pattern(decimals, fixed)
    text = format_decimal(rounded, format=pattern, locale=_LOCALES[_lang(lang)])
    if signed and rounded > 0:
        text = "+" + text
    return text.replace("-", "−")


def format_percent(x: float | None, lang: str, decimals: int = 1, signed: bool = False) -> str:
    """A value already in percent units: 54.545 -> '54,5%'."""
    text = format_number(x, lang, decimals, signed)
    return text if text == "–" else text + "%"


def format_points(x: float | None, lang: str, decimals: int = 1, signed: bool = True) -> str:
    """A percentage-point change: 30 -> '+30 poin persen'."""
    return f"{format_number(x, lang, decimals, signed)} {_t('unit.pp', lang)}"


def format_rupiah(x: float | None, lang: str) -> str:
    """Whole rupiah, PUEBI style: 1250000 -> 'Rp1.250.000'."""
    text = format_number(x, lang, 0)
    return text if text == "–" else "Rp" + text


def format_range(
    r: Range, lang: str, unit: str = "", decimals: int = 1, signed: bool = False
) -> str:
    """A range with its unit once: '50–70%'; a point range prints as one value.

    When the range crosses zero the words 's.d.'/'to' replace the dash so a minus sign
    never sits beside the dash.
    """
    # Both ends with the same number of decimals ('38,6–57,0%'), none if both are whole.
    fixed = any(round_half_away(v, decimals) != round_half_away(v) for v in (r.low, r.high))
    low = format_number(r.low, lang, decimals, signed, fixed)
    if r.is_point or low == format_number(r.high, lang, decimals, signed, fixed):
        return low + unit
    high = format_number(r.high, lang, decimals, signed and r.low < 0, fixed)
    if r.low < 0:
        return f"{low}{unit} {_t('range.to', lang)} {high}{unit}"
    return f"{low}–{high}{unit}"


def describe_change(r: Range, lang: str, unit: str = "%", decimals: int = 0) -> tuple[str, str]:
    """(verb, magnitude) for a finding title: (naik, '50–70%'), (turun, '5%'), or, when the
    range spans zero, (berubah, '−5% s.d. +10%'). The verb carries the sign, so the number
    never reads 'naik −5%'."""
    if r.low >= 0:
        return _t("verb.up", lang), format_range(r, lang, unit, decimals)
    if r.high <= 0:
        return _t("verb.down", lang), format_range(Range(-r.high, -r.low), lang, unit, decimals)
    return _t("verb.mixed", lang), format_range(r, lang, unit, decimals, signed=True)


def chart_locale(lang: str) -> dict:
    """d3 number locale for Vega-Lite's ``config.locale`` (d3 has no 'id-ID' by name).

    English keeps the rupiah sign too, so a '$' format never shows dollars.
    """
    if _lang(lang) == "id":
        return {
            "number": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["Rp", ""]}
        }
    return {"number": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["Rp", ""]}}


def format_date(date: dt.date, lang: str) -> str:
    """'3 Desember 2026' (id) / 'December 3, 2026' (en)."""
    return _babel_date(date, format="long", locale=_LOCALES[_lang(lang)])
