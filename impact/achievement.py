"""Targets and realisation (capaian kinerja): how far a figure reached the target set for it
in the RPJMD or a dinas Renstra, and its category on the region's evaluation scale.

Achievement is realisation / target x 100% for indicators where higher is better, and
target / realisation x 100% where lower is better (each target says which). A realisation
given as a range gives an achievement range; a range that spans 100% is "partly met", never
a point. No achievement is computed from a target (or, lower-is-better, a realisation) of 0.

Categories: five levels, from the lower bounds of the top four (default 91, 76, 66, 51:
the scale of regional performance reports, LKjIP; ``BATIK_ACHIEVEMENT_SCALE`` sets others).
"""

from __future__ import annotations

from dataclasses import dataclass

from impact import config
from impact.growth import Range

HIGHER, LOWER = "higher", "lower"  # which way is better, per target
DIRECTIONS = (HIGHER, LOWER)
CATEGORIES = ("very_high", "high", "medium", "low", "very_low")  # best first
MET, PARTLY, NOT_MET = "met", "partly", "not_met"


class NoAchievementError(ValueError):
    """The achievement cannot be computed: ``reason`` is 'zero_target' or 'zero_realisation'."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


@dataclass(frozen=True)
class Achievement:
    """Achievement in percent (a point or a range), whether the target was met (met, partly,
    not_met) and the category of each end (one category when both ends share it)."""

    percent: Range
    met: str
    categories: tuple[str, ...]


def percent(realisation: Range, target: float, direction: str = HIGHER) -> Range:
    """Achievement in percent of ``target``; a realisation range gives a range."""
    if direction not in DIRECTIONS:
        raise ValueError(f"direction must be one of {DIRECTIONS}, not {direction!r}")
    if target == 0:
        raise NoAchievementError("zero_target")
    if direction == HIGHER:
        ends = (realisation.low / target * 100, realisation.high / target * 100)
    else:
        if realisation.low == 0 or realisation.high == 0:
            raise NoAchievementError("zero_realisation")
        ends = (target / realisation.high * 100, target / realisation.low * 100)
    return Range(min(ends), max(ends))


def category(value: float, scale: tuple[float, ...] | None = None) -> str:
    """The category of one achievement percentage on the scale (bounds inclusive)."""
    bounds = scale or config.achievement_scale()
    for code, bound in zip(CATEGORIES, bounds, strict=False):
        if value >= bound:
            return code
    return CATEGORIES[-1]


def assess(
    realisation: Range,
    target: float,
    direction: str = HIGHER,
    scale: tuple[float, ...] | None = None,
) -> Achievement:
    """Achievement, met / partly / not met, and the category of each end of the range."""
    value = percent(realisation, target, direction)
    met = MET if value.low >= 100 else NOT_MET if value.high < 100 else PARTLY
    ends = dict.fromkeys(category(v, scale) for v in (value.high, value.low))
    return Achievement(value, met, tuple(ends))
