"""The uploadable datasets: their columns (Indonesian and English headers), types and keys.

One declaration per dataset drives the templates, the header matching, the validation and
the write, so the four stay in step.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Column types. "code:<list>" columns hold a code (or a name) from a vocabulary list.
YEAR, NUMBER, INTEGER, TEXT = "year", "number", "integer", "text"
INTEGER_MAX = 2_147_483_647  # whole numbers are stored in 32-bit INTEGER columns


@dataclass(frozen=True)
class Column:
    """One column: its database name, template header (id), English header and rules.

    ``low``/``high`` bound numeric values (inclusive); None means unbounded.
    """

    name: str
    header_id: str
    header_en: str
    type: str
    required: bool = True
    low: float | None = None
    high: float | None = None
    max_length: int = 500

    def header(self, lang: str) -> str:
        return self.header_en if lang == "en" else self.header_id

    @property
    def upper(self) -> float | None:
        """The highest value accepted: ``high``, or for whole numbers the most the store's
        INTEGER column holds (a larger count would pass the check and fail the write)."""
        if self.high is not None:
            return self.high
        return INTEGER_MAX if self.type == INTEGER else None


@dataclass(frozen=True)
class Dataset:
    """A table planners upload to. ``key`` columns identify a row (the table's primary key)."""

    code: str
    table: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    # Columns replaced together: a file that gives one of them gives all (a new value
    # without its low/high must not keep an old reported range).
    together: tuple[tuple[str, ...], ...] = ()

    def given_columns(self, present: set[str]) -> set[str]:
        """The columns an upload sets, given the ones its file has; the rest keep old values."""
        given = set(present)
        for group in self.together:
            if given & set(group):
                given |= set(group)
        return given

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)

    @property
    def required(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.required)


_STATUS = Column("status", "status", "status", "code:status")
_SOURCE = Column("source", "sumber", "source", TEXT)
_YEAR = Column("year", "tahun", "year", YEAR)

