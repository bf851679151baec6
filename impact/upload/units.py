"""Units and scales as tables write them, and how a table's figure becomes the registry's.

Publications put a table's unit in many places and many words: "(juta rupiah)" anywhere in
the title, "Satuan: orang", "(dalam jutaan rupiah)", "Rp 000", "(million rupiahs)",
"Unit: thousand persons", a ``Satuan`` column per row, or inside a row label ("PDRB industri
(juta Rp)"). :func:`parse` reads one such text into a :class:`Unit` (what is counted, at
which scale, per which period); :func:`found_in` finds every unit statement in a longer text
(a title). :func:`factor` says what a figure is multiplied by to be in the registered unit,
or that the two units cannot be the same thing (rupiah into a count of people).

Nothing is assumed: a text with no unit word gives None, and the caller asks the planner.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

# What a unit counts: a word (after normalising) -> kind. Two-word units first.
_KIND_PHRASES = {
    "unit usaha": "enterprises",
    "us dolar": "usd",
    "us dollar": "usd",
    "us dollars": "usd",
    "dolar as": "usd",
}
_KIND_WORDS = {
    "rupiah": "rupiah",
    "rupiahs": "rupiah",
    "rp": "rupiah",
    "idr": "rupiah",
    "us$": "usd",
    "usd": "usd",
    "dolar": "usd",
    "dollar": "usd",
    "dollars": "usd",
    "%": "percent",
    "persen": "percent",
    "percent": "percent",
    "percentage": "percent",
    "persentase": "percent",
    "orang": "people",
    "jiwa": "people",
    "persons": "people",
    "person": "people",
    "people": "people",
    "pekerja": "people",
    "workers": "people",
    "usaha": "enterprises",
    "unit": "enterprises",
    "units": "enterprises",
    "perusahaan": "enterprises",
    "enterprises": "enterprises",
    "establishments": "enterprises",
    "ikm": "enterprises",
    "sentra": "centres",
    "centres": "centres",
    "centers": "centres",
    "indeks": "index",
    "index": "index",
    "poin": "index",
    "points": "index",
}
# Multiples, in Indonesian and English ('jutaan' as in "dalam jutaan rupiah").
_SCALE_WORDS = {
    "ribu": 3,
    "ribuan": 3,
    "rb": 3,
    "thousand": 3,
    "thousands": 3,
    "juta": 6,
    "jutaan": 6,
    "jt": 6,
    "million": 6,
    "millions": 6,
    "miliar": 9,
    "milyar": 9,
    "miliaran": 9,
    "milyaran": 9,
    "billion": 9,
    "billions": 9,
    "triliun": 12,
    "trilyun": 12,
    "trillion": 12,
    "trillions": 12,
}
_PERIODS = {
    "bulan": "month",
    "sebulan": "month",
    "month": "month",
    "monthly": "month",
    "tahun": "year",
    "setahun": "year",
    "year": "year",
    "annual": "year",
    "yearly": "year",
}
# 'Rp 000' (thousands), 'Rp 000.000' / 'Rp 000 000' (millions), '000 Rp'.
_ZEROS = re.compile(
    r"(?:rp\.?|idr)\s*((?:000)(?:[.,\s]?000)*)\b|\b((?:000)(?:[.,\s]?000)*)\s*(?:rp|idr)\b"
)
_BRACKETED = re.compile(r"\(([^()]{1,60})\)")
# 'Satuan: orang', 'Satuan/Unit: juta rupiah'; 'dalam jutaan rupiah', 'in million rupiahs'.
_LABELLED = re.compile(
    r"\b(?:satuan|unit)(?:\s*/\s*(?:satuan|unit))?\s*[:.]\s*([^,;()]{1,60})", re.I
)
_IN = re.compile(r"\b(?:dalam|in)\s+([^,;()]{1,60})", re.IGNORECASE)


@dataclass(frozen=True)
class Unit:
    """One unit statement: the text as written, what it counts (None: only a scale was
    given, as in "(dalam ribuan)"), the power of ten it is written in, and the period
    ("month" / "year") when it names one."""

    text: str
    kind: str | None
    power: int = 0
    period: str | None = None

    def agrees(self, other: Unit) -> bool:
        """Whether two statements can describe the same figures (same scale; kinds and
        periods equal where both give one)."""
        return (
            self.power == other.power
            and (self.kind is None or other.kind is None or self.kind == other.kind)
            and (self.period is None or other.period is None or self.period == other.period)
        )

    def merged(self, other: Unit) -> Unit:
        """Two agreeing statements as one: the one that says what is counted."""
        return self if self.kind is not None or other.kind is None else other


def _words(text: str) -> str:
    """Lower case, accents dropped, punctuation (but '%' and '$') as spaces."""
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode().lower()
    return " ".join(re.sub(r"[^a-z0-9%$]+", " ", text.replace("us$", " us$ ")).split())


def parse(text: object) -> Unit | None:
    """A unit text read: 'juta rupiah' -> rupiah at 10^6; 'Rp 000' -> rupiah at 10^3;
    'thousand persons' -> people at 10^3; 'persen' -> percent; 'Rp per bulan' -> rupiah per
    month. None when the text names neither a unit nor a scale."""
    raw = str(text or "").strip()
    if not raw:
        return None
    lowered = unicodedata.normalize("NFKD", raw).encode("ascii", "ignore").decode().lower()
    power = 0
    zeros = _ZEROS.search(lowered)
    if zeros:
        power = 3 * len(re.findall("000", zeros.group(1) or zeros.group(2)))
    words = _words(raw)
    tokens = words.split()
    kind = next((k for p, k in _KIND_PHRASES.items() if f" {p} " in f" {words} "), None)
    kind = kind or next((_KIND_WORDS[t] for t in tokens if t in _KIND_WORDS), None)
    if kind is None and "$" in raw:
        kind = "usd"
    scales = [_SCALE_WORDS[t] for t in tokens if t in _SCALE_WORDS]
    power = power or (scales[0] if scales else 0)
    period = None
    for position, token in enumerate(tokens):
        before = tokens[position - 1] if position else ""
        if token in _PERIODS and (before in ("per", "setiap", "a", "each") or token != "tahun"):
            period = _PERIODS[token]
    if "/bulan" in lowered.replace(" ", "") or "/month" in lowered.replace(" ", ""):
        period = "month"
    if kind is None and not power:
        return None
    return Unit(raw, kind, power, period)


def found_in(text: str) -> list[Unit]:
    """Every unit statement in a longer text such as a title: each bracketed part
    ("(juta rupiah)", anywhere, not only at the end) and each "Satuan: ..." / "dalam ..." /
    "in ..." phrase. The text's other words are not read as a unit (a title about "Unit
    Usaha Batik" states no unit)."""
    found: list[Unit] = []
    for part in _BRACKETED.findall(text or ""):
        unit = parse(part)
        if unit:
            found.append(unit)
    plain = re.sub(r"\([^()]*\)", " ", text or "")
    for part in _LABELLED.findall(plain):
        unit = parse(part)
        if unit:
            found.append(unit)
    for part in _IN.findall(plain):
        unit = parse(part)
        # "dalam" / "in" also begin ordinary phrases ("pekerja dalam unit usaha"): only a
        # scale or money after them is a unit statement.
        if unit and (unit.power or unit.kind in ("rupiah", "usd", "percent")):
            found.append(unit)
    return found


