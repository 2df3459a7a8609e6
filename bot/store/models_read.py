"""Reads for the models queries."""

from __future__ import annotations

from bot.store.corpus_read import CorpusReader


class ModelsReads(CorpusReader):
    pass
