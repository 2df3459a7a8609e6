"""`/ask`: a question in plain words, English or Chinese, answered without a language model.

Read the question (`understand`), answer from the structured knowledge first (the facts the
corpus states about its subject, the happening a "when" asks about with each source's date,
both sides where the sources differ, each cited), then show the best supporting quote or
passages. A question not understood, or about something the corpus does not say, says so
plainly and shows the nearest passages, never an unrelated one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import Literal

from bot.domain.text import shown
from bot.queries.ask.knowledge import DATE_ATTRIBUTES, Knowledge, Known, in_corpus, knowledge
from bot.queries.ask.lexicon import COMPANY, OVERVIEW, SECONDARY_LABELS_ZH, Language, Topic
from bot.queries.ask.matching import elsewhere, matching_facts
from bot.queries.ask.passages import holds_enough, mentions, passages_for, topic_words, wanted_words
from bot.queries.ask.understand import Question, Subject, understand
from bot.queries.ask.when import happening_entry, matching_happening
from bot.queries.ask.words import Asked, american, overlap, stem, stems
from bot.queries.corpus import Corpus
from bot.queries.disagreements import about_subject
from bot.queries.labels import label_for
from bot.queries.problem_wording import problem
from bot.queries.quotes import find_quote
from bot.queries.results import (
    AskAnswer,
    Citation,
    Disagreement,
    FactLine,
    Problem,
    QuoteAnswer,
    SearchHit,
    TimelineEntry,
)
from bot.queries.same_values import company_names, same_values
from bot.queries.search import fold, query_words
from bot.store.fts import is_cjk

MAX_QUESTION_CHARS = 300
MIN_ROOT = 4  # letters of a word its noun keeps (`defin`: define, definition)
_NOUN_ENDINGS = frozenset({"ition", "itions", "ation", "ations", "ion", "ions"})
_WORDS = re.compile(r"\w+")
# Subjects of the company's own that a question about nothing named is taken to ask about.
COMPANY_TOPICS = frozenset(
    {"founded", "team_size", "valuation", "investors", "funding", "gpus", "role"}
)


def _overview(subject: Subject) -> Topic:
    """What a question that names a subject and nothing more about it reads: its main facts."""
    attributes = OVERVIEW.get(subject.what, ("role",))
    return Topic("overview", attributes, "", "", "", re.compile(r"(?!)"))


def _label(topic: Topic | None, attribute: str, language: Language) -> str:
    if topic is not None and topic.name != "overview" and topic.attributes[:1] == (attribute,):
        return topic.label(language)
    if language == "zh":
        return SECONDARY_LABELS_ZH.get(attribute, label_for(attribute))
    return label_for(attribute)


def _asked(corpus: Corpus, question: Question, topic: Topic | None) -> Asked:
    subject = question.subject
    names: tuple[str, ...] = ()
    if subject is not None and subject.what != "company":
        names = tuple(n for n in (*subject.spellings, subject.typed) if len(n) > 1)
    return Asked(
        subject.keys if subject is not None else (),
        names,
        topic.attributes if topic is not None else (),
        topic_words(question) if topic is question.topic else frozenset(),
        wanted_words(question),
        subject is not None and subject.what == "company",
        who=question.kind == "who" and (subject is None or subject.what in ("company", "thing")),
        people=frozenset(corpus.catalog.person_by_key),
        typed=stems(" ".join(question.cue)),
        name_words=stems(" ".join(names)),
        quantity=question.kind in ("how_many", "how_much"),
        variants=subject is not None and subject.what in ("model", "thing"),
    )


def _cited(corpus: Corpus, item: Known) -> list[Citation]:
    sources = item.sources or ((item.file, item.heading, item.evidence),)
    return [corpus.catalog.citation(*source) for source in sources]


async def _facts(
    corpus: Corpus, known: Knowledge, question: Question, topic: Topic | None
) -> tuple[FactLine, ...]:
    groups = matching_facts(known, _asked(corpus, question, topic))
    if not groups:
        return ()
    subject = question.subject
    disputed = await corpus.store.disputed_attributes(sorted({g[0].subject for g in groups}))
    lines = []
    company = company_names(corpus.catalog)
    for group in groups:
        first = group[0]
        label = _label(topic, first.attribute, question.language)
        if subject is None or first.subject_key not in subject.keys:
            person = corpus.catalog.person_by_key.get(first.subject_key)
            label = f"{person.name if person else first.subject} · {label}"
        said = same_values(((item.value, _cited(corpus, item)) for item in group), company)
        # the sources differ only where the values shown do
        lines.append(
            FactLine(
                first.attribute, label, said, disputed=first.attribute in disputed and len(said) > 1
            )
        )
    return tuple(lines)


def _happening(corpus: Corpus, known: Knowledge, question: Question) -> TimelineEntry | None:
    """The happening a "when" question asks about, each source's date side by side."""
    found = matching_happening(known, _asked(corpus, question, question.topic))
    return happening_entry(corpus, known, found) if found is not None else None


