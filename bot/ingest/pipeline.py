"""One document, bytes to records: repair, parse by form, date it, extract its events."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from bot.domain.errors import IngestError
from bot.domain.records import (
    Document,
    Event,
    EventKind,
    Fact,
    ParsedDocument,
    PersonMention,
    Precision,
)
from bot.ingest.blocks import Block, lines
from bot.ingest.dates import find_dates
from bot.ingest.events import events_from_passages
from bot.ingest.forms import parse_text
from bot.ingest.happenings import select_happenings
from bot.ingest.repair import repair_text
from bot.ingest.sequels import followers

# A document's own date ("June 21, 2026") sits in one of its first lines.
_DATELINE_WINDOW = 3
_DATELINE_CHARS = 2000
# The seeds' longest line is under 600 characters. Finding the sentence of each date is
# quadratic in a line's length, so a megabyte on one line would hang the index for hours.
MAX_LINE_CHARS = 20_000


def parse_file(path: Path) -> ParsedDocument:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise IngestError(path.name, f"unreadable: {error.strerror or error}") from error
    return parse_bytes(path.name, raw)


def parse_bytes(file: str, raw: bytes) -> ParsedDocument:
    if not raw.strip():
        raise IngestError(file, "the document is empty", 1)
    text = repair_text(raw, file)
    _check_line_lengths(file, text)
    parsed = parse_text(file, text, hashlib.sha256(raw).hexdigest())
    document = _dated(parsed.document)
    # A republished document's date is not when its words were said.
    anchored = document.publisher is None
    dated = events_from_passages(parsed.passages, text, document.published, anchored=anchored)
    events = select_happenings(_with_subjects(dated, parsed.facts), parsed.passages, parsed.facts)
    events += followers(events, document.published)
    published = _publication_event(document)
    if published is not None:
        # The dateline itself is the publication, not a second event.
        events = [published, *(e for e in events if e.evidence != published.evidence)]
    roles = _role_facts(parsed.people)
    return parsed.model_copy(
        update={"document": document, "events": tuple(events), "facts": (*parsed.facts, *roles)}
    )


def _role_facts(people: Iterable[PersonMention]) -> list[Fact]:
    """Each role a document gives someone, as a fact of theirs: a person's card then carries
    what every document says of them, each cited, not one role picked for all."""
    seen: set[tuple[str, str]] = set()
    found = []
    for person in people:
        if person.role and (person.name, person.role) not in seen:
            seen.add((person.name, person.role))
            found.append(
                Fact(
                    subject=person.name,
                    attribute="role",
                    value=person.role,
                    passage=person.passage,
                    evidence=person.evidence,
                )
            )
    return found


def _check_line_lengths(file: str, text: str) -> None:
    for number, line in enumerate(text.split("\n"), 1):
        if len(line) > MAX_LINE_CHARS:
            reason = (
                f"a line of {len(line):,} characters (at most {MAX_LINE_CHARS:,}); "
                "split it into paragraphs"
            )
            raise IngestError(file, reason, number)


def _with_subjects(events: Iterable[Event], facts: Iterable[Fact]) -> list[Event]:
    """Give an event the subject of the facts its passage states (`Release: January 2025`)."""
    subjects: dict[int, set[str]] = {}
    for fact in facts:
        if fact.passage is not None:
            subjects.setdefault(fact.passage, set()).add(fact.subject)
    dated = []
    for event in events:
        found = subjects.get(event.passage, set()) if event.passage is not None else set()
        if event.subject is None and len(found) == 1:
            event = event.model_copy(update={"subject": next(iter(found))})
        dated.append(event)
    return dated


def _dated(document: Document) -> Document:
    """The document with its own date, when one of its opening lines states a precise one."""
    if document.published is not None:
        return document
    for line in _opening_lines(document.text):
        for mention in find_dates(line.text):
            if mention.when.precision in (Precision.DAY, Precision.MONTH):
                return document.model_copy(update={"published": mention.when})
    return document


def _publication_event(document: Document) -> Event | None:
    if document.published is None:
        return None
    for line in _opening_lines(document.text):
        for mention in find_dates(line.text):
            if mention.when == document.published:
                title = _publication_text(document)
                return Event(
                    when=document.published,
                    text=title,
                    evidence=mention.evidence,
                    kind=EventKind.PUBLICATION,
                    happening=f"publication:{document.file}",
                    title=title,
                    sentence=line.text,
                )
    return None


def _publication_text(document: Document) -> str:
    if document.publisher and document.outlet:
        return f"{document.publisher} republishes {document.outlet}’s “{document.title}”"
    return f"{document.outlet or 'The document'} publishes “{document.title}”"


def _opening_lines(text: str) -> list[Block]:
    return lines(text[:_DATELINE_CHARS])[:_DATELINE_WINDOW]
