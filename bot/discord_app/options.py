"""The command table's options as discord.py parameters, and the answer to a typed call.

Integers are `app_commands.Range` (Discord checks the bounds before the bot sees the value),
text is `str`, and dates and kinds are text converted by `TableConverter`, a transformer that
calls the table's own converter: a bad date gets the terminal's message, through the tree's
error path. Autocomplete answers from the option's source in the table, from memory.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any, cast

import discord
from discord import app_commands

from bot.command_options import AutocompleteSource, Option, Value, convert
from bot.commands import Call
from bot.discord_app.answers import Rendered
from bot.discord_app.app import MinimaxBot
from bot.discord_app.replies import reader_locale
from bot.queries.results import Choice

AppChoices = list[app_commands.Choice[str]]
Autocomplete = Callable[[discord.Interaction, str], Coroutine[Any, Any, AppChoices]]


def client_of(interaction: discord.Interaction) -> MinimaxBot:
    client = interaction.client
    assert isinstance(client, MinimaxBot)
    return client


async def ask(interaction: discord.Interaction, call: Call) -> Rendered:
    """The answer to `call` for today (the bot's clock), and its embed in the asker's locale
    (remembered)."""
    bot = client_of(interaction)
    return await bot.answers.answer(bot.corpus, call, bot.today(), reader_locale(interaction))


def as_app_choices(choices: list[Choice]) -> AppChoices:
    return [app_commands.Choice(name=c.name, value=c.value) for c in choices]


class TableConverter(app_commands.Transformer):
    """A text option converted to its type by the table's converter (dates, kinds)."""

    def __init__(self, option: Option) -> None:
        self.option = option

    @property
    def type(self) -> discord.AppCommandOptionType:
        return discord.AppCommandOptionType.string

    @property
    def choices(self) -> list[app_commands.Choice[int | float | str]] | None:
        named = [app_commands.locale_str(c) for c in self.option.choices]  # translated too
        return [app_commands.Choice(name=n, value=n.message) for n in named] or None

    async def transform(self, interaction: discord.Interaction, value: str) -> Value:
        return convert(self.option, value, client_of(interaction).today())


def annotation(option: Option) -> Any:
    """What discord.py reads as the type of `option`'s parameter."""
    if option.type is str:
        return str
    if option.type is int:
        if option.min_value is None and option.max_value is None:
            return int
        # At type-checking time Range is typing.Annotated, which takes no runtime arguments.
        return cast(Any, app_commands.Range)[int, option.min_value, option.max_value]
    return TableConverter(option)


def autocomplete(source: AutocompleteSource) -> Autocomplete:
    """An autocomplete callback answering from `source` over the served catalog."""

    async def complete(interaction: discord.Interaction, current: str) -> AppChoices:
        return as_app_choices(source(client_of(interaction).corpus.catalog, current))

    return complete
