"""What /ask answers from first: the corpus's facts and happenings, held in memory once per
generation of the index, and found for a question by its subject and its words.

A fact answers a question when it is about the question's subject (or names it) and its
attribute or value says what the question asks (its topic, or its own words, stemmed). A
happening answers a "when" question (see `bot.queries.ask.when`), each source's date as the
timeline shows it.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from bot.domain.entities import ORGANISATION_KINDS
from bot.domain.names import name_key
from bot.domain.records import DocumentKind
from bot.queries.ask.words import PREFIXES, Asked, names_pattern, stem, stems
from bot.queries.corpus import Catalog, Corpus
from bot.queries.results import Source
from bot.queries.search import closest_term, fold
from bot.queries.timeline import TELLINGS
from bot.store.fts import is_cjk
from bot.store.search_read import KnownFact
from bot.store.timeline_read import EventRow

BYLINE_CHARS = 3000  # where a document's credits are written: its opening
MAX_SOURCES = 5  # sources kept for one statement repeated across documents
COMMON = 5000  # a stem on more items than this finds nothing by itself: too common
# Attributes whose value is a date: a "when" question is answered by them too.
DATE_ATTRIBUTES = frozenset(
    {
        "founded",
        "release",
        "born",
        "date",
        "tenure",
        "first_moe_model_launch",
        "moe_development_start",
    }
)


@dataclass(frozen=True, slots=True)
class Known:
    """A fact or a happening, with the stems it is found by."""

    subject: str
    subject_key: str
    attribute: str  # a happening's kind ("" for none)
    value: str  # a fact's value; a happening's title
    evidence: str
    file: str
    heading: str | None
    words: frozenset[str]  # of the attribute and value
    # every (file, heading, evidence) that states it, the first one above included
    sources: tuple[tuple[str, str | None, str], ...] = ()
    company_own: bool = False  # about a thing of the company's (a funding round ...)
    company_model: bool = False  # about one of the company's models (MiniMax-M1)
    document: bool = False  # a document's credit: its subject is the document's title
    owner: str = ""  # whom it is about, by the catalog's name (one person, however spelt)
    happening: int = 0  # the happening's id (0 for a fact)


@dataclass(frozen=True, slots=True)
class Shelf:
    """Facts (or happenings) and the indexes that find them without a scan: by the
    subject's name key, by a stem of their words, and (the company's own) by attribute.
    Repeated statements are one item with all their sources."""

    items: tuple[Known, ...]
    by_subject: dict[str, tuple[int, ...]]
    subject_keys: tuple[str, ...]  # sorted: a model's variants are found by prefix
    by_stem: dict[str, tuple[int, ...]]
    company_by_attribute: dict[str, tuple[int, ...]]
    models_by_attribute: dict[str, tuple[int, ...]]  # the company's models' facts

    def candidates(self, asked: Asked) -> list[Known]:
        found: set[int] = set()
        for key in asked.keys:
            found.update(self.by_subject.get(key, ()))
            if asked.variants and key:
                at = bisect.bisect_left(self.subject_keys, key)
                while at < len(self.subject_keys) and self.subject_keys[at].startswith(key):
                    found.update(self.by_subject[self.subject_keys[at]])
                    at += 1
        if asked.company:
            for attribute in asked.attributes:
                found.update(self.company_by_attribute.get(attribute, ()))
                found.update(self.models_by_attribute.get(attribute, ()))
        words = asked.words | asked.typed | asked.topic | asked.name_words
        for word in words:
            for form in (word, *(p + word for p in PREFIXES)):
                posting = self.by_stem.get(form, ())
                if len(posting) <= COMMON:
                    found.update(posting)
        return [self.items[i] for i in sorted(found)]


def _shelf(items: Iterable[Known]) -> Shelf:
    merged: dict[tuple[str, str, str, int], Known] = {}
    for item in items:
        key = (item.subject_key, item.attribute, item.value, item.happening)
        source = (item.file, item.heading, item.evidence)
        if key in merged:
            kept = merged[key]
            if len(kept.sources) < MAX_SOURCES and source not in kept.sources:
                merged[key] = replace(kept, sources=(*kept.sources, source))
        else:
            merged[key] = replace(item, sources=(source,))
    kept_items = tuple(merged.values())
    by_subject: dict[str, list[int]] = defaultdict(list)
    by_stem: dict[str, list[int]] = defaultdict(list)
    by_attribute: dict[str, list[int]] = defaultdict(list)
    models_by_attribute: dict[str, list[int]] = defaultdict(list)
    for index, item in enumerate(kept_items):
        by_subject[item.subject_key].append(index)
        for word in item.words | stems(item.subject):
            by_stem[word].append(index)
        if item.company_own:
            by_attribute[item.attribute].append(index)
        if item.company_model:
            models_by_attribute[item.attribute].append(index)
    return Shelf(
        kept_items,
        {key: tuple(found) for key, found in by_subject.items()},
        tuple(sorted(by_subject)),
        {key: tuple(found) for key, found in by_stem.items()},
        {key: tuple(found) for key, found in by_attribute.items()},
        {key: tuple(found) for key, found in models_by_attribute.items()},
    )


@dataclass(frozen=True, slots=True)
class Knowledge:
    facts: Shelf
    happenings: Shelf
    subjects: dict[str, str]  # subject key -> the subject as facts name it
    tellings: dict[int, tuple[EventRow, ...]]  # happening id -> its tellings, finest date first
    # the names of every organisation but the company (`NVIDIA`, `SenseTime`)
    elsewhere: re.Pattern[str] | None = None


async def in_corpus(corpus: Corpus, word: str) -> bool:
    """Whether the corpus writes the word: with any ending, respelled from a typing slip,
    or (Chinese) inside a run of its Chinese."""
    if await corpus.store.written(word if is_cjk(word) else stem(fold(word))):
        return True
    if is_cjk(word):
        return False
    return closest_term(fold(word), await corpus.store.vocabulary("passages")) is not None


def _fact(row: KnownFact, catalog: Catalog) -> Known:
    model = catalog.model_by_key.get(row.subject_key)
    entity = catalog.person_by_key.get(row.subject_key) or model
    named = entity is not None
    return Known(
        row.subject,
        row.subject_key,
        row.attribute,
        row.value,
        row.evidence,
        row.file,
        row.heading,
        stems(f"{row.attribute} {row.value}"),
        company_own=not named,
        company_model=model is not None and entity is model and bool(model.minimax),
        owner=entity.name if entity is not None else row.subject,
    )


def _happening(rows: Sequence[EventRow]) -> Known:
    """A happening as a "when" question finds it: by its subject, its kind and every word its
    title and its sources' sentences say."""
    first = rows[0]
    said = " ".join(dict.fromkeys(t for row in rows for t in (row.sentence, row.text)))
    subject = first.subject or ""
    return Known(
        subject,
        name_key(subject) if subject else "",
        first.kind or "",
        first.title or first.sentence,
        first.sentence,
        first.file,
        first.heading,
        stems(f"{first.title} {first.kind or ''} {said}"),
        happening=first.happening,
    )


