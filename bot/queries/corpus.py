"""The corpus as the queries see it: the store, plus what is small enough to keep in memory.

Names (models and their aliases, people and their spellings, organisations and concepts and
their names) and document metadata are read
into a `Catalog` when a generation of the index is first served, so name lookups and
autocomplete never touch the database.

Another process may re-index the database while the bot serves it. A request runs inside
`async with corpus.request():`, which switches to a new generation of the index only between
requests: when the first of a batch of concurrent requests starts, the store begins a
snapshot of the index, and if its generation is new, the catalog (and with it every cache
built from the catalog) is read again from that same snapshot. Every request sees one index
whole, never half the old and half the new; the snapshot ends when the last request does.

`unchanged()` says, without touching the store, that no one has committed to the index since
its generation was last read: an answer remembered from that generation is then still the
answer, and serving it needs no snapshot at all.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from bot.domain.entities import Entity
from bot.domain.names import name_key
from bot.domain.records import Model, Person, Voice
from bot.queries.results import Citation, Source
from bot.semantic import Embedder
from bot.store import CorpusStore

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Introduction:
    """A republisher's introduction to a voiced source: its passages, by row id, ordinal and
    text; every other passage of the source is the original outlet's."""

    ids: frozenset[int]
    ordinals: frozenset[int]
    texts: tuple[str, ...]

    def voice(
        self, heading: str | None, words: str | None, passage: int | None, ordinal: int | None
    ) -> Voice | None:
        if passage is not None:
            return Voice.PUBLISHER if passage in self.ids else Voice.ORIGINAL
        if ordinal is not None:
            return Voice.PUBLISHER if ordinal in self.ordinals else Voice.ORIGINAL
        if words:
            return Voice.PUBLISHER if any(words in text for text in self.texts) else Voice.ORIGINAL
        return Voice.ORIGINAL if heading else None  # the whole document: its own credit


@dataclass(frozen=True)
class Catalog:
    sources: dict[str, Source]  # file -> source
    models: tuple[Model, ...]
    people: tuple[Person, ...]
    entities: tuple[Entity, ...] = ()  # organisations and concepts
    introductions: dict[str, Introduction] = field(default_factory=dict)  # voiced file -> it
    model_by_key: dict[str, Model] = field(init=False)  # name_key(alias) -> model
    person_by_key: dict[str, Person] = field(init=False)  # name_key(spelling) -> person
    entity_by_key: dict[str, Entity] = field(init=False)  # name_key(alias) -> entity
    # What the queries derive from this catalog (see catalog_cache.PerCatalog), kept here so
    # it lives and dies with the catalog, that is with one generation of the index.
    _derived: dict[object, Any] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        models = {name_key(a): m for m in self.models for a in m.aliases if name_key(a)}
        people = {name_key(n): p for p in self.people for n in p.names if name_key(n)}
        object.__setattr__(self, "model_by_key", models)
        object.__setattr__(self, "person_by_key", people)
        entities = {name_key(a): e for e in self.entities for a in e.aliases if name_key(a)}
        object.__setattr__(self, "entity_by_key", entities)
        object.__setattr__(self, "_derived", {})

    def derived(self, key: object, build: Callable[[Catalog], T]) -> T:
        """`build(self)`, built once per catalog and kept under `key`."""
        if key not in self._derived:
            self._derived[key] = build(self)
        value: T = self._derived[key]
        return value

    def has_derived(self, key: object) -> bool:
        return key in self._derived

    def model(self, name: str) -> Model | None:
        """The model an alias names exactly (case, spaces and punctuation aside)."""
        return self.model_by_key.get(name_key(name))

    def person(self, name: str) -> Person | None:
        """The person a spelling names exactly (case, spaces and punctuation aside)."""
        return self.person_by_key.get(name_key(name))

    def entity(self, name: str) -> Entity | None:
        """The organisation or concept a name names exactly (case, spaces, script aside)."""
        return self.entity_by_key.get(name_key(name))

    def citation(
        self,
        file: str,
        heading: str | None = None,
        evidence: str | None = None,
        *,
        said: str | None = None,
        passage: int | None = None,
        ordinal: int | None = None,
    ) -> Citation:
        """The citation of `file`, credited to who speaks where it is cited: found by the
        passage's row id or ordinal, else by its verbatim `evidence` (or the words `said`, a
        quote's or a passage's), in a source whose introduction is its publisher's."""
        introduction = self.introductions.get(file)
        voice = (
            None
            if introduction is None
            else introduction.voice(heading, evidence or said, passage, ordinal)
        )
        return Citation(self.sources[file], heading or None, evidence, voice)


