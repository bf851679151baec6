"""Synthetic enterprise records for tests, demos and benchmarks: seeded, and labelled as such.

Every row has status 'illustrative' and a source naming this generator and its seed, so a
synthetic figure can never pass for a reported one. The shape is plausible for Blitar's batik
houses: mostly micro enterprises, incomes log-normal, program participants growing a little
faster on average, with wide spread (the study: benefits do not reach small artisans evenly).
The owner's gender (P/L) is drawn apart (its own random stream, so the other columns stay as
they were): more women among micro owners, and some records without it (not recorded).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

SOURCE = "Data sintetis (impact.synthetic, seed {seed}), bukan data resmi"
SIZES = np.array(["micro", "small", "medium"])
REGIONS = np.array(["kota_blitar", "kab_blitar"])
PROGRAMS = np.array(
    ["training", "exhibition", "ip_registration", "halal_certification", "digital_promotion"]
)


WOMEN_SHARE = {"micro": 0.6, "small": 0.45, "medium": 0.3}  # of owners, by size (made up)
GENDER_RECORDED = 0.85  # share of enterprises whose owner's gender is recorded (made up)


def enterprise_records(
    enterprises: int = 500,
    years: range | list[int] = range(2021, 2024),
    seed: int = 7,
    *,
    gender: bool = True,
) -> pd.DataFrame:
    """A frame in the upload template's columns (Indonesian headers), one row per enterprise
    per year. Deterministic for a given seed. ``gender=False`` leaves out the optional
    owner's gender column (a file as planners made them before it existed)."""
    rng = np.random.default_rng(seed)
    years = list(years)
    size = rng.choice(SIZES, enterprises, p=[0.75, 0.2, 0.05])
    base = {"micro": 2.5e6, "small": 9e6, "medium": 40e6}
    income0 = np.array([base[s] for s in size]) * rng.lognormal(0, 0.45, enterprises) * 12
    region = rng.choice(REGIONS, enterprises, p=[0.35, 0.65])
    joins = rng.random(enterprises) < np.where(size == "micro", 0.3, 0.55)  # small ones join less
    yearly = rng.normal(0.10, 0.12, (enterprises, len(years))) + np.where(joins, 0.06, 0)[:, None]
    yearly[:, 0] = 0
    income = income0[:, None] * np.cumprod(1 + np.clip(yearly, -0.6, 1.5), axis=1)
    owner = _owner_gender(size, seed)
    frames = []
    for j, year in enumerate(years):
        joined = joins & (rng.random(enterprises) < 0.6)
        program = np.where(joined, rng.choice(PROGRAMS, enterprises), "")
        workers = np.maximum(1, np.round(income[:, j] / 1.8e7 * rng.uniform(0.7, 1.3, enterprises)))
        frames.append(
            pd.DataFrame(
                {
                    "id_usaha": [f"U{seed:02d}-{i:06d}" for i in range(enterprises)],
                    "tahun": year,
                    "wilayah": region,
                    "sektor": "batik",
                    "skala": size,
                    "pendapatan_rp": np.round(income[:, j], -3),
                    "pekerja": workers.astype(int),
                    "output_rp": np.round(income[:, j] * rng.uniform(1.6, 2.4, enterprises), -3),
                    "program": program,
                    "status": "illustrative",
                    "sumber": SOURCE.format(seed=seed),
                }
            )
        )
    out = pd.concat(frames, ignore_index=True)
    if gender:
        out.insert(
            out.columns.get_loc("skala") + 1, "jenis_kelamin_pemilik", np.tile(owner, len(years))
        )
    return out


def _owner_gender(size: np.ndarray, seed: int) -> np.ndarray:
    """'P', 'L' or '' (not recorded) per enterprise, from a stream of its own."""
    rng = np.random.default_rng([seed, 2])
    women = rng.random(len(size)) < np.array([WOMEN_SHARE[s] for s in size])
    recorded = rng.random(len(size)) < GENDER_RECORDED
    return np.where(recorded, np.where(women, "P", "L"), "")


def write_csv(path: Path | str, enterprises: int, years: range | list[int], seed: int = 7) -> Path:
    """Write records as a CSV upload file (UTF-8, ',' and '.'); returns the path."""
    path = Path(path)
    enterprise_records(enterprises, years, seed).to_csv(path, index=False)
    return path
