"""The corpus index: the only module that speaks its SQL. Async over aiosqlite; every value
bound. `CorpusStore` reads (a serving process), `IndexWriter` writes (the indexer)."""

from bot.store.corpus import CorpusStore
from bot.store.corpus_read import PassageHit
from bot.store.corpus_write import IndexWriter
from bot.store.database import SCHEMA_VERSION, DamagedDatabase, StoreError, open_database
from bot.store.fts import to_fts_query

__all__ = [
    "SCHEMA_VERSION",
    "CorpusStore",
    "DamagedDatabase",
    "IndexWriter",
    "PassageHit",
    "StoreError",
    "open_database",
    "to_fts_query",
]
