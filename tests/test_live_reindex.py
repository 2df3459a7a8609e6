"""Another process re-indexes the database while a corpus is open: the next request answers
from the new index whole (its catalog, its caches), a request in flight finishes on the old one,
and nothing ever mixes the two."""

from __future__ import annotations

import asyncio
import sys
from datetime import date
from pathlib import Path

from bot.commands import COMMANDS, run_command
from bot.discord_app.answers import AnswerCache
from bot.indexer import index_corpus
from bot.queries.corpus import Corpus
from bot.queries.listings import Answer
from bot.terminal import answer as terminal_answer
from tests.test_indexer import add_extra_document

TODAY = date(2026, 6, 21)
EXTRA = "004_extra.txt"


async def index_in_another_process(seeds: Path, db: Path) -> None:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "index", "--seeds", str(seeds), "--db", str(db),
        stdout=asyncio.subprocess.DEVNULL,
    )  # fmt: skip
    assert await process.wait() == 0


def cited_files(answer: Answer) -> set[str]:
    return {hit.citation.source.file for hit in getattr(answer, "hits", ())}


async def test_the_next_request_answers_from_the_new_index(
    seeds_copy: Path, tmp_path: Path
) -> None:
    db = tmp_path / "corpus.db"
    await index_corpus(seeds_copy, db)
    corpus = await Corpus.open(db)
    cache = AnswerCache()
    try:
        before = await cache.answer(corpus, COMMANDS["search"].call(query="Junction"), TODAY)
        sources = await cache.answer(corpus, COMMANDS["sources"].call(), TODAY)
        generation = corpus.generation
        add_extra_document(seeds_copy)
        await index_in_another_process(seeds_copy, db)

        after = await cache.answer(corpus, COMMANDS["search"].call(query="Junction"), TODAY)
        assert corpus.generation == generation + 1
        assert EXTRA in corpus.catalog.sources
        assert EXTRA in cited_files(after.answer) and EXTRA not in cited_files(before.answer)
        again = await cache.answer(corpus, COMMANDS["sources"].call(), TODAY)
        assert again is not sources and EXTRA in str(again.answer)  # the cache was dropped
        async with corpus.request():  # and every query, not only the cached ones
            for name, options in (("model", {"name": "M2"}), ("quote", {"query": "Junction"})):
                await run_command(corpus, name, options, TODAY)
    finally:
        await corpus.close()


async def test_a_request_in_flight_finishes_on_the_index_it_began_with(
    seeds_copy: Path, tmp_path: Path
) -> None:
    db = tmp_path / "corpus.db"
    await index_corpus(seeds_copy, db)
    corpus = await Corpus.open(db)
    try:
        async with corpus.request():
            old_catalog = corpus.catalog
            add_extra_document(seeds_copy)
            await index_in_another_process(seeds_copy, db)
            # Same snapshot: the new document is not there, so no citation can miss.
            answer = await run_command(corpus, "search", {"query": "Junction"}, TODAY)
            assert EXTRA not in cited_files(answer) and corpus.catalog is old_catalog
            assert (await corpus.store.counts())["documents"] == 4
        async with corpus.request():
            assert (await corpus.store.counts())["documents"] == 5
            assert corpus.catalog is not old_catalog and EXTRA in corpus.catalog.sources
    finally:
        await corpus.close()


async def test_an_unchanged_reindex_keeps_the_generation(seeds_copy: Path, tmp_path: Path) -> None:
    db = tmp_path / "corpus.db"
    await index_corpus(seeds_copy, db)
    corpus = await Corpus.open(db)
    try:
        catalog = corpus.catalog
        assert not (await index_corpus(seeds_copy, db)).changed
        async with corpus.request():
            assert corpus.catalog is catalog  # nothing new: nothing read again
    finally:
        await corpus.close()


async def test_a_console_left_open_answers_from_the_new_index(
    seeds_copy: Path, tmp_path: Path
) -> None:
    db = tmp_path / "corpus.db"
    await index_corpus(seeds_copy, db)
    corpus = await Corpus.open(db)
    try:
        search = COMMANDS["search"].call(query="Junction")
        assert "Source: Junction" not in await terminal_answer(corpus, search, TODAY)
        add_extra_document(seeds_copy)
        await index_in_another_process(seeds_copy, db)
        assert "Source: Junction" in await terminal_answer(corpus, search, TODAY)
    finally:
        await corpus.close()
