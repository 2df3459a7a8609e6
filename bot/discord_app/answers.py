"""Answers with their embeds, remembered: the same typed call (command and checked values) on
the same day, from the same generation of the index, in the same locale, gets the same
answer. A popular `/model M2` is then a dictionary lookup, not a query and a render. A new
generation of the index (another process re-indexed) empties the cache: nothing from the
old index is served after it."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from datetime import date

import discord

from bot.cards.embed import render_embed
from bot.cards.labels import DEFAULT, Locale
from bot.commands import Call
from bot.discord_app.laid_out import SealedEmbed
from bot.queries.corpus import Corpus
from bot.queries.listings import Answer
from bot.queries.results import QuoteAnswer

Key = tuple[Call, date, Locale]


@dataclass(frozen=True, slots=True)
class Rendered:
    answer: Answer
    embed: discord.Embed  # sealed (laid out once): discord.py only reads it to send


def _repeatable(answer: Answer) -> bool:
    """Whether asking again gives this answer: all but a random quote."""
    return not (isinstance(answer, QuoteAnswer) and answer.how == "random")


# Enough for the requests people repeat (a popular /model, today's /onthisday). An answer with
# its embed takes about 5 KiB; 512 answers made the process grow by 2.5 MiB more and, measured
# on bench_bot's varied mix (521 distinct requests in a loop, which an LRU of 512 misses too),
# cost the same CPU per request as 128.
CACHED_ANSWERS = 128


class AnswerCache:
    """The latest `size` answers of one generation of the index, least recently used dropped
    first."""

    def __init__(self, size: int = CACHED_ANSWERS) -> None:
        self.size = size
        self._items: OrderedDict[Key, Rendered] = OrderedDict()
        self._generation: int | None = None

    def __len__(self) -> int:
        return len(self._items)

    async def answer(
        self, corpus: Corpus, call: Call, today: date, locale: Locale = DEFAULT
    ) -> Rendered:
        """The answer to `call` on `today`, its embed in `locale`, remembered unless asking
        again may differ."""
        key: Key = (call, today, locale)
        if self._generation == corpus.generation and corpus.unchanged():
            # Nothing committed since this generation was read: no snapshot needed.
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
                return found
        async with corpus.request():
            generation = corpus.generation
            if generation != self._generation:
                self._items.clear()
                self._generation = generation
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
                return found
            answer = await call.answer(corpus, today)
        rendered = Rendered(answer, SealedEmbed.seal(render_embed(answer, locale)))
        if _repeatable(answer) and self._generation == generation:
            self._items[key] = rendered
            if len(self._items) > self.size:
                self._items.popitem(last=False)
        return rendered
