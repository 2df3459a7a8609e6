"""What a dated launch's sentence says came after it: "Glow launched in October 2022, followed
by STARFIELD, Hailuo AI, and at least four others".

Each name of the "followed by" list is a release of its own that the sentence only orders after
the dated one: dated from the anchor's start to the document's own date (the latest it can be;
without one, the anchor alone bounds it), at year precision, with a reading that says "after
Oct 2022" and the words that order it. Never the anchor's month or day.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.domain.records import Event, EventKind, FuzzyDate, Precision
from bot.ingest.events import happening_key

_FOLLOWED = re.compile(r",?\s+followed by\s+(?P<list>[^—–;:.()]+)")
_ITEM_SPLIT = re.compile(r",\s*(?:and\s+)?|\s+and\s+")
# A name: capitalised (or a digit), a few words at most; "at least four others" is not one.
_NAME = re.compile(r"[A-Z0-9][\w.+-]*(?:\s[A-Z0-9][\w.+-]*){0,3}")
_LAUNCHED = re.compile(r"\b(?:launched|released|unveiled|shipped)\b", re.I)


def followers(events: Iterable[Event], reference: FuzzyDate | None) -> list[Event]:
    """The releases each dated launch's sentence orders after it, one event per name."""
    found: list[Event] = []
    for event in events:
        sentence = event.sentence or event.text
        launched = _LAUNCHED.search(sentence)
        if event.kind is not EventKind.RELEASE or event.reading is not None or not launched:
            continue
        at = sentence.find(event.evidence)
        followed = _FOLLOWED.search(sentence, max(at, 0))
        if at < 0 or followed is None or followed.start() < at:
            continue
        names = [
            item.strip()
            for item in _ITEM_SPLIT.split(followed["list"].strip())
            if _NAME.fullmatch(item.strip())
        ]
        words = sentence[at : followed.start("list")].rstrip()
        found += [_after(event, name, words, launched.group().lower(), reference) for name in names]
    return found


def _after(anchor: Event, name: str, words: str, verb: str, reference: FuzzyDate | None) -> Event:
    start = anchor.when.start
    end = reference.end if reference is not None and reference.end >= start else anchor.when.end
    return anchor.model_copy(
        update={
            "when": FuzzyDate(start=start, end=end, precision=Precision.YEAR),
            "evidence": words,
            "subject": name,
            "happening": happening_key(EventKind.RELEASE, name),
            "title": f"{name} {verb}",
            "reading": f"after {_label(anchor.when)}",
        }
    )


def _label(when: FuzzyDate) -> str:
    """`Oct 2022`, `late 2021`, `2021`, `2022-10-05`: the anchor as precise as it is."""
    if when.precision is Precision.MONTH:
        return when.start.strftime("%b %Y")
    return when.iso()
