"""The corpus index as a serving process reads it: `CorpusStore`, reads only, one connection.

The indexer writes through `IndexWriter` (bot.store.corpus_write), usually from another
process. Each run that changes the index adds one to its generation (`meta`), in the same
transaction. A reader sees one index whole: `begin_snapshot` opens a read transaction, so every
read until `end_snapshot` sees the index as it was committed when the snapshot began, and says
which generation that is. Outside a snapshot each read sees the latest index.

`commits_seen` tells, without a trip to the connection's thread, whether anyone committed to the
index file since it was last asked: a serving process that remembers answers can then skip the
snapshot altogether while the index stays as it was.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from bot.domain.closing import AsyncClosing
from bot.store.database import MEMORY, open_database
from bot.store.disagreements_read import DisagreementsReads
from bot.store.models_read import ModelsReads
from bot.store.quotes_read import QuotesReads
from bot.store.search_read import SearchReads
from bot.store.timeline_read import TimelineReads
from bot.store.vectors import VectorReads

GENERATION_KEY = "generation"
# SQLite's page cache for a serving connection: a quarter of the index file, 256 to 2,000 KiB
# (SQLite's default). A page it does not hold is read from the OS's page cache, which holds
# the file anyway: a small index is not kept twice in memory, a large one gets the default.
CACHE_SHARE, CACHE_MIN_KIB, CACHE_MAX_KIB = 4, 256, 2000


def serving_cache_kib(path: Path | str) -> int:
    try:
        size_kib = Path(path).stat().st_size // 1024
    except OSError:  # not created yet: the smallest
        size_kib = 0
    return max(CACHE_MIN_KIB, min(CACHE_MAX_KIB, size_kib // CACHE_SHARE))


class CorpusStore(
    QuotesReads,
    SearchReads,
    ModelsReads,
    TimelineReads,
    DisagreementsReads,
    VectorReads,
    AsyncClosing,
):
    _probe: sqlite3.Connection | None = None

    @classmethod
    async def open(cls, path: Path | str, *, check: bool = False) -> CorpusStore:
        """Open (creating and migrating as needed) the index at `path`; `check` runs the
        integrity check first (DamagedDatabase when it fails)."""
        cache = None if str(path) == MEMORY else serving_cache_kib(path)
        store = cls(await open_database(path, check=check, cache_kib=cache))
        if str(path) != MEMORY:  # another connection to ":memory:" is another database
            store._probe = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        return store

    async def close(self) -> None:
        if self._probe is not None:
            self._probe.close()
            self._probe = None
        await self._conn.close()

    def commits_seen(self) -> int | None:
        """SQLite's `data_version` on a connection of its own that never writes: it changes
        whenever anyone commits to the index file. Read on the caller's thread (a few
        microseconds, no I/O beyond the shared WAL index); None when it cannot tell."""
        if self._probe is None:
            return None
        row = self._probe.execute("PRAGMA data_version").fetchone()
        return int(row[0])

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
