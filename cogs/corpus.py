"""Every command of the table (/quote, /model, /timeline, …), registered from `bot.commands`.

The commands are built by `bot.discord_app.table`; this extension only adds them to the tree
when loaded and takes them away when unloaded.
"""

from __future__ import annotations

from bot.commands import COMMANDS
from bot.discord_app.app import MinimaxBot
from bot.discord_app.table import slash_command


async def setup(bot: MinimaxBot) -> None:
    for command in COMMANDS.values():
        bot.tree.add_command(slash_command(command))


async def teardown(bot: MinimaxBot) -> None:
    for name in COMMANDS:
        bot.tree.remove_command(name)
