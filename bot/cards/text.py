"""A card as plain terminal text: readable, every value with its note number, the notes below.

No colour and no markup beyond `**highlighted**` search words, so it reads the same in a
terminal, a pipe and a test. It shows what the embed shows, in the same order: the title,
the lead, the facts and lists, the sources, then the counts and paging (an embed's footer).
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.cards.build import card_for
from bot.cards.card import Card, Entry, Fact, Quoted, Section, Text, Value
from bot.cards.citing import Notes, cite, clip_heading, source_line
from bot.domain.text import shown
from bot.queries.listings import Answer

EVIDENCE_CHARS = 160
ENTRY_CHARS = 300
QUESTION_CHARS = 400
LABEL_WIDTH = 24  # fact labels are padded to line up, up to this width
MARK = "**"  # highlighted words in a snippet: plain text a terminal and a pipe both show
DISPUTED = "(the sources disagree)"
NOT_GIVEN = "(not given)"


def render_text(answer: Answer) -> str:
    """The answer as text, without a trailing newline."""
    return card_text(card_for(answer))


def card_text(card: Card) -> str:
    notes = Notes()
    lines = [card.title] if card.title else []
    lines += [*card.lead, *card.notices]
    if card.quote is not None:
        lines += quote_lines(card.quote)
    if card.main is not None:
        lines += section_lines(card.main, notes)
    if card.facts:
        lines += ["", *fact_lines(card.facts, notes)]
    for section in card.sections:
        lines += ["", *section_lines(section, notes)]
    lines += note_lines(notes)
    if card.status:
        lines += ["", " · ".join(card.status)]
    if card.next_page:
        lines += ["", f"Next: {card.next_page}"]
    return "\n".join(lines).strip("\n")


def quote_lines(quote: Quoted) -> list[str]:
    """The quote, who said it, the question it answers and where it was said."""
    lines = [f"“{quote.text}”", f"  — {quote.speaker}"]
    if quote.question:
        lines.append(f"  Asked: “{shown(quote.question, QUESTION_CHARS)}”")
    lines.append(f"  Source: {cite(quote.citation, full=True)}")
    return lines


def highlighted(text: Text) -> str:
    """The text on one line; a snippet's matched words marked `**like this**`, spaces kept
    outside the marks."""
    if isinstance(text, str):
        return " ".join(text.split())
    out = []
    for segment in text:
        if not segment.highlight or not segment.text.strip():
            out.append(segment.text)
            continue
        core = segment.text.strip()
        start = segment.text.index(core)
        out.append(f"{segment.text[:start]}{MARK}{core}{MARK}{segment.text[start + len(core) :]}")
    return " ".join("".join(out).split())


def _cited(text: str, refs: str) -> str:
    return f"{text} {refs}" if refs else text


def section_lines(section: Section, notes: Notes) -> list[str]:
    lines = [f"{section.title}:"] if section.title else []
    if section.facts:
        lines += fact_lines(section.facts, notes, colon=True)
    entries = section.entries
    if any(entry.detail for entry in entries):
        for entry in entries:
            lines.append(f"  {entry.label or ''}".rstrip())
            body = " · ".join(p for p in (highlighted(entry.text), entry.detail) if p)
            lines.append(f"     {body}")
    elif section.cite == "inline":
        for entry in entries:
            lines += ["", f"  · {highlighted(entry.text)}"]
            lines += [f"    Source: {cite(citation)}" for citation in entry.citations]
    else:
        lines += _list_lines(entries, notes, quoted=section.quoted)
    return lines


def _list_lines(entries: Sequence[Entry], notes: Notes, *, quoted: bool) -> list[str]:
    width = max((len(entry.label or "") for entry in entries), default=0)
    lines = []
    for entry in entries:
        text = shown(highlighted(entry.text), ENTRY_CHARS)
        text = f"“{text}”" if quoted else text
        refs = notes.refs(entry.citations)
        if entry.label is None:
            lines.append(f"  · {_cited(text, refs)}")
        else:
            lines.append(f"  {entry.label:<{width}}  {_cited(text, refs)}".rstrip())
    return lines


def _value(value: Value, notes: Notes) -> str:
    return _cited(value.text, notes.refs(value.citations))


def fact_lines(facts: Sequence[Fact], notes: Notes, *, colon: bool = False) -> list[str]:
    """Each fact on a line; several values (or a disagreement) one per line beneath it."""
    labels = [f"{fact.label}:" if colon else fact.label for fact in facts]
    width = min(max((len(label) for label in labels), default=0), LABEL_WIDTH)
    lines: list[str] = []
    for fact, label in zip(facts, labels, strict=True):
        if not fact.values:
            lines.append(f"  {label:<{width}}  {NOT_GIVEN}")
        elif len(fact.values) == 1 and not fact.disputed:
            lines.append(f"  {label:<{width}}  {_value(fact.values[0], notes)}")
        else:
            lines.append(f"  {fact.label}" + (f"  {DISPUTED}" if fact.disputed else ":"))
            lines += [f"    · {_value(value, notes)}" for value in fact.values]
    return lines


def note_lines(notes: Notes, title: str = "Sources") -> list[str]:
    """Below the answer, each source with its headings and each note's verbatim evidence."""
    groups = notes.grouped()
    if not groups:
        return []
    lines = ["", f"{title}:"]
    for source, headings in groups.items():
        lines.append(f"  {source_line(source, full=True)}")
        for heading, numbered in headings.items():
            where = f"› {clip_heading(heading)}" if heading else "(the document)"
            bare = "".join(f"[{n}]" for n, evidence in numbered if not evidence)
            lines.append(f"    {bare} {where}" if bare else f"    {where}")
            lines += [
                f"      [{n}] “{shown(evidence, EVIDENCE_CHARS)}”"
                for n, evidence in numbered
                if evidence
            ]
    return lines
