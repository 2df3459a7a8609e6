"""A hand-built parsed document and small helpers the store tests share."""

from __future__ import annotations

from bot.domain.records import (
    Document,
    DocumentKind,
    Event,
    Fact,
    FuzzyDate,
    ModelKind,
    ModelMention,
    ParsedDocument,
    Passage,
    PassageKind,
    PersonMention,
    Quote,
)
from bot.store.corpus_read import CorpusReader
from tests.store.raw import connection_of


def make_parsed(file: str = "a.txt", word: str = "scaling") -> ParsedDocument:
    """A small interview: a heading, a question, an answer (a quote) and a table row."""
    heading = "# MiniMax interview"
    question = f"· LatePost: Do {word} laws still hold?"
    answer = f"Junjie Yan: {word.capitalize()} laws hold; we bet on MoE in 2023."
    row = "| MiniMax-M2 | 2025-10 |"
    text = "\n\n".join([heading, question, answer, row]) + "\n"

    def span(part: str) -> tuple[int, int]:
        start = text.index(part)
        return start, start + len(part)

    def passage(
        ordinal: int,
        kind: PassageKind,
        part: str,
        heading_path: tuple[str, ...] = (),
        cells: tuple[tuple[str, str], ...] = (),
    ) -> Passage:
        start, end = span(part)
        return Passage(
            ordinal=ordinal,
            kind=kind,
            text=part,
            start=start,
            end=end,
            heading_path=heading_path,
            cells=cells,
        )

    path = ("MiniMax interview", "Part one")
    said = answer.removeprefix("Junjie Yan: ")
    said_start, said_end = span(said)
    return ParsedDocument(
        document=Document(
            file=file,
            title=f"Interview {file}",
            outlet="LatePost",
            published=FuzzyDate.day(2024, 4, 18),
            kind=DocumentKind.INTERVIEW,
            language="en",
            sha256="0" * 64,
            text=text,
        ),
        passages=(
            passage(0, PassageKind.HEADING, heading),
            passage(1, PassageKind.QUESTION, question, heading_path=path),
            passage(2, PassageKind.ANSWER, answer, heading_path=path),
            passage(
                3,
                PassageKind.TABLE_ROW,
                row,
                cells=(("Model", "MiniMax-M2"), ("Release", "2025-10")),
            ),
        ),
        quotes=(
            Quote(
                passage=2,
                speaker="Junjie Yan",
                text=said,
                start=said_start,
                end=said_end,
                question=question.removeprefix("· LatePost: "),
            ),
        ),
        people=(
            PersonMention(
                name="Junjie Yan",
                other_names=("颜俊杰",),
                role="CEO",
                passage=2,
                evidence="Junjie Yan",
            ),
        ),
        models=(
            ModelMention(
                name="MiniMax-M2",
                kind=ModelKind.TEXT,
                minimax=True,
                passage=3,
                evidence="MiniMax-M2",
            ),
            ModelMention(name="GPT-4", passage=2, evidence="GPT-4"),
        ),
        facts=(
            Fact(
                subject="MiniMax-M2",
                attribute="release",
                value="2025-10",
                passage=3,
                evidence="2025-10",
            ),
        ),
        events=(
            Event(
                when=FuzzyDate.month(2025, 10),
                text=row,
                passage=3,
                evidence="2025-10",
                subject="MiniMax-M2",
            ),
            Event(when=FuzzyDate.part_of_year(2023, "late"), text="we bet on MoE", evidence="2023"),
            Event(when=FuzzyDate.day(2024, 4, 18), text="Interview published", evidence="x"),
        ),
    )


async def scalar(store: CorpusReader, sql: str, *params: object) -> object:
    async with connection_of(store).execute(sql, params) as cursor:
        row = await cursor.fetchone()
    assert row is not None
    return row[0]


async def fts_matches(store: CorpusReader, table: str, word: str) -> int:
    """Rows of the FTS index itself (not of the content table) that hold `word`."""
    value = await scalar(store, f"SELECT count(*) FROM {table} WHERE {table} MATCH ?", word)
    assert isinstance(value, int)
    return value


async def check_integrity(store: CorpusReader) -> None:
    for table in ("passages_fts", "quotes_fts"):
        await connection_of(store).execute(
            f"INSERT INTO {table} ({table}, rank) VALUES ('integrity-check', 1)"
        )
    async with connection_of(store).execute("PRAGMA foreign_key_check") as cursor:
        assert await cursor.fetchall() == []
