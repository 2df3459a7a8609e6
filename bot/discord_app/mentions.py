"""Clickable command mentions (`</timeline:123>`): the ids Discord gave the commands at sync.

Discord shows `</name:id>` as the command, and a click fills it into the message box; it needs
the id of the registered command (guild or global, whichever the bot synced). Until the ids are
known (before the first sync) a mention is the plain `/name`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import discord
from discord import app_commands

# "/name" as a word: not inside a URL or a mention already, nor followed by more of a path.
_SLASH_NAME = re.compile(r"(?<![\w</:.])/([a-z][a-z0-9_-]*)(?![\w/:])")


class CommandMentions:
    def __init__(self) -> None:
        self.ids: dict[str, int] = {}

    def learn(self, commands: Iterable[app_commands.AppCommand]) -> None:
        """Remember the ids of `commands` (what a sync or a fetch returned), slash ones only."""
        self.ids = {c.name: c.id for c in commands if c.type is discord.AppCommandType.chat_input}

    def of(self, name: str) -> str:
        """`name` ("timeline", or "daily set" for a subcommand) as a mention, else "/name"."""
        command_id = self.ids.get(name.split()[0])
        return f"/{name}" if command_id is None else f"</{name}:{command_id}>"

    def in_text(self, text: str) -> str:
        """`text` with every "/name" of a known command made a mention."""
        return _SLASH_NAME.sub(
            lambda m: self.of(m.group(1)) if m.group(1) in self.ids else m.group(0), text
        )
