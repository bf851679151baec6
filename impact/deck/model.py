"""The deck's model: what a planner asks for (:class:`DeckOptions`) and what a slide holds
(:class:`Slide` and its parts), the deck's named faults, and the deck in a URL.

Imported by every other module of :mod:`impact.deck` and by nothing it imports, so the
content, layout and writers never import one another in a circle.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import altair as alt
import pandas as pd

from impact import i18n
from impact.status import weakest

SECTIONS = (
    "summary",
    "charts",
    "regions",
    "obstacles",
    "collaboration",
    "programs",
    "targets",
    "creative",
    "gender",
    "recommendations",
    "sources",
)
SECTOR = "batik"
DEFAULT_REGION = "blitar"


class DeckError(Exception):
    """Base class of the deck's named faults."""


class InvalidOptionsError(DeckError, ValueError):
    """Deck options that cannot make a deck (end year not after the start, unknown section)."""


class PdfUnavailableError(DeckError):
    """LibreOffice is not installed, so no PDF can be made (the PPTX still can)."""


class PdfConversionError(DeckError):
    """LibreOffice ran but gave no PDF (``reason`` says what it printed, or the timeout:
    for the server's log, not for a viewer, as it names the server's paths)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class DeckOptions:
    """What the planner asks for. ``sections`` is a subset of :data:`SECTIONS` (kept in the
    deck's order); ``lang`` is 'id' (default) or 'en'. The title slide is always included.

    ``illustrative`` False (the default) builds the pack a planner can defend in public: only
    reported and estimated figures; a section, card or chart point resting on illustrative
    values is left out and named on the pack's last slide. True brings the illustrative
    figures back for practice, every slide watermarked as an example."""

    title: str
    date: dt.date
    agency: str = ""
    region: str = DEFAULT_REGION
    start_year: int = 2021
    end_year: int = 2023
    sections: tuple[str, ...] = SECTIONS
    lang: str = i18n.DEFAULT_LANG
    illustrative: bool = False

    def __post_init__(self) -> None:
        if int(self.end_year) <= int(self.start_year):
            raise InvalidOptionsError(f"years {self.start_year} -> {self.end_year}")
        unknown = set(self.sections) - set(SECTIONS)
        if unknown:
            raise InvalidOptionsError(f"unknown sections {sorted(unknown)}")
        object.__setattr__(self, "sections", tuple(s for s in SECTIONS if s in self.sections))
        object.__setattr__(self, "lang", i18n.normalize_lang(self.lang))
        object.__setattr__(self, "start_year", int(self.start_year))
        object.__setattr__(self, "end_year", int(self.end_year))
        object.__setattr__(self, "illustrative", bool(self.illustrative))


@dataclass(frozen=True)
class Card:
    """A headline card: label, the big value, detail lines and the figure's status."""

    label: str
    value: str
    details: tuple[str, ...]
    status: str | None  # None: no figure (missing data)
    mark: str | None = None  # the figure's BPS mark (status.MARKS), stated beside its status


@dataclass(frozen=True)
class TableRow:
    cells: tuple[str, ...]  # a cell may hold several lines separated by "\n"
    section: bool = False  # a heading row spanning the table (only cells[0] is shown)


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    widths: tuple[float, ...]  # fractions of the table width, summing to 1
    rows: tuple[TableRow, ...]


@dataclass(frozen=True)
class Block:
    """A heading with its lines of text (a recommendation, a list of sources)."""

    heading: str
    lines: tuple[str, ...]


@dataclass(frozen=True, eq=False)
class Slide:
    """One slide: a title that states the finding, a one-line finding under it, one body
    (chart, cards, table or blocks), the footnote lines (sources, reading notes), the
    speaker notes (exact figures, full sources) and the statuses of the figures shown."""

    section: str  # "cover" or one of SECTIONS
    title: str
    finding: str = ""
    chart: alt.TopLevelMixin | None = None
    chart_height: int = 0  # the plot height (px) the chart was built with
    cards: tuple[Card, ...] = ()
    table: Table | None = None
    blocks: tuple[Block, ...] = ()
    columns: int = 1
    footnote: tuple[str, ...] = ()
    notes: str = ""
    sources: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    watermark: str = ""  # across the slide when the pack holds example figures

    @property
    def status(self) -> str | None:
        """The weakest status of the figures shown, or None when the slide shows none."""
        return weakest(self.statuses) if self.statuses else None

    def mark(self, lang: str) -> str | None:
        """The on-slide status mark: 'Ilustratif', 'Sebagian ilustratif', or None."""
        status = self.status
        if status is None or status == "reported":
            return None
        label = i18n.label("status", status, lang)
        if "reported" in self.statuses:
            return i18n.t("deck.mark.partly", lang, status=label.lower())
        return label


@dataclass(frozen=True)
class Finding:
    """One headline figure as the brief lists it: the deck's card (label, value, detail lines,
    status; None when the figure is missing) and the sources of the figure."""

    card: Card
    sources: tuple[str, ...]


@dataclass(frozen=True)
class FollowUp:
    """One recommendation as a row of the commission's matrix: the problem (the obstacles it
    answers, or the study's problem when none is recorded), the field data (the figures
    cited as evidence), the plan documents that set targets for the figures involved (empty:
    none recorded), and the follow-up itself (heading and body). ``evidence`` is every part
    in the deck's order, as the recommendations slide cites it."""

    code: str
    heading: str
    body: str
    problems: tuple[str, ...]
    data: tuple[str, ...]
    plans: tuple[str, ...]
    evidence: tuple[str, ...]
    statuses: tuple[str, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True, eq=False)
class BriefContent:
    """What the one-page brief shows, taken from the deck's own builders: the headline
    findings (the study's, and the chosen region and years' when they differ; each a
    heading with its findings), the achievement slide, the obstacles slide (unsplit), the
    follow-ups, the region's name, the 'Data per …' line and what is still being collected."""

    options: DeckOptions
    region_name: str
    as_of: str
    findings: tuple[tuple[str, tuple[Finding, ...]], ...]
    targets: Slide | None
    obstacles: Slide | None
    follow_ups: tuple[FollowUp, ...]
    collecting: tuple = ()  # readiness.Collecting lines: what the pack leaves out


def format_hearing_date(date: dt.date, lang: str) -> str:
    """'14 Mei 2024' (id) / 'May 14, 2024' (en)."""
    return i18n.format_date(date, lang)


def file_name(options: DeckOptions, ext: str = "pptx") -> str:
    """What the file is: 'paparan_dprd_batik_<region>_<start>-<end>_<YYYY-MM-DD>.<ext>'
    ('dprd_hearing_batik_...' in English); the region code made safe for any file system."""
    region = re.sub(r"[^a-z0-9]+", "_", options.region.lower()).strip("_") or "wilayah"
    prefix = "dprd_hearing_batik" if options.lang == "en" else "paparan_dprd_batik"
    return (
        f"{prefix}_{region}_{options.start_year}-{options.end_year}_"
        f"{options.date.isoformat()}.{ext}"
    )


def brief_file_name(options: DeckOptions) -> str:
    """The brief's file: 'ringkasan_eksekutif_batik_<region>_<start>-<end>_<YYYY-MM-DD>.pdf'
    ('executive_brief_batik_...' in English), like :func:`file_name`."""
    name = file_name(options, "pdf")
    prefix = "dprd_hearing_batik" if options.lang == "en" else "paparan_dprd_batik"
    brief = "executive_brief_batik" if options.lang == "en" else "ringkasan_eksekutif_batik"
    return brief + name.removeprefix(prefix)


# --- the deck in a URL (presentation mode links) ----------------------------------------

# Query parameter names, Indonesian like the other pages' (?wilayah=blitar&dari=2021).
PARAMS = {
    "title": "judul",
    "date": "tanggal",
    "agency": "instansi",
    "region": "wilayah",
    "start_year": "dari",
    "end_year": "ke",
    "sections": "bagian",
    "illustrative": "ilustratif",
}
MAX_PARAM_CHARS = 200  # a title or agency longer than this is not a hearing title


def options_to_params(options: DeckOptions) -> dict[str, str]:
    """The options as plain query parameters, so a link opens the same deck."""
    return {
        PARAMS["title"]: options.title,
        PARAMS["date"]: options.date.isoformat(),
        PARAMS["agency"]: options.agency,
        PARAMS["region"]: options.region,
        PARAMS["start_year"]: str(options.start_year),
        PARAMS["end_year"]: str(options.end_year),
        PARAMS["sections"]: ",".join(options.sections),
        PARAMS["illustrative"]: "1" if options.illustrative else "0",
    }


def params_after_upload(rows: pd.DataFrame) -> dict[str, str]:
    """The deck page's query parameters right after an upload of ``rows`` (the checked rows,
    columns ``year`` and ``region`` where the dataset has them), so the save message's link
    opens the pack with the new figures chosen: the file's newest year as the end year and,
    when the file holds one region only, that region. Nothing else is set; the deck page
    checks every value against what the data offers and falls back to its defaults."""
    params: dict[str, str] = {}
    if "year" in rows and rows["year"].notna().any():
        params[PARAMS["end_year"]] = str(int(rows["year"].max()))
    if "region" in rows:
        regions = rows["region"].dropna().unique()
        if len(regions) == 1:
            params[PARAMS["region"]] = str(regions[0])
    return params


def options_from_params(
    params: dict[str, str],
    *,
    region: str,
    start_year: int,
    end_year: int,
    lang: str,
    today: dt.date,
) -> DeckOptions:
    """Options from a URL's plain values; anything missing or malformed falls back to the
    default (today's date, the default title, every section). Region and years are picked
    by the page (they depend on the data), so they are arguments."""

    def text(key: str) -> str:
        value = str(params.get(PARAMS[key], "") or "").strip()
        return value[:MAX_PARAM_CHARS]

    try:
        date = dt.date.fromisoformat(text("date"))
    except ValueError:
        date = today
    sections = tuple(s for s in text("sections").split(",") if s in SECTIONS) or SECTIONS
    return DeckOptions(
        title=text("title") or i18n.t("deck.default_title", lang),
        date=date,
        agency=text("agency"),
        region=region,
        start_year=start_year,
        end_year=end_year,
        sections=sections,
        lang=lang,
        illustrative=text("illustrative") == "1",  # only an explicit '1' brings examples in
    )


def slide_index(value: object, count: int) -> int:
    """A 1-based slide number from a URL value, clamped to 1..count (1 when malformed)."""
    try:
        index = int(str(value))
    except ValueError:
        index = 1
    return min(max(index, 1), max(count, 1))
