"""One generic registration: a table entry becomes a slash command with typed parameters."""

from __future__ import annotations

from datetime import date
from typing import Any

import discord
from discord import app_commands

from bot.command_options import Option
from bot.commands import COMMANDS, Command
from bot.discord_app.options import TableConverter
from bot.discord_app.table import slash_command
from bot.domain.records import ModelKind
from bot.queries.autocomplete import model_choices
from bot.queries.corpus import Corpus
from bot.queries.listings import Answer
from bot.queries.results import Problem


async def _echo(corpus: Corpus, today: date, **values: Any) -> Answer:
    return Problem(repr(values))


NEW = Command(
    "echo",
    "A command no module names: only this entry",
    _echo,
    (
        Option("word", str, "A word", required=True, autocomplete=model_choices),
        Option("count", int, "How many", min_value=1, max_value=5),
        Option("day", date, "A day"),
        Option("kind", ModelKind, "A kind"),
    ),
    cooldown=True,
)


def registered(command: Command) -> dict[str, Any]:
    tree = app_commands.CommandTree(discord.Client(intents=discord.Intents.none()))
    return slash_command(command).to_dict(tree)


def test_a_new_table_entry_registers_with_typed_options() -> None:
    payload = registered(NEW)
    assert (payload["name"], payload["description"]) == (NEW.name, NEW.description)
    word, count, day, kind = payload["options"]
    assert (word["type"], word["required"], word["autocomplete"]) == (3, True, True)
    assert (count["type"], count["min_value"], count["max_value"]) == (4, 1, 5)
    assert day["type"] == 3 and not day.get("choices") and not day["required"]
    assert [c["value"] for c in kind["choices"]] == [k.value for k in ModelKind]
    assert [o["description"] for o in payload["options"]] == [o.description for o in NEW.options]


def test_dates_and_kinds_go_through_the_table_converter_and_cooldowns_are_checks() -> None:
    slash = slash_command(NEW)
    day, kind = slash._params["day"], slash._params["kind"]
    assert isinstance(day._annotation, TableConverter) and day._annotation.option.type is date
    assert isinstance(kind._annotation, TableConverter)
    assert len(slash.checks) == 1 and not slash_command(COMMANDS["model"]).checks


def test_every_table_command_registers() -> None:
    for command in COMMANDS.values():
        payload = registered(command)
        names = [o["name"] for o in payload.get("options", [])]
        assert names == [o.name for o in command.options]
