"""The card for `/ask`: the answer from the facts (both sides where the sources differ), the
quote or passages that support it, or plainly that the question was not understood or not
covered, with the nearest passages. Labels follow the question's language."""

from __future__ import annotations

from bot.cards.card import Card, Entry, Section, Tone
from bot.cards.models import facts
from bot.cards.quotes import quoted
from bot.domain.text import shown
from bot.queries.results import AskAnswer

QUESTION_CHARS = 80

_WORDS: dict[str, dict[str, str]] = {
    "title": {"en": "Ask · “{q}”", "zh": "问 · “{q}”"},
    "about": {"en": "{subject} · {topic}", "zh": "{subject} · {topic}"},
    "supporting": {"en": "Supporting passages", "zh": "出处段落"},
    "nearest": {"en": "Nearest passages", "zh": "最相近的段落"},
    "disputed": {
        "en": "The sources disagree: each value is shown with its source.",
        "zh": "各来源说法不一:每个说法都附有出处。",
    },
    "not_understood": {
        "en": "I could not tell what this asks. The nearest passages are below.",
        "zh": "没能理解这个问题。下面是最相近的段落。",
    },
    "not_covered": {
        "en": "The corpus does not say. The nearest passages are below.",
        "zh": "语料中没有这方面的内容。下面是最相近的段落。",
    },
    "nothing": {
        "en": "The corpus does not say, and no passage comes near.",
        "zh": "语料中没有这方面的内容,也没有相近的段落。",
    },
    "curated": {
        "en": "“{typed}” read as {name}: a common name from a curated list, not the corpus's.",
        "zh": "“{typed}” 按 {name} 理解:这是整理的常用名,不是语料原文。",
    },
}


def _say(key: str, answer: AskAnswer, **values: str) -> str:
    return _WORDS[key][answer.language].format(**values)


def ask_card(answer: AskAnswer) -> Card:
    title = _say("title", answer, q=shown(answer.question, QUESTION_CHARS))
    lead: list[str] = []
    if answer.outcome == "answered":
        if answer.subject and answer.topic:
            lead.append(_say("about", answer, subject=answer.subject, topic=answer.topic))
    elif answer.passages:
        lead.append(_say(answer.outcome, answer))
    else:
        lead.append(_say("nothing", answer))
    notices: list[str] = []
    if answer.curated is not None:
        typed, name = answer.curated
        notices.append(_say("curated", answer, typed=typed, name=name))
    disputed = any(line.disputed for line in answer.facts)
    if disputed:
        notices.append(_say("disputed", answer))
    sections: tuple[Section, ...] = ()
    if answer.passages:
        which = "supporting" if answer.outcome == "answered" else "nearest"
        entries = tuple(Entry(hit.snippet, citations=(hit.citation,)) for hit in answer.passages)
        sections = (Section(_say(which, answer), entries, cite="inline"),)
    tone = Tone.ANSWER if answer.outcome == "answered" else Tone.PROBLEM
    if disputed:
        tone = Tone.WARNING
    return Card(
        title,
        lead=tuple(lead),
        notices=tuple(notices),
        quote=quoted(answer.quote) if answer.quote is not None else None,
        facts=facts(answer.facts),
        sections=sections,
        tone=tone,
    )
