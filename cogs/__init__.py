"""The bot's extensions, one per group of commands; each is thin over `bot.commands`."""

EXTENSIONS = ("cogs.models",)
