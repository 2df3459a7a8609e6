"""`/ask`: a question in plain words, English or Chinese, answered without a language model.

Read the question (`understand`), answer from the structured knowledge first (the facts the
corpus states about its subject, the happening a "when" asks about with each source's date,
both sides where the sources differ, each cited), then show the best supporting quote or
passages. A question not understood, or about something the corpus does not say, says so
plainly and shows the nearest passages, never an unrelated one.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Literal

from bot.domain.text import shown
from bot.queries.ask.knowledge import DATE_ATTRIBUTES, Knowledge, Known, in_corpus, knowledge
from bot.queries.ask.lexicon import COMPANY, OVERVIEW, SECONDARY_LABELS_ZH, Language, Topic
from bot.queries.ask.matching import elsewhere, matching_facts
from bot.queries.ask.understand import Question, Subject, understand
from bot.queries.ask.when import happening_entry, matching_happening
from bot.queries.ask.words import Asked, american, enough, overlap, stems
from bot.queries.corpus import Corpus
from bot.queries.disagreements import about_subject
from bot.queries.hybrid import fuse_passages
from bot.queries.labels import label_for
from bot.queries.problem_wording import problem
from bot.queries.quotes import find_quote
from bot.queries.ranking import MARKS, excerpt
from bot.queries.results import (
    AskAnswer,
    Citation,
    Disagreement,
    FactLine,
    FactValue,
    Problem,
    QuoteAnswer,
    SearchHit,
    TimelineEntry,
)
from bot.queries.search import fold, query_words, ranked
from bot.store.fts import is_cjk
from bot.store.search_read import RankedPassage

MAX_QUESTION_CHARS = 300
SHOWN_PASSAGES = 3
EXCERPT_WORDS = 40
# Subjects of the company's own that a question about nothing named is taken to ask about.
COMPANY_TOPICS = frozenset(
    {"founded", "team_size", "valuation", "investors", "funding", "gpus", "role"}
)
_LABELS = frozenset({"heading", "chapter"})
_MARKED = re.compile(f"{MARKS[0]}(.*?){MARKS[1]}", re.S)
_WHAT_IS = re.compile(r"\s*what\s+(?:is|are|was|were)\s+(?:an?\s+|the\s+)?(.+)$", re.IGNORECASE)


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
        _topic_words(question) if topic is question.topic else frozenset(),
        _wanted(question),
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
    for group in groups:
        first = group[0]
        label = _label(topic, first.attribute, question.language)
        if subject is None or first.subject_key not in subject.keys:
            person = corpus.catalog.person_by_key.get(first.subject_key)
            label = f"{person.name if person else first.subject} · {label}"
        values: dict[str, dict[Citation, None]] = {}
        for item in group:
            values.setdefault(item.value, {}).update(dict.fromkeys(_cited(corpus, item)))
        lines.append(
            FactLine(
                first.attribute,
                label,
                tuple(FactValue(value, tuple(cites)) for value, cites in values.items()),
                disputed=first.attribute in disputed and len(values) > 1,
            )
        )
    return tuple(lines)


def _happening(corpus: Corpus, known: Knowledge, question: Question) -> TimelineEntry | None:
    """The happening a "when" question asks about, each source's date side by side."""
    found = matching_happening(known, _asked(corpus, question, question.topic))
    return happening_entry(corpus, known, found) if found is not None else None


def _overview_of(question: Question) -> bool:
    """`who is X`, `what is X`: nothing asked but the subject itself."""
    return question.subject is not None and not question.rest and not question.cue


def _search_words(question: Question) -> str:
    words = list(question.rest)
    if question.topic is not None and not _overview_of(question):
        words.append(question.topic.words)
    subject = question.subject
    if subject is not None and (subject.what != "company" or not words):
        words.append(subject.name)
    return " ".join(words)


def _mentions(text: str, subject: Subject) -> bool:
    """Whether the text names the subject (the index spaces Chinese: a name is found
    across those spaces)."""
    folded = text.casefold()
    names = [s for s in (*subject.spellings, subject.typed) if len(s) > 1]
    if any(is_cjk(name) for name in names):
        folded += " " + folded.replace(" ", "")
    return any(name.casefold() in folded for name in names)


def _enough(wanted: frozenset[str], have: frozenset[str], topic: frozenset[str]) -> bool:
    """Enough of the question's own words, and one of its topic's words when it has one."""
    if topic and not overlap(topic, have):
        return False
    return not wanted or enough(wanted, have)


