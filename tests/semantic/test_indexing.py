"""Vectors are made at index time, kept by the hash of what was embedded: an unchanged
passage is never embedded twice, whichever document run brings it back."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from bot.cli import format_report
from bot.indexer import IndexReport, index_corpus
from bot.store import CorpusStore
from tests.semantic.words_model import WordsModel
from tests.test_indexer import add_extra_document

NOTES = "002_8d76a87ad898c4a7.txt"


def scalar(db: Path, sql: str) -> object:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchone()[0]


async def linked(db: Path) -> tuple[int, int, int]:
    """(passages, passages linked to a vector, vectors)."""
    store = await CorpusStore.open(db)
    try:
        vectors = await store.passage_vectors("words-64")
        counts = await store.counts()
    finally:
        await store.close()
    return counts["passages"], len(vectors), scalar(db, "SELECT count(*) FROM vectors")


async def test_every_passage_gets_a_vector_and_a_second_run_embeds_nothing(
    seeds_copy: Path, tmp_path: Path
) -> None:
    db, model = tmp_path / "corpus.db", WordsModel()
    first = await index_corpus(seeds_copy, db, embedder=model)
    passages, with_vector, vectors = await linked(db)
    assert with_vector == passages > 0
    assert first.embedded == vectors == len(set(model.embedded)) == len(model.embedded)

    again = await index_corpus(seeds_copy, db, embedder=model)
    assert (again.embedded, again.changed) == (0, False)
    assert len(model.embedded) == first.embedded


async def test_a_changed_document_embeds_only_its_new_text(
    seeds_copy: Path, tmp_path: Path
) -> None:
    db, model = tmp_path / "corpus.db", WordsModel()
    first = await index_corpus(seeds_copy, db, embedder=model)
    notes = seeds_copy / NOTES
    notes.write_text(
        notes.read_text(encoding="utf-8") + "\n\nA paragraph about renting GPUs, new today.\n",
        encoding="utf-8",
    )
    second = await index_corpus(seeds_copy, db, embedder=model)
    assert second.indexed == 1
    assert second.embedded == 1
    (new,) = model.embedded[first.embedded :]
    assert new.endswith(": A paragraph about renting GPUs, new today.")  # after its heading
    passages, with_vector, _ = await linked(db)
    assert with_vector == passages


async def test_vectors_nothing_uses_are_pruned(seeds_copy: Path, tmp_path: Path) -> None:
    db, model = tmp_path / "corpus.db", WordsModel()
    extra = add_extra_document(seeds_copy)  # the show notes, "Crossing" spelt "Junction"
    with_extra = await index_corpus(seeds_copy, db, embedder=model)
    before = scalar(db, "SELECT count(*) FROM vectors")
    assert with_extra.embedded == before
    extra.unlink()
    after = await index_corpus(seeds_copy, db, embedder=model)
    assert after.removed == 1 and after.embedded == 0
    passages, with_vector, vectors = await linked(db)
    assert with_vector == passages
    assert 0 < vectors < before
    assert (
        scalar(
            db, "SELECT count(*) FROM vectors WHERE hash NOT IN (SELECT hash FROM passage_vectors)"
        )
        == 0
    )


async def test_an_index_built_without_the_extra_is_embedded_by_the_next_run_with_it(
    seeds_copy: Path, tmp_path: Path
) -> None:
    db, model = tmp_path / "corpus.db", WordsModel()
    lexical = await index_corpus(seeds_copy, db)
    assert lexical.embedded == 0
    assert scalar(db, "SELECT count(*) FROM vectors") == 0
    generation = scalar(db, "SELECT value FROM meta WHERE key = 'generation'")

    semantic = await index_corpus(seeds_copy, db, embedder=model)
    assert semantic.indexed == 0 and semantic.embedded > 0
    assert semantic.changed  # a serving process switches to the index with vectors
    assert int(scalar(db, "SELECT value FROM meta WHERE key = 'generation'")) == int(generation) + 1
    passages, with_vector, _ = await linked(db)
    assert with_vector == passages


async def test_another_model_embeds_everything_afresh(seeds_copy: Path, tmp_path: Path) -> None:
    db = tmp_path / "corpus.db"
    first = await index_corpus(seeds_copy, db, embedder=WordsModel())
    other = WordsModel("words-64-v2")
    second = await index_corpus(seeds_copy, db, embedder=other)
    assert second.embedded == first.embedded
    assert scalar(db, "SELECT count(DISTINCT model) FROM vectors") == 1
    assert scalar(db, "SELECT model FROM vectors LIMIT 1") == "words-64-v2"


def test_the_index_report_says_how_many_texts_were_embedded(tmp_path: Path) -> None:
    report = IndexReport({}, indexed=0, skipped=4, removed=0, seconds=1.5, embedded=962)
    assert "indexed 0, unchanged 4, removed 0, 962 passage texts embedded in 1500 ms" in (
        format_report(report, tmp_path / "c.db")
    )
    lexical = IndexReport({}, indexed=1, skipped=3, removed=0, seconds=0.2)
    assert "embedded" not in format_report(lexical, tmp_path / "c.db")
