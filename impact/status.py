"""How reliable a figure is: reported, estimated or illustrative, and the weakest of several.

One order for the whole product (the schema's CHECK constraints, charts, cards, slides): a
figure derived from several others is only as reliable as the least reliable of them.
"""

from __future__ import annotations

from collections.abc import Iterable

ORDER: tuple[str, ...] = ("reported", "estimated", "illustrative")  # most to least reliable
# BPS marks kept beside a value's status: '*' angka sementara, '**' angka sangat sementara,
# 'r' angka perbaikan. A mark says where a published figure stands in BPS's revision cycle;
# the status says how reliable it is. A later upload of the final figure clears the mark.
MARKS: tuple[str, ...] = ("provisional", "very_provisional", "revised")


def weakest(statuses: Iterable[str]) -> str:
    """The least reliable of several statuses ('illustrative' beats 'reported').

    Raises ValueError for an empty input or an unknown status, never guesses one.
    """
    values = list(statuses)
    if not values:
        raise ValueError("no status to compare")
    unknown = set(values) - set(ORDER)
    if unknown:
        raise ValueError(f"unknown status {sorted(unknown)}")
    return max(values, key=ORDER.index)