def _relevant(
    row: RankedPassage, question: Question, wanted: frozenset[str], known: Knowledge
) -> bool:
    """Whether a passage says what is asked, not only the subject's name: enough of the
    question's own words, and the subject itself when it is not the company; about the
    company, not a passage about another organisation (SenseTime's `major revenue source`)."""
    subject = question.subject
    text = row.marked.replace(MARKS[0], "").replace(MARKS[1], "")
    named = _mentions(f"{text} {row.heading or ''}", subject) if subject else True
    if subject is not None and subject.what != "company" and not named:
        return False
    if subject is not None and subject.what == "company" and elsewhere(text, known):
        return False
    if _overview_of(question):
        return True
    return _enough(wanted, _marked_stems(row), _topic_words(question))


def _definition(question: Question) -> re.Pattern[str] | None:
    """For `what is X` in English: what says `X is ...` (or `X (...) is`)."""
    named = _WHAT_IS.match(question.text)
    if question.kind != "what_is" or named is None or not named.group(1).strip():
        return None
    thing = re.escape(named.group(1).strip(" ?"))
    return re.compile(rf"\b{thing}\b[^.:]{{0,40}}?\s(?:is|are|was|refers to)\s", re.IGNORECASE)


def _says(row: RankedPassage, defines: re.Pattern[str] | None) -> bool:
    text = row.marked.replace(MARKS[0], "").replace(MARKS[1], "")
    return defines is not None and defines.search(text) is not None


def _marked_stems(row: RankedPassage) -> frozenset[str]:
    return stems(" ".join(_MARKED.findall(row.marked)))


def _topic_words(question: Question) -> frozenset[str]:
    """The topic's own words and those the question named it by (`MoE`)."""
    if question.topic is None:
        return frozenset()
    return stems(" ".join((question.topic.words, *question.cue)))


def _wanted(question: Question) -> frozenset[str]:
    words = stems(" ".join(question.rest))
    if question.subject is not None and question.subject.what != "company":
        words -= stems(question.subject.name)
    return words


async def _passages(
    corpus: Corpus, known: Knowledge, question: Question
) -> tuple[list[SearchHit], bool]:
    """The passages shown, and whether they say what is asked (else: the nearest ones)."""
    words = _search_words(question)
    if not query_words(words):
        return [], False
    # none is too weak to read: whether it says what is asked is told below
    rows = await ranked(corpus, words, floor=0.0)
    # a heading or a chapter title names what a question asks about; it does not answer it;
    # `what is X` is answered first by what says `X is ...`
    defines = _definition(question)
    rows.sort(key=lambda row: (row.kind in _LABELS, not _says(row, defines)))
    wanted = _wanted(question)
    # those that say what is asked, then those that hold some of it (the other side of a
    # yes or no, say); read only as far as the few shown
    near = stems(" ".join(question.rest)) | _topic_words(question)
    good: list[RankedPassage] = []
    some: list[RankedPassage] = []
    for row in rows:
        if _says(row, defines) or _relevant(row, question, wanted, known):
            good.append(row)
            if len(good) == SHOWN_PASSAGES:
                break
        elif len(some) < SHOWN_PASSAGES and overlap(near, _marked_stems(row)) > 0:
            some.append(row)
    if not good:  # none says what is asked: the nearest, in meaning too (the semantic extra)
        rows = await fuse_passages(corpus, question.text, rows)
    shown_rows = good + some if good else rows
    hits = [
        SearchHit(
            excerpt(row.marked, words=EXCERPT_WORDS),
            corpus.catalog.citation(row.file, row.heading),
        )
        for row in shown_rows[:SHOWN_PASSAGES]
    ]
    return hits, bool(good)


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
    found = await find_quote(corpus, " ".join(words), speaker, by_meaning=False)
    if not isinstance(found, QuoteAnswer):
        return None
    wanted = _wanted(question) or stems(" ".join(question.cue))
    said = stems(f"{found.text} {found.question or ''}")
    if not wanted or not _enough(wanted, said, frozenset()):
        return None
    if question.topic is not None and not overlap(_topic_words(question), said):
        return None
    thing = subject is not None and subject.what not in ("company", "person")
    if thing and subject and not _mentions(f"{found.text} {found.question or ''}", subject):
        return None
    if subject is not None and subject.what == "company" and elsewhere(found.text, known):
        return None
    return found


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
        passages, _ = await _passages(corpus, known, question)
        return _answer(question, "not_covered", (), None, passages)
    facts = await _facts(corpus, known, question, topic)
    happening = _happening(corpus, known, question) if question.kind == "when" else None
    if question.kind == "when":  # the facts that are dates: with a happening, those disputed
        facts = tuple(
            f for f in facts if f.attribute in DATE_ATTRIBUTES and (f.disputed or not happening)
        )
    quote = await _quote(corpus, known, question) if question.kind != "when" else None
    passages, relevant = await _passages(corpus, known, question)
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
