import pytest

from bot.domain.records import FuzzyDate
from bot.ingest.conflicts import Claim, Comparable, comparable_value, find_conflicts


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
