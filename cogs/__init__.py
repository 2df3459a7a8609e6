"""The bot's extensions: the commands of the table (`cogs.corpus`), and the /daily admin group,
which the table cannot say."""

EXTENSIONS = ("cogs.corpus", "cogs.daily", "cogs.help")
