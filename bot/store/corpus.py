"""The corpus index as a serving process reads it: `CorpusStore`, reads only, one connection.

The indexer writes through `IndexWriter` (bot.store.corpus_write), usually from another
process. Each run that changes the index adds one to its generation (`meta`), in the same
transaction. A reader sees one index whole: `begin_snapshot` opens a read transaction, so every
read until `end_snapshot` sees the index as it was committed when the snapshot began, and says
which generation that is. Outside a snapshot each read sees the latest index.
"""

from __future__ import annotations

from pathlib import Path

from bot.domain.closing import AsyncClosing
from bot.store.database import open_database
from bot.store.disagreements_read import DisagreementsReads
from bot.store.models_read import ModelsReads
from bot.store.quotes_read import QuotesReads
from bot.store.search_read import SearchReads
from bot.store.timeline_read import TimelineReads
from bot.store.vectors import VectorReads

GENERATION_KEY = "generation"


class CorpusStore(
    QuotesReads,
    SearchReads,
    ModelsReads,
    TimelineReads,
    DisagreementsReads,
    VectorReads,
    AsyncClosing,
):
    @classmethod
    async def open(cls, path: Path | str, *, check: bool = False) -> CorpusStore:
        """Open (creating and migrating as needed) the index at `path`; `check` runs the
        integrity check first (DamagedDatabase when it fails)."""
        return cls(await open_database(path, check=check))

    async def close(self) -> None:
        await self._conn.close()

    async def generation(self) -> int:
        """The generation of the index this connection sees now (0 before any run)."""
        value = await self.meta_get(GENERATION_KEY)
        return int(value) if value is not None and value.isdigit() else 0

    async def begin_snapshot(self) -> int:
        """Hold the index as committed now until `end_snapshot`; its generation. What this
        store keeps in memory from an older generation is dropped."""
        await self.end_snapshot()
        await self._conn.execute("BEGIN")
        generation = await self.generation()  # the first read fixes the snapshot
        self._keep_for(generation)
        return generation

    async def end_snapshot(self) -> None:
        if self._conn.in_transaction:
            await self._conn.execute("COMMIT")
