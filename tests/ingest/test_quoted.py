"""Quoted words in prose and who the line gives them to."""

from __future__ import annotations

from bot.ingest.quoted import quoted

HOT_TAKE = (
    "He Tao's hot take: most annoying thing is hearing \"the agent did it, don't blame me\" — "
    "you submitted it under your account, whose responsibility is it really?"
)


def test_words_someone_hears_stay_inside_their_own_statement() -> None:
    (found,) = quoted(HOT_TAKE, ["He Tao"])
    assert found.speaker == "He Tao"
    assert found.words == HOT_TAKE[len("He Tao's hot take: ") :]
    assert HOT_TAKE[found.start : found.end] == found.words


def test_words_someone_says_are_theirs() -> None:
    (found,) = quoted('IO watches for "a relatively objective metric" — not scores.', ["IO"])
    assert (found.words, found.speaker) == ("a relatively objective metric", "IO")
