"""Buttons under an answer: ◀ ▶ to page through /timeline, /search and /disagreements, "Next
quote" for /quote.

Stateless (`discord.ui.DynamicItem`): everything a press needs is in the button's custom_id
(the command, the page or rank it leads to, the asker, the command's values), so a press
works after a restart and in any shard process, and no View or timeout task is kept per
message. Values too long for Discord's 100 characters are kept in the state under a short key
(`button_values`), which every shard process shares.

- Only the person who ran the command may press them; anyone else gets a private note.
- Each press asks again, with the typed call of the command and another `page`, or through
  the quote query (`rank`), so a page shown is always a fresh answer, never a slice kept
  from the first one.
"""

from __future__ import annotations

import logging
import re
from typing import Any

import discord

from bot.cards.labels import DEFAULT, Locale, say, told
from bot.commands import COMMANDS, Call, UsageError, prepare
from bot.discord_app.button_values import pack, unpack
from bot.discord_app.laid_out import LaidOutButtons, button
from bot.discord_app.options import ask, client_of
from bot.discord_app.replies import edit_answer, reader_locale
from bot.discord_app.tree import tell
from bot.queries import quotes
from bot.queries.listings import Answer, DisagreementList
from bot.queries.results import QuoteAnswer, SearchResults, Timeline

log = logging.getLogger(__name__)

RANDOM_DRAWS = 3
PRIMARY, SECONDARY = discord.ButtonStyle.primary, discord.ButtonStyle.secondary
Button = discord.ui.Button[discord.ui.View]
Paged = Timeline | SearchResults | DisagreementList  # answers with `page` and `page_count`


async def _refuse_others(interaction: discord.Interaction, asker: int, command: str) -> bool:
    if interaction.user.id == asker:
        return True
    mention = client_of(interaction).mentions.of(command)
    await tell(interaction, say("reply.not_yours", reader_locale(interaction), command=mention))
    return False


async def _pressed(interaction: discord.Interaction, command: str, press: Any) -> None:
    """Run `press()`; a failure is logged and the presser told, privately (discord.py would
    only log it)."""
    try:
        await press()
    except UsageError as problem:
        await tell(interaction, told(str(problem), problem.wording, reader_locale(interaction)))
    except Exception as error:
        log.error("a button of /%s failed", command, exc_info=error)
        await tell(interaction, say("reply.failed", reader_locale(interaction)))


class PageButton(
    discord.ui.DynamicItem[Button],
    template=r"p:(?P<command>[a-z]+):(?P<asker>[0-9]+):(?P<page>[0-9]+):(?P<values>.*)",
):
    """◀ or ▶: the same call as the answer shown, at page `page` (counted from 1)."""

    def __init__(
        self, command: str, asker: int, page: int, values: str, *, emoji: str, disabled: bool
    ) -> None:
        custom_id = self.custom_id_for(command, asker, page, values)
        super().__init__(
            discord.ui.Button(emoji=emoji, style=SECONDARY, custom_id=custom_id, disabled=disabled)
        )
        self.command, self.asker, self.page, self.values = command, asker, page, values

    @staticmethod
    def custom_id_for(command: str, asker: int, page: int, values: str) -> str:
        return f"p:{command}:{asker}:{page}:{values}"

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str]
    ) -> PageButton:
        emoji = str(getattr(item, "emoji", None) or "▶")
        found = match.groupdict()
        return cls(
            found["command"],
            int(found["asker"]),
            int(found["page"]),
            found["values"],
            emoji=emoji,
            disabled=False,
        )

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        return await _refuse_others(interaction, self.asker, self.command)

    async def callback(self, interaction: discord.Interaction) -> None:
        await _pressed(interaction, self.command, lambda: self._turn(interaction))

    async def _turn(self, interaction: discord.Interaction) -> None:
        bot = client_of(interaction)
        values = await unpack(bot.state, self.values)
        if values is None or self.command not in COMMANDS:
            await tell(interaction, say("reply.gone", reader_locale(interaction)))
            return
        call = prepare(self.command, values, bot.today()).with_values(page=self.page)
        reply = await ask(interaction, call)
        view = page_view(self.asker, call, self.values, reply.answer)
        await edit_answer(interaction, reply.answer, view=view, embed=reply.embed)


