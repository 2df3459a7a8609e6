"""The store: the only module that speaks SQL. Async over aiosqlite; every value bound."""

from bot.store.corpus import CorpusStore
from bot.store.corpus_read import PassageHit, QuoteHit
from bot.store.database import SCHEMA_VERSION, StoreError, open_database
from bot.store.fts import to_fts_query

__all__ = [
    "SCHEMA_VERSION",
    "CorpusStore",
    "PassageHit",
    "QuoteHit",
    "StoreError",
    "open_database",
    "to_fts_query",
]
