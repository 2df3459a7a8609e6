"""Disagreements: where the corpus says different things about a subject, every claim cited by
the document that states it with its verbatim evidence; and the obvious errors of the corpus,
kept as written, with the team's note.

`/disagreements` lists them all, or those about one subject: a person, a model or MiniMax by
any spelling, else every disagreement whose subject or label holds the words typed. When a
subject has none, the list says which documents state facts about it and which only name it,
so the card says "the sources agree" only when two or more state facts and none disagree.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from bot.domain.names import name_key
from bot.queries.corpus import Corpus
from bot.queries.labels import label_for
from bot.queries.listings import DisagreementList
from bot.queries.mentions import mentions_of
from bot.queries.results import Citation, Disagreement, FactValue, Source, TeamNote
from bot.queries.search import fold, query_words
from bot.store.disagreements_read import CorpusNoteRow, DisagreementRow

PAGE_SIZE = 5
MENTIONS = 100  # passages read to tell which documents speak of a subject


def subject_keys(corpus: Corpus, names: Iterable[str]) -> list[str]:
    """The name keys of `names` and of every spelling of the person, model, organisation or
    concept they name."""
    keys: set[str] = set()
    for name in names:
        keys.add(name_key(name))
        person = corpus.catalog.person(name)
        if person is not None:
            keys.update(name_key(spelling) for spelling in person.names)
        model = corpus.catalog.model(name)
        if model is not None:
            keys.update(name_key(alias) for alias in model.aliases)
        entity = corpus.catalog.entity(name)
        if entity is not None:
            keys.update(name_key(alias) for alias in entity.aliases)
    return sorted(keys - {""})


async def disagreements(corpus: Corpus, subject: str | None = None) -> tuple[Disagreement, ...]:
    """Every disagreement, or those about `subject` (any spelling of a person or model, or
    MiniMax), else those whose subject or label holds every word of `subject`."""
    if subject is None or not subject.strip():
        return _grouped(corpus, await corpus.store.disagreement_rows())
    found = _grouped(corpus, await corpus.store.disagreement_rows(subject_keys(corpus, [subject])))
    if found or await _known(corpus, subject) is not None:
        return found
    words = [fold(word) for word in query_words(subject)]
    if not words:
        return ()
    return tuple(
        item
        for item in _grouped(corpus, await corpus.store.disagreement_rows())
        if all(word in fold(" ".join((item.subject, item.label, *item.about))) for word in words)
    )


async def about_subject(
    corpus: Corpus, names: Sequence[str]
) -> tuple[tuple[Disagreement, ...], tuple[TeamNote, ...]]:
    """What a subject's card shows of the corpus's disagreements and errors, for the subject
    every one of `names` (its spellings) names."""
    keys = subject_keys(corpus, names)
    found = _grouped(corpus, await corpus.store.disagreement_rows(keys))
    return found, _notes(corpus, await corpus.store.corpus_notes(keys))


async def disagreement_list(
    corpus: Corpus, subject: str | None = None, *, page: int = 0
) -> DisagreementList:
    """One page of `/disagreements`, with what the card needs to say when there are none."""
    subject = subject.strip() if subject is not None and subject.strip() else None
    found = await disagreements(corpus, subject)
    page_count = max(1, -(-len(found) // PAGE_SIZE))
    page = min(max(page, 0), page_count - 1)
    resolved = await _known(corpus, subject) if subject is not None else None
    stating: set[str] = set()
    mentioning: set[str] = set()
    notes: tuple[TeamNote, ...] = ()
    if subject is not None:
        keys = subject_keys(corpus, [subject])
        notes = _notes(corpus, await corpus.store.corpus_notes(keys))
        if resolved is not None and not found:
            stating = await corpus.store.subject_files(keys)
            mentioning = await _mentioned_in(corpus, resolved) - stating
    return DisagreementList(
        items=found[page * PAGE_SIZE : (page + 1) * PAGE_SIZE],
        subject=subject,
        page=page,
        page_count=page_count,
        total=len(found),
        resolved=resolved,
        stating=_sources(corpus, stating),
        mentioning=_sources(corpus, mentioning),
        notes=notes,
    )


async def _mentioned_in(corpus: Corpus, subject: str) -> set[str]:
    """The documents with a passage that names the subject."""
    person, model = corpus.catalog.person(subject), corpus.catalog.model(subject)
    names = person.names if person else model.aliases if model else (subject,)
    return {m.citation.source.file for m in await mentions_of(corpus, names, limit=MENTIONS)}


async def _known(corpus: Corpus, subject: str) -> str | None:
    """The canonical name of the person or model `subject` spells, or of a subject that a
    disagreement is about by that very name (MiniMax)."""
    person = corpus.catalog.person(subject)
    if person is not None:
        return person.name
    model = corpus.catalog.model(subject)
    if model is not None:
        return model.name
    return await corpus.store.disputed_subject(name_key(subject))


def _sources(corpus: Corpus, files: set[str]) -> tuple[Source, ...]:
    return tuple(corpus.catalog.sources[f] for f in sorted(files) if f in corpus.catalog.sources)


def _grouped(corpus: Corpus, rows: Sequence[DisagreementRow]) -> tuple[Disagreement, ...]:
    grouped: dict[int, list[DisagreementRow]] = {}
    for row in rows:
        grouped.setdefault(row.conflict_id, []).append(row)
    return tuple(_disagreement(corpus, group) for group in grouped.values())


def _disagreement(corpus: Corpus, rows: list[DisagreementRow]) -> Disagreement:
    # Values equal in two documents are one value with two citations.
    cited: dict[str, list[Citation]] = {}
    for row in rows:
        citation = corpus.catalog.citation(row.file, None, row.evidence)
        if citation not in cited.setdefault(row.value, []):
            cited[row.value].append(citation)
    values = tuple(FactValue(value, tuple(citations)) for value, citations in cited.items())
    first = rows[0]
    return Disagreement(
        first.subject,
        first.attribute,
        first.label or label_for(first.attribute),
        values,
        kind=first.kind,
        note=first.note,
        about=first.about,
    )


def _notes(corpus: Corpus, rows: Sequence[CorpusNoteRow]) -> tuple[TeamNote, ...]:
    return tuple(
        TeamNote(
            row.subject,
            row.written,
            row.note,
            corpus.catalog.citation(row.file, None, row.evidence),
        )
        for row in rows
        if row.file in corpus.catalog.sources
    )