def factor(given: Unit, registered: Unit | None) -> Decimal | None:
    """What a figure in ``given`` is multiplied by to be in ``registered``: 1,000,000 for
    'juta rupiah' into 'Rp'; None when they cannot be the same thing (rupiah into a count of
    people, a monthly figure into a yearly one)."""
    if registered is None:
        return Decimal(10) ** given.power
    if given.kind is not None and registered.kind is not None and given.kind != registered.kind:
        return None
    if given.period and registered.period and given.period != registered.period:
        return None
    return Decimal(10) ** (given.power - registered.power)


def scaled_text(power: int, registered: str, lang: str = "id") -> str:
    """The registered unit at a scale, as an option reads: (6, 'Rp') -> 'juta Rp'."""
    words = {
        "id": {0: "", 3: "ribu", 6: "juta", 9: "miliar", 12: "triliun"},
        "en": {0: "", 3: "thousand", 6: "million", 9: "billion", 12: "trillion"},
    }[lang if lang == "en" else "id"]
    return f"{words[power]} {registered}".strip()


OPTION_POWERS = {  # the scales offered when the planner is asked, per kind
    "rupiah": (0, 3, 6, 9, 12),
    "usd": (0, 3, 6, 9),
    "people": (0, 3),
    "enterprises": (0, 3),
    "centres": (0,),
    "percent": (0,),
    "index": (0,),
}
