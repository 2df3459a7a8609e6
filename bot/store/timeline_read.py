"""Reads for the timeline queries."""

from __future__ import annotations

from bot.store.corpus_read import CorpusReader


class TimelineReads(CorpusReader):
    pass
