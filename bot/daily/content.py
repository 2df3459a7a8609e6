"""What the daily post says: "on this day" for the guild's local date, as one embed, in the
server's language.

The content depends on the date alone (`on_this_day` is deterministic per date), so
`/daily preview` shows exactly what the post will be, and a post can be recognised in a
channel by its embed (see `is_daily_post`). Its fixed words are in the server's preferred
locale, which Discord sends with the guild (Community servers choose it; others have
en-US): zh-CN or zh-TW when the server chose Chinese, English otherwise or when this process
does not have the guild. The corpus's words stay as written.
"""

from __future__ import annotations

from datetime import date

import discord

from bot.cards.embed import NO_PINGS as NO_PINGS
from bot.cards.embed import render_embed
from bot.cards.labels import DEFAULT, LOCALES, Locale, locale_of
from bot.queries.corpus import Corpus
from bot.queries.onthisday import on_this_day
from bot.queries.results import OnThisDay


def guild_locale(preferred: discord.Locale | None) -> Locale:
    """The locale of a server's post: its preferred locale, English when it is not known."""
    return locale_of(preferred.value) if preferred is not None else DEFAULT


async def daily_answer(corpus: Corpus, local_date: date) -> OnThisDay:
    """The events of this month-day (or the labelled fallback) for the guild's date."""
    async with corpus.request():
        return await on_this_day(corpus, local_date)


async def daily_embed(corpus: Corpus, local_date: date, locale: Locale = DEFAULT) -> discord.Embed:
    return render_embed(await daily_answer(corpus, local_date), locale)


def every_locale(answer: OnThisDay) -> list[discord.Embed]:
    """The post in each locale: one sent before the server changed its language is still
    recognised as the day's post."""
    return [render_embed(answer, locale) for locale in LOCALES]


def is_daily_post(message: discord.Message, embed: discord.Embed, author_id: int) -> bool:
    """Whether `message` is ours and shows `embed` (the same title and text)."""
    if message.author.id != author_id or not message.embeds:
        return False
    shown = message.embeds[0]
    return (shown.title, shown.description) == (embed.title, embed.description)
