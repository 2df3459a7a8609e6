"""The fuzzy helper: closest names first, each item once, nothing below the cutoff."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.names import name_key
from bot.queries.fuzzy import best_matches

MODELS = {name_key(alias): canonical for alias, canonical in (
    ("MiniMax-Text-01", "MiniMax-Text-01"),
    ("Text-01", "MiniMax-Text-01"),
    ("MiniMax-M2", "MiniMax-M2"),
    ("M2", "MiniMax-M2"),
    ("M2.5", "M2.5"),
    ("ABAB 6.5", "ABAB 6.5"),
    ("GPT-5.5", "GPT-5.5"),
)}  # fmt: skip


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("minimx text 01", "MiniMax-Text-01"),
        ("MINIMAX TEXT01", "MiniMax-Text-01"),
        ("minimax-m2", "MiniMax-M2"),
        ("abab 65", "ABAB 6.5"),
        ("gpt 5.5", "GPT-5.5"),
    ],
)
def test_the_closest_name_comes_first(typed: str, expected: str) -> None:
    assert best_matches(typed, MODELS)[0][0] == expected


def test_an_item_under_several_keys_appears_once_with_its_best_score() -> None:
    found = best_matches("minimax text 01", MODELS, cutoff=0)
    items = [item for item, _ in found]
    assert items.count("MiniMax-Text-01") == 1
    assert found[0] == ("MiniMax-Text-01", 100.0)


def test_scores_are_best_first_and_respect_cutoff_and_limit() -> None:
    found = best_matches("minimax", MODELS, limit=3, cutoff=40)
    scores = [score for _, score in found]
    assert len(found) <= 3
    assert scores == sorted(scores, reverse=True)
    assert all(score >= 40 for score in scores)


def test_short_queries_are_not_matched_as_parts_of_longer_names() -> None:
    # `t` and `ma` are parts of many keys; partial matching would call each of them a 90.
    assert best_matches("t", MODELS) == []
    assert best_matches("ma", MODELS) == []
    assert best_matches("m2", MODELS)[0] == ("MiniMax-M2", 100.0)


@pytest.mark.parametrize("typed", ["", "   ", "🚀", "\u200b", "'; DROP TABLE models; --"])
def test_nothing_to_match_or_nothing_close_gives_nothing(typed: str) -> None:
    assert best_matches(typed, MODELS) == []


def test_no_choices_or_no_room_gives_nothing() -> None:
    assert best_matches("M2", {}) == []
    assert best_matches("M2", MODELS, limit=0) == []


@given(st.text(max_size=600))
def test_any_text_gives_a_short_sorted_list(typed: str) -> None:
    found = best_matches(typed, MODELS, limit=4, cutoff=50)
    assert len(found) <= 4
    assert len({item for item, _ in found}) == len(found)
    assert all(50 <= score <= 100 for _, score in found)
