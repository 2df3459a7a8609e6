"""The passages /ask shows under its answer: found by the question's own words, its topic's
and its subject's name; those that say what is asked first (a definition for `what is X`),
then those that hold some of it; about the company, never another organisation's."""

from __future__ import annotations

import re

from bot.queries.ask.knowledge import Knowledge
from bot.queries.ask.matching import elsewhere
from bot.queries.ask.understand import Question, Subject
from bot.queries.ask.words import enough, overlap, stems
from bot.queries.corpus import Corpus
from bot.queries.hybrid import fuse_passages
from bot.queries.ranking import MARKS, excerpt
from bot.queries.results import SearchHit
from bot.queries.search import query_words, ranked
from bot.store.fts import is_cjk
from bot.store.search_read import RankedPassage

SHOWN_PASSAGES = 3
EXCERPT_WORDS = 40
_LABELS = frozenset({"heading", "chapter"})
_MARKED = re.compile(f"{MARKS[0]}(.*?){MARKS[1]}", re.S)
_WHAT_IS = re.compile(r"\s*what\s+(?:is|are|was|were)\s+(?:an?\s+|the\s+)?(.+)$", re.IGNORECASE)


def overview_of(question: Question) -> bool:
    """`who is X`, `what is X`: nothing asked but the subject itself."""
    return question.subject is not None and not question.rest and not question.cue


def search_words(question: Question) -> str:
    words = list(question.rest)
    if question.topic is not None and not overview_of(question):
        words.append(question.topic.words)
    subject = question.subject
    if subject is not None and (subject.what != "company" or not words):
        words.append(subject.name)
    return " ".join(words)


def mentions(text: str, subject: Subject) -> bool:
    """Whether the text names the subject (the index spaces Chinese: a name is found
    across those spaces)."""
    folded = text.casefold()
    names = [s for s in (*subject.spellings, subject.typed) if len(s) > 1]
    if any(is_cjk(name) for name in names):
        folded += " " + folded.replace(" ", "")
    return any(name.casefold() in folded for name in names)


def holds_enough(wanted: frozenset[str], have: frozenset[str], topic: frozenset[str]) -> bool:
    """Enough of the question's own words, and one of its topic's words when it has one."""
    if topic and not overlap(topic, have):
        return False
    return not wanted or enough(wanted, have)


def relevant(
    row: RankedPassage, question: Question, wanted: frozenset[str], known: Knowledge
) -> bool:
    """Whether a passage says what is asked, not only the subject's name: enough of the
    question's own words, and the subject itself when it is not the company; about the
    company, not a passage about another organisation (SenseTime's `major revenue source`)."""
    subject = question.subject
    text = row.marked.replace(MARKS[0], "").replace(MARKS[1], "")
    named = mentions(f"{text} {row.heading or ''}", subject) if subject else True
    if subject is not None and subject.what != "company" and not named:
        return False
    if subject is not None and subject.what == "company" and elsewhere(text, known):
        return False
    if overview_of(question):
        return True
    return holds_enough(wanted, marked_stems(row), topic_words(question))


def definition(question: Question) -> re.Pattern[str] | None:
    """For `what is X` in English: what says `X is ...` (or `X (...) is`)."""
    named = _WHAT_IS.match(question.text)
    if question.kind != "what_is" or named is None or not named.group(1).strip():
        return None
    thing = re.escape(named.group(1).strip(" ?"))
    return re.compile(rf"\b{thing}\b[^.:]{{0,40}}?\s(?:is|are|was|refers to)\s", re.IGNORECASE)


def says(row: RankedPassage, defines: re.Pattern[str] | None) -> bool:
    text = row.marked.replace(MARKS[0], "").replace(MARKS[1], "")
    return defines is not None and defines.search(text) is not None


def marked_stems(row: RankedPassage) -> frozenset[str]:
    return stems(" ".join(_MARKED.findall(row.marked)))


def topic_words(question: Question) -> frozenset[str]:
    """The topic's own words and those the question named it by (`MoE`)."""
    if question.topic is None:
        return frozenset()
    return stems(" ".join((question.topic.words, *question.cue)))


def wanted_words(question: Question) -> frozenset[str]:
    words = stems(" ".join(question.rest))
    if question.subject is not None and question.subject.what != "company":
        words -= stems(question.subject.name)
    return words


async def passages_for(
    corpus: Corpus, known: Knowledge, question: Question
) -> tuple[list[SearchHit], bool]:
    """The passages shown, and whether they say what is asked (else: the nearest ones)."""
    words = search_words(question)
    if not query_words(words):
        return [], False
    # none is too weak to read: whether it says what is asked is told below
    rows = await ranked(corpus, words, floor=0.0)
    # a heading or a chapter title names what a question asks about; it does not answer it;
    # `what is X` is answered first by what says `X is ...`
    defines = definition(question)
    rows.sort(key=lambda row: (row.kind in _LABELS, not says(row, defines)))
    wanted = wanted_words(question)
    # those that say what is asked, then those that hold some of it (the other side of a
    # yes or no, say); read only as far as the few shown
    near = stems(" ".join(question.rest)) | topic_words(question)
    good: list[RankedPassage] = []
    some: list[RankedPassage] = []
    for row in rows:
        if says(row, defines) or relevant(row, question, wanted, known):
            good.append(row)
            if len(good) == SHOWN_PASSAGES:
                break
        elif len(some) < SHOWN_PASSAGES and overlap(near, marked_stems(row)) > 0:
            some.append(row)
    if not good:  # none says what is asked: the nearest, in meaning too (the semantic extra)
        rows = await fuse_passages(corpus, question.text, rows)
    shown_rows = good + some if good else rows
    hits = [
        SearchHit(
            excerpt(row.marked, words=EXCERPT_WORDS),
            corpus.catalog.citation(row.file, row.heading, passage=row.id),
        )
        for row in shown_rows[:SHOWN_PASSAGES]
    ]
    return hits, bool(good)
