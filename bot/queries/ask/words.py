"""The words of a question and of what answers it: rough English stems, how many of the
wanted ones a text holds, the names a subject is written by; and what the knowledge is
searched with (`Asked`)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

_WORD = re.compile(r"\w+")
_SUFFIXES = ("ational", "ations", "ation", "ing", "ers", "ies", "ed", "es", "er", "s")
PREFIXES = ("re", "pre", "co")  # prefixes that keep a word's meaning
# British spellings and their American forms, which the corpus writes (`organised`).
_BRITISH = (
    (re.compile(r"(?<=\w{3})is(e|ed|es|ing|ation|ations|ational)$"), r"iz\1"),
    (re.compile(r"(?<=\w{3})our(s|ed|ing|ful|ite|ites)?$"), r"or\1"),
    (re.compile(r"(?<=\w{2})tre(s)?$"), r"ter\1"),
)


def stem(word: str) -> str:
    """A rough English stem, only to match a question's words with a fact's: `launched`,
    `launch`; `investors`, `investor`. Short words and digits are left as they are."""
    word = word.casefold()
    if len(word) <= 4 or not word.isalpha():
        return word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return word


def stems(text: str) -> frozenset[str]:
    """The stems of a text's words, with hyphenated words also whole (`pre-training`)."""
    found = {stem(w) for w in _WORD.findall(text.replace("_", " "))}
    found |= {stem(w.replace("-", "")) for w in re.findall(r"\w+(?:-\w+)+", text)}
    return frozenset(found)


def american(word: str) -> str | None:
    """The American spelling of a British one (`organised`: organized), None when the word
    has no other form; whether the corpus writes it is for the caller to see."""
    for pattern, replacement in _BRITISH:
        other = pattern.sub(replacement, word)
        if other != word:
            return other
    return None


def overlap(wanted: Iterable[str], have: frozenset[str]) -> int:
    """How many of the wanted stems a text has: whole, or behind a prefix that keeps the
    meaning (`publish` in `republish`, `founder` in `co-founder`)."""
    return sum(1 for w in wanted if w in have or any(p + w in have for p in PREFIXES))


@dataclass(frozen=True, slots=True)
class Asked:
    """What the knowledge is searched with: the subject's name keys and name words, the
    topic's attributes and words, and the question's own words, all stemmed."""

    keys: tuple[str, ...]
    names: tuple[str, ...]  # the subject's spellings, when it is not the company
    attributes: tuple[str, ...]
    topic: frozenset[str]
    words: frozenset[str]
    company: bool  # the subject is the company: facts about it rarely name it
    who: bool = False  # a "who" question: people whose facts say what is asked answer it
    typed: frozenset[str] = frozenset()  # the words that named the topic, as typed
    people: frozenset[str] = frozenset()  # name keys of the corpus's people
    name_words: frozenset[str] = frozenset()  # stems of the subject's spellings
    quantity: bool = False  # "how many", "how much": what answers holds a number
    # a subject whose longer names are its variants (a model: MiniMax-M1-40K); never a person,
    # whose short spelling begins other people's names (`Yan` in `Yang Bin`)
    variants: bool = False


def enough(wanted: frozenset[str], have: frozenset[str]) -> bool:
    """Whether a text holds enough of the wanted stems to be about them: half of them, and
    two when there are three or more."""
    found = overlap(wanted, have)
    return bool(wanted) and 2 * found >= len(wanted) and found >= min(2, len(wanted) - 1 or 1)


def names_pattern(names: Sequence[str]) -> re.Pattern[str] | None:
    """A pattern finding any of the names written as a whole word (None: no names), built
    once per question: the facts it is tried on number thousands at scale."""
    if not names:
        return None
    either = "|".join(re.escape(name) for name in names)
    return re.compile(rf"(?<!\w)(?:{either})(?!\w)", re.IGNORECASE)


def names_in(text: str, names: re.Pattern[str] | None) -> bool:
    """Whether any of the names (see `names_pattern`) is written in the text."""
    return names is not None and names.search(text) is not None
