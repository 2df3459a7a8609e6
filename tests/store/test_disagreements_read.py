"""Disagreements are stored with their kind, label, note and every subject they are about, and
read back by any of those subjects' name keys; corpus errors with the team's note."""

from __future__ import annotations

from bot.domain.names import name_key
from bot.domain.records import Conflict, ConflictingValue, CorpusNote, DisagreementKind
from bot.store import CorpusStore, IndexWriter

STRATEGY = Conflict(
    subject="MiniMax",
    attribute="strategy",
    values=(
        ConflictingValue(value="2C", file="a.txt", evidence="consumer first"),
        ConflictingValue(value="API-first", file="b.txt", evidence="API first"),
    ),
    kind=DisagreementKind.CHARACTERISATION,
    label="Consumer or API first",
    note="the team's words",
    also_about=("Junjie Yan",),
)
AGE = Conflict(
    subject="Junjie Yan",
    attribute="age",
    values=(
        ConflictingValue(value="35", file="a.txt", evidence="35-year-old"),
        ConflictingValue(value="~36", file="b.txt", evidence="age ~36"),
    ),
    kind=DisagreementKind.NUMBER,
)


async def test_disagreements_are_read_by_any_subject_they_are_about(store: IndexWriter) -> None:
    await store.replace_conflicts([STRATEGY, AGE])
    reader = CorpusStore(store._conn)
    every = await reader.disagreement_rows()
    assert [(r.conflict_id, r.value) for r in every] == [
        (1, "2C"),
        (1, "API-first"),
        (2, "35"),
        (2, "~36"),
    ]
    first = every[0]
    assert (first.kind, first.label, first.note, first.about) == (
        "characterisation",
        "Consumer or API first",
        "the team's words",
        ("Junjie Yan",),
    )
    assert every[2].label is None and every[2].about == ()
    yan = await reader.disagreement_rows([name_key("junjie yan")])
    assert {r.attribute for r in yan} == {"strategy", "age"}
    assert {r.attribute for r in await reader.disagreement_rows([name_key("MiniMax")])} == {
        "strategy"
    }
    assert await reader.disagreement_rows(["nobody"]) == []
    assert await reader.disputed_subject(name_key("MINIMAX")) == "MiniMax"
    assert await reader.disputed_subject("nobody") is None
    assert await reader.disputed_attributes(["Junjie Yan"]) == {"strategy", "age"}

    await store.replace_conflicts([AGE])
    assert {r.attribute for r in await reader.disagreement_rows()} == {"age"}
    assert await reader.disagreement_rows([name_key("MiniMax")]) == []


async def test_corpus_notes_are_replaced_and_read_by_subject(store: IndexWriter) -> None:
    note = CorpusNote(
        subject="HongShan", written="鸿商", file="c.txt", evidence="HongShan (鸿商)", note="红杉"
    )
    await store.replace_corpus_notes([note, note.model_copy(update={"subject": "Kimi"})])
    reader = CorpusStore(store._conn)
    (found,) = await reader.corpus_notes([name_key("hongshan")])
    assert (found.written, found.file, found.evidence, found.note) == (
        "鸿商",
        "c.txt",
        "HongShan (鸿商)",
        "红杉",
    )
    assert len(await reader.corpus_notes()) == 2
    await store.replace_corpus_notes([])
    assert await reader.corpus_notes() == []
