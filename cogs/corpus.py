"""Every command of the table (/quote, /model, /timeline, …), registered from `bot.commands`.

The commands are built by `bot.discord_app.table`; this extension only adds them to the tree
(and the stateless buttons of their answers) when loaded, and takes them away when unloaded.
"""

from __future__ import annotations

from bot.commands import COMMANDS
from bot.discord_app.app import MinimaxBot
from bot.discord_app.table import slash_command
from bot.discord_app.views import DYNAMIC_BUTTONS


async def setup(bot: MinimaxBot) -> None:
    for command in COMMANDS.values():
        bot.tree.add_command(slash_command(command))
    bot.add_dynamic_items(*DYNAMIC_BUTTONS)  # their presses work whichever process sent them


async def teardown(bot: MinimaxBot) -> None:
    for name in COMMANDS:
        bot.tree.remove_command(name)
    bot.remove_dynamic_items(*DYNAMIC_BUTTONS)
