"""Find where sources disagree: the same attribute of the same subject with incompatible values.

Values are compared by what they mean, not by their words: numbers by magnitude (`~200` vs
`roughly 300`), dates by whether their ranges can overlap (`late 2021` agrees with
`December 2021`; `2024-01` disagrees with `2024-04`), other texts only when the curated file
asks for them to be compared (the CEO's Chinese name). Curated disagreements (what a reader
sees that no comparison finds, such as characterisations) join them: one that names the
subject and attribute of a detected one gives it its kind and note and adds its claims.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from bot.domain.errors import IngestError
from bot.domain.names import name_key
from bot.domain.records import Conflict, ConflictingValue, DisagreementKind, FuzzyDate
from bot.ingest.dates import find_dates

Comparable = float | FuzzyDate | str

_SCALE = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "b": 1e9, "billion": 1e9}
_SCALE |= {"t": 1e12, "trillion": 1e12}
_NUMBER = re.compile(
    r"(?<![\w.])(\d+(?:,\d{3})*(?:\.\d+)?)\s?(k|m|b|t|thousand|million|billion|trillion)?"
    r"x?(?![\w.])",  # a multiplier (`7.8x`) is its number
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
            kind = _KINDS[type(disagreeing[0].comparable)]
            conflicts.append(
                Conflict(subject=subject, attribute=attribute, values=values, kind=kind)
            )
    return conflicts


def with_curated(detected: Sequence[Conflict], curated: Sequence[Conflict]) -> list[Conflict]:
    """The curated disagreements in their order, each one that names the subject and attribute
    of a detected disagreement annotating it, then the detected ones no entry annotates. A
    curated disagreement that stands alone needs two claims; `IngestError` names one that
    does not."""
    found = {(c.subject, c.attribute): c for c in detected}
    merged = []
    for conflict in curated:
        match = found.pop((conflict.subject, conflict.attribute), None)
        if match is not None:
            merged.append(_annotated(match, conflict))
        elif len(conflict.values) >= 2:
            merged.append(conflict)
        else:
            raise IngestError(
                "curated.toml",
                f"disagreement {conflict.subject!r} {conflict.attribute}: fewer than two claims,"
                " and no facts disagree on that subject and attribute",
            )
    return merged + list(found.values())


def _annotated(conflict: Conflict, curated: Conflict) -> Conflict:
    seen = {(v.file, v.evidence) for v in conflict.values}
    added = tuple(v for v in curated.values if (v.file, v.evidence) not in seen)
    return curated.model_copy(update={"values": conflict.values + added})


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


_KINDS: dict[type, DisagreementKind] = {
    float: DisagreementKind.NUMBER,
    FuzzyDate: DisagreementKind.DATE,
    str: DisagreementKind.NAME,
}
