"""A "when" question answered from the happening it asks about: the one about its subject
(or naming it) whose kind or words say what the question asks (founded, released, raised,
joined, first ran ...), with every source's date and sentence, as the timeline holds them."""

from __future__ import annotations

from bot.queries.ask.knowledge import (
    Asked,
    Knowledge,
    enough,
    names_in,
    overlap,
    stems,
    subject_of,
)
from bot.queries.corpus import Corpus
from bot.queries.results import TimelineEntry
from bot.queries.timeline import entries

# The words a question asks a kind of happening by; a kind named scores like two words.
_KIND_WORDS: dict[str, frozenset[str]] = {
    kind: stems(words)
    for kind, words in {
        "founding": "found founded founding establish established incorporated started",
        "funding": "raise raised raising fund funded funding invest invested round financing",
        "valuation": "valued valuation worth",
        "release": "release released launch launched ship shipped open-sourced debut came out",
        "publication": "publish published paper wrote",
        "first": "first",
        "hire": "join joined hire hired",
        "departure": "leave left quit departed",
        "milestone": "reach reached hit passed",
    }.items()
}
KIND_WEIGHT = 2
SUBJECT_WEIGHT = 2


def _kind_asked(kind: str, asked: Asked) -> bool:
    return overlap(asked.words | asked.topic | asked.typed, _KIND_WORDS.get(kind, frozenset())) > 0


def matching_happening(known: Knowledge, asked: Asked) -> int | None:
    """The id of the happening that answers a "when" question best, if one does: about its
    subject (or naming it), and of the kind asked or saying the question's own words."""
    best: tuple[int, int] | None = None
    for item in known.happenings.candidates(asked):
        subject = bool(asked.keys) and bool(item.subject_key) and subject_of(item, asked)
        named = bool(asked.names) and names_in(item.value, asked.names)
        if asked.keys and not asked.company and not (subject or named):
            continue
        kind = KIND_WEIGHT if _kind_asked(item.attribute, asked) else 0
        words = overlap(asked.words, item.words)
        # a word in common is not enough: the kind asked, or most of the question's words
        if asked.words and not (kind or enough(asked.words, item.words)):
            continue
        said = words + overlap(asked.topic, item.words) + kind
        if not said:
            continue
        score = said + (SUBJECT_WEIGHT if subject else 0)
        if best is None or score > best[0]:
            best = (score, item.happening)
    return best[1] if best is not None else None


def happening_entry(corpus: Corpus, known: Knowledge, happening: int) -> TimelineEntry:
    """The happening as the timeline shows it: each source's date and sentence."""
    return entries(corpus, known.tellings[happening])[0]


__all__ = ["happening_entry", "matching_happening"]
