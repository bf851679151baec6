"""LibreOffice Calc, headless, as a planner's office suite opens and saves our files: a CSV
imported with chosen filter options (separator, id-ID, formulas evaluated), a workbook
re-saved. Shared by the download tests (tests/impact/test_export.py, the current-data round
trip in tests/impact/test_current_template.py)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

import pytest

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
TIMEOUT = 180  # seconds; a conversion takes 1-3 s, the first of a profile longer


def _has_calc() -> bool:
    """LibreOffice with its spreadsheet part (Debian splits it into libreoffice-calc)."""
    if SOFFICE is None:
        return False
    return (Path(os.path.realpath(SOFFICE)).parent / "libsclo.so").exists()


needs_calc = pytest.mark.skipif(
    not _has_calc(), reason="LibreOffice Calc (Debian libreoffice-calc) is not installed"
)

# CSV import filter options (LibreOffice help, "CSV Filter Options"), by token position:
# 1 separator(s) as character codes; 2 text delimiter (34 = "); 3 charset (76 = UTF-8);
# 4 first line read; 5 column formats (empty: standard, detected); 6 language (1057 = id-ID);
# 7 quoted field as text; 8 detect special numbers; 9, 10 export only; 11 trim spaces;
# 12 export only; 13 evaluate formulas.
SEPARATORS = {",": 44, ";": 59, "\t": 9}


def csv_import_options(separator: str, *, evaluate_formulas: bool = True) -> str:
    """The filter options of an id-ID import with ``separator``: quoted fields typed like
    any other (a suite's default), special numbers detected, spaces trimmed, formulas
    evaluated (the riskiest reading a planner's suite may take)."""
    evaluate = "true" if evaluate_formulas else "false"
    return f"{SEPARATORS[separator]},34,76,1,,1057,false,true,false,false,true,false,{evaluate}"


def convert(
    data: bytes, name: str, to: str, workdir: Path, *, infilter: str | None = None
) -> bytes:
    """``data`` (a file called ``name``) opened and saved as ``to`` (e.g. 'xlsx') by
    ``soffice --headless --convert-to``, with a profile of its own under ``workdir``."""
    assert SOFFICE is not None
    source = workdir / name
    source.write_bytes(data)
    out = Path(tempfile.mkdtemp(dir=workdir))
    command = [
        SOFFICE,
        f"-env:UserInstallation={(workdir / 'lo-profile').as_uri()}",
        "--headless",
        "--norestore",
        "--nologo",
    ]
    if infilter is not None:
        command.append(f"--infilter=CSV:{infilter}")
    command += ["--convert-to", to, "--outdir", str(out), str(source)]
    proc = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # soffice.bin runs as a grandchild: end its whole group
    )
    try:
        stdout, stderr = proc.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise
    target = out / (source.stem + "." + to.split(":")[0])
    assert target.exists(), (stdout, stderr)
    return target.read_bytes()
