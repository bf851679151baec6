"""Upload templates (CSV and XLSX) generated from the dataset declarations.

The committed files in ``data/templates/`` are this module's output; a test regenerates them
and fails if they drift from the declarations.
"""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd

from impact import store
from impact.upload.datasets import DATASETS, Dataset

TEMPLATE_DIR = store.DEFAULT_DATA_DIR / "templates"

_TYPE_WORDS = {
    "year": "tahun bulat, misalnya 2024",
    "number": "angka; boleh 1.250.000, 54,5 atau Rp1.250.000",
    "integer": "bilangan bulat",
    "text": "teks",
    "code:indicator": "kode indikator (lihat halaman Sumber & Metodologi)",
    "code:region": "blitar, kota_blitar, kab_blitar, jatim, indonesia (atau namanya)",
    "code:sector": "kode sektor, misalnya batik",
    "code:obstacle": "kode hambatan, misalnya budget_cuts",
    "code:program": "training, exhibition, ip_registration, halal_certification, digital_promotion",
    "code:status": "dilaporkan, estimasi atau ilustratif",
    "code:mark": "tanda BPS: * sementara, ** sangat sementara, r perbaikan; kosong bila angka tetap",
    "code:actor": "pemerintah, asosiasi atau pelaku usaha",
    "code:size": "mikro, kecil atau menengah",
    "codes:program": "kode program yang diikuti, dipisah titik koma (;), boleh kosong",
    "code:element": "dialog tatap muka, kepercayaan, komitmen, pemahaman bersama, hasil sementara",
}


def header_frame(dataset: Dataset) -> pd.DataFrame:
    """An empty table with the dataset's Indonesian headers."""
    return pd.DataFrame(columns=[c.header_id for c in dataset.columns])


def guide_frame(dataset: Dataset) -> pd.DataFrame:
    """One line per column: header (id/en), required, what to write."""
    return pd.DataFrame(
        {
            "kolom": [c.header_id for c in dataset.columns],
            "column (English)": [c.header_en for c in dataset.columns],
            "wajib": ["ya" if c.required else "tidak" for c in dataset.columns],
            "isi": [
                _TYPE_WORDS[c.type]
                + (f"; {c.low:g}–{c.high:g}" if c.low is not None and c.high is not None else "")
                + ("; tidak negatif" if c.low == 0 and c.high is None else "")
                for c in dataset.columns
            ],
        }
    )


def csv_bytes(dataset: Dataset) -> bytes:
    return header_frame(dataset).to_csv(index=False).encode("utf-8")


def xlsx_bytes(dataset: Dataset) -> bytes:
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        header_frame(dataset).to_excel(writer, index=False, sheet_name="data")
        guide_frame(dataset).to_excel(writer, index=False, sheet_name="petunjuk")
    return buffer.getvalue()


def write_templates(directory: Path = TEMPLATE_DIR) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for code, dataset in DATASETS.items():
        for suffix, data in (("csv", csv_bytes(dataset)), ("xlsx", xlsx_bytes(dataset))):
            target = directory / f"{code}.{suffix}"
            target.write_bytes(data)
            written.append(target)
    return written
