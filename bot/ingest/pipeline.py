"""One document, bytes to records: repair, parse by form, date it, extract its events."""

from __future__ import annotations

import hashlib
from pathlib import Path

from bot.ingest.blocks import lines
from bot.ingest.dates import find_dates
from bot.ingest.errors import IngestError
from bot.ingest.events import events_from_passages
from bot.ingest.forms import parse_text
from bot.ingest.records import Document, Event, ParsedDocument, Precision
from bot.ingest.repair import repair_text

# How many opening lines may carry a document's own date ("June 21, 2026").
_DATELINE_WINDOW = 3


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
    parsed = parse_text(file, text, hashlib.sha256(raw).hexdigest())
    document = _dated(parsed.document)
    events = [*events_from_passages(parsed.passages, text, document.published)]
    published = _publication_event(document)
    if published is not None:
        events.insert(0, published)
    return parsed.model_copy(update={"document": document, "events": tuple(events)})


def _dated(document: Document) -> Document:
    """The document with its own date, when one of its opening lines states a precise one."""
    if document.published is not None:
        return document
    for line in lines(document.text)[:_DATELINE_WINDOW]:
        for mention in find_dates(line.text):
            if mention.when.precision in (Precision.DAY, Precision.MONTH):
                return document.model_copy(update={"published": mention.when})
    return document


def _publication_event(document: Document) -> Event | None:
    if document.published is None:
        return None
    for line in lines(document.text)[:_DATELINE_WINDOW]:
        for mention in find_dates(line.text):
            if mention.when == document.published:
                source = document.outlet or "The document"
                return Event(
                    when=document.published,
                    text=f"{source} publishes “{document.title}”",
                    evidence=mention.evidence,
                )
    return None
