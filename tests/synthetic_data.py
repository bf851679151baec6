"""Load synthetic enterprise records into a test database the way a planner's upload would."""

from __future__ import annotations

from pathlib import Path

from impact import synthetic, upload
from impact.upload import checks, ingest


def load_synthetic(
    db: Path, enterprises: int = 300, seed: int = 11, *, gender: bool = True
) -> None:
    """Synthetic records (status illustrative) through read -> validate -> preview -> commit;
    ``gender=False``: without the owner's gender column."""
    data = (
        synthetic.enterprise_records(enterprises, [2021, 2022, 2023], seed=seed, gender=gender)
        .to_csv(index=False)
        .encode()
    )
    checked = checks.check_grid(ingest.read_grid(data, "sintetis.csv"), upload.load_vocabulary(db))
    assert checked.ok, checked.issues[:3]
    upload.commit(
        db,
        checked,
        upload.preview(db, checked),
        editor="uji",
        filename="sintetis.csv",
        sha256=ingest.sha256_hex(data),
    )
