"""Fact labels: readable, with names and acronyms spelled as they are."""

from __future__ import annotations

import pytest

from bot.queries.labels import label_for


@pytest.mark.parametrize(
    ("attribute", "label"),
    [
        ("total_parameters", "Total parameters"),
        ("rl_algorithm", "RL algorithm"),
        ("twitter_x", "Twitter / X"),
        ("uber_atg", "Uber ATG"),
        ("sensetime_career", "SenseTime career"),
        ("role_at_minimax", "Role at MiniMax"),
        ("first_moe_model_launch", "First MoE model launched"),
        ("key_features", "Key features"),
    ],
)
def test_labels(attribute: str, label: str) -> None:
    assert label_for(attribute) == label
