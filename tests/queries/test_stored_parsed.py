"""Stored values are read once, when indexing: the queries never parse stored text again, so
they (and the long-running bot) need nothing from ingest."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

from bot.domain.records import FuzzyDate, Precision
from bot.indexer import read_value
from bot.queries.corpus import Corpus
from bot.queries.models import list_models, model_card
from bot.queries.results import ModelCard
from bot.store import IndexWriter
from tests.store.raw import connection_of


def test_the_queries_and_the_bot_load_without_ingest() -> None:
    code = (
        "import sys, bot.queries.models, bot.queries.timeline, bot.queries.people, "
        "bot.discord_app.app, bot.commands; "
        "print(sorted(m for m in sys.modules if m.startswith('bot.ingest')))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert loaded.strip() == "[]"


def test_a_value_is_read_once_with_its_dates_and_precision() -> None:
    month = read_value("January 2025")
    assert month.key == read_value("Jan 2025").key  # one value, however it is written
    assert month.dates == (
        FuzzyDate(start=date(2025, 1, 1), end=date(2025, 1, 31), precision=Precision.MONTH),
    )
    assert read_value("  456B  total ").key == "456b total"
    assert read_value("456B total").dates == ()


async def test_release_dates_are_stored_as_dates_with_precision(indexed_seeds_db: Path) -> None:
    async with (
        await IndexWriter.open(indexed_seeds_db) as store,
        connection_of(store).execute(
            "SELECT count(*), count(DISTINCT precision) FROM fact_value_dates"
        ) as cursor,
    ):
        row = await cursor.fetchone()
    assert row is not None and row[0] > 0 and row[1] >= 2  # months and days, at least


async def test_cards_and_lists_read_stored_dates(indexed_seeds_db: Path) -> None:
    corpus = await Corpus.open(indexed_seeds_db)
    try:
        listed = await list_models(corpus)
        released = [s for s in listed.models if s.release is not None]
        assert released and all(isinstance(s.release, FuzzyDate) for s in released)
        card = await model_card(corpus, "M2")
        assert isinstance(card, ModelCard)
        for line in card.facts:  # no value twice on a line, however the sources spell it
            keys = [read_value(value.value).key for value in line.values]
            assert len(keys) == len(set(keys)), line.attribute
    finally:
        await corpus.close()
