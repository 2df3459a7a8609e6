"""Broken documents dropped into a copy of `seeds/`: each is named with its reason (IngestError,
and `minimax-bot index` exits 1 with one line), and the index that was serving keeps serving
exactly the same answers. See tests/hardening/documents.py for what should index and why."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from bot.cards.text import render_text as render
from bot.commands import run_command
from bot.domain.errors import IngestError
from bot.indexer import index_corpus
from bot.queries.corpus import Corpus
from tests.hardening.documents import Broken, broken_documents
from tests.hardening.figures import show

DOCUMENTS = broken_documents()
SEEN: Counter[str] = Counter()
TODAY = date(2026, 6, 21)
SAMPLES = (("model", {"name": "M2"}), ("search", {"query": "GPUs"}), ("about", {}))


@pytest.fixture(scope="module", autouse=True)
def figures() -> Iterator[None]:
    yield
    if SEEN:
        show("fuzzed documents", SEEN)


async def served(corpus: Corpus) -> tuple[dict[str, int], list[str]]:
    """What the index serves: its row counts and a few answers as text."""
    answers = [render(await run_command(corpus, n, o, TODAY)) for n, o in SAMPLES]
    return await corpus.store.counts(), answers


@pytest.mark.parametrize("broken", DOCUMENTS, ids=str)
async def test_a_broken_document_is_named_and_the_old_index_keeps_serving(
    seeds_copy: Path, tmp_path: Path, broken: Broken
) -> None:
    db = tmp_path / "corpus.db"
    await index_corpus(seeds_copy, db)
    corpus = await Corpus.open(db)  # the running bot's view, open throughout
    try:
        before = await served(corpus)
        (seeds_copy / broken.file).write_bytes(broken.raw)
        SEEN["documents dropped"] += 1
        if broken.fails_in is None:
            report = await index_corpus(seeds_copy, db)
            assert report.indexed == 1
            after = await Corpus.open(db)
            try:
                assert (await served(after))[1][0] == before[1][0]  # /model M2 unchanged
            finally:
                await after.close()
            SEEN["indexed as documents"] += 1
            return
        with pytest.raises(IngestError) as caught:
            await index_corpus(seeds_copy, db)
        assert caught.value.file == broken.fails_in and broken.reason in caught.value.reason
        assert await served(corpus) == before
        fresh = await Corpus.open(db)
        try:
            assert await served(fresh) == before
        finally:
            await fresh.close()
        SEEN["refused, index unchanged"] += 1
    finally:
        await corpus.close()


@pytest.mark.parametrize(
    "broken", [d for d in DOCUMENTS if d.label in ("binary", "1 MB on one line", "empty")], ids=str
)
def test_the_cli_names_the_file_and_exits_1(
    seeds_copy: Path, tmp_path: Path, broken: Broken
) -> None:
    db = tmp_path / "corpus.db"
    command = [sys.executable, "-m", "bot", "index", "--seeds", str(seeds_copy), "--db", str(db)]
    assert subprocess.run(command, capture_output=True, timeout=120).returncode == 0
    (seeds_copy / broken.file).write_bytes(broken.raw)
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1 and result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"index failed, nothing changed: {broken.file}:")
    assert broken.reason in line
    SEEN["CLI refusals"] += 1
