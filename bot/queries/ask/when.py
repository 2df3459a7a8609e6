"""A "when" question answered from the happening it asks about: the one about its subject
(or naming it) whose kind or words say what the question asks (founded, released, raised,
joined, first ran ...), with every source's date and sentence, as the timeline holds them."""

from __future__ import annotations

import re

from bot.queries.ask.knowledge import Knowledge
from bot.queries.ask.matching import subject_of
from bot.queries.ask.words import Asked, names_in, names_pattern, overlap, stems
from bot.queries.corpus import Corpus
from bot.queries.results import TimelineEntry
from bot.queries.timeline import entries
from bot.store.fts import is_cjk

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


def _holds(wanted: frozenset[str], words: frozenset[str]) -> int:
    """How many wanted stems the words hold, whole or as the start of a longer one (`run` in
    `running`, which the rough stemmer leaves as `runn`)."""
    return sum(
        1 for w in wanted if w in words or (len(w) >= 3 and any(h.startswith(w) for h in words))
    )


def _whole(word: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])", re.IGNORECASE)


def matching_happening(known: Knowledge, asked: Asked) -> int | None:
    """The id of the happening that answers a "when" question best, if one does: about its
    subject (or naming it), of the kind asked (or saying its verb), and holding most of the
    question's other words."""
    said_by = asked.words | asked.typed
    kinds = {k for k, words in _KIND_WORDS.items() if overlap(said_by | asked.topic, words)}
    verbs = frozenset(w for w in said_by if any(w in words for words in _KIND_WORDS.values()))
    # the question's other words; Chinese left unread (`何时`) says nothing of English tellings
    rest = frozenset(w for w in asked.words - verbs if not is_cjk(w))
    best: tuple[int, int] | None = None
    names = names_pattern(asked.names)
    for item in known.happenings.candidates(asked):
        subject = bool(asked.keys) and bool(item.subject_key) and subject_of(item, asked)
        named = names_in(item.value, names)
        if asked.keys and not asked.company and not (subject or named):
            continue
        kind = item.attribute in kinds
        if kinds and not kind and not _holds(verbs, item.words):
            continue  # `join` is not a paper read, `launched` not a founding
        held = _holds(rest, item.words)
        if rest and not (2 * held >= len(rest) and held >= min(2, len(rest) - 1 or 1)):
            continue  # a word in common is not enough
        # the title names it whole (`Hailuo`, not `Hailuo-02`): what it is about
        titled = sum(1 for w in rest if _whole(w).search(item.value))
        topic = 0 if kinds else overlap(asked.topic, item.words)
        said = held + titled + topic + (KIND_WEIGHT if kind else 0)
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