async def read_catalog(store: CorpusStore) -> Catalog:
    documents = await store.documents()
    parts: dict[str, list[tuple[int, int, str]]] = {}
    for file, passage, ordinal, text in await store.publisher_passages():
        parts.setdefault(file, []).append((passage, ordinal, text))
    introductions = {
        file: Introduction(
            frozenset(p for p, _, _ in rows),
            frozenset(o for _, o, _ in rows),
            tuple(t for _, _, t in rows),
        )
        for file, rows in parts.items()
    }
    sources = {
        d.file: Source(
            d.file,
            d.title,
            d.outlet,
            d.published,
            d.kind,
            d.language,
            d.publisher,
            d.authors,
            d.editors,
            voiced=d.file in introductions,
        )
        for d in documents
    }
    return Catalog(
        sources,
        tuple(await store.models()),
        tuple(await store.people()),
        tuple(await store.entities()),
        introductions,
    )


class Corpus:
    """The store and the catalog of the generation of the index being served; `meaning`,
    the embedding model of the semantic extra when it is installed and enabled."""

    def __init__(
        self,
        store: CorpusStore,
        catalog: Catalog,
        generation: int,
        meaning: Embedder | None = None,
    ) -> None:
        self.store = store
        self.catalog = catalog
        self.generation = generation
        self.meaning = meaning
        self._gate = asyncio.Lock()
        self._requests = 0
        self._commits_seen: int | None = None  # the store's commit counter at `generation`
        self.stale: str | None = None  # why the last index failed, when an older one is served

    @classmethod
    async def load(cls, store: CorpusStore, meaning: Embedder | None = None) -> Corpus:
        generation = await store.begin_snapshot()
        try:
            return cls(store, await read_catalog(store), generation, meaning)
        finally:
            await store.end_snapshot()

    @classmethod
    async def open(
        cls, db_path: Path, *, check: bool = True, meaning: Embedder | None = None
    ) -> Corpus:
        """Open the index at `db_path`, after its integrity check unless `check` is False."""
        store = await CorpusStore.open(db_path, check=check)
        try:
            return await cls.load(store, meaning)
        except BaseException:
            await store.close()
            raise

    async def close(self) -> None:
        await self.store.close()

    def unchanged(self) -> bool:
        """True when no one has committed to the index since `generation` was read (so it is
        still the latest); False when someone may have, or the store cannot tell."""
        seen = self._commits_seen
        return seen is not None and seen == self.store.commits_seen()

    @asynccontextmanager
    async def request(self) -> AsyncIterator[Corpus]:
        """Serve one request from one generation of the index (see the module notes)."""
        async with self._gate:
            if self._requests == 0:
                # Read before the snapshot: a commit in between makes `unchanged` say no,
                # never yes wrongly.
                seen = self.store.commits_seen()
                generation = await self.store.begin_snapshot()
                if generation != self.generation:
                    self.catalog = await read_catalog(self.store)
                    self.generation = generation
                self._commits_seen = seen
            self._requests += 1
        try:
            yield self
        finally:
            self._requests -= 1  # first, so that a second cancellation cannot skip it
            if self._requests == 0:
                async with self._gate:
                    if self._requests == 0:
                        await self.store.end_snapshot()
