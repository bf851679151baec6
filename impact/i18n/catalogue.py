"""The catalogue: every text key of every area, merged, and the one function that reads it.

Areas (:mod:`.common`, :mod:`.pages`, :mod:`.upload`, :mod:`.issues`, :mod:`.deck`,
:mod:`.brief`, :mod:`.cli`, :mod:`.readiness`)
each hold ``TEXTS: key -> (Bahasa Indonesia, English)``; a key lives in exactly one area.
"""

from __future__ import annotations

from impact.i18n import brief, cli, common, deck, issues, pages, readiness, upload

LANGS = ("id", "en")
DEFAULT_LANG = "id"

AREAS = (common, pages, upload, issues, deck, brief, cli, readiness)
TEXTS: dict[str, tuple[str, str]] = {}
for _area in AREAS:
    _clash = TEXTS.keys() & _area.TEXTS.keys()
    if _clash:  # one key, one sentence: an area never overrides another
        raise RuntimeError(f"text keys defined twice: {sorted(_clash)}")
    TEXTS |= _area.TEXTS


class UnknownTextError(KeyError):
    """A text key with no translation: a bug, caught by the tests, never shown raw."""


def normalize_lang(lang: str | None) -> str:
    """'en' or 'id' (the default) from anything a URL or widget may hold."""
    return lang if lang in LANGS else DEFAULT_LANG


def template(key: str, lang: str) -> str:
    """The raw text of ``key`` in ``lang``, placeholders unfilled."""
    try:
        id_text, en_text = TEXTS[key]
    except KeyError:
        raise UnknownTextError(key) from None
    return en_text if normalize_lang(lang) == "en" else id_text


def t(key: str, lang: str, **params: object) -> str:
    """The text for ``key`` in ``lang``, with ``params`` filled in."""
    text = template(key, lang)
    return text.format(**params) if params else text


def label(prefix: str, code: str, lang: str) -> str:
    """Text of a code in a family, e.g. label('status', 'reported', 'id') -> 'Dilaporkan'."""
    return t(f"{prefix}.{code}", lang)
