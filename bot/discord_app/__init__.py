"""The Discord side of the bot: the client, its command tree and error path, replies and views.

Cogs (in `cogs/`) are thin: they read options, call a query through `bot.commands`, and answer
with `replies.send_answer`; everything shared by them lives here.
"""
