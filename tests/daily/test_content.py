"""What the daily post says for a date: on this day, a labelled fallback, the same every time."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date, timedelta
from pathlib import Path
from unittest.mock import Mock

import discord
import pytest

from bot.daily.content import daily_answer, daily_embed, is_daily_post
from bot.queries.corpus import Corpus


@pytest.fixture
async def corpus(indexed_seeds_db: Path) -> AsyncIterator[Corpus]:
    corpus = await Corpus.open(indexed_seeds_db)
    yield corpus
    await corpus.close()


def text(embed: discord.Embed) -> str:
    fields = [f"{field.name}\n{field.value}" for field in embed.fields]
    return "\n".join([embed.title or "", embed.description or "", *fields])


async def test_the_events_of_the_day_with_their_sources(corpus: Corpus) -> None:
    embed = await daily_embed(corpus, date(2026, 6, 21))
    assert embed.title == "On this day · June 21"
    assert "Crossing" in text(embed) and "2026" in (embed.description or "")
    assert any(field.name.startswith("Source") for field in embed.fields)
    assert embed.footer.text is None  # no fallback


@pytest.mark.parametrize(
    ("day", "fallback", "label"),
    [
        (date(2026, 10, 5), "month", "Fallback: events from October"),
        (date(2027, 2, 10), "quote", "Fallback: quote of the day"),
    ],
)
async def test_a_day_without_events_gets_a_labelled_fallback(
    corpus: Corpus, day: date, fallback: str, label: str
) -> None:
    assert (await daily_answer(corpus, day)).fallback == fallback
    embed = await daily_embed(corpus, day)
    assert embed.footer.text == label
    assert any(field.name.startswith("Source") for field in embed.fields)


async def test_the_post_depends_on_the_date_alone(corpus: Corpus, indexed_seeds_db: Path) -> None:
    """Preview (one process, any time) and post (another, later) show the same thing."""
    days = [date(2026, 1, 1) + timedelta(days=n) for n in range(0, 365, 9)]
    first = [(await daily_embed(corpus, day)).to_dict() for day in days]
    again = await Corpus.open(indexed_seeds_db)
    try:
        second = [(await daily_embed(again, day)).to_dict() for day in reversed(days)]
    finally:
        await again.close()
    assert first == list(reversed(second))
    quotes = {d["description"] for d, day in zip(first, days, strict=True) if day.month == 2}
    assert len(quotes) > 1  # the quote of the day changes with the day


def message(author: int, embed: discord.Embed | None) -> discord.Message:
    fake = Mock(spec=discord.Message)
    fake.author = Mock(id=author)
    fake.embeds = [embed] if embed is not None else []
    return fake


async def test_a_post_is_recognised_by_its_author_and_embed(corpus: Corpus) -> None:
    embed = await daily_embed(corpus, date(2026, 6, 21))
    other_day = await daily_embed(corpus, date(2026, 6, 22))
    copy = discord.Embed.from_dict(embed.to_dict())
    assert is_daily_post(message(7, copy), embed, author_id=7)
    assert not is_daily_post(message(8, copy), embed, author_id=7)
    assert not is_daily_post(message(7, other_day), embed, author_id=7)
    assert not is_daily_post(message(7, None), embed, author_id=7)
