"""Which of the corpus's facts answer a question: those about its subject (or naming it)
whose attribute or value says what is asked, scored and grouped by subject and attribute."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.queries.ask.knowledge import Knowledge, Known
from bot.queries.ask.lexicon import COMPANY_NAMES
from bot.queries.ask.words import Asked, enough, names_in, names_pattern, overlap, stems

MAX_LINES = 3  # fact lines shown for one question
MIN_STEM = 4  # a stem this long names the longer words it begins (`edit`: editor)
_NUMBER = re.compile(r"(?<![\w-])\d")  # a number, not a digit of a name (MiniMax-01)


def subject_of(item: Known, asked: Asked) -> bool:
    if any(item.subject_key == k for k in asked.keys):
        return True
    # a model's variants (MiniMax-M1-40K for MiniMax-M1); the company's own things
    variant = asked.variants and any(item.subject_key.startswith(k) for k in asked.keys if k)
    return variant or (asked.company and item.company_own)


def _about(item: Known, asked: Asked, names: re.Pattern[str] | None) -> bool:
    if not asked.keys:
        return True
    text = f"{item.value} {item.subject}" if item.document else item.value
    return subject_of(item, asked) or names_in(text, names)


def _fact_score(item: Known, asked: Asked) -> int:
    on_topic = 3 if item.attribute in asked.attributes else 0
    attribute = stems(item.attribute)
    said = 2 * overlap(asked.words, attribute) + overlap(asked.words, item.words)
    return on_topic + said


def _someone(item: Known, asked: Asked) -> bool:
    """For a "who" question: a person whose fact says what is asked (`co-founder`)."""
    wanted = asked.words | asked.typed
    return asked.who and item.subject_key in asked.people and overlap(wanted, item.words) > 0


@dataclass
class _Line:
    """The facts of one subject and attribute that answer, as scored."""

    score: int
    how: int  # NAMED, OWN or SOMEONE: why its facts answer
    asks: bool  # its attribute is what the question asks for (`editor` for `edited`)
    items: list[Known]
    model: bool = False  # a fact of one of the company's models, asked about the company


# The words a question about a document itself uses: only it is answered by the document's
# credits (`who edited the LatePost interview`), not one whose words its title holds (`AGI`).
_DOCUMENT_WORDS = stems(
    "interview article paper report document piece post essay story wrote written writer "
    "author editor edited publish publisher outlet byline contributed credited journalist "
    "reporter appeared"
)
NAMED, OWN, SOMEONE = 0, 1, 2  # another subject's fact naming the subject; its own; a person's


def matching_facts(known: Knowledge, asked: Asked) -> list[list[Known]]:
    """The facts that answer, grouped by subject and attribute, best first.

    What is not asked stays out: a fact of another subject that only names the question's
    (`advised Yang Bin` under `who is Yang Bin`) when the subject's own facts answer; of
    the people a "who" question finds by what their facts say, only the best matched (the
    company's CEO, not NVIDIA's); when a fact's attribute is what is asked (`edited`: the
    editor), other attributes; for "how many" or "how much", facts without a number when
    some have one."""
    if asked.keys and not asked.words and not asked.attributes and not asked.topic:
        return []
    lines: dict[tuple[str, str], _Line] = {}
    names = names_pattern(asked.names)
    for item in known.facts.candidates(asked):
        if item.document and not _on_document(item, asked):
            continue
        # a person whose fact says what is asked answers only when the fact is about the
        # thing asked (`led` the Series B, not `led` a team)
        someone = _someone(item, asked) and (
            (asked.company and not elsewhere(item.value, known))
            or not asked.keys
            or names_in(item.value, names)
        )
        # the company's models answer what the company's own facts do not (`is MiniMax open
        # source`: MiniMax-M1's licence), on the topic asked only
        model = asked.company and item.company_model and item.attribute in asked.attributes
        own = not asked.keys or subject_of(item, asked) or model
        if not (someone or own or _about(item, asked, names)):
            continue
        score = _fact_score(item, asked)
        if someone:
            score += 4 + (item.attribute == "role")
        if score <= 0 or (not asked.keys and not someone and not enough(asked.words, item.words)):
            continue
        how = SOMEONE if someone else OWN if own else NAMED
        line = lines.setdefault(
            (item.owner or item.subject, item.attribute),
            _Line(0, how, _asks(item, asked), [], model),
        )
        line.items.append(item)
        line.score, line.how = max(line.score, score), max(line.how, how)
    kept = _kept(list(lines.values()), asked)
    if not kept:
        return []
    kept.sort(key=lambda line: -line.score)
    top = kept[0].score
    return [line.items for line in kept if line.score * 2 >= top][:MAX_LINES]


def _kept(lines: list[_Line], asked: Asked) -> list[_Line]:
    if any(line.how == OWN for line in lines):
        lines = [line for line in lines if line.how != NAMED]
    people = max((line.score for line in lines if line.how == SOMEONE), default=0)
    lines = [line for line in lines if line.how != SOMEONE or line.score == people]
    if any(line.asks and line.how != SOMEONE for line in lines):
        lines = [line for line in lines if line.asks or line.how == SOMEONE]
    if any(line.how == OWN and not line.model for line in lines):
        lines = [line for line in lines if not line.model]
    if asked.quantity and any(_NUMBER.search(i.value) for line in lines for i in line.items):
        lines = [line for line in lines if any(_NUMBER.search(i.value) for i in line.items)]
    return lines


def _asks(item: Known, asked: Asked) -> bool:
    """Whether the fact's attribute is what the question asks for: its topic's, or named by
    one of its words (`edited`: editor, `interviewed`: interviewer)."""
    if item.attribute in asked.attributes:
        return True
    attribute = stems(item.attribute)
    return any(
        word in attribute or (len(word) >= MIN_STEM and any(a.startswith(word) for a in attribute))
        for word in asked.words
    )


def _on_document(item: Known, asked: Asked) -> bool:
    """Whether the question is about a document, so that its credits may answer it."""
    return _asks(item, asked) or overlap(asked.words | asked.typed, _DOCUMENT_WORDS) > 0


def elsewhere(text: str, known: Knowledge) -> bool:
    """Whether a text is about another organisation (`NVIDIA CEO`, `VP at SenseTime`, `I
    founded Crossing`), not the company (`MiniMax CEO`)."""
    return names_in(text, known.elsewhere) and not any(
        name in text.casefold() for name in COMPANY_NAMES
    )