async def _quote(corpus: Corpus, known: Knowledge, question: Question) -> QuoteAnswer | None:
    """What was said about the rest of the question (`what did Yan say about ...`): by the
    person asked about, else by anyone, when it holds enough of the question's words; about
    the company, never what names only another organisation (`I founded Crossing`)."""
    subject = question.subject
    if not question.rest and not question.cue:
        return None
    speaker = subject.name if subject is not None and subject.what == "person" else None
    words = [*question.rest, *question.cue]
    if subject is not None and subject.what in ("model", "thing"):
        words.append(subject.name)
    # by words: what was said is matched on the question's own words (and one model call less)
    found = await find_quote(
        corpus,
        " ".join(words),
        speaker,
        by_meaning=False,
        in_context=False,
        # of what a person said, what says most of what is asked (`AGI`: not a passing word)
        prefer=_says_most(wanted_words(question) or stems(" ".join(words))) if speaker else None,
    )
    if not isinstance(found, QuoteAnswer):
        return None
    wanted = wanted_words(question) or stems(" ".join(question.cue))
    company = subject is not None and subject.what == "company"
    # the question it answers says what is asked only when it is about the subject (not
    # `Mistral has already open-sourced an MoE model` for `is MiniMax open source`)
    asked = found.question or ""
    said = stems(found.text if company and elsewhere(asked, known) else f"{found.text} {asked}")
    if not wanted or not holds_enough(wanted, said, frozenset()):
        return None
    # a yes or no is said in the answer, not only asked in its question (`There are plenty
    # of open-source models` answers nothing about whether MiniMax's are)
    on_topic = stems(found.text) if question.kind == "yes_no" else said
    if question.topic is not None and not overlap(topic_words(question), on_topic):
        return None
    thing = subject is not None and subject.what not in ("company", "person")
    if thing and subject and not mentions(f"{found.text} {found.question or ''}", subject):
        return None
    if company and elsewhere(found.text, known):
        return None
    return found


def _says_most(wanted: frozenset[str]) -> Callable[[str, str], tuple[int, int]]:
    """What orders the quotes that match: those that hold more of the question's words (in
    what is said or in the question it answers), then those that say them more often."""

    def score(text: str, asked: str) -> tuple[int, int]:
        said = [stem(w) for w in _WORDS.findall(text)]
        everything = set(said) | stems(asked)
        covered = sum(1 for word in wanted if any(_same(word, h) for h in everything))
        return covered, sum(1 for h in said for word in wanted if _same(word, h))

    return score


def _same(word: str, other: str) -> bool:
    """The same word, or its noun (`define`: definition; `create`: creation)."""
    root = word.removesuffix("e")
    return other == word or (
        len(root) >= MIN_ROOT and other.startswith(root) and other[len(root) :] in _NOUN_ENDINGS
    )


def _with_company(question: Question) -> Question:
    """A question about the company's own subjects that names nothing is about MiniMax."""
    if question.subject is not None or question.topic is None:
        return question
    if question.topic.name not in COMPANY_TOPICS:
        return question
    company = Subject(COMPANY, "company", ("minimax",), "", spellings=(COMPANY,))
    return Question(
        question.text, question.language, question.kind, company, question.topic, question.rest
    )


