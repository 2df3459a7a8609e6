"""Find where sources disagree: the same attribute of the same subject with incompatible values.

Values are compared by what they mean, not by their words: numbers by magnitude (`~200` vs
`roughly 300`), dates by whether their ranges can overlap (`late 2021` agrees with
`December 2021`; `2024-01` disagrees with `2024-04`), other texts only when the curated file
asks for them to be compared (the CEO's Chinese name).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from bot.domain.names import name_key
from bot.domain.records import Conflict, ConflictingValue, FuzzyDate
from bot.ingest.dates import find_dates

Comparable = float | FuzzyDate | str

_SCALE = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "b": 1e9, "billion": 1e9}
_SCALE |= {"t": 1e12, "trillion": 1e12}
_NUMBER = re.compile(
    r"(?<![\w.])(\d+(?:,\d{3})*(?:\.\d+)?)\s?(k|m|b|t|thousand|million|billion|trillion)?(?![\w.])",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Claim:
    subject: str  # canonical
    attribute: str
    value: str
    file: str
    evidence: str
    comparable: Comparable | None


def comparable_value(value: str) -> Comparable | None:
    """A single date or a single quantity the value states, or None when it states several."""
    dates = find_dates(value)
    if len(dates) == 1 and len(dates[0].evidence) >= len(value.strip(" ()~+")) * 0.6:
        return dates[0].when
    numbers = _NUMBER.findall(value)
    if len(numbers) != 1:
        return None
    digits, scale = numbers[0]
    return float(digits.replace(",", "")) * _SCALE.get(scale.lower(), 1.0)


def find_conflicts(claims: Iterable[Claim]) -> list[Conflict]:
    groups: dict[tuple[str, str], list[Claim]] = {}
    for claim in claims:
        if claim.comparable is not None:
            groups.setdefault((claim.subject, claim.attribute), []).append(claim)
    conflicts = []
    for (subject, attribute), group in sorted(groups.items()):
        disagreeing = _disagreeing(group)
        if disagreeing:
            values = tuple(
                ConflictingValue(value=c.value, file=c.file, evidence=c.evidence)
                for c in disagreeing
            )
            conflicts.append(Conflict(subject=subject, attribute=attribute, values=values))
    return conflicts


def _disagreeing(group: list[Claim]) -> list[Claim]:
    """The claims of a group when at least two of the same type cannot both be true."""
    for kind, differ in _TESTS:
        same_type = [c for c in group if isinstance(c.comparable, kind)]
        if any(
            differ(a.comparable, b.comparable)
            for i, a in enumerate(same_type)
            for b in same_type[i + 1 :]
        ):
            return same_type
    return []


def _numbers_differ(a: object, b: object) -> bool:
    assert isinstance(a, float) and isinstance(b, float)
    return not math.isclose(a, b, rel_tol=0.01)


def _dates_differ(a: object, b: object) -> bool:
    assert isinstance(a, FuzzyDate) and isinstance(b, FuzzyDate)
    return not a.overlaps(b)


def _texts_differ(a: object, b: object) -> bool:
    assert isinstance(a, str) and isinstance(b, str)
    return name_key(a) != name_key(b)


_TESTS: tuple[tuple[type, Callable[[object, object], bool]], ...] = (
    (float, _numbers_differ),
    (FuzzyDate, _dates_differ),
    (str, _texts_differ),
)