DATASETS: dict[str, Dataset] = {
    d.code: d
    for d in (
        Dataset(
            "observations",
            "observation",
            (
                Column("indicator", "indikator", "indicator", "code:indicator"),
                Column("region", "wilayah", "region", "code:region"),
                Column("sector", "sektor", "sector", "code:sector"),
                _YEAR,
                Column("value", "nilai", "value", NUMBER),
                Column("low", "batas_bawah", "low", NUMBER, required=False),
                Column("high", "batas_atas", "high", NUMBER, required=False),
                _STATUS,
                _SOURCE,
                Column("note", "catatan", "note", TEXT, required=False),
                # A BPS mark ('*', '**', 'r' or their words); blank for a final figure.
                Column("mark", "tanda", "mark", "code:mark", required=False),
            ),
            ("indicator", "region", "sector", "year"),
            # A new value clears an old mark: a final figure replaces a provisional one.
            together=(("value", "low", "high", "mark"),),
        ),
        Dataset(
            "obstacles",
            "obstacle",
            (
                Column("item", "hambatan", "obstacle", "code:obstacle"),
                _YEAR,
                Column("severity", "keparahan", "severity", INTEGER, low=1, high=5),
                _STATUS,
                _SOURCE,
                Column("note", "catatan", "note", TEXT, required=False),
            ),
            ("item", "year"),
        ),
        Dataset(
            "collaboration",
            "collaboration",
            (
                _YEAR,
                Column("actor", "aktor", "actor", "code:actor"),
                Column("element", "elemen", "element", "code:element"),
                Column("score", "skor", "score", NUMBER, low=1, high=5),
                _STATUS,
                _SOURCE,
                Column("evidence_id", "bukti", "evidence", TEXT, required=False, max_length=2000),
                Column(
                    "evidence_en", "bukti_en", "evidence_en", TEXT, required=False, max_length=2000
                ),
            ),
            ("year", "actor", "element"),
        ),
        Dataset(
            "programs",
            "program",
            (
                _YEAR,
                Column("program", "program", "program", "code:program"),
                Column("agency", "dinas", "agency", TEXT, max_length=200),
                Column("region", "wilayah", "region", "code:region"),
                Column("count", "jumlah", "count", INTEGER, required=False, low=0),
                Column("budget_rp", "anggaran_rp", "budget_rp", NUMBER, required=False, low=0),
                Column("participants", "peserta", "participants", INTEGER, required=False, low=0),
                _STATUS,
                _SOURCE,
                Column("note", "catatan", "note", TEXT, required=False),
            ),
            ("year", "program", "agency", "region"),
        ),
        Dataset(
            "targets",
            "indicator_target",
            (
                Column("indicator", "indikator", "indicator", "code:indicator"),
                Column("region", "wilayah", "region", "code:region"),
                Column("sector", "sektor", "sector", "code:sector"),
                _YEAR,
                Column("target", "target", "target", NUMBER),
                Column("direction", "arah", "direction", "code:direction"),
                _STATUS,
                Column("source", "dokumen_target", "target_document", TEXT),
                Column("note", "catatan", "note", TEXT, required=False),
            ),
            ("indicator", "region", "sector", "year"),
        ),
        Dataset(
            "enterprises",
            "enterprise_record",
            (
                Column("enterprise_id", "id_usaha", "enterprise_id", TEXT, max_length=64),
                _YEAR,
                Column("region", "wilayah", "region", "code:region"),
                Column("sector", "sektor", "sector", "code:sector"),
                Column("size_class", "skala", "size_class", "code:size"),
                # The owner's gender (P/L), optional: blank means not recorded, never guessed.
                Column(
                    "owner_gender",
                    "jenis_kelamin_pemilik",
                    "owner_gender",
                    "code:gender",
                    required=False,
                ),
                Column("income", "pendapatan_rp", "income_rp", NUMBER, low=0),
                Column("workers", "pekerja", "workers", INTEGER, required=False, low=0),
                Column("output", "output_rp", "output_rp", NUMBER, required=False, low=0),
                Column("programs", "program", "programs", "codes:program", required=False),
                _STATUS,
                _SOURCE,
            ),
            ("enterprise_id", "year"),
        ),
    )
}


def normalize_header(text: object) -> str:
    """'Batas Bawah ' -> 'batas_bawah'; 'Anggaran (Rp)' -> 'anggaran_rp'; accents dropped."""
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def header_map(dataset: Dataset) -> dict[str, str]:
    """Every accepted header (normalized) -> the column name it stands for."""
    mapping: dict[str, str] = {}
    for column in dataset.columns:
        for header in (column.name, column.header_id, column.header_en):
            mapping[normalize_header(header)] = column.name
    return mapping


def detect_dataset(headers: list[str]) -> Dataset | None:
    """The dataset whose required columns the headers cover best (all of them), else None."""
    normalized = {normalize_header(h) for h in headers}
    best, best_score = None, 0
    for dataset in DATASETS.values():
        mapping = header_map(dataset)
        covered = {mapping[h] for h in normalized if h in mapping}
        if all(c.name in covered for c in dataset.required) and len(covered) > best_score:
            best, best_score = dataset, len(covered)
    return best


def closest_dataset(headers: list[str]) -> Dataset | None:
    """The dataset whose required columns the headers cover most, if at least half of them.

    For a file that misses a required column: better to say which column is missing from
    the template it nearly matches than that it matches no template.
    """
    normalized = {normalize_header(h) for h in headers}
    best, best_share = None, 0.5
    for dataset in DATASETS.values():
        mapping = header_map(dataset)
        covered = {mapping[h] for h in normalized if h in mapping}
        share = sum(c.name in covered for c in dataset.required) / len(dataset.required)
        if share >= best_share and (best is None or share > best_share):
            best, best_share = dataset, share
    return best
