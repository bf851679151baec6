"""Achievement against targets: higher and lower is better, ranges, zero, the scale."""

from __future__ import annotations

import pytest

from impact import achievement, config
from impact.growth import Range


def test_a_point_against_its_target() -> None:
    result = achievement.assess(Range.point(620), 650)
    assert result.percent.low == pytest.approx(95.3846, rel=1e-4)
    assert (result.met, result.categories) == ("not_met", ("very_high",))


def test_lower_is_better_inverts_the_ratio() -> None:
    # inflation of 2,61% against a ceiling of 3%: 114,9% achieved, met
    result = achievement.assess(Range.point(2.61), 3.0, achievement.LOWER)
    assert result.percent.low == pytest.approx(114.94, rel=1e-3)
    assert result.met == "met"
    worse = achievement.assess(Range.point(6.0), 3.0, achievement.LOWER)
    assert worse.percent.low == pytest.approx(50) and worse.categories == ("very_low",)


def test_a_range_spanning_the_target_is_partly_met_never_a_point() -> None:
    # the study's +50-70% against a target of +60%
    result = achievement.assess(Range(50, 70), 60)
    assert (result.percent.low, result.percent.high) == pytest.approx((83.333, 116.667), rel=1e-4)
    assert result.met == "partly"
    assert result.categories == ("very_high", "high")
    lower = achievement.assess(Range(2, 4), 3.0, achievement.LOWER)
    assert (lower.percent.low, lower.percent.high) == pytest.approx((75, 150))


def test_a_target_of_zero_gives_no_achievement() -> None:
    with pytest.raises(achievement.NoAchievementError) as caught:
        achievement.percent(Range.point(5), 0)
    assert caught.value.reason == "zero_target"
    with pytest.raises(achievement.NoAchievementError) as caught:
        achievement.percent(Range.point(0), 3, achievement.LOWER)
    assert caught.value.reason == "zero_realisation"


@pytest.mark.parametrize(
    ("value", "expected"),
    [(100, "very_high"), (91, "very_high"), (90.99, "high"), (76, "high"), (75.9, "medium"),
     (66, "medium"), (65, "low"), (51, "low"), (50.99, "very_low"), (0, "very_low")],
)  # fmt: skip
def test_the_default_scale_bounds_are_inclusive(value: float, expected: str) -> None:
    assert achievement.category(value) == expected


def test_the_scale_is_configurable_and_a_bad_one_is_refused() -> None:
    scale = config.achievement_scale({"BATIK_ACHIEVEMENT_SCALE": "90, 80, 70, 60"})
    assert achievement.category(85, scale) == "high"
    assert achievement.category(85) == "high"  # default: 76 <= 85 < 91
    assert achievement.category(89, scale) == "high" and achievement.category(90, scale) == (
        "very_high"
    )
    for bad in ("90,80,70", "60,70,80,90", "a,b,c,d", "90,90,70,60"):
        with pytest.raises(config.ConfigError):
            config.achievement_scale({"BATIK_ACHIEVEMENT_SCALE": bad})
