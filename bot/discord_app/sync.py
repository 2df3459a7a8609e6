"""When the bot registers its slash commands with Discord (the "sync"), and where.

- With DEV_GUILD_ID: every start copies the global commands to that guild and syncs there
  (instant, for development and tests), and leaves the global commands alone.
- Otherwise a start syncs globally only when the command definitions changed since the last
  global sync. Their hash (sha-256 of the sorted JSON Discord receives) is kept in the
  state (`bot.state`), per application, so restarts do not re-upload the commands and
  spend Discord's daily command-creation limit.
- `minimax-bot sync` syncs on purpose: globally (recording the hash) or to one guild.
"""

from __future__ import annotations

import hashlib
import json
import logging
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands

if TYPE_CHECKING:
    from bot.discord_app.app import MinimaxBot

log = logging.getLogger(__name__)

HASH_KEY = "commands_sha256:global:{application_id}"


async def command_payload(tree: app_commands.CommandTree[Any]) -> list[dict[str, Any]]:
    """What a global sync sends (translations included), in a stable order."""
    translator = tree.translator
    commands = tree.get_commands()
    if translator is None:
        payload = [command.to_dict(tree) for command in commands]
    else:
        payload = [await command.get_translated_payload(tree, translator) for command in commands]
    return sorted(payload, key=lambda c: (int(c.get("type", 1)), str(c["name"])))


async def commands_hash(tree: app_commands.CommandTree[Any]) -> str:
    text = json.dumps(
        await command_payload(tree), sort_keys=True, separators=(",", ":"), ensure_ascii=False
    )
    return hashlib.sha256(text.encode()).hexdigest()


def _hash_key(bot: MinimaxBot) -> str:
    return HASH_KEY.format(application_id=bot.application_id)


async def sync_on_start(bot: MinimaxBot) -> None:
    """The start-up policy (see the module notes). A failed sync is logged, not fatal: the
    commands registered before keep working, and the next start tries again."""
    try:
        if bot.settings.dev_guild_id is not None:
            await sync_guild(bot, bot.settings.dev_guild_id)
            log.info("DEV_GUILD_ID is set: global commands left as they are")
        else:
            await sync_global(bot, force=False)
    except discord.HTTPException as error:
        log.error("command sync failed: %s %s", error.status, error.text or error)


async def sync_guild(bot: MinimaxBot, guild_id: int) -> int:
    """Copy the global commands to `guild_id` and sync there; returns how many."""
    guild = discord.Object(guild_id)
    bot.tree.copy_global_to(guild=guild)
    synced = await bot.tree.sync(guild=guild)
    bot.mentions.learn(synced)
    log.info("synced %d command(s) to guild %s", len(synced), guild_id)
    return len(synced)


async def sync_global(bot: MinimaxBot, *, force: bool) -> int | None:
    """Sync globally when forced or when the definitions changed; record their hash.

    Returns how many commands were synced, or None when nothing changed."""
    digest = await commands_hash(bot.tree)
    store = bot.state
    key = _hash_key(bot)
    if not force and await store.state_get(key) == digest:
        log.info("global commands unchanged since the last sync (%s); not syncing", digest[:12])
        bot.mentions.learn(await bot.tree.fetch_commands())  # their ids, for mentions
        return None
    synced = await bot.tree.sync()
    bot.mentions.learn(synced)
    await store.state_set(key, digest)
    reason = "on request" if force else "definitions changed"
    log.info("synced %d global command(s) (%s, %s)", len(synced), reason, digest[:12])
    return len(synced)
