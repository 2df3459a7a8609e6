"""Index a seeds folder into the database: incremental by content hash, atomic per run.

A run parses only the documents whose bytes (or this parser's version) changed, inside one
write transaction: if anything fails, the transaction rolls back and the previous index keeps
serving; readers never see a half-written index (WAL). A run that changes the index counts
a new generation of it, which tells a serving process to switch. The state (guild settings,
the daily ledger) lives in another file that the indexer never opens.

The index is derived data: one that fails its integrity check is moved aside (never deleted:
a file written by an older version may still hold guild tables) and built again from the seeds.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from bot.domain.entities import Entity
from bot.domain.names import name_key
from bot.domain.records import Conflict, CorpusNote, FuzzyDate, Model, Person
from bot.fingerprints import (
    CURATED_META,
    Fingerprint,
    curated_print,
    fingerprint,
    seed_stats,
    stat_unchanged,
)
from bot.index_changes import IndexChanges
from bot.ingest.conflicts import Claim, comparable_value, find_conflicts, with_curated
from bot.ingest.curated import Curated, check_evidence, curated_file, load_curated
from bot.ingest.curated_happenings import Reference, claims, happening_events
from bot.ingest.dates import find_dates
from bot.ingest.entities import resolve_models, resolve_people
from bot.ingest.happenings import HappeningGrouping, happening_of
from bot.ingest.pipeline import parse_file
from bot.semantic import Embedder
from bot.store import DamagedDatabase, IndexWriter
from bot.store.corpus_write import FactValueReading

log = logging.getLogger(__name__)

_EMBEDDING_META = "embedding_model"
_TELLINGS_A_BATCH = 2000  # events read back at once to make happenings of


@dataclass(frozen=True)
class IndexReport:
    counts: dict[str, int]
    indexed: int  # documents parsed this run
    skipped: int  # documents unchanged since the last run
    removed: int  # documents no longer in the seeds folder
    seconds: float
    changed: bool = field(default=True)
    changes: IndexChanges = field(default_factory=IndexChanges)
    embedded: int = 0  # passage texts embedded this run (the semantic extra); 0 without it


@dataclass(frozen=True)
class _Scan:
    files: list[str]  # the documents' file names, in the order they are indexed
    fingerprints: dict[str, Fingerprint]  # file name -> fingerprint
    before: dict[str, Fingerprint | None]  # file name -> the stored fingerprint
    curated: str  # the curated file's content fingerprint, "none" without one


def _scan(seeds_dir: Path, stored: dict[str, str]) -> _Scan:
    if not seeds_dir.is_dir():
        raise FileNotFoundError(f"no seeds folder at {seeds_dir}")
    found = seed_stats(seeds_dir)
    before = {name: Fingerprint.parse(text) for name, text in stored.items()}
    prints: dict[str, Fingerprint] = {}
    for name, stat in found:
        previous = before.get(name)
        if previous is not None and stat_unchanged(previous, stat):
            prints[name] = previous  # same size and time: not read again
        else:
            prints[name] = fingerprint(seeds_dir / name, stat=stat)
    return _Scan(
        files=[name for name, _ in found],
        fingerprints=prints,
        before=before,
        curated=curated_print(curated_file(seeds_dir)),
    )


async def index_corpus(
    seeds_dir: Path,
    db_path: Path,
    *,
    rebuild_damaged: bool = True,
    embedder: Embedder | None = None,
) -> IndexReport:
    """Bring the index at `db_path` up to date with `seeds_dir`. A damaged index is rebuilt
    (see the module notes) unless `rebuild_damaged` is False, when DamagedDatabase says so.
    With an `embedder` (the semantic extra), passages whose text is new are embedded too."""
    try:
        store = await IndexWriter.open(db_path, check=True)
    except DamagedDatabase as damage:
        if not rebuild_damaged or not await asyncio.to_thread(seeds_dir.is_dir):
            raise
        aside = await asyncio.to_thread(move_aside, db_path)
        log.warning("%s; moved it to %s and indexing the seeds afresh", damage, aside)
        store = await IndexWriter.open(db_path, check=True)
    try:
        report = await index_into(store, seeds_dir, embedder)
    except BaseException:
        await store.close()
        raise
    await store.close_sound()
    return report


def move_aside(db_path: Path) -> Path:
    """Rename a damaged index (with its WAL and shared-memory files) out of the way."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    aside = db_path.with_name(f"{db_path.name}.damaged-{stamp}")
    for suffix in ("-wal", "-shm", ""):
        part = db_path.with_name(db_path.name + suffix)
        if part.exists():
            part.rename(aside.with_name(aside.name + suffix))
    return aside


