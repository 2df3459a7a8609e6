"""Buttons under an answer: ◀ ▶ to page through /timeline and /search, "Next quote" for /quote.

- Only the person who ran the command may press them; anyone else gets a private note.
- Each press asks again, with the typed call of the command and another `page`, or through
  the quote query (`rank`), so a page shown is always a fresh answer, never a slice kept
  from the first one.
- After `TIMEOUT` seconds without a press the buttons are disabled, through the latest
  interaction on the message (its token outlives the timeout; the first one may not).
"""

from __future__ import annotations

import logging

import discord

from bot.commands import Call
from bot.discord_app.options import ask, client_of
from bot.discord_app.replies import edit_answer
from bot.discord_app.tree import FAILED, tell
from bot.queries import quotes
from bot.queries.listings import Answer
from bot.queries.results import QuoteAnswer, SearchResults, Timeline

log = logging.getLogger(__name__)

TIMEOUT = 300.0  # seconds; under the 15 minutes an interaction token lives
RANDOM_DRAWS = 3
PRIMARY, SECONDARY = discord.ButtonStyle.primary, discord.ButtonStyle.secondary


class OwnedView(discord.ui.View):
    """Buttons that answer only the user who ran the command."""

    def __init__(self, interaction: discord.Interaction, command: str) -> None:
        super().__init__(timeout=TIMEOUT)
        self.owner_id = interaction.user.id
        self.command = command
        self.latest = interaction  # the latest interaction that showed the message

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        if interaction.user.id != self.owner_id:
            mine = f"Only whoever ran this /{self.command} can use its buttons; try your own."
            await tell(interaction, mine)
            return False
        self.latest = interaction
        return True

    async def on_timeout(self) -> None:
        for item in self.children:
            if isinstance(item, discord.ui.Button):
                item.disabled = True
        try:
            await self.latest.edit_original_response(view=self)
        except discord.HTTPException as failure:  # deleted, or the token expired
            log.info("could not disable the buttons of /%s: %s", self.command, failure)

    async def on_error(
        self,
        interaction: discord.Interaction,
        error: Exception,
        item: discord.ui.Item[discord.ui.View],
    ) -> None:
        log.error("a button of /%s failed", self.command, exc_info=error)
        await tell(interaction, FAILED)


class Pager(OwnedView):
    """◀ ▶ for an answer in pages; each press answers the same call with another `page`."""

    def __init__(
        self, interaction: discord.Interaction, call: Call, answer: Timeline | SearchResults
    ) -> None:
        super().__init__(interaction, call.command.name)
        self.call = call
        self._show_page(answer)

    def _show_page(self, answer: Timeline | SearchResults) -> None:
        self.page = answer.page + 1  # the table counts pages from 1, the queries from 0
        self.back.disabled = self.page <= 1
        self.forward.disabled = self.page >= answer.page_count

    async def _turn(self, interaction: discord.Interaction, page: int) -> None:
        reply = await ask(interaction, self.call.with_values(page=page))
        if isinstance(reply.answer, Timeline | SearchResults):
            self._show_page(reply.answer)
        await edit_answer(interaction, reply.answer, view=self, embed=reply.embed)

    @discord.ui.button(emoji="◀", custom_id="pager:previous", style=SECONDARY)
    async def back(
        self, interaction: discord.Interaction, button: discord.ui.Button[Pager]
    ) -> None:
        await self._turn(interaction, self.page - 1)

    @discord.ui.button(emoji="▶", custom_id="pager:next", style=SECONDARY)
    async def forward(
        self, interaction: discord.Interaction, button: discord.ui.Button[Pager]
    ) -> None:
        await self._turn(interaction, self.page + 1)


class NextQuote(OwnedView):
    """The "Next quote" button: the next match for the same words (and speaker), or another
    random quote (by the same speaker) after a random one."""

    def __init__(self, interaction: discord.Interaction, answer: QuoteAnswer) -> None:
        super().__init__(interaction, "quote")
        self._show_quote(answer)

    def _show_quote(self, answer: QuoteAnswer) -> None:
        self.answer = answer
        self.next_quote.disabled = answer.how == "match" and answer.rank + 1 >= answer.total

    @discord.ui.button(label="Next quote", custom_id="quote:next", style=PRIMARY)
    async def next_quote(
        self, interaction: discord.Interaction, button: discord.ui.Button[NextQuote]
    ) -> None:
        shown = self.answer
        async with client_of(interaction).corpus.request() as corpus:
            if shown.how == "match":
                rank = shown.rank + 1
                answer = await quotes.find_quote(
                    corpus, shown.query, shown.speaker_filter, rank=rank
                )
            else:  # another random quote; a few draws, so it is rarely the one shown
                for _ in range(RANDOM_DRAWS):
                    answer = await quotes.find_quote(corpus, None, shown.speaker_filter)
                    if not isinstance(answer, QuoteAnswer) or answer.quote_id != shown.quote_id:
                        break
        if isinstance(answer, QuoteAnswer):
            self._show_quote(answer)
        await edit_answer(interaction, answer, view=self)


def buttons_for(interaction: discord.Interaction, call: Call, answer: Answer) -> OwnedView | None:
    """The buttons under `answer` to `call`: "Next quote" under a quote, ◀ ▶ under an answer
    of more than one page, none under anything else."""
    if isinstance(answer, QuoteAnswer):
        return NextQuote(interaction, answer)
    if isinstance(answer, Timeline | SearchResults) and answer.page_count > 1:
        return Pager(interaction, call, answer)
    return None
