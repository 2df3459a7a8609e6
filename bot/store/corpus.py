"""The corpus store: the indexer's writes and the reads built on them, over one connection.

`CorpusStore` combines the read side (`corpus_read.CorpusReader`) and the write side
(`corpus_write.CorpusWriter`); open it with `await CorpusStore.open(path)`.
"""

from __future__ import annotations

from pathlib import Path
from types import TracebackType

from bot.store.corpus_write import CorpusWriter
from bot.store.database import open_database
from bot.store.guilds import GuildsStore
from bot.store.models_read import ModelsReads
from bot.store.quotes_read import QuotesReads
from bot.store.state import BotStateStore
from bot.store.timeline_read import TimelineReads


class CorpusStore(
    CorpusWriter, QuotesReads, ModelsReads, TimelineReads, BotStateStore, GuildsStore
):
    """The corpus index, the per-guild tables and the bot's state in one SQLite database.

    One task writes through a store at a time: write methods join the connection's open
    transaction, whichever task opened it.
    """

    @classmethod
    async def open(cls, path: Path | str) -> CorpusStore:
        """Open (creating and migrating as needed) the database at `path`."""
        return cls(await open_database(path))

    async def close(self) -> None:
        await self._conn.close()

    async def __aenter__(self) -> CorpusStore:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()