async def ask(corpus: Corpus, text: str) -> AskAnswer | Problem:
    if not query_words(text):
        return problem("problem.empty_question")
    known = await knowledge(corpus)
    question = _with_company(understand(corpus.catalog, text[:MAX_QUESTION_CHARS], known.subjects))
    question = await _as_written(corpus, question)
    subject, topic = question.subject, question.topic
    if subject is not None and topic is None and not question.rest:
        topic = _overview(subject)
    if await _unwritten(corpus, question):
        passages, _ = await passages_for(corpus, known, question)
        return _answer(question, "not_covered", (), None, passages)
    facts = await _facts(corpus, known, question, topic)
    happening = _happening(corpus, known, question) if question.kind == "when" else None
    if question.kind == "when":  # the facts that are dates: with a happening, those disputed
        facts = tuple(
            f for f in facts if f.attribute in DATE_ATTRIBUTES and (f.disputed or not happening)
        )
    quote = await _quote(corpus, known, question) if question.kind != "when" else None
    passages, relevant = await passages_for(corpus, known, question)
    understood = subject is not None or topic is not None or bool(question.rest)
    outcome: Literal["answered", "not_covered", "not_understood"] = "not_covered"
    if facts or quote or happening or (relevant and question.kind != "when"):
        outcome = "answered"
    elif not understood:
        outcome = "not_understood"
    disputes = await _disputes(corpus, question, topic, facts) if outcome == "answered" else ()
    return _answer(question, outcome, facts, quote, passages, happening, disputes)


async def _disputes(
    corpus: Corpus, question: Question, topic: Topic | None, facts: tuple[FactLine, ...]
) -> tuple[Disagreement, ...]:
    """The disagreements about the subject on what is asked (its topic's attributes or
    words), other than those a disputed fact line already shows with both sides."""
    subject = question.subject
    if subject is None or topic is None:
        return ()
    items, _ = await about_subject(corpus, subject.spellings or (subject.name,))
    on_lines = {line.attribute for line in facts if line.disputed}
    words = {fold(word) for word in topic.words.split()}
    return tuple(
        item
        for item in items
        if item.attribute not in on_lines
        and (
            item.attribute in topic.attributes
            or words & {fold(w) for w in re.split(r"\W+", f"{item.label} {item.attribute}")}
        )
    )


async def _as_written(corpus: Corpus, question: Question) -> Question:
    """The question's words in the spelling the corpus uses: American where the British one
    is not written (`how is MiniMax organised`: organized, organizational)."""
    rest = list(question.rest)
    for index, word in enumerate(rest):
        other = american(word)
        if other and not await in_corpus(corpus, word) and await in_corpus(corpus, other):
            rest[index] = other
    return replace(question, rest=tuple(rest)) if rest != list(question.rest) else question


async def _unwritten(corpus: Corpus, question: Question) -> bool:
    """Whether the question asks about what the corpus never writes: half its own words
    (Chinese left unread aside) are not in it, and no subject of the lexicon names it."""
    words = [w for w in question.rest if not is_cjk(w)]
    if question.topic is not None or not words:
        return False
    unknown = [w for w in words if not await in_corpus(corpus, w)]
    return bool(unknown) and 2 * len(unknown) >= len(words)


def _answer(
    question: Question,
    outcome: Literal["answered", "not_covered", "not_understood"],
    facts: tuple[FactLine, ...],
    quote: QuoteAnswer | None,
    passages: list[SearchHit],
    happening: TimelineEntry | None = None,
    disputes: tuple[Disagreement, ...] = (),
) -> AskAnswer:
    subject, topic = question.subject, question.topic
    curated = (subject.typed, subject.name) if subject is not None and subject.curated else None
    return AskAnswer(
        shown(question.text, MAX_QUESTION_CHARS),
        question.language,
        question.kind,
        outcome,
        subject.name if subject is not None else None,
        topic.label(question.language) if topic is not None else None,
        facts,
        quote,
        tuple(passages),
        curated,
        happening,
        disputes,
        topic.label("zh") if topic is not None else None,
        tuple(_in_chinese(line, topic) for line in facts),
    )


def _in_chinese(line: FactLine, topic: Topic | None) -> str:
    """A fact line's label in Chinese, with the person it is about in front as in English."""
    person, between, _ = line.label.rpartition(" · ")
    return f"{person}{between}{_label(topic, line.attribute, 'zh')}"


__all__ = ["ask"]
