"""What a /quote search looks for when the reader types a question rather than the words
of a quote (`what did Yan say about AGI`, `闫俊杰怎么看 AGI`, `how much compute went to MoE`):
the Chinese read as the English words the quotes use, the framing of the question dropped
(saying verbs, `how much`, the company's own name), and the quoted person it names, who
becomes whom the quote is by. What is typed as a quote's words is left as it is."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.domain.names import COMMON_NAMES, common_name
from bot.domain.records import Person
from bot.queries.chinese import CORPUS_NAMES, in_english
from bot.queries.corpus import Catalog
from bot.queries.search import query_words
from bot.store.fts import is_cjk, is_stop_word

MAX_NAME_WORDS = 3
# Words that ask what someone said: the person they name is whom the quote is by.
SAYING = frozenset(
    {"say", "says", "said", "saying", "think", "thinks", "thought", "view", "views", "opinion"}
    | {"talk", "talked", "tell", "told", "怎么看", "怎么说", "看法", "观点", "说过", "说"}
)
# Words that frame a question, not what was said; the company's name, which its quotes
# rarely write ("we").
FRAMING = SAYING | {"much", "many", "went", "get", "got", "minimax", "迷你马克斯"}
_SAID_IN_CHINESE = re.compile("怎么看|怎么说|看法|观点|说过|说了")


@dataclass(frozen=True, slots=True)
class QuoteQuery:
    words: list[str]  # what the quote (or what stands around it) should hold
    person: Person | None = None  # named in the question: whom the quote should be by


def _named(catalog: Catalog, typed: str) -> Person | None:
    found = catalog.person(typed)
    if found is None:
        found = next((p for n in common_name(typed) if (p := catalog.person(n))), None)
    return found


def _person(catalog: Catalog, words: list[str]) -> tuple[Person | None, set[int]]:
    """The first person the words name (a run of up to three words, or a Chinese name), and
    the indexes of the words that name them."""
    for start in range(len(words)):
        for size in range(min(MAX_NAME_WORDS, len(words) - start), 0, -1):
            span = " ".join(words[start : start + size])
            if is_stop_word(span) or len(span) < 2:
                continue
            person = _named(catalog, span)
            if person is not None:
                return person, set(range(start, start + size))
    return None, set()


def read_quote_query(catalog: Catalog, text: str) -> QuoteQuery:
    """The words to look for, and the person named when the question asks what someone
    said, when `text` reads as a question or is written in Chinese; else its words as
    typed. Never leaves nothing to look for."""
    typed = query_words(text)
    chinese = is_cjk(text)
    names = CORPUS_NAMES(catalog) | frozenset(COMMON_NAMES)
    words = query_words(in_english(text, names) if chinese else text)
    folded = [word.casefold() for word in words]
    asks_said = bool(SAYING.intersection(folded)) or bool(_SAID_IN_CHINESE.search(text))
    person, named = _person(catalog, words) if asks_said else (None, set())
    kept = [
        word
        for index, word in enumerate(words)
        if index not in named
        and folded[index] not in FRAMING
        and not is_stop_word(word)
        and not (chinese and is_cjk(word) and _named(catalog, word) is None)
    ]
    framed = chinese or asks_said or bool(FRAMING.intersection(folded))
    if not kept or not framed:
        return QuoteQuery(typed)
    return QuoteQuery(kept, person)
