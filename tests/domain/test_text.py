"""The text helpers every layer shares: words, shortening, and text that pings nobody."""

from __future__ import annotations

import pytest

from bot.domain.text import flatten, shorten, shown, unping, words


def test_words_split_as_the_index_does() -> None:
    assert words("Scaling laws, M2.5 & 颜俊杰!") == ["Scaling", "laws", "M2", "5", "颜俊杰"]
    assert words("sca\u200bling") == ["scaling"]  # a zero-width space does not split a word
    assert words("ｆｕｌｌ width") == ["full", "width"]  # NFKC
    assert words(" \t…—") == []


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("short", 10, "short"),
        ("one two three four", 12, "one two…"),
        ("one two three four five", 14, "one two three…"),  # the room ends on a word's end
        ("line one\nline two", 12, "line one…"),
        ("x" * 50, 10, "x" * 9 + "…"),  # no boundary in reach: cut inside the word
        ("alpha, beta gamma", 9, "alpha…"),  # no comma left before the ellipsis
        ("abc", 1, "…"),
        ("abc", 0, ""),
    ],
)
def test_shorten_cuts_at_a_boundary_with_an_ellipsis(text: str, limit: int, expected: str) -> None:
    assert shorten(text, limit) == expected
    assert len(shorten(text, limit)) <= limit


def test_shown_puts_text_on_one_line_first() -> None:
    assert flatten(" a \n b\t c ") == "a b c"
    assert shown("What  do\nyou think about scaling laws?", 20) == "What do you think…"


def test_unping_makes_every_mention_inert_and_keeps_the_rest() -> None:
    text = "@everyone @here <@&123> <@!45> <@67> mail@example.com"
    assert unping(text) == (
        "@\u200beveryone @\u200bhere <@\u200b&123> <@\u200b!45> <@\u200b67> mail@example.com"
    )
