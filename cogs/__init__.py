"""The bot's extensions, one per group of commands; each is thin over `bot.commands`."""

EXTENSIONS = (
    "cogs.models",
    "cogs.quotes",
    "cogs.timeline",
    "cogs.search",
    "cogs.info",
    "cogs.daily",
)
