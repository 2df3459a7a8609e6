"""Read side of the corpus store: what the indexer needs to decide and derive, plus counts."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

import aiosqlite

from bot.domain.entities import Entity, EntityKind
from bot.domain.records import (
    Document,
    DocumentKind,
    FuzzyDate,
    Model,
    ModelKind,
    Person,
    Precision,
)

_LABELS_A_BATCH = 2000  # rows of a large read fetched at once

CORPUS_COUNTED = (
    "documents",
    "passages",
    "quotes",
    "people",
    "models",
    "facts",
    "events",
    "conflicts",
)

PersonMentionRow = tuple[str, tuple[str, ...], str | None]
ModelMentionRow = tuple[str, ModelKind | None, bool | None]
FactRow = tuple[str, str, str, str, str]


# The passages an FTS5 MATCH (the one `?` here) finds, as PassageHit rows; callers add the order.
PASSAGE_HITS = (
    "SELECT d.file, p.ordinal, p.kind, p.heading, p.text, p.start, p.end "
    "FROM passages_fts JOIN passages AS p ON p.id = passages_fts.rowid "
    "JOIN documents AS d ON d.id = p.document_id WHERE passages_fts MATCH ?"
)


@dataclass(frozen=True, slots=True)
class PassageHit:
    file: str
    ordinal: int
    kind: str
    heading: str | None
    text: str
    start: int
    end: int


def _optional_bool(value: Any) -> bool | None:
    return None if value is None else bool(value)


def _canonical_first(name: str, names: list[str]) -> tuple[str, ...]:
    return (name, *(other for other in dict.fromkeys(names) if other != name))


def fuzzy_date(
    start: str | None, end: str | None, precision: str | None, part: str | None
) -> FuzzyDate | None:
    if start is None or end is None or precision is None:
        return None
    return FuzzyDate(
        start=date.fromisoformat(start),
        end=date.fromisoformat(end),
        precision=Precision(precision),
        part=part,
    )


def _bound(parameters: Iterable[Any]) -> tuple[Any, ...] | Mapping[str, Any]:
    """Named parameters stay a mapping; positional ones become a tuple."""
    return parameters if isinstance(parameters, Mapping) else tuple(parameters)


class CorpusReader:
    """Reads over one aiosqlite connection; all values are bound parameters."""

    def __init__(self, conn: aiosqlite.Connection) -> None:
        self._conn = conn

    # One trip to the connection's thread per read (execute and fetch together): each trip
    # is a hand-over between threads that costs more than a small query itself.
    async def _rows(self, sql: str, parameters: Iterable[Any] = ()) -> list[aiosqlite.Row]:
        return list(await self._conn.execute_fetchall(sql, _bound(parameters)))

    async def _one(self, sql: str, parameters: Iterable[Any] = ()) -> aiosqlite.Row | None:
        """The first row of a query that gives at most one."""
        rows = await self._conn.execute_fetchall(sql, _bound(parameters))
        return next(iter(rows), None)

    async def _counts(self, tables: tuple[str, ...]) -> dict[str, int]:
        # Table names come from the constants above, never from callers' text.
        selects = ", ".join(f"(SELECT count(*) FROM {table}) AS {table}" for table in tables)
        row = await self._one(f"SELECT {selects}")
        assert row is not None
        return {table: int(value) for table, value in zip(tables, row, strict=True)}

    async def counts(self) -> dict[str, int]:
        """Rows per corpus table: documents, passages, quotes, people, models, facts, ..."""
        return await self._counts(CORPUS_COUNTED)

    async def fingerprints(self) -> dict[str, str]:
        """file -> fingerprint of every indexed document."""
        rows = await self._rows("SELECT file, fingerprint FROM documents")
        return {str(row[0]): str(row[1]) for row in rows}

    async def meta_get(self, key: str) -> str | None:
        row = await self._one("SELECT value FROM meta WHERE key = ?", (key,))
        return None if row is None else str(row[0])

    async def document_text(self, file: str) -> str | None:
        row = await self._one("SELECT text FROM documents WHERE file = ?", (file,))
        return None if row is None else str(row[0])

    async def distinct_person_mentions(self) -> list[PersonMentionRow]:
        """(name, other names, role) as the documents give them, each combination once."""
        rows = await self._rows(
            "SELECT DISTINCT name, other_names, role FROM person_mentions "
            "ORDER BY name, role, other_names"
        )
        return [(str(r[0]), tuple(json.loads(r[1])), r[2]) for r in rows]

    async def distinct_speakers(self) -> list[str]:
        rows = await self._rows(
            "SELECT DISTINCT speaker FROM quotes WHERE speaker IS NOT NULL ORDER BY speaker"
        )
        return [str(row[0]) for row in rows]

    async def distinct_model_mentions(self) -> list[ModelMentionRow]:
        """(name, kind, minimax) as the documents give them, each combination once."""
        rows = await self._rows(
            "SELECT DISTINCT name, kind, minimax FROM model_mentions ORDER BY name, kind, minimax"
        )
        return [
            (str(r[0]), None if r[1] is None else ModelKind(r[1]), _optional_bool(r[2]))
            for r in rows
        ]

    async def facts_for_conflicts(self, *, curated: bool | None = None) -> list[FactRow]:
        """Distinct facts as (subject, attribute, value, file, evidence).

        One row per distinct value of a subject's attribute, cited by its first source, so
        the result grows with what the corpus says, not with how often it says it. All facts
        by default; `curated=False` only those parsed from documents, `True` only curated.
        """
        rows = await self._rows(
            "SELECT f.subject, f.attribute, f.value, min(d.file), min(f.evidence) "
            "FROM facts AS f JOIN documents AS d ON d.id = f.document_id "
            "WHERE ? IS NULL OR f.curated = ? "
            "GROUP BY f.subject, f.attribute, f.value "
            "ORDER BY f.subject, f.attribute, min(d.file)",
            (curated, curated),
        )
        return [(str(r[0]), str(r[1]), str(r[2]), str(r[3]), str(r[4])) for r in rows]

    async def distinct_fact_values(self) -> list[str]:
        """Every distinct verbatim value of a fact."""
        rows = await self._rows("SELECT DISTINCT value FROM facts ORDER BY value")
        return [str(row[0]) for row in rows]

    async def publisher_passages(self) -> list[tuple[str, int, int, str]]:
        """Every passage a republisher speaks in (its introduction): file, row id, ordinal and
        text. Few: the queries keep them in memory to credit each citation to who speaks."""
        rows = await self._rows(
            "SELECT d.file, p.id, p.ordinal, p.text FROM passages AS p"
            " JOIN documents AS d ON d.id = p.document_id WHERE p.voice = 'publisher'"
            " ORDER BY d.file, p.ordinal"
        )
        return [(str(r[0]), int(r[1]), int(r[2]), str(r[3])) for r in rows]

    async def documents(self, files: Iterable[str] | None = None) -> list[Document]:
        """Every document's metadata (only those of `files` when given), without its text
        (the text is left empty)."""
        named = "" if files is None else " WHERE file IN (SELECT value FROM json_each(?))"
        rows = await self._rows(
            "SELECT file, title, outlet, published_start, published_end, published_precision,"
            " published_part, kind, language, sha256, publisher, authors, editors"
            f" FROM documents{named} ORDER BY file",
            () if files is None else (json.dumps(sorted(files)),),
        )
        return [
            Document(
                file=r[0],
                title=r[1],
                outlet=r[2],
                published=fuzzy_date(r[3], r[4], r[5], r[6]),
                kind=DocumentKind(r[7]),
                language=r[8],
                sha256=r[9],
                publisher=r[10],
                authors=tuple(json.loads(r[11])),
                editors=tuple(json.loads(r[12])),
                text="",
            )
            for r in rows
        ]

    async def models(self) -> list[Model]:
        """The derived models with their aliases, canonical name first."""
        rows = await self._rows(
            "SELECT m.name, m.kind, m.minimax, json_group_array(a.alias) FROM models AS m"
            " JOIN model_aliases AS a ON a.model_id = m.id GROUP BY m.id ORDER BY m.id"
        )
        return [
            Model(
                name=r[0],
                aliases=_canonical_first(r[0], json.loads(r[3])),
                kind=None if r[1] is None else ModelKind(r[1]),
                minimax=_optional_bool(r[2]),
            )
            for r in rows
        ]

    async def people(self) -> list[Person]:
        """The derived people with every spelling, canonical name first."""
        rows = await self._rows(
            "SELECT p.name, p.role, json_group_array(n.name) FROM people AS p"
            " JOIN person_names AS n ON n.person_id = p.id GROUP BY p.id ORDER BY p.id"
        )
        return [
            Person(name=r[0], role=r[1], names=_canonical_first(r[0], json.loads(r[2])))
            for r in rows
        ]

    async def entities(self) -> list[Entity]:
        """The organisations and concepts with every name, canonical name first."""
        rows = await self._rows(
            "SELECT e.name, e.kind, e.part_of, e.file, e.evidence, e.note,"
            " json_group_array(a.alias) FROM entities AS e"
            " JOIN entity_aliases AS a ON a.entity_id = e.id GROUP BY e.id ORDER BY e.id"
        )
        return [
            Entity(
                name=r[0],
                aliases=_canonical_first(r[0], json.loads(r[6])),
                kind=EntityKind(r[1]),
                part_of=r[2],
                file=r[3],
                evidence=r[4],
                note=r[5],
            )
            for r in rows
        ]

    async def knowledge_labels(self) -> dict[str, frozenset[str]]:
        """What the index knows, one label per item, by class: `entities` (models and people
        by name), `organisations` (and concepts, by name and kind), `events` (each source's
        date and document, with its happening's title) and `disagreements` (subject: label, or
        attribute); compared before and after a run to say what it changed."""
        entities = await self._rows("SELECT name FROM models UNION SELECT name FROM people")
        events: set[str] = set()  # each telling of a happening, under the happening's title
        async with self._conn.execute(
            "SELECT DISTINCT e.start, e.precision, e.part, d.file, h.title"
            " FROM events AS e JOIN documents AS d ON d.id = e.document_id"
            " JOIN happenings AS h ON h.id = e.happening_id"
        ) as cursor:  # read a batch at a time: the labels, not every row too, are held
            while batch := await cursor.fetchmany(_LABELS_A_BATCH):
                events.update(
                    f"{_event_date(str(r[0]), str(r[1]), r[2])} ({str(r[3])[:3]}) {r[4]}"
                    for r in batch
                )
        conflicts = await self._rows(
            "SELECT DISTINCT subject, coalesce(label, attribute) FROM conflicts"
        )
        organisations = await self._rows("SELECT name, kind FROM entities")
        return {
            "organisations": frozenset(f"{r[0]} ({r[1]})" for r in organisations),
            "entities": frozenset(str(r[0]) for r in entities),
            "events": frozenset(events),
            "disagreements": frozenset(f"{r[0]}: {r[1]}" for r in conflicts),
        }


def _event_date(start: str, precision: str, part: str | None) -> str:
    if precision == "day":
        return start
    if precision == "month":
        return start[:7]
    return f"{part} {start[:4]}" if part else start[:4]
