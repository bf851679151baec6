"""Labels as tables write them, matched to the registry: a row label to an indicator
('3. Tenaga kerja industri batik (orang)' -> batik_workers), a title or a group heading to a
region ('Blitar Municipality' -> kota_blitar; a bare 'Blitar' to none, so the planner is
asked). Used by :mod:`impact.upload.wide`."""

from __future__ import annotations

import re
import unicodedata

from impact.upload.validation import Vocabulary

_TRAILING_UNIT = re.compile(r"\(([^()]{1,40})\)\s*$")
_LEADING_NUMBER = re.compile(r"^\s*(?:[0-9]{1,2}|[a-z]|[ivx]{1,4})\s*[.)]\s+", re.IGNORECASE)


def normalize_label(text: object) -> str:
    """A label as it is compared: accents dropped, lower case, punctuation and runs of spaces
    as one space. 'Tenaga Kerja  Industri-Batik' -> 'tenaga kerja industri batik'."""
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[^a-z0-9%]+", " ", text.lower()).split())


def variants(text: str) -> set[str]:
    """A label as written, without a leading '1.' / 'a.' and without a unit in brackets."""
    plain = _LEADING_NUMBER.sub("", text.strip())
    bare = _TRAILING_UNIT.sub("", plain).strip()
    return {v for v in (normalize_label(text), normalize_label(plain), normalize_label(bare)) if v}


def code_words(vocab: Vocabulary, name: str, min_length: int = 4) -> dict[str, str]:
    """A code list's words (codes and names, normalised) -> code, for finding in a title."""
    found: dict[str, str] = {}
    for word, code in vocab.words.get(name, {}).items():
        for variant in variants(word):
            if len(variant) >= min_length:
                found.setdefault(variant, code)
    return found


def region_words(vocab: Vocabulary) -> dict[str, str]:
    """Every way a table names a region -> code: its codes and names, and the names BPS's
    English editions use ('Blitar Municipality' for Kota Blitar, 'Blitar Regency' for
    Kabupaten Blitar, 'Kab. Blitar'). A word that is part of another region's name
    ('blitar' in 'kota blitar') is left out: a bare 'Blitar' names no region for certain,
    so the planner is asked."""
    found = code_words(vocab, "region")
    for word, code in list(found.items()):
        words = word.split()
        place = " ".join(w for w in words if w not in ("kota", "kabupaten"))
        if words[:2] == ["kota", "kabupaten"] and place:  # 'Kota & Kabupaten Blitar'
            for variant in ("kota dan kabupaten", "kabupaten dan kota", "kabupaten kota"):
                found.setdefault(f"{variant} {place}", code)
        elif words[0] == "kota" and place:
            found.setdefault(f"{place} municipality", code)
            found.setdefault(f"{place} city", code)
        elif words[0] == "kabupaten" and place:
            found.setdefault(f"{place} regency", code)
            found.setdefault(f"kab {place}", code)
    named = {
        v
        for word, code in vocab.words.get("region", {}).items()
        if word != code
        for v in variants(word)
    }
    return {
        w: c
        for w, c in found.items()
        if w in named or not any(o != w and found[o] != c and f" {w} " in f" {o} " for o in found)
    }


def in_title(title: str, words: dict[str, str]) -> str | None:
    """The code whose longest word the title holds ('kabupaten blitar' before 'blitar')."""
    text = f" {normalize_label(title)} "
    hits = [w for w in words if f" {w} " in text]
    return words[max(hits, key=len)] if hits else None


def region_of(label: str, words: dict[str, str]) -> str | None:
    """The region a whole label names ('Kota Blitar', '2. Blitar Regency'), or None."""
    for variant in variants(label):
        if variant in words:
            return words[variant]
    return None


def indicator_index(vocab: Vocabulary) -> dict[str, str | None]:
    """Every way a label may name an indicator (code, Indonesian or English name, without a
    number before it or a unit after it), normalised -> code; None where two indicators share
    a variant (such a label is asked about, never guessed)."""
    index: dict[str, str | None] = {}
    for word, code in vocab.words.get("indicator", {}).items():
        for variant in variants(word):
            index[variant] = code if index.get(variant, code) == code else None
    return index


def match_label(
    label: str, vocab: Vocabulary, index: dict[str, str | None]
) -> tuple[str | None, str]:
    """(indicator code, "code" / "name") for a row label, or (None, "") when none matches."""
    code = vocab.lookup("indicator", label)
    if code is not None and code == label.strip():
        return code, "code"
    for variant in variants(label):
        if index.get(variant):
            return index[variant], "name"
    return None, ""
