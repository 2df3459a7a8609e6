"""The bot's answer cache: the same typed call on the same day is answered (and rendered) once."""

from __future__ import annotations

from datetime import date

from bot.commands import COMMANDS, Call, prepare
from bot.discord_app.answers import AnswerCache
from bot.queries.corpus import Corpus
from bot.queries.results import ModelCard, OnThisDay, QuoteAnswer

DAY = date(2026, 6, 21)


def call(command: str, /, **values: str | int) -> Call:
    return COMMANDS[command].call(**values)


async def test_a_repeated_request_is_served_from_memory(corpus: Corpus) -> None:
    cache = AnswerCache()
    first = await cache.answer(corpus, call("model", name="M2"), DAY)
    again = await cache.answer(corpus, call("model", name="M2"), DAY)
    assert again is first and isinstance(first.answer, ModelCard)
    assert first.embed.to_dict() == again.embed.to_dict() and len(cache) == 1


async def test_the_day_and_every_option_are_part_of_the_request(corpus: Corpus) -> None:
    cache = AnswerCache()
    today = await cache.answer(corpus, call("onthisday"), DAY)
    tomorrow = await cache.answer(corpus, call("onthisday"), date(2026, 6, 22))
    assert isinstance(today.answer, OnThisDay) and isinstance(tomorrow.answer, OnThisDay)
    assert (today.answer.month, today.answer.day) == (6, 21)
    assert (tomorrow.answer.month, tomorrow.answer.day) == (6, 22)
    one = await cache.answer(corpus, call("search", query="GPUs", page=1), DAY)
    two = await cache.answer(corpus, call("search", query="GPUs", page=2), DAY)
    assert one.answer != two.answer and len(cache) == 4


async def test_a_random_quote_is_never_remembered(corpus: Corpus) -> None:
    cache = AnswerCache()
    drawn = [await cache.answer(corpus, call("quote"), DAY) for _ in range(3)]
    assert len({id(reply) for reply in drawn}) == 3 and len(cache) == 0
    matched = await cache.answer(corpus, call("quote", query="scaling laws"), DAY)
    assert isinstance(matched.answer, QuoteAnswer) and matched.answer.how == "match"
    assert len(cache) == 1


async def test_the_least_recently_used_answer_goes_first(corpus: Corpus) -> None:
    cache = AnswerCache(size=2)
    m2 = await cache.answer(corpus, call("model", name="M2"), DAY)
    await cache.answer(corpus, call("model", name="M1"), DAY)
    assert await cache.answer(corpus, call("model", name="M2"), DAY) is m2  # M2 is now recent
    await cache.answer(corpus, call("model", name="Text-01"), DAY)  # M1 goes
    assert len(cache) == 2
    assert await cache.answer(corpus, call("model", name="M2"), DAY) is m2


async def test_a_call_made_in_text_or_typed_is_one_entry(corpus: Corpus) -> None:
    cache = AnswerCache()
    typed = await cache.answer(corpus, call("timeline", year=2025, page=1), DAY)
    text = prepare("timeline", {"year": " 2025 ", "page": "1"}, DAY)
    assert await cache.answer(corpus, text, DAY) is typed and len(cache) == 1
