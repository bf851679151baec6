"""The deck's PDF: LibreOffice converts the PPTX (``libreoffice --headless --convert-to pdf``)."""

from __future__ import annotations

import logging
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from impact.deck.model import PdfConversionError, PdfUnavailableError

_LOG = logging.getLogger(__name__)
PDF_TIMEOUT = 180  # seconds; a conversion takes about 2 s, a cold machine longer


def libreoffice() -> str | None:
    """Path of the LibreOffice executable, or None when it is not installed."""
    return shutil.which("libreoffice") or shutil.which("soffice")


def pptx_to_pdf(pptx: bytes, timeout: float = PDF_TIMEOUT) -> bytes:
    """Convert PPTX bytes to PDF bytes with ``libreoffice --headless --convert-to pdf``.

    Works in a temporary directory with a profile of its own, so it never touches (or waits
    for) a LibreOffice someone has open; on a timeout the whole LibreOffice process group it
    started is ended. Raises PdfUnavailableError without LibreOffice, PdfConversionError
    when it gives no PDF: its ``reason`` (LibreOffice's own words, with this server's
    paths) goes to the server's log, never to a viewer; pages say ``deck.pdf.failed``.
    """
    exe = libreoffice()
    if exe is None:
        raise PdfUnavailableError("libreoffice is not installed")
    with tempfile.TemporaryDirectory(prefix="batik-deck-") as tmp:
        # A fresh profile per conversion (~0.5 MB, no slower): conversions never wait for one
        # another or for a LibreOffice someone has open, and nothing is left behind.
        profile = Path(tmp) / "profile"
        source = Path(tmp) / "deck.pptx"
        source.write_bytes(pptx)
        command = [
            exe,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--nologo",
            "--convert-to",
            "pdf",
            "--outdir",
            tmp,
            str(source),
        ]
        # Its own session: `libreoffice` is a wrapper that starts soffice.bin as a grandchild.
        proc = subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        try:
            stdout, stderr = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            _LOG.warning("LibreOffice gave no PDF within %g s", timeout)
            raise PdfConversionError(f"timeout after {timeout:g} s") from None
        target = Path(tmp) / "deck.pdf"
        if not target.exists() or target.stat().st_size == 0:
            reason = (stderr or stdout or f"exit code {proc.returncode}").strip()
            _LOG.warning("LibreOffice gave no PDF (exit code %s): %s", proc.returncode, reason)
            raise PdfConversionError(reason.splitlines()[-1] if reason else "no output")
        return target.read_bytes()
