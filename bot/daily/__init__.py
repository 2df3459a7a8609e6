"""The daily "on this day" post: exactly once per guild and local day, across restarts.

- `schedule`: pure functions: which subscriptions are due at an instant (time zones, DST);
- `ledger`: the message nonce, failed attempts and their backoff, the ledger as one view;
- `content`: what is posted for a date; `failures`: what a failed send means;
- `poster`: one post (claim, send, confirm); `scheduler`: the supervised background task;
- `subscriptions`: the admin's input checked; `status`: what `/daily status` says.

The cog (`cogs/daily.py`) wires them to the bot and to `/daily`.
"""
