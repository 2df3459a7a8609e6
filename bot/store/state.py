"""The bot's own key -> value state (table `bot_state`, migration 003), beside the corpus."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.store.corpus_read import CorpusReader


class BotStateStore(CorpusReader):
    async def state_get(self, key: str) -> str | None:
        row = await self._one("SELECT value FROM bot_state WHERE key = ?", (key,))
        return None if row is None else str(row[0])

    async def state_set(self, key: str, value: str) -> None:
        """One statement: atomic on its own, or part of a transaction already open."""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        await self._conn.execute(
            "INSERT INTO bot_state (key, value, updated_at) VALUES (?, ?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value, "
            "updated_at = excluded.updated_at",
            (key, value, now),
        )