async def index_into(
    store: IndexWriter, seeds_dir: Path, embedder: Embedder | None = None
) -> IndexReport:
    started = time.perf_counter()
    stored = await store.fingerprints()
    scan = await asyncio.to_thread(_scan, seeds_dir, stored)
    files, wanted, before, curated_stamp = scan.files, scan.fingerprints, scan.before, scan.curated

    changed = [
        seeds_dir / name for name in files if not wanted[name].same_content(before.get(name))
    ]
    touched = [
        name
        for name, print_ in wanted.items()
        if print_ is not before.get(name)
        and str(print_) != stored.get(name)
        and print_.same_content(before.get(name))
    ]
    removed = sorted(set(stored) - set(wanted))
    unchanged = not changed and not removed
    if unchanged and await store.meta_get(CURATED_META) == curated_stamp:
        for name in touched:  # same bytes, new mtime: remember the stat, skip the hashing
            await store.set_fingerprint(name, str(wanted[name]))
        embedded = 0
        if embedder is not None:  # the extra may be new to an index built without it
            async with store.transaction():
                embedded = await embed_new_passages(store, embedder)
                if embedded:
                    await store.next_generation()
        return IndexReport(
            counts=await store.counts(),
            indexed=0,
            skipped=len(files),
            removed=0,
            seconds=time.perf_counter() - started,
            changed=embedded > 0,
            embedded=embedded,
        )

    curated = await asyncio.to_thread(load_curated, seeds_dir)
    known_before = await store.knowledge_labels()
    async with store.transaction():
        for file in removed:
            await store.delete_document(file)
        for path in changed:
            parsed = await asyncio.to_thread(parse_file, path)
            await store.delete_document(path.name)
            await store.insert_parsed(parsed, str(wanted[path.name]))
            log.debug("indexed %s: %d passages", path.name, len(parsed.passages))
        for name in touched:
            await store.set_fingerprint(name, str(wanted[name]))
        await _apply_curated(store, curated)
        await store.meta_set(CURATED_META, curated_stamp)
        embedded = 0 if embedder is None else await embed_new_passages(store, embedder)
        await store.next_generation()
    return IndexReport(
        counts=await store.counts(),
        indexed=len(changed),
        skipped=len(files) - len(changed),
        removed=len(removed),
        seconds=time.perf_counter() - started,
        changes=IndexChanges.between(known_before, await store.knowledge_labels()),
        embedded=embedded,
    )


def passage_hash(embedder: Embedder, embedded: str) -> str:
    """Names what a vector was made from: the model and the text it embedded."""
    return hashlib.sha256(f"{embedder.model_id}\0{embedded}".encode()).hexdigest()


async def embed_new_passages(store: IndexWriter, embedder: Embedder) -> int:
    """Link every passage not linked yet to the hash of what it embeds, embed the hashes no
    vector has yet, and prune the vectors no passage uses any more (inside the run's
    transaction); how many texts were embedded. Another model than the last one embeds
    everything afresh."""
    if await store.meta_get(_EMBEDDING_META) != embedder.model_id:
        await store.forget_vectors()
        await store.meta_set(_EMBEDDING_META, embedder.model_id)
    passages = await store.unlinked_passages()
    inputs = {p.id: embedder.passage_input(p) for p in passages}
    hashes = {id_: passage_hash(embedder, text) for id_, text in inputs.items()}
    await store.link_passages(list(hashes.items()))
    known = await store.known_hashes(sorted(set(hashes.values())))
    todo = {hashes[id_]: text for id_, text in inputs.items() if hashes[id_] not in known}
    if todo:
        vectors = await asyncio.to_thread(embedder.embed_passages, list(todo.values()))
        await store.insert_vectors(embedder.model_id, list(zip(todo, vectors, strict=True)))
        log.debug("embedded %d passage(s)", len(todo))
    await store.prune_vectors()
    return len(todo)


