"""The corpus as the queries see it: the store, plus what is small enough to keep in memory.

Names (models and their aliases, people and their spellings) and document metadata are read
once when the corpus is opened, so name lookups and autocomplete never touch the database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from bot.domain.names import name_key
from bot.domain.records import Model, Person
from bot.queries.results import Citation, Source
from bot.store import CorpusStore


@dataclass(frozen=True)
class Catalog:
    sources: dict[str, Source]  # file -> source
    models: tuple[Model, ...]
    people: tuple[Person, ...]
    model_by_key: dict[str, Model] = field(init=False)  # name_key(alias) -> model
    person_by_key: dict[str, Person] = field(init=False)  # name_key(spelling) -> person

    def __post_init__(self) -> None:
        models = {name_key(a): m for m in self.models for a in m.aliases if name_key(a)}
        people = {name_key(n): p for p in self.people for n in p.names if name_key(n)}
        object.__setattr__(self, "model_by_key", models)
        object.__setattr__(self, "person_by_key", people)

    def model(self, name: str) -> Model | None:
        """The model an alias names exactly (case, spaces and punctuation aside)."""
        return self.model_by_key.get(name_key(name))

    def person(self, name: str) -> Person | None:
        """The person a spelling names exactly (case, spaces and punctuation aside)."""
        return self.person_by_key.get(name_key(name))

    def citation(
        self, file: str, heading: str | None = None, evidence: str | None = None
    ) -> Citation:
        return Citation(self.sources[file], heading or None, evidence)


@dataclass
class Corpus:
    store: CorpusStore
    catalog: Catalog

    @classmethod
    async def load(cls, store: CorpusStore) -> Corpus:
        documents = await store.documents()
        sources = {
            d.file: Source(d.file, d.title, d.outlet, d.published, d.kind, d.language)
            for d in documents
        }
        catalog = Catalog(sources, tuple(await store.models()), tuple(await store.people()))
        return cls(store, catalog)

    @classmethod
    async def open(cls, db_path: Path) -> Corpus:
        store = await CorpusStore.open(db_path)
        try:
            return await cls.load(store)
        except BaseException:
            await store.close()
            raise

    async def close(self) -> None:
        await self.store.close()
