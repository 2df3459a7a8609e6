"""Reading a question: its kind, what it is about (the company, a model, a person, or another
thing the facts are about: a funding round, ...) and which of the corpus's subjects
(founding, funding, context window ...) it asks for. A Chinese question is read through the
bilingual lexicon (bot.queries.chinese) into the English words the corpus uses."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from bot.domain.names import COMMON_NAMES, common_name, name_key
from bot.queries.ask.lexicon import (
    COMPANY,
    COMPANY_NAMES,
    KIND_PATTERNS,
    TOPICS,
    Kind,
    Language,
    Topic,
)
from bot.queries.catalog_cache import PerCatalog
from bot.queries.chinese import CORPUS_NAMES, in_english, simplified
from bot.queries.corpus import Catalog
from bot.queries.search import query_words
from bot.store.fts import STOP_WORDS, is_cjk, is_stop_word

MAX_NAME_WORDS = 4
MAX_CJK_NAME = 6
# Question words and fillers that are not what is asked about.
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
        "number",
        "mean",
        "tell",
        "know",
        "s",
        "according",
        "get",
        "use",
        "uses",
        "used",
        "have",
        "has",
        "there",
        "happened",
    ]
)


# The word for what a subject is, which says nothing more about it (`what company is 迷你马克斯`).
_KIND_OF = {"company": "company", "model": "model", "person": "person"}
# What a "which" (or yes or no) question lists, when it names what it asks about them
# (`which models are open source`, `does MiniMax open-source its models`).
_LISTED = frozenset({"model", "models"})


@dataclass(frozen=True, slots=True)
class Subject:
    name: str  # as facts name it: the company, a model's or a person's canonical name
    what: Literal["company", "model", "person", "thing"]
    keys: tuple[str, ...]  # name keys of every spelling, as facts key their subject
    typed: str  # as the question wrote it
    curated: bool = False  # found through the curated list, not the corpus's own names
    spellings: tuple[str, ...] = ()  # every name it is written by


@dataclass(frozen=True, slots=True)
class Question:
    text: str
    language: Language
    kind: Kind
    subject: Subject | None
    topic: Topic | None
    rest: tuple[str, ...]  # the question's own words that name neither: what it is about
    cue: tuple[str, ...] = ()  # the words that named its topic, as typed (`MoE`)


def _kind(text: str) -> Kind:
    lowered = simplified(text).casefold().strip()
    return next((kind for kind, pattern in KIND_PATTERNS if pattern.search(lowered)), "other")


def _chinese_names(catalog: Catalog) -> frozenset[str]:
    """The Chinese names a question may use, kept whole when its Chinese is read: the
    corpus's own, the company's and the curated ones."""
    return CORPUS_NAMES(catalog) | {n for n in (*COMPANY_NAMES, *COMMON_NAMES) if is_cjk(n)}


CHINESE_NAMES = PerCatalog(_chinese_names)


def _subject_named(catalog: Catalog, typed: str, things: Mapping[str, str]) -> Subject | None:
    key = name_key(typed)
    if not key:
        return None
    known_as = common_name(typed)
    curated = bool(known_as)
    for name in known_as:  # the first of the corpus's names that names one thing
        key = name_key(name)
        if key in catalog.person_by_key or key in catalog.model_by_key or key in things:
            break
    if key in COMPANY_NAMES or typed in COMPANY_NAMES:
        return Subject(COMPANY, "company", (name_key(COMPANY),), typed, spellings=(COMPANY,))
    person = catalog.person_by_key.get(key)
    if person is not None:
        keys = tuple(dict.fromkeys(name_key(n) for n in person.names if name_key(n)))
        return Subject(person.name, "person", keys, typed, curated, tuple(person.names))
    model = catalog.model_by_key.get(key) or catalog.model_by_key.get("minimax" + key)
    if model is not None:
        keys = tuple(dict.fromkeys(name_key(a) for a in model.aliases if name_key(a)))
        return Subject(model.name, "model", keys, typed, curated, tuple(model.aliases))
    if key in things and len(key) > 3:
        return Subject(things[key], "thing", (key,), typed, curated, (things[key],))
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


def _find_subject(
    catalog: Catalog, words: list[str], things: Mapping[str, str]
) -> tuple[Subject | None, set[int], str]:
    """The most specific name the question uses (a model or a person before the company),
    the indexes of the words it takes, and the Chinese piece it takes from a run."""
    found: list[tuple[Subject, set[int], str]] = []
    for start, end, typed in _candidates(words):
        if typed.casefold() in STOP_WORDS or len(name_key(typed)) < 2:
            continue
        subject = _subject_named(catalog, typed, things)
        if subject is not None:
            taken = set(range(start, end)) if end > start else set()
            found.append((subject, taken, typed if end == start else ""))
    if not found:
        return None, set(), ""
    return next((f for f in found if f[0].what != "company"), found[0])


def understand(catalog: Catalog, text: str, things: Mapping[str, str] | None = None) -> Question:
    """Read `text`; `things` are the other subjects facts are about (name key -> name)."""
    english = in_english(text, CHINESE_NAMES(catalog))
    words = query_words(english)
    subject, taken, piece = _find_subject(catalog, words, things or {})
    remaining = " ".join(w for i, w in enumerate(words) if i not in taken)
    if piece:
        remaining = remaining.replace(piece, " ")
    topic = next((t for t in TOPICS if t.cues.search(remaining)), None)
    kind = _kind(text)
    if topic is None and subject is not None and subject.what == "person" and kind == "who":
        asks_more = any(w.casefold() not in STOP_WORDS for w in query_words(remaining))
        topic = None if asks_more else next((t for t in TOPICS if t.name == "role"), None)
    cue = _cue_words(topic, remaining)
    kind_words = _KIND_OF.get(subject.what, "") if subject is not None else ""
    listed = _LISTED if kind in ("which", "yes_no") and topic is not None else frozenset()
    rest = tuple(
        w
        for w in query_words(remaining)
        if w.casefold() != kind_words and w.casefold() not in listed
        if not is_stop_word(w)
        and w.casefold() not in _EXTRA_STOP
        and not (len(w) == 1 and w.isascii())
        and not (subject is not None and name_key(w) in COMPANY_NAMES)
        and w.casefold() not in {c.casefold() for c in cue}
    )
    language: Language = "zh" if is_cjk(text) and is_cjk(_unnamed(text, subject)) else "en"
    return Question(text, language, kind, subject, topic, rest, cue)


def _cue_words(topic: Topic | None, remaining: str) -> tuple[str, ...]:
    """The words that named the topic, as typed: every word of a name of several words too
    (`open source`), whose words are not the question's own (`source` is no compute source)."""
    if topic is None:
        return ()
    named = {w.casefold() for m in topic.cues.finditer(remaining) for w in query_words(m[0])}
    return tuple(w for w in query_words(remaining) if w.casefold() in named or topic.cues.search(w))


def _unnamed(text: str, subject: Subject | None) -> str:
    """The question less the name of its subject as typed: a question in English may name
    a person in Chinese (`who is 颜俊杰`)."""
    text = simplified(text)
    return text if subject is None or not subject.typed else text.replace(subject.typed, " ")
