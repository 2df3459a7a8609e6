import pytest

from bot.domain.errors import IngestError
from bot.domain.records import Conflict, ConflictingValue, DisagreementKind, FuzzyDate
from bot.ingest.conflicts import (
    Claim,
    Comparable,
    comparable_value,
    find_conflicts,
    with_curated,
)


def claim(value: str, file: str, comparable: Comparable | None, attribute: str = "a") -> Claim:
    return Claim("MiniMax", attribute, value, file, value, comparable)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("230B", 230e9),
        ("~200", 200.0),
        ("1,000", 1000.0),
        ("45.9B", 45.9e9),
        ("$0.30/M input tokens, $1.20/M output tokens", None),
        ("456B (45.9B active)", None),
        ("Oct 2025", FuzzyDate.month(2025, 10)),
        ("2025", FuzzyDate.year(2025)),
        ("MIT", None),
    ],
)
def test_comparable_value(value: str, expected: Comparable | None) -> None:
    assert comparable_value(value) == expected


def test_numbers_that_differ_conflict() -> None:
    (conflict,) = find_conflicts(
        [claim("roughly 300 people", "001", 300.0), claim("~200 employees", "003", 200.0)]
    )
    assert conflict.subject == "MiniMax"
    assert [v.file for v in conflict.values] == ["001", "003"]


def test_overlapping_dates_agree_disjoint_dates_conflict() -> None:
    founded = [
        claim("the end of 2021", "001", FuzzyDate.part_of_year(2021, "end")),
        claim("late 2021", "002", FuzzyDate.part_of_year(2021, "late")),
        claim("December 2021", "003", FuzzyDate.month(2021, 12)),
    ]
    assert find_conflicts(founded) == []
    first_moe = [
        claim("This January", "001", FuzzyDate.month(2024, 1), "moe"),
        claim("April 2024", "003", FuzzyDate.month(2024, 4), "moe"),
    ]
    (conflict,) = find_conflicts(founded + first_moe)
    assert conflict.attribute == "moe"


def test_texts_compare_by_key_and_values_without_comparable_are_ignored() -> None:
    names = [claim("闫俊杰", "002", "闫俊杰"), claim("颜俊杰", "003", "颜俊杰")]
    assert len(find_conflicts(names)) == 1
    same = [claim("MiniMax-M2", "1", "MiniMax-M2"), claim("minimax m2", "2", "minimax m2")]
    assert find_conflicts(same) == []
    assert find_conflicts([claim("x", "1", None), claim("y", "2", None)]) == []


def test_same_numbers_agree() -> None:
    assert find_conflicts([claim("80%", "1", 80.0), claim("over 80%", "2", 80.0)]) == []


def test_a_multiplier_is_its_number() -> None:
    assert comparable_value("7.8x") == 7.8
    assert comparable_value("250x typical") == 250.0
    (conflict,) = find_conflicts(
        [claim("7.8x", "003", 7.8, "relative_size"), claim("250x", "003", 250.0, "relative_size")]
    )
    assert conflict.kind is DisagreementKind.NUMBER


def _curated(attribute: str, *values: ConflictingValue, note: str = "n") -> Conflict:
    return Conflict(
        subject="MiniMax",
        attribute=attribute,
        values=values,
        kind=DisagreementKind.CHARACTERISATION,
        note=note,
    )


def test_a_curated_entry_annotates_the_detected_one_and_adds_its_new_claims() -> None:
    detected = find_conflicts([claim("~300", "001", 300.0), claim("~200", "003", 200.0)])
    again = ConflictingValue(value="~300", file="001", evidence="~300")
    extra = ConflictingValue(value="300 (interviewer)", file="001", evidence="you're at 300")
    (merged,) = with_curated(detected, [_curated("a", again, extra, note="both 2024")])
    assert [v.value for v in merged.values] == ["~300", "~200", "300 (interviewer)"]
    assert (merged.kind, merged.note) == (DisagreementKind.CHARACTERISATION, "both 2024")


def test_curated_ones_come_in_their_order_then_those_only_facts_find() -> None:
    detected = find_conflicts([claim("~300", "001", 300.0), claim("~200", "003", 200.0)])
    one = ConflictingValue(value="x", file="001", evidence="x")
    two = ConflictingValue(value="y", file="003", evidence="y")
    merged = with_curated(detected, [_curated("z", one, two), _curated("b", one, two)])
    assert [c.attribute for c in merged] == ["z", "b", "a"]


def test_a_curated_disagreement_alone_needs_two_claims() -> None:
    one = ConflictingValue(value="x", file="001", evidence="x")
    with pytest.raises(IngestError, match="fewer than two claims"):
        with_curated([], [_curated("strategy", one)])
