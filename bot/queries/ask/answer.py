"""`/ask`: a question in plain words, English or Chinese, answered without a language model.

Read the question (`understand`), answer from the structured knowledge first (the facts the
corpus states about its subject, both sides where the sources differ, each cited), then show
the best supporting quote or passages. A question not understood, or about something the
corpus does not say, says so plainly and shows the nearest passages, never an unrelated one.
"""

from __future__ import annotations

import re
from typing import Literal

from bot.domain.text import shown
from bot.queries.ask.lexicon import COMPANY, OVERVIEW, SECONDARY_LABELS_ZH, Language, Topic
from bot.queries.ask.understand import Question, Subject, understand
from bot.queries.corpus import Corpus
from bot.queries.labels import label_for
from bot.queries.quotes import find_quote
from bot.queries.ranking import MARKS, evidence, excerpt
from bot.queries.results import (
    AskAnswer,
    Citation,
    FactLine,
    FactValue,
    Problem,
    QuoteAnswer,
    SearchHit,
)
from bot.queries.search import query_words, ranked
from bot.store.search_read import RankedPassage

MAX_QUESTION_CHARS = 300
SHOWN_PASSAGES = 3
EXCERPT_WORDS = 40
# Subjects of the company's own that a question about nothing named is taken to ask about.
COMPANY_TOPICS = frozenset(
    {"founded", "team_size", "valuation", "investors", "funding", "gpus", "role"}
)


def _overview(subject: Subject) -> Topic:
    """What a question that names a subject and nothing more about it reads: its main facts."""
    return Topic("overview", OVERVIEW[subject.what], "", "", "", re.compile(r"(?!)"))


def _label(topic: Topic, attribute: str, language: Language) -> str:
    if attribute == topic.attributes[0] and topic.name != "overview":
        return topic.label(language)
    if language == "zh":
        return SECONDARY_LABELS_ZH.get(attribute, label_for(attribute))
    return label_for(attribute)


async def _facts(
    corpus: Corpus, subject: Subject, topic: Topic, language: Language
) -> tuple[FactLine, ...]:
    rows = [
        r for r in await corpus.store.person_facts(subject.keys) if r.attribute in topic.attributes
    ]
    if not rows:
        return ()
    disputed = await corpus.store.disputed_attributes([subject.name])
    by_attribute: dict[str, dict[str, dict[Citation, None]]] = {}
    for row in sorted(rows, key=lambda r: topic.attributes.index(r.attribute)):
        cited = corpus.catalog.citation(row.file, row.heading, row.evidence)
        by_attribute.setdefault(row.attribute, {}).setdefault(row.value, {})[cited] = None
    return tuple(
        FactLine(
            attribute,
            _label(topic, attribute, language),
            tuple(FactValue(value, tuple(cites)) for value, cites in values.items()),
            disputed=attribute in disputed,
        )
        for attribute, values in by_attribute.items()
    )


def _search_words(question: Question) -> str:
    words = list(question.rest)
    if question.topic is not None:
        words.append(question.topic.words)
    if question.subject is not None:
        words.append(question.subject.name)
    return " ".join(words)


def _about(row: RankedPassage, subject: Subject | None) -> bool:
    """Whether a passage matched more than the subject's name: a passage that only names
    MiniMax does not answer a question about MiniMax."""
    named = set() if subject is None else {w.casefold() for w in query_words(subject.name)}
    named |= {w.casefold() for w in query_words(subject.typed)} if subject else set()
    marked = row.marked.replace(MARKS[0], "\n" + MARKS[0]).split("\n")
    spans = {piece[1 : piece.find(MARKS[1])].casefold() for piece in marked[1:]}
    return bool(spans - named) and evidence(row.marked).words > 0


async def _passages(corpus: Corpus, question: Question) -> tuple[SearchHit, ...]:
    words = _search_words(question)
    if not query_words(words):
        return ()
    named_only = question.topic is None and not question.rest  # `what is Hailuo`
    rows = [
        row for row in await ranked(corpus, words) if named_only or _about(row, question.subject)
    ]
    return tuple(
        SearchHit(
            excerpt(row.marked, words=EXCERPT_WORDS),
            corpus.catalog.citation(row.file, row.heading),
        )
        for row in rows[:SHOWN_PASSAGES]
    )


async def _quote(corpus: Corpus, question: Question) -> QuoteAnswer | None:
    """What the person said about the rest of the question (`what did Yan say about ...`)."""
    if question.subject is None or question.subject.what != "person" or not question.rest:
        return None
    found = await find_quote(corpus, " ".join(question.rest), question.subject.name)
    return found if isinstance(found, QuoteAnswer) else None


def _with_company(question: Question) -> Question:
    """A question about the company's own subjects that names nothing is about MiniMax."""
    if question.subject is not None or question.topic is None:
        return question
    if question.topic.name not in COMPANY_TOPICS:
        return question
    company = Subject(COMPANY, "company", ("minimax",), "")
    return Question(
        question.text, question.language, question.kind, company, question.topic, question.rest
    )


async def ask(corpus: Corpus, text: str) -> AskAnswer | Problem:
    typed = shown(text, MAX_QUESTION_CHARS)
    if not query_words(text):
        return Problem("Ask a question in a few words: `/ask when was MiniMax founded`.")
    question = _with_company(understand(corpus.catalog, text[:MAX_QUESTION_CHARS]))
    subject, topic, language = question.subject, question.topic, question.language
    facts: tuple[FactLine, ...] = ()
    if subject is not None and topic is not None and topic.attributes:
        facts = await _facts(corpus, subject, topic, language)
    elif subject is not None and topic is None and not question.rest:
        facts = await _facts(corpus, subject, _overview(subject), language)
    quote = await _quote(corpus, question) if question.kind == "what_said" else None
    passages = await _passages(corpus, question)
    understood = subject is not None or topic is not None or bool(question.rest)
    outcome: Literal["answered", "not_covered", "not_understood"] = "not_covered"
    if facts or quote or (passages and (topic is not None or question.rest)):
        outcome = "answered"
    elif not understood:
        outcome = "not_understood"
    curated = (subject.typed, subject.name) if subject is not None and subject.curated else None
    return AskAnswer(
        typed,
        language,
        question.kind,
        outcome,
        subject.name if subject is not None else None,
        topic.label(language) if topic is not None and topic.name != "overview" else None,
        facts,
        quote,
        passages,
        curated,
    )


__all__ = ["ask"]
