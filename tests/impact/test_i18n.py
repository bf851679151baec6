"""Texts and Indonesian number formats."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from impact import i18n
from impact.growth import Range
from impact.i18n.catalogue import AREAS
from impact.upload.datasets import DATASETS
from impact.upload.validation import FIXED_VOCABULARY


@pytest.mark.parametrize(
    ("func", "args", "expected"),
    [
        (i18n.format_rupiah, (1_250_000, "id"), "Rp1.250.000"),
        (i18n.format_rupiah, (1_250_000, "en"), "Rp1,250,000"),
        (i18n.format_percent, (54.545, "id"), "54,5%"),
        (i18n.format_percent, (54.545, "en"), "54.5%"),
        (i18n.format_percent, (50.0, "id"), "50%"),
        (i18n.format_number, (1234.5, "id"), "1.234,5"),
        (i18n.format_number, (-3.25, "id", 1), "−3,3"),  # half away from zero
        (i18n.format_number, (float("nan"), "id"), "–"),
        (i18n.format_points, (30, "id", 0), "+30 poin persen"),
        (i18n.format_points, (30, "en", 0), "+30 percentage points"),
    ],
)
def test_formats(func, args, expected) -> None:
    assert func(*args) == expected


@pytest.mark.parametrize(
    ("r", "lang", "signed", "expected"),
    [
        (Range(50, 70), "id", True, "+50–70%"),
        (Range(22.4745, 30.384), "id", False, "22,5–30,4%"),
        (Range(22.4745, 30.384), "en", False, "22.5–30.4%"),
        (Range(54.545, 54.545), "id", True, "+54,5%"),
        (Range(-5, 10), "id", True, "−5% s.d. +10%"),
    ],
)
def test_ranges(r, lang, signed, expected) -> None:
    assert i18n.format_range(r, lang, "%", 1, signed) == expected


def test_unknown_keys_raise_instead_of_leaking() -> None:
    with pytest.raises(i18n.UnknownTextError):
        i18n.t("no.such.key", "id")


def test_default_language_is_indonesian() -> None:
    assert i18n.normalize_lang(None) == "id"
    assert i18n.normalize_lang("fr") == "id"
    assert i18n.t("status.reported", "xx") == "Dilaporkan"


def test_chart_locale_uses_indonesian_separators() -> None:
    number = i18n.chart_locale("id")["number"]
    assert (number["decimal"], number["thousands"], number["currency"]) == (",", ".", ["Rp", ""])
    assert re.fullmatch(r"\.", i18n.chart_locale("en")["number"]["decimal"])


def test_range_ends_share_their_decimals() -> None:
    assert i18n.format_range(Range(38.55, 57.02), "id", "%", 1, True) == "+38,6–57,0%"


@pytest.mark.parametrize(
    ("r", "lang", "expected"),
    [
        (Range(50, 70), "id", ("naik", "50–70%")),
        (Range(-8, -5), "id", ("turun", "5–8%")),
        (Range(-5, 10), "en", ("changed", "−5% to +10%")),
        (Range(30, 30), "en", ("rose", "30%")),
    ],
)
def test_describe_change_puts_the_sign_in_the_verb(r, lang, expected) -> None:
    assert i18n.describe_change(r, lang) == expected


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [(32.5, 0, "+33"), (-2.5, 0, "−3"), (0.125, 2, "+0,13"), (2.45, 1, "+2,5"), (0.5, 0, "+1"),
     (87.5 - 55, 0, "+33"), (-0.04, 1, "0"), (54.545, 1, "+54,5")],
)  # fmt: skip
def test_one_rounding_rule_half_away_from_zero(value: float, decimals: int, expected: str) -> None:
    # Babel alone rounds half to even (32.5 -> 32): a title said +32 beside a card's +32,5.
    assert i18n.format_number(value, "id", decimals, signed=True) == expected


def test_a_point_change_reads_the_same_whole_and_at_one_decimal() -> None:
    points = Range.point(87.5 - 55)
    assert i18n.format_range(points, "id", " poin persen", 0, True) == "+33 poin persen"
    assert i18n.format_range(points, "id", " poin persen", 1, True) == "+32,5 poin persen"


# --- the catalogue: every key in both languages, every key used ---------------------------

ROOT = Path(__file__).resolve().parents[2]
AREA_FILES = {ROOT / "impact" / "i18n" / f"{a.__name__.rsplit('.', 1)[1]}.py" for a in AREAS}
CODE_FILES = [
    *(p for p in sorted((ROOT / "impact").rglob("*.py")) if p not in AREA_FILES),
    *sorted((ROOT / "pages").glob("*.py")),
    ROOT / "app.py",
]


def _placeholders(text: str) -> list[str]:
    return sorted(f for _, f, _, _ in string.Formatter().parse(text) if f is not None)


def test_every_key_has_both_languages_with_the_same_placeholders() -> None:
    for key, texts in i18n.TEXTS.items():
        assert isinstance(texts, tuple) and len(texts) == len(i18n.LANGS), key
        id_text, en_text = texts
        assert id_text.strip() and en_text.strip(), key
        assert _placeholders(id_text) == _placeholders(en_text), key


def _trees() -> list[ast.AST]:
    return [ast.parse(p.read_text(encoding="utf-8")) for p in CODE_FILES]


def _literals(trees: list[ast.AST]) -> set[str]:
    return {
        n.value
        for tree in trees
        for n in ast.walk(tree)
        if isinstance(n, ast.Constant) and isinstance(n.value, str)
    }


def _literal_families(trees: list[ast.AST]) -> dict[str, set[str]]:
    """Families a comprehension spells out, e.g. {p: t(f"prices.{p}") for p in ("nominal",
    "real")}: prefix -> the codes of the tuple it loops over."""
    found: dict[str, set[str]] = {}
    for tree in trees:
        for comp in ast.walk(tree):
            if not isinstance(comp, ast.ListComp | ast.DictComp | ast.GeneratorExp):
                continue
            for gen in comp.generators:
                if not (isinstance(gen.target, ast.Name) and isinstance(gen.iter, ast.Tuple)):
                    continue
                codes = {e.value for e in gen.iter.elts if isinstance(e, ast.Constant)}
                for node in ast.walk(comp):
                    if (
                        isinstance(node, ast.JoinedStr)
                        and len(node.values) == 2
                        and isinstance(node.values[0], ast.Constant)
                        and isinstance(node.values[1], ast.FormattedValue)
                        and isinstance(node.values[1].value, ast.Name)
                        and node.values[1].value.id == gen.target.id
                    ):
                        found.setdefault(node.values[0].value.rstrip("."), set()).update(codes)
    return found


def _issue_codes() -> set[str]:
    """Issue codes the upload code can return: literals in impact/upload, and one
    unknown-<list> per code list a dataset column uses."""
    upload_literals = _literals(
        [ast.parse(p.read_text(encoding="utf-8")) for p in (ROOT / "impact/upload").glob("*.py")]
    )
    lists = {c.type.split(":", 1)[1] for d in DATASETS.values() for c in d.columns if ":" in c.type}
    return {c for c in upload_literals if "issue." + c in i18n.TEXTS} | {
        "unknown-" + name for name in lists
    }


def families() -> dict[str, set[str]]:
    """Key families the code builds at run time (f"status.{code}", i18n.label("category",
    c, ...)): prefix -> the codes it builds them from."""
    from impact import achievement, auth, readiness, status, store
    from impact.deck import content, model
    from impact.upload import views, wide

    declared = {
        "status": set(status.ORDER),  # i18n.label("status", ...)
        "mark": set(status.MARKS),  # i18n.label("mark", ...): figures, upload views
        "category": set(store.OBSTACLE_CATEGORIES),  # i18n.label("category", ...)
        "actor": set(store.ACTORS),
        "element": set(store.ELEMENTS),
        "kind": set(store.KINDS),  # pages/sources.py
        "size": set(FIXED_VOCABULARY["size"]),  # pages/equity.py
        "gender": {*FIXED_VOCABULARY["gender"], "not_recorded"},  # figures/equity.py group_name
        "dataset": set(DATASETS),  # f"dataset.{code}"
        "deck.section": set(model.SECTIONS),  # pages/_deck_ui.py
        # deck/content.py omitted_text: f"deck.fill.{section}" for every section with slides
        "deck.fill": set(model.SECTIONS) - {"sources"},
        "signin.name": set(auth.NAME_REFUSALS),  # pages/_signin.py: InvalidNameError.code
        # figures/charts.py status_notes: f"source.note.{chart}" for each chart type but series
        "source.note": {"bar", "heatmap", "dots", "multiples", "range_bar"},
        # deck/content.py: f"deck.rec.{code}.heading" / ".body", one per recommendation
        "deck.rec": {f"{c}.{part}" for c in content.EVIDENCE for part in ("heading", "body")}
        | {"evaluation.heading", "evaluation.body"},
        # figures/achievement.py: categories, met or not, why none, which way is better
        "ach.cat": set(achievement.CATEGORIES),
        "ach.met": {achievement.MET, achievement.PARTLY, achievement.NOT_MET},
        "ach.none": {"zero_target", "zero_realisation"},
        "ach.dir": set(achievement.DIRECTIONS),
        "issues.col": set(views.ISSUE_COLUMNS),
        "issues.level": {"error", "warning"},  # Issue.level
        "issue": _issue_codes(),  # f"issue.{issue.code}"
        # upload/wide.py: where a row's region or unit came from; why a column is not read
        "wide.from": set(wide.ORIGINS),
        "wide.read": {"part", "fiscal"},
        # upload/views.py: the rows of "what was read from the file"
        "upload.detected": {
            "format",
            "encoding",
            "delimiter",
            "decimal",
            "header_row",
            "title_rows",
            "dataset",
            "rows",
            "sha256",
        },
        # pages/equity.py: one column per group it shows
        "eq.group": {"size_class", "region", "participant"},
        # readiness.py: what each section left out needs, the offices, the tables it reads
        "collecting.need": set(readiness.NEEDS),
        "office": set(readiness.OFFICES),
        "readiness.table": {n.table for n in readiness.NEEDS.values()} - {"observation"},
        # pages/readiness.py: the columns it shows
        "readiness.col": set(readiness.SHOWN),
    }
    for prefix, codes in _literal_families(_trees()).items():
        declared.setdefault(prefix, set()).update(codes)
    return declared


def test_every_family_member_has_a_text() -> None:
    missing = [f"{p}.{c}" for p, codes in families().items() for c in codes]
    missing = [k for k in missing if k not in i18n.TEXTS]
    assert not missing, f"built at run time but not in the catalogue: {sorted(missing)}"


def test_every_key_is_used() -> None:
    used = _literals(_trees())
    built = {f"{p}.{c}" for p, codes in families().items() for c in codes}
    unused = sorted(k for k in i18n.TEXTS if k not in used and k not in built)
    assert not unused, f"keys nothing uses (delete them, or declare their family): {unused}"


def test_the_usage_check_sees_literal_families() -> None:
    tree = ast.parse('x = {p: t(f"prices.{p}") for p in ("nominal", "real")}')
    assert _literal_families([tree]) == {"prices": {"nominal", "real"}}
