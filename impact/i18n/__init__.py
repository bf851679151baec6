"""One text catalogue (Bahasa Indonesia first, English) behind one function, and number formatting.

Domain code returns codes and numbers; this package turns them into words. The catalogue is
split by area (:mod:`.common`, :mod:`.pages`, :mod:`.upload`, :mod:`.issues`, :mod:`.deck`,
:mod:`.cli`), merged in :mod:`.catalogue`; :func:`t` is the one way to a sentence and raises
on an unknown key, so a raw key can never leak onto a page (tests check that every key is
used, and that both languages have the same placeholders).
Numbers (:mod:`.numbers`) follow PUEBI in Indonesian: thousands ``.``, decimals ``,``,
``Rp1.250.000``, ``54,5%``.
"""

from __future__ import annotations

from impact.i18n.catalogue import (
    DEFAULT_LANG,
    LANGS,
    TEXTS,
    UnknownTextError,
    label,
    normalize_lang,
    t,
    template,
)
from impact.i18n.data_texts import data_text
from impact.i18n.numbers import (
    chart_locale,
    describe_change,
    format_date,
    format_number,
    format_percent,
    format_points,
    format_range,
    format_rupiah,
    published_decimals,
    round_half_away,
)

__all__ = [
    "DEFAULT_LANG",
    "LANGS",
    "TEXTS",
    "UnknownTextError",
    "chart_locale",
    "data_text",
    "describe_change",
    "format_date",
    "format_number",
    "format_percent",
    "format_points",
    "format_range",
    "format_rupiah",
    "label",
    "normalize_lang",
    "published_decimals",
    "round_half_away",
    "t",
    "template",
]