class NextQuoteButton(
    discord.ui.DynamicItem[Button],
    template=r"q:(?P<asker>[0-9]+):(?P<how>[mr])(?P<number>[0-9]+):(?P<values>.*)",
):
    """ "Next quote": the match at rank `number` for the same words (and speaker) after a match
    (how "m"), or another random quote (by the same speaker) than quote `number` (how "r")."""

    def __init__(
        self,
        asker: int,
        how: str,
        number: int,
        values: str,
        *,
        disabled: bool,
        locale: Locale = DEFAULT,
    ) -> None:
        custom_id = self.custom_id_for(asker, how, number, values)
        label = say("button.next_quote", locale)
        button: Button = discord.ui.Button(
            label=label, style=PRIMARY, custom_id=custom_id, disabled=disabled
        )
        super().__init__(button)
        self.asker, self.how, self.number, self.values = asker, how, number, values

    @staticmethod
    def custom_id_for(asker: int, how: str, number: int, values: str) -> str:
        return f"q:{asker}:{how}{number}:{values}"

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str]
    ) -> NextQuoteButton:
        found = match.groupdict()
        number = int(found["number"])
        return cls(int(found["asker"]), found["how"], number, found["values"], disabled=False)

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        return await _refuse_others(interaction, self.asker, "quote")

    async def callback(self, interaction: discord.Interaction) -> None:
        await _pressed(interaction, "quote", lambda: self._next(interaction))

    async def _next(self, interaction: discord.Interaction) -> None:
        bot = client_of(interaction)
        values = await unpack(bot.state, self.values)
        if values is None:
            await tell(interaction, say("reply.gone", reader_locale(interaction)))
            return
        query, speaker = values.get("query"), values.get("speaker")
        answer: Answer
        async with bot.corpus.request() as corpus:
            if self.how == "m":
                answer = await quotes.find_quote(corpus, query, speaker, rank=self.number)
            else:  # another random quote; a few draws, so it is rarely the one shown
                for _ in range(RANDOM_DRAWS):
                    answer = await quotes.find_quote(corpus, None, speaker)
                    if not isinstance(answer, QuoteAnswer) or answer.quote_id != self.number:
                        break
        locale = reader_locale(interaction)
        view = (
            quote_view(self.asker, answer, self.values, locale)
            if isinstance(answer, QuoteAnswer)
            else None
        )
        await edit_answer(interaction, answer, view=view)


DYNAMIC_BUTTONS = (PageButton, NextQuoteButton)


def page_view(asker: int, call: Call, values: str, answer: Answer) -> discord.ui.View | None:
    """◀ ▶ under a page of `answer` to `call` (`values`: its values, packed), when it has more
    than one page: the components of two PageButtons, laid out without building them."""
    if not isinstance(answer, Paged) or answer.page_count <= 1:
        return None
    page = answer.page + 1  # the table counts pages from 1, the queries from 0
    name, last = call.command.name, answer.page_count
    back = PageButton.custom_id_for(name, asker, max(page - 1, 1), values)
    forward = PageButton.custom_id_for(name, asker, min(page + 1, last), values)
    return LaidOutButtons(
        button(back, style=SECONDARY, emoji="◀", disabled=page <= 1),
        button(forward, style=SECONDARY, emoji="▶", disabled=page >= last),
    )


def quote_view(
    asker: int, answer: QuoteAnswer, values: str, locale: Locale = DEFAULT
) -> discord.ui.View:
    """ "Next quote" under `answer`, labelled in the asker's `locale`: a NextQuoteButton's
    component."""
    if answer.how == "match":
        last = answer.rank + 1 >= answer.total
        number, how = answer.rank + 1, "m"
    else:
        last, number, how = False, answer.quote_id, "r"
    custom_id = NextQuoteButton.custom_id_for(asker, how, number, values)
    label = say("button.next_quote", locale)
    return LaidOutButtons(button(custom_id, style=PRIMARY, label=label, disabled=last))


async def buttons_for(
    interaction: discord.Interaction, call: Call, answer: Answer
) -> discord.ui.View | None:
    """The buttons under `answer` to `call`: "Next quote" under a quote, ◀ ▶ under an answer
    of more than one page, none under anything else."""
    state = client_of(interaction).state
    asker = interaction.user.id
    if isinstance(answer, QuoteAnswer):
        words = {"query": answer.query, "speaker": answer.speaker_filter}
        packed = await pack(state, {k: v for k, v in words.items() if v})
        return quote_view(asker, answer, packed, reader_locale(interaction))
    if isinstance(answer, Paged) and answer.page_count > 1:
        packed = await pack(state, call_texts(call, without="page"))
        return page_view(asker, call, packed, answer)
    return None


def call_texts(call: Call, *, without: str) -> dict[str, str]:
    """The call's values as the text the table's converters read back."""
    texts: dict[str, str] = {}
    for name, value in call.values:
        if name != without:
            texts[name] = (
                value.isoformat()
                if hasattr(value, "isoformat")
                else str(getattr(value, "value", value))
            )
    return texts
