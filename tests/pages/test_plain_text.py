"""pages._render.plain: uploaded text shows as typed, never as Markdown, typography or links.

Measured in Chromium against Streamlit 1.67: st.caption("BPS -- 2024") shows 'BPS — 2024'
even with the hyphens backslash-escaped, and 'https://…', 'www.…', 'a@b.id' become links.
"""

from __future__ import annotations

import pytest

from pages._render import plain

WJ = "\u2060"  # word joiner: invisible, breaks Streamlit's typographic and autolink rules


@pytest.mark.parametrize(
    "source, shown",
    [
        ("BPS -- 2024", f"BPS \\-{WJ}\\- 2024"),
        ("a --- b", f"a \\-{WJ}\\-{WJ}\\- b"),
        ("x -> y <- z <-> w", f"x \\-{WJ}\\> y \\<{WJ}\\- z \\<{WJ}\\-{WJ}\\> w"),
        ("n >= 1, m <= 2, p ~= 3", f"n \\>{WJ}= 1, m \\<{WJ}= 2, p \\~{WJ}= 3"),
        ("https://bps.go.id", f"https\\:{WJ}//bps\\.go\\.id"),
        ("www.bps.go.id", f"www{WJ}\\.bps\\.go\\.id"),
        ("humas@bps.go.id", f"humas{WJ}@bps\\.go\\.id"),
        ("Disperindag (2025) - rekap", "Disperindag \\(2025\\) \\- rekap"),  # one '-' untouched
    ],
)
def test_plain_keeps_typed_text_literal(source, shown) -> None:
    assert plain(source) == shown


def test_plain_changes_nothing_a_reader_sees() -> None:
    text = "BPS -- 2024 -> https://bps.go.id humas@bps.go.id *x* [a](b)"
    unescaped = plain(text).replace(WJ, "").replace("\\", "")
    assert unescaped == text
