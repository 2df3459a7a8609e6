"""The curated happenings as events: each telling dated by its own words, or by its anchor."""

from __future__ import annotations

from collections.abc import Callable

from bot.domain.errors import IngestError
from bot.domain.records import Event, FuzzyDate, Precision
from bot.ingest.curated import CURATED_FILE, Curated, CuratedHappening, Telling
from bot.ingest.dates import find_dates
from bot.ingest.events import happening_key

# file -> (the document's date, whether it is when its words were said)
Reference = Callable[[str], tuple[FuzzyDate | None, bool]]


def curated_key(happening: CuratedHappening) -> str:
    return f"curated:{happening.id}"


def claims(curated: Curated) -> dict[str, str]:
    """A parsed release or round key -> the curated happening that takes it over."""
    return {
        happening_key(happening.kind, subject): curated_key(happening)
        for happening in curated.happening
        for subject in happening.subjects
    }


def happening_events(curated: Curated, reference: Reference) -> list[tuple[str, Event]]:
    """(document, event) for every telling of every curated happening."""
    found = []
    for happening in curated.happening:
        for told in happening.telling:
            when, words, reading = _dated(happening, told, reference)
            found.append(
                (
                    told.document,
                    Event(
                        when=when,
                        text=" ".join(told.evidence.replace("**", "").split()),
                        evidence=words,
                        subject=happening.subject,
                        kind=happening.kind,
                        happening=curated_key(happening),
                        title=happening.title,
                        sentence=told.evidence,
                        reading=told.reading or reading,
                    ),
                )
            )
    return found


def _dated(
    happening: CuratedHappening, told: Telling, reference: Reference
) -> tuple[FuzzyDate, str, str | None]:
    if told.date is not None:
        mentions = find_dates(told.date)
        if len(mentions) == 1 and mentions[0].evidence == told.date.strip():
            when = mentions[0].when
        else:
            when = FuzzyDate.parse(told.date)
        if told.reading is not None and when.precision is not Precision.YEAR:
            when = FuzzyDate(start=when.start, end=when.end, precision=Precision.YEAR)
        return when, told.anchor or told.date, None
    published, anchored = reference(told.document)
    mentions = find_dates(told.when or told.evidence, published, anchored=anchored)
    if not mentions:
        what = f"happening {happening.id!r}: no date in {(told.when or told.evidence)[:60]!r}"
        raise IngestError(CURATED_FILE, what)
    return mentions[0].when, mentions[0].evidence, mentions[0].reading
