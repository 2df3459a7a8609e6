"""The Discord side of the bot: the client, its command tree and error path, replies and views.

The slash commands are built from the command table (`table.py`): typed parameters, a typed
call, the answer with its buttons. `cogs/` only adds them to the tree, beside the /daily
admin group the table cannot say.
"""
