"""Reads for the quotes queries."""

from __future__ import annotations

from bot.store.corpus_read import CorpusReader


class QuotesReads(CorpusReader):
    pass
