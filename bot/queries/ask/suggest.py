"""Autocomplete for `/ask`: questions the index answers well, offered as the user types.

Built once per generation of the index from what its facts say: the company's own subjects,
each model's release, context window and size where the facts give them, each person whose
role they give. Until a question has read the facts of a generation, only the company's own
are offered. A question is offered when every word typed starts one of its words (Chinese: is
inside it); a question in Chinese is offered first when the typing is Chinese.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.domain.names import name_key
from bot.domain.text import shorten, words
from bot.queries.ask.knowledge import Knowledge, built_knowledge
from bot.queries.ask.lexicon import COMPANY
from bot.queries.corpus import Catalog
from bot.queries.results import Choice
from bot.store.fts import is_cjk

MAX_CHOICES = 25  # Discord's limits
MAX_CHOICE_LENGTH = 100
MAX_TYPED = 100

COMPANY_QUESTIONS = (
    f"when was {COMPANY} founded",
    f"who founded {COMPANY}",
    f"who invested in {COMPANY}",
    "who led the Series B",
    f"how many employees does {COMPANY} have",
    f"what is {COMPANY}'s valuation",
    f"how much money has {COMPANY} raised in total",
    f"does {COMPANY} own GPUs",
    f"{COMPANY} 什么时候成立的",
    f"谁投资了 {COMPANY}",
    f"{COMPANY} 有多少员工",
    f"{COMPANY} 的估值是多少",
)


@dataclass(frozen=True, slots=True)
class Suggestion:
    question: str
    words: tuple[str, ...]  # folded, to match what is typed
    chinese: bool


def _suggestion(question: str) -> Suggestion:
    return Suggestion(question, tuple(w.casefold() for w in words(question)), is_cjk(question))


def _questions(catalog: Catalog, known: Knowledge) -> tuple[Suggestion, ...]:
    questions = list(COMPANY_QUESTIONS)
    said: dict[str, set[str]] = {}
    for item in known.facts.items:
        said.setdefault(item.subject_key, set()).add(item.attribute)
    for model in catalog.models:
        attributes = set().union(*(said.get(name_key(a), set()) for a in model.aliases))
        if "release" in attributes:
            questions += [f"when was {model.name} released", f"{model.name} 什么时候发布的"]
        if "context" in attributes:
            questions.append(f"what is the context window of {model.name}")
        if attributes & {"parameters", "total_parameters"}:
            questions += [
                f"how many parameters does {model.name} have",
                f"{model.name} 有多少参数",
            ]
    for person in catalog.people:
        if any("role" in said.get(name_key(n), set()) for n in person.names):
            questions.append(f"who is {person.name}")
            questions += [f"{name} 是谁" for name in person.names[1:] if is_cjk(name)][:1]
    return tuple(_suggestion(q) for q in dict.fromkeys(questions))


_COMPANY_ONLY = tuple(_suggestion(q) for q in COMPANY_QUESTIONS)


class _Key:
    """The key of the suggestions in the catalog's derived values."""


_KEY = _Key()


def _suggestions(catalog: Catalog) -> tuple[Suggestion, ...]:
    known = built_knowledge(catalog)
    if known is None:
        return _COMPANY_ONLY
    return catalog.derived(_KEY, lambda c: _questions(c, known))


def _matches(typed: list[str], suggestion: Suggestion) -> bool:
    """Every word typed starts a word of the question (the last one may be cut short);
    Chinese typed is found inside the question's Chinese."""
    for word in typed:
        if is_cjk(word):
            if word not in suggestion.question:
                return False
        elif not any(w.startswith(word) for w in suggestion.words):
            return False
    return True


def ask_choices(catalog: Catalog, typed: str) -> list[Choice]:
    """Questions the index answers well that fit what is typed; Chinese first when the
    typing is Chinese, else English first."""
    typed_words = [w.casefold() for w in words(typed[:MAX_TYPED])]
    chinese = is_cjk(typed)
    found = [s for s in _suggestions(catalog) if _matches(typed_words, s)]
    found.sort(key=lambda s: s.chinese != chinese)
    return [
        Choice(shorten(s.question, MAX_CHOICE_LENGTH), shorten(s.question, MAX_CHOICE_LENGTH))
        for s in found[:MAX_CHOICES]
    ]
