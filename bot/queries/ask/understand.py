"""Reading a question: its kind, what it is about (the company, a model, a person) and which
of the corpus's subjects (founding, funding, context window ...) it asks for."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from bot.domain.names import name_key
from bot.queries.ask.lexicon import (
    COMPANY,
    COMPANY_NAMES,
    CURATED_NAMES,
    KIND_PATTERNS,
    TOPICS,
    Kind,
    Language,
    Topic,
)
from bot.queries.corpus import Catalog
from bot.queries.search import query_words
from bot.store.fts import STOP_WORDS, is_cjk

MAX_NAME_WORDS = 4
MAX_CJK_NAME = 6
# Question words and fillers that are not what is asked about, in either language.
_FILLER = re.compile(
    r"什么时候|什么|哪些|哪个|哪年|多少|是不是|有没有|是否|怎么看|怎么|如何|谁|吗|呢|的|了|是|有|在|和"
)
_EXTRA_STOP = frozenset(
    [
        "many",
        "much",
        "did",
        "does",
        "say",
        "said",
        "think",
        "about",
        "whats",
        "many",
        "number",
        "mean",
        "tell",
        "know",
    ]
)


@dataclass(frozen=True, slots=True)
class Subject:
    name: str  # as facts name it: the company, a model's or a person's canonical name
    what: Literal["company", "model", "person"]
    keys: tuple[str, ...]  # name keys of every spelling, as facts key their subject
    typed: str  # as the question wrote it
    curated: bool = False  # found through the curated list, not the corpus's own names


@dataclass(frozen=True, slots=True)
class Question:
    text: str
    language: Language
    kind: Kind
    subject: Subject | None
    topic: Topic | None
    rest: tuple[str, ...]  # the question's own words that name neither: what it is about


def _kind(text: str) -> Kind:
    lowered = text.casefold().strip()
    return next((kind for kind, pattern in KIND_PATTERNS if pattern.search(lowered)), "other")


def _subject_named(catalog: Catalog, typed: str) -> Subject | None:
    key = name_key(typed)
    if not key:
        return None
    curated = typed in CURATED_NAMES
    if curated:
        key = name_key(CURATED_NAMES[typed])
    if key in COMPANY_NAMES or typed in COMPANY_NAMES:
        return Subject(COMPANY, "company", (name_key(COMPANY),), typed)
    person = catalog.person_by_key.get(key)
    if person is not None:
        keys = tuple(dict.fromkeys(name_key(n) for n in person.names if name_key(n)))
        return Subject(person.name, "person", keys, typed, curated)
    model = catalog.model_by_key.get(key) or catalog.model_by_key.get("minimax" + key)
    if model is not None:
        keys = tuple(dict.fromkeys(name_key(a) for a in model.aliases if name_key(a)))
        return Subject(model.name, "model", keys, typed, curated)
    return None


def _candidates(words: list[str]) -> list[tuple[int, int, str]]:
    """Spans of the question that may be names, longest first: runs of up to four words,
    and pieces of a Chinese run (its names are written without spaces)."""
    spans: list[tuple[int, int, str]] = []
    for size in range(min(MAX_NAME_WORDS, len(words)), 0, -1):
        for start in range(len(words) - size + 1):
            spans.append((start, start + size, " ".join(words[start : start + size])))
    for index, word in enumerate(words):
        if is_cjk(word) and len(word) > 2:
            for size in range(min(MAX_CJK_NAME, len(word) - 1), 1, -1):
                spans += [(index, index, word[i : i + size]) for i in range(len(word) - size + 1)]
    spans.sort(key=lambda span: -len(name_key(span[2])))
    return spans


def _find_subject(catalog: Catalog, words: list[str]) -> tuple[Subject | None, set[int], str]:
    """The most specific name the question uses (a model or a person before the company),
    the indexes of the words it takes, and the Chinese piece it takes from a run."""
    found: list[tuple[Subject, set[int], str]] = []
    for start, end, typed in _candidates(words):
        if typed.casefold() in STOP_WORDS or len(name_key(typed)) < 2:
            continue
        subject = _subject_named(catalog, typed)
        if subject is not None:
            taken = set(range(start, end)) if end > start else set()
            found.append((subject, taken, typed if end == start else ""))
    if not found:
        return None, set(), ""
    best = next((f for f in found if f[0].what != "company"), found[0])
    return best


def understand(catalog: Catalog, text: str) -> Question:
    words = query_words(text)
    subject, taken, piece = _find_subject(catalog, words)
    remaining = " ".join(w for i, w in enumerate(words) if i not in taken)
    if piece:
        remaining = remaining.replace(piece, " ")
    topic = next((t for t in TOPICS if t.cues.search(remaining)), None)
    if topic is None and subject is not None and subject.what == "person":
        topic = (
            next((t for t in TOPICS if t.name == "role"), None) if _kind(text) == "who" else None
        )
    chinese = _FILLER.sub(" ", remaining)
    rest = tuple(
        w
        for w in query_words(chinese)
        if w.casefold() not in STOP_WORDS
        and w.casefold() not in _EXTRA_STOP
        and not (topic is not None and topic.cues.search(w))
    )
    language: Language = "zh" if is_cjk(remaining) else "en"
    return Question(text, language, _kind(text), subject, topic, rest)
