"""`minimax-bot state export|import|status`: the operator's view of the state.

The state is the one the settings name: PostgreSQL with DATABASE_URL, else the STATE_PATH
file. Moving it between engines is an export under one setting and an import under the other:

    minimax-bot state export > state.jsonl
    DATABASE_URL=postgresql://... minimax-bot state import state.jsonl

An import adds what the target lacks and keeps what it has (a row already there wins), in one
transaction: a bad line or a failed write leaves the target as it was.
"""

from __future__ import annotations

import asyncio
import sqlite3
import sys
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TextIO
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.settings import Settings
from bot.state.opening import open_state_store, state_location
from bot.state.records import DailyPostRow, GuildSettings, StateSnapshot
from bot.state.transfer import BadStateLine, dump_lines, load_lines
from bot.store.database import StoreError

EXIT_FAILED = 1


def state_command(settings: Settings, action: str, source: Path | None) -> int:
    where = state_location(settings)
    try:
        if action == "export":
            return asyncio.run(_export(settings, sys.stdout))
        if action == "import":
            return asyncio.run(_import(settings, source))
        return asyncio.run(_status(settings, datetime.now(UTC)))
    except BadStateLine as error:
        print(f"state import failed, nothing changed: {error}", file=sys.stderr)
    except (StoreError, sqlite3.Error, OSError) as error:
        print(f"state {action} failed ({where}): {_scrub(settings, error)}", file=sys.stderr)
    return EXIT_FAILED


def _scrub(settings: Settings, error: BaseException) -> str:
    url = settings.state_url
    return str(error) if url is None else url.scrub(str(error))


async def _export(settings: Settings, out: TextIO) -> int:
    store = await open_state_store(settings.state_url, settings.state_file)
    try:
        snapshot = await store.snapshot()
    finally:
        await store.close()
    for line in dump_lines(snapshot):
        out.write(line + "\n")
    print(f"exported {_counts(snapshot)} from {state_location(settings)}", file=sys.stderr)
    return 0


async def _import(settings: Settings, source: Path | None) -> int:
    if source is None or str(source) == "-":
        snapshot = load_lines(sys.stdin)
    else:
        text = await asyncio.to_thread(source.read_text, encoding="utf-8")
        snapshot = load_lines(text.splitlines())
    store = await open_state_store(settings.state_url, settings.state_file)
    try:
        added = await store.restore(snapshot)
    finally:
        await store.close()
    total = len(snapshot.settings) + len(snapshot.posts) + len(snapshot.bot_state)
    print(
        f"imported {added} of {total} row(s) ({_counts(snapshot)}) into "
        f"{state_location(settings)}; {total - added} already there were kept"
    )
    return 0


def _counts(snapshot: StateSnapshot) -> str:
    return (
        f"{len(snapshot.settings)} guild setting(s), {len(snapshot.posts)} daily post(s), "
        f"{len(snapshot.bot_state)} bot state key(s)"
    )


async def _status(settings: Settings, now: datetime) -> int:
    store = await open_state_store(settings.state_url, settings.state_file)
    try:
        subscriptions = await store.daily_subscriptions()
        posts = await store.daily_posts_since((now - timedelta(days=1)).date())
    finally:
        await store.close()
    print(status_text(state_location(settings), subscriptions, posts, now))
    return 0


def _today(settings: GuildSettings, now: datetime) -> date | None:
    try:
        return now.astimezone(ZoneInfo(settings.timezone or "")).date()
    except (ZoneInfoNotFoundError, ValueError):
        return None


def status_text(
    where: str, subscriptions: list[GuildSettings], posts: list[DailyPostRow], now: datetime
) -> str:
    """Subscriptions, the paused ones and why, and each guild's post of its own today."""
    rows = {(post.guild_id, post.local_date): post for post in posts}
    paused = [s for s in subscriptions if s.paused_reason]
    today: Counter[str] = Counter()
    for settings in subscriptions:
        if settings.paused_reason:
            continue
        local = _today(settings, now)
        post = None if local is None else rows.get((settings.guild_id, local))
        if post is None:
            today["not yet"] += 1
        else:
            today["posted" if post.confirmed else "in doubt (claimed, not confirmed)"] += 1
    lines = [
        f"state: {where}",
        f"subscriptions: {len(subscriptions)} ({len(subscriptions) - len(paused)} active, "
        f"{len(paused)} paused)",
        "posts today (each guild's local date): "
        + (", ".join(f"{count} {what}" for what, count in sorted(today.items())) or "none due"),
    ]
    if paused:
        lines.append("paused:")
        lines += [f"  guild {s.guild_id}: {s.paused_reason}" for s in paused]
    return "\n".join(lines)
