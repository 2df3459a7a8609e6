"""The card for `/ask`: the answer from the facts (both sides where the sources differ), the
quote or passages that support it, or plainly that the question was not understood or not
covered, with the nearest passages. Labels follow the reader's locale, and a question asked
in Chinese gets Chinese labels whatever the locale."""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from opencc import OpenCC

from bot.cards.card import Card, Entry, Section, Tone
from bot.cards.disagreements import disagreement_fact
from bot.cards.labels import DEFAULT, Locale, attribute_label, say
from bot.cards.models import facts
from bot.cards.quotes import quoted
from bot.cards.timeline import events
from bot.domain.text import shown
from bot.queries.results import AskAnswer

QUESTION_CHARS = 80
_NOT_FACTS = frozenset({"what_said", "other"})  # kinds of question a fact does not answer


def labels_locale(answer: AskAnswer, locale: Locale) -> Locale:
    """A question asked in Chinese gets Chinese labels (simplified unless the reader reads
    traditional); any other question, the reader's."""
    if answer.language == "zh" and locale == DEFAULT:
        return "zh-CN"
    return locale


def in_readers_words(answer: AskAnswer, locale: Locale) -> AskAnswer:
    """The answer's topic and fact labels for a Chinese reader: an English question's in
    Chinese, in the reader's script (OpenCC's s2twp for traditional, the converse of the
    t2s names are read with), a label the query left in English from the catalog. The
    corpus's values and the person a label names stay as written."""
    if locale == DEFAULT:
        return answer
    english = answer.language != "zh" and len(answer.labels_zh) == len(answer.facts)
    labels = answer.labels_zh if english else tuple(line.label for line in answer.facts)
    topic = answer.topic_zh or answer.topic if english else answer.topic
    lines = tuple(
        replace(line, label=_label_in(label, line.attribute, locale))
        for line, label in zip(answer.facts, labels, strict=True)
    )
    return replace(answer, topic=_in_script(topic, locale) if topic else topic, facts=lines)


def _label_in(label: str, attribute: str, locale: Locale) -> str:
    person, between, own = label.rpartition(" · ")
    own = attribute_label(attribute, own, locale) if own.isascii() else _in_script(own, locale)
    return f"{person}{between}{own}"


@cache
def _traditional() -> OpenCC:
    return OpenCC("s2twp")


def _in_script(label: str, locale: Locale) -> str:
    return _traditional().convert(label) if locale == "zh-TW" else label


def _no_fact(answer: AskAnswer) -> bool:
    """A question asking for a fact (not what someone said) answered by no fact: what is
    shown is what the corpus says nearest, and the reader is told so."""
    asks_fact = answer.kind not in _NOT_FACTS and answer.topic is not None
    stated = answer.facts or answer.happening is not None or answer.disagreements
    return answer.outcome == "answered" and asks_fact and not stated


def ask_card(answer: AskAnswer, locale: Locale = DEFAULT) -> Card:
    locale = labels_locale(answer, locale)
    answer = in_readers_words(answer, locale)
    title = say("ask.title", locale, q=shown(answer.question, QUESTION_CHARS))
    lead: list[str] = []
    if answer.outcome == "answered":
        if answer.subject and answer.topic:
            lead.append(say("ask.about", locale, subject=answer.subject, topic=answer.topic))
    elif answer.passages:
        lead.append(say(f"ask.{answer.outcome}", locale))
    else:
        lead.append(say("ask.nothing", locale))
    notices: list[str] = []
    if answer.curated is not None:
        typed, name = answer.curated
        notices.append(say("ask.curated", locale, typed=typed, name=name))
    if _no_fact(answer):
        notices.append(say("ask.no_fact", locale))
    disputed = any(line.disputed for line in answer.facts) or bool(answer.disagreements)
    if disputed:
        notices.append(say("ask.disputed", locale))
    sections: list[Section] = []
    if answer.happening is not None:  # each source's date in the timeline's own words
        told = events((answer.happening,), locale).entries
        sections.append(Section(say("ask.when", locale), told, what="events"))
    if answer.disagreements:
        points = tuple(disagreement_fact(item, locale) for item in answer.disagreements)
        counted = say("disagree.counted", locale, n=len(points))
        sections.append(Section(counted, facts=points, what="points"))
    if answer.passages:
        which = "ask.supporting" if answer.outcome == "answered" else "ask.nearest"
        entries = tuple(Entry(hit.snippet, citations=(hit.citation,)) for hit in answer.passages)
        sections.append(Section(say(which, locale), entries, what="passages", cite="inline"))
    tone = Tone.ANSWER if answer.outcome == "answered" else Tone.PROBLEM
    if disputed or (answer.happening is not None and answer.happening.differ):
        tone = Tone.WARNING
    return Card(
        title,
        lead=tuple(lead),
        notices=tuple(notices),
        quote=quoted(answer.quote, locale) if answer.quote is not None else None,
        facts=facts(answer.facts),  # labelled by the query, in the question's language
        sections=tuple(sections),
        tone=tone,
        locale=locale,
    )
