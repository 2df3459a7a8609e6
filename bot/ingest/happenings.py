"""Which dated statements are happenings, and which tellings are one happening.

A document's dated statements (`events_from_passages`) are mostly not happenings: questions,
generalisations, status lines ("as of 2024"), ages. What a parser can take safely is kept:
- a dated table row that is a release (a Release column) or a funding round;
- a heading that names a release ("MiniMax-M2 (October 2025 Release)");
- a line that states a release date of one subject ("- **Release**: January 2025", read by the
  spec parser as that subject's `release` fact), or a birth year ("- **Born**: 1989", a `born`
  fact of one person);
- the document's own dateline, its publication (added by the pipeline);
- a statement (not a question) that something was founded, launched, released, raised,
  published or open-sourced at a date its own words give (no relative date).
Other prose happenings go in the curated file, each telling with its verbatim sentence.

Across documents, tellings with the same key (`release:minimaxm2`) are one happening; a curated
happening claims the releases or rounds of its `subjects`, and a parsed telling whose sentence a
curated happening also gives is that one's (it is not told twice).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from bot.domain.records import (
    Event,
    EventKind,
    Fact,
    FuzzyDate,
    Happening,
    Passage,
    PassageKind,
    Precision,
    StoredEvent,
    Telling,
)
from bot.ingest.events import happening_key

_RELEASE_HEADING = re.compile(r"^(?P<subject>[^()]+?)\s*\((?:[^()]*\s)?releas\w*\)$", re.I)
_HAPPENED = re.compile(
    r"\b(?:founded|launched|released|raised|published|open-sourced|acquired|unveiled)\b", re.I
)
_VERB_KINDS = {"founded": EventKind.FOUNDING, "raised": EventKind.FUNDING}
_MAIN_KINDS = frozenset({EventKind.FOUNDING, EventKind.FUNDING})
_FINE = (Precision.DAY, Precision.MONTH)
_PRECISION_ORDER = {Precision.DAY: 0, Precision.MONTH: 1, Precision.PART: 2, Precision.YEAR: 3}
ACCOUNT_JOIN = " … "


def select_happenings(
    events: Iterable[Event], passages: Sequence[Passage], facts: Iterable[Fact]
) -> list[Event]:
    """The events a parser can safely call happenings, each with its kind and key."""
    by_ordinal = {passage.ordinal: passage for passage in passages}
    releases: dict[int, set[str]] = {}
    births: dict[int, set[str]] = {}
    for fact in facts:
        if fact.attribute in ("release", "born") and fact.passage is not None:
            stated = releases if fact.attribute == "release" else births
            stated.setdefault(fact.passage, set()).add(fact.subject)
    kept = []
    for event in events:
        if event.kind is not None:
            kept.append(event)
            continue
        passage = by_ordinal.get(event.passage) if event.passage is not None else None
        if passage is None or passage.kind is PassageKind.TABLE_ROW:
            continue
        born = births.get(passage.ordinal, set())
        if len(born) == 1 and event.reading is None:
            kept.append(_birth(event, next(iter(born))))
            continue
        subject = _released_subject(event, passage, releases.get(passage.ordinal, set()))
        if subject is None and _states_a_happening(event):
            verb = _HAPPENED.search(event.text)
            assert verb is not None
            kind = _VERB_KINDS.get(verb.group().lower(), EventKind.MILESTONE)
            if verb.group().lower() in ("launched", "released", "open-sourced", "unveiled"):
                kind = EventKind.RELEASE
            kept.append(event.model_copy(update={"kind": kind}))
        elif subject is not None:
            kept.append(
                event.model_copy(
                    update={
                        "subject": subject,
                        "kind": EventKind.RELEASE,
                        "happening": happening_key(EventKind.RELEASE, subject),
                        "title": f"{subject} released",
                    }
                )
            )
    return kept


def _birth(event: Event, person: str) -> Event:
    update = {
        "subject": person,
        "kind": EventKind.BIRTH,
        "happening": happening_key(EventKind.BIRTH, person),
        "title": f"{person} born",
    }
    return event.model_copy(update=update)


def _states_a_happening(event: Event) -> bool:
    sentence = (event.sentence or event.text).rstrip()
    return (
        event.reading is None
        and not sentence.endswith("?")
        and not re.search(r"\b(?:last|this|ago|next)\b", event.evidence, re.I)
        and _HAPPENED.search(event.text) is not None
    )


def _released_subject(event: Event, passage: Passage, released: set[str]) -> str | None:
    if passage.kind is PassageKind.HEADING:
        found = _RELEASE_HEADING.match(event.text)
        return found["subject"].strip() if found else None
    if len(released) == 1 and event.subject in (None, *released):
        return next(iter(released))
    return None


def group_happenings(
    stored: Sequence[StoredEvent], claims: dict[str, str]
) -> tuple[list[Happening], list[int]]:
    """The happenings the stored events tell, and the ids of events told again elsewhere.

    `claims`: a parsed happening key -> the curated key that takes it over."""
    grouping = HappeningGrouping([told for told in stored if told.curated], claims)
    grouping.add(sorted(stored, key=lambda told: told.file))  # stable: ids in order within
    position = {told.id: i for i, told in enumerate(stored)}
    groups = sorted(grouping.groups.values(), key=lambda ids: min(position[i] for i in ids))
    by_id = {told.id: told for told in stored}
    happenings = [happening_of([by_id[id_] for id_ in ids]) for ids in groups]
    return happenings, sorted(grouping.repeated, key=position.__getitem__)


class HappeningGrouping:
    """Which stored events are one happening, read a batch at a time in document order (all
    of a file's events together, in id order). It keeps event ids and keys, and one document's
    sentences at a time, so a whole corpus of events is never held at once; the indexer then
    reads each happening's events by id (`happening_of`)."""

    def __init__(self, curated: Iterable[StoredEvent], claims: dict[str, str]) -> None:
        self.claims = claims
        self.curated_sentences: dict[str, list[tuple[str, str | None]]] = {}
        for told in curated:
            words = _plain_words(told.event.sentence or told.event.text)
            self.curated_sentences.setdefault(told.file, []).append((words, told.event.subject))
        self.groups: dict[str, list[int]] = {}  # happening key -> its tellings' event ids
        self.repeated: list[int] = []
        self._file: str | None = None
        self._seen: set[tuple[str, str, str, str | None]] = set()  # the file's tellings

    def add(self, stored: Iterable[StoredEvent]) -> None:
        for item in stored:
            if item.file != self._file:  # twins are within one document
                self._file, self._seen = item.file, set()
            event = item.event
            sentence = event.sentence or event.text
            twin = (event.when.start.isoformat(), event.when.end.isoformat(), sentence,
                    event.subject)  # fmt: skip
            curated = self.curated_sentences.get(item.file)
            if not item.curated and _told_by(_plain_words(sentence), event.subject, curated):
                self.repeated.append(item.id)
                continue
            if twin in self._seen:
                self.repeated.append(item.id)
                continue
            self._seen.add(twin)
            key = event.happening or f"event:{item.id}"
            self.groups.setdefault(self.claims.get(key, key), []).append(item.id)


def _told_by(words: str, subject: str | None, curated: list[tuple[str, str | None]] | None) -> bool:
    """A curated telling of the same document gives this sentence (or a part of it), about
    the same subject: a sentence that orders one release after another tells both."""
    return any(
        (c in words or words in c) and not (subject and about and subject != about)
        for c, about in curated or ()
    )


def _plain_words(text: str) -> str:
    return " ".join(re.findall(r"[^\W_]+", text.replace("**", "").lower()))


def _rank(item: StoredEvent) -> tuple[int, int, str, str, int]:
    event = item.event
    relative = int(event.reading is not None)
    return (relative, _PRECISION_ORDER[event.when.precision], event.when.start.isoformat(),
            item.file, item.id)  # fmt: skip


def happening_of(members: list[StoredEvent]) -> Happening:
    """The happening its tellings (stored events) make."""
    members = sorted(members, key=_rank)
    events = [m.event for m in members]
    curated = [m.event for m in members if m.curated]
    named = curated or [e for e in events if e.title] or events
    title = named[0].title or named[0].text
    kind = next((e.kind for e in (curated or events) if e.kind is not None), None)
    subject = next((e.subject for e in (curated or events) if e.subject), None)
    accounts: dict[str, list[str]] = {}
    for member in members:
        sentence = member.event.sentence or member.event.text
        told = accounts.setdefault(member.file, [])
        if sentence not in told:
            told.append(sentence)
    main = kind in _MAIN_KINDS or (
        kind is EventKind.RELEASE and any(e.when.precision in _FINE for e in events)
    )
    return Happening(
        kind=kind,
        title=title,
        subject=subject,
        start=min(e.when.start for e in events),
        end=max(e.when.end for e in events),
        main=main,
        differ=_differ([e.when for e in events]),
        tellings=tuple(
            Telling(event_id=m.id, account=ACCOUNT_JOIN.join(accounts[m.file])) for m in members
        ),
    )


def _differ(dates: list[FuzzyDate]) -> bool:
    """Whether two of the dates do not overlap: spans that overlap pairwise share a point, so
    that is the latest start after the earliest end (linear, for thousands of tellings)."""
    return max(d.start for d in dates) > min(d.end for d in dates)