async def _apply_curated(store: IndexWriter, curated: Curated) -> None:
    """Check the curated file against the stored texts, then rebuild everything derived."""
    texts: dict[str, str | None] = {}
    for _, document, _ in curated.citations():
        if document not in texts:
            texts[document] = await store.document_text(document)
    check_evidence(curated, texts.__getitem__)

    await store.delete_curated()
    told = happening_events(curated, await _references(store, curated))
    for document in sorted(
        {fact.document for fact in curated.fact} | _event_files(curated) | {d for d, _ in told}
    ):
        await store.insert_curated(
            document,
            [fact.as_fact() for fact in curated.fact if fact.document == document],
            [event.as_event() for event in curated.event if event.document == document]
            + [event for file, event in told if file == document],
        )
    for document in sorted({quote.document for quote in curated.quote}):
        await store.insert_curated_quotes(
            document,
            [(q.speaker, q.text, q.question) for q in curated.quote if q.document == document],
        )
    await _derive_happenings(store, claims(curated))
    entities = curated.entities()
    # An organisation quoted in its own voice (Yunqi Capital's introduction) is no person.
    organisations = {name_key(alias) for entity in entities for alias in entity.aliases}
    speakers = [s for s in await store.distinct_speakers() if name_key(s) not in organisations]
    people = resolve_people(await store.distinct_person_mentions(), speakers, curated)
    models = resolve_models(await store.distinct_model_mentions(), curated)
    await store.replace_people(people)
    await store.replace_models(models)
    await store.replace_entities(entities)
    subject_of = _canonical_names(people, models, entities)
    await store.replace_conflicts(await _conflicts(store, curated, subject_of))
    await store.replace_corpus_notes(
        [
            CorpusNote(
                subject=subject_of(error.subject),
                written=error.written,
                file=error.document,
                evidence=error.evidence,
                note=error.note,
            )
            for error in curated.corpus_error
        ]
    )
    await store.replace_fact_values([read_value(v) for v in await store.distinct_fact_values()])


async def _derive_happenings(store: IndexWriter, claimed: dict[str, str]) -> None:
    """Group the stored events into happenings a batch at a time: their ids and keys first,
    then the events of a few happenings at once, read by id, made into happenings, written."""
    grouping = HappeningGrouping(await store.curated_stored_events(), claimed)
    async for batch in store.stored_event_batches():
        grouping.add(batch)
    await store.clear_happenings()
    next_id = 1
    for chunk in _chunks(grouping.groups.values(), _TELLINGS_A_BATCH):
        told = await store.stored_events_by_id([id_ for ids in chunk for id_ in ids])
        happenings = [happening_of([told[id_] for id_ in ids]) for ids in chunk]
        await store.add_happenings(happenings, next_id)
        next_id += len(happenings)


def _chunks(groups: Iterable[list[int]], limit: int) -> Iterator[list[list[int]]]:
    """The groups in order, as few together as hold up to `limit` ids (a larger one alone)."""
    chunk: list[list[int]] = []
    size = 0
    for ids in groups:
        if chunk and size + len(ids) > limit:
            yield chunk
            chunk, size = [], 0
        chunk.append(ids)
        size += len(ids)
    if chunk:
        yield chunk


def read_value(value: str) -> FactValueReading:
    """What a fact value says, read here once so no request parses stored text again."""
    when = comparable_value(value)
    key = when.iso() if isinstance(when, FuzzyDate) else " ".join(value.casefold().split())
    return FactValueReading(value, key, tuple(found.when for found in find_dates(value)))


async def _references(store: IndexWriter, curated: Curated) -> Reference:
    """The date of each document a curated happening's telling is in, and whether it is when
    its words were said (not a republication); only those documents are read."""
    files = {told.document for happening in curated.happening for told in happening.telling}
    dates = {d.file: (d.published, d.publisher is None) for d in await store.documents(files)}
    return lambda file: dates.get(file, (None, True))


def _event_files(curated: Curated) -> set[str]:
    return {event.document for event in curated.event}


def _canonical_names(
    people: list[Person], models: list[Model], entities: list[Entity]
) -> Callable[[str], str]:
    """The canonical name of a model, person, organisation or concept any spelling names;
    other names as written."""
    canonical = {name_key(alias): entity.name for entity in entities for alias in entity.aliases}
    canonical |= {name_key(alias): model.name for model in models for alias in model.aliases}
    canonical |= {name_key(name): person.name for person in people for name in person.names}
    return lambda name: canonical.get(name_key(name), name)


async def _conflicts(
    store: IndexWriter, curated: Curated, subject_of: Callable[[str], str]
) -> list[Conflict]:
    claims = [
        Claim(subject_of(subject), attribute, value, file, evidence, comparable_value(value))
        for subject, attribute, value, file, evidence in await store.facts_for_conflicts(
            curated=False
        )
    ]
    claims += [
        Claim(
            subject_of(fact.subject),
            fact.attribute,
            fact.value,
            fact.document,
            fact.evidence,
            fact.comparable(),
        )
        for fact in curated.fact
    ]
    annotations = [
        Conflict(
            subject=subject_of(item.subject),
            attribute=item.attribute,
            values=tuple(claim.as_value() for claim in item.claims),
            kind=item.kind,
            label=item.label,
            note=item.note,
            also_about=tuple(subject_of(other) for other in item.also_about),
        )
        for item in curated.disagreement
    ]
    return with_curated(find_conflicts(claims), annotations)
