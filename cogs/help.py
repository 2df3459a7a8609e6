"""/help and the message menu "Find in the corpus": Discord only, beside the command table.

"Find in the corpus" reads the text of the message it is used on (Discord sends it with the
interaction: no message-content intent needed) and answers as /search does, buttons and all.
A chat message is rarely an exact phrase of the corpus, so when all its words match nothing,
its longest words are searched for instead.
"""

from __future__ import annotations

import discord
from discord import app_commands

from bot.cards.labels import say
from bot.commands import COMMANDS, Call
from bot.discord_app.app import MinimaxBot
from bot.discord_app.checks import per_user_cooldown
from bot.discord_app.help import show_help
from bot.discord_app.options import ask, client_of
from bot.discord_app.replies import reader_locale
from bot.discord_app.table import answer_call
from bot.discord_app.tree import tell
from bot.domain.text import words
from bot.queries.results import Problem

HELP = "help"
HELP_DESCRIPTION = "What this bot can do, with a link to each command"
FIND = "Find in the corpus"
MAX_FIND_CHARS = 300
FALLBACK_WORDS = (3, 2, 1)  # how many of the longest words to try, in turn


def find_queries(text: str) -> list[str]:
    """What to search for, best first: the whole text, then fewer and fewer of its longest
    words (ties kept in reading order)."""
    flat = " ".join(text.split())[:MAX_FIND_CHARS]
    distinct = list(dict.fromkeys(words(flat)))
    longest = sorted(distinct, key=len, reverse=True)
    tries = [flat] + [" ".join(longest[:count]) for count in FALLBACK_WORDS]
    return [query for query in dict.fromkeys(tries) if query.strip()]


async def help_callback(interaction: discord.Interaction) -> None:
    await show_help(interaction, client_of(interaction).mentions)


async def find_in_corpus(interaction: discord.Interaction, message: discord.Message) -> None:
    queries = find_queries(message.content)
    if not queries:
        nothing = say("reply.nothing_to_find", reader_locale(interaction))
        await tell(interaction, client_of(interaction).mentions.in_text(nothing))
        return
    search = COMMANDS["search"]
    chosen: Call = search.call(query=queries[0])
    for query in queries:
        call = search.call(query=query)
        if not isinstance((await ask(interaction, call)).answer, Problem):
            chosen = call
            break
    await answer_call(interaction, chosen)  # from the answer cache: asked just now


async def setup(bot: MinimaxBot) -> None:
    bot.tree.add_command(
        app_commands.Command(name=HELP, description=HELP_DESCRIPTION, callback=help_callback)
    )
    menu = app_commands.ContextMenu(name=FIND, callback=per_user_cooldown()(find_in_corpus))
    bot.tree.add_command(menu)


async def teardown(bot: MinimaxBot) -> None:
    bot.tree.remove_command(HELP)
    bot.tree.remove_command(FIND, type=discord.AppCommandType.message)