def _credit(source: Source, attribute: str, value: str, opening: str) -> Known | None:
    """Who wrote, edited or first published a document, as a fact about the document, with
    the line of its opening that says so."""
    line = next((ln.strip() for ln in opening.splitlines() if value in ln), None)
    if line is None:
        return None
    about = f"{source.title} {source.outlet or ''} {source.publisher or ''} {source.kind}"
    return Known(
        source.title,
        name_key(source.title),
        attribute,
        value,
        line,
        source.file,
        None,
        stems(f"{attribute} {value} {about}"),
        company_own=False,
        document=True,
    )


def _credits(catalog: Catalog, openings: Mapping[str, str]) -> list[Known]:
    found: list[Known | None] = []
    for source in catalog.sources.values():
        opening = openings.get(source.file, "")
        wrote = "interviewer" if source.kind is DocumentKind.INTERVIEW else "author"
        found += [_credit(source, wrote, name, opening) for name in source.authors]
        found += [_credit(source, "editor", name, opening) for name in source.editors]
        if source.outlet:
            found.append(_credit(source, "outlet", source.outlet, opening))
        if source.publisher:
            found.append(_credit(source, "publisher", source.publisher, opening))
    return [known for known in found if known is not None]


def _build(
    catalog: Catalog,
    facts: Sequence[KnownFact],
    told: Sequence[EventRow],
    openings: Mapping[str, str],
) -> Knowledge:
    tellings: dict[int, list[EventRow]] = defaultdict(list)
    for row in told:
        tellings[row.happening].append(row)
    return Knowledge(
        _shelf([*(_fact(row, catalog) for row in facts), *_credits(catalog, openings)]),
        _shelf(_happening(rows) for rows in tellings.values()),
        {row.subject_key: row.subject for row in facts},
        {happening: tuple(rows) for happening, rows in tellings.items()},
        names_pattern(_other_organisations(catalog)),
    )


def _other_organisations(catalog: Catalog) -> list[str]:
    company = catalog.entity("MiniMax")
    return [
        alias
        for entity in catalog.entities
        if entity.kind in ORGANISATION_KINDS and entity is not company
        for alias in entity.aliases
    ]


class _Key:
    """The key of the knowledge in the catalog's derived values (one per generation)."""


_KEY = _Key()


async def knowledge(corpus: Corpus) -> Knowledge:
    """The facts and happenings of the generation served, read once per generation."""
    catalog: Catalog = corpus.catalog
    if not catalog.has_derived(_KEY):
        facts = await corpus.store.known_facts()
        told = await corpus.store.happening_tellings(tellings=TELLINGS)
        credited = [
            s.file for s in catalog.sources.values() if s.authors or s.editors or s.publisher
        ]
        openings = await corpus.store.document_openings(credited, BYLINE_CHARS)
        catalog.derived(_KEY, lambda built: _build(built, facts, told, openings))
    return catalog.derived(_KEY, lambda built: _build(built, (), (), {}))


def built_knowledge(catalog: Catalog) -> Knowledge | None:
    """The knowledge of this generation when a question has read it already, else None:
    for what must answer without waiting (autocomplete)."""
    return catalog.derived(_KEY, lambda _: None) if catalog.has_derived(_KEY) else None
