"""A card as plain terminal text: readable, every value with its note number, the notes below.

No colour and no markup beyond `**highlighted**` search words, so it reads the same in a
terminal, a pipe and a test. It shows what the embed shows, in the same order: the title,
the lead, the facts and lists, the sources, then the counts and paging (an embed's footer).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from bot.cards.build import card_for
from bot.cards.card import Card, Entry, Fact, Quoted, Section, Text, Value
from bot.cards.citing import Notes, cite, clip_heading, source_line
from bot.cards.labels import DEFAULT, Locale, say
from bot.domain.text import shown
from bot.queries.listings import Answer

EVIDENCE_CHARS = 160
ENTRY_CHARS = 300
QUESTION_CHARS = 400
LABEL_WIDTH = 24  # fact labels are padded to line up, up to this width
MARK = "**"  # highlighted words in a snippet: plain text a terminal and a pipe both show


def render_text(answer: Answer, locale: Locale = DEFAULT) -> str:
    """The answer as text, its fixed words in `locale`, without a trailing newline."""
    return card_text(card_for(answer, locale))


def card_text(card: Card) -> str:
    notes = Notes()
    locale = card.locale
    lines = [card.title] if card.title else []
    lines += [*card.lead, *card.notices]
    if card.quote is not None:
        lines += quote_lines(card.quote, locale)
    if card.main is not None:
        lines += section_lines(card.main, notes, locale)
    if card.facts:
        lines += ["", *fact_lines(card.facts, notes, locale=locale)]
    for section in card.sections:
        lines += ["", *section_lines(section, notes, locale)]
    lines += note_lines(notes, locale)
    if card.status:
        lines += ["", " · ".join(card.status)]
    if card.next_page:
        lines += ["", say("next", locale, command=card.next_page)]
    return "\n".join(lines).strip("\n")


def _labelled(key: str, text: str, locale: Locale) -> str:
    """`Source: …`, `来源：…`."""
    return say("named", locale, name=say(key, locale), text=text)


def quote_lines(quote: Quoted, locale: Locale = DEFAULT) -> list[str]:
    """The quote, who said it, the question it answers and where it was said."""
    lines = [f"“{quote.text}”", f"  — {quote.speaker}"]
    if quote.question:
        lines.append(
            f"  {_labelled('asked', f'“{shown(quote.question, QUESTION_CHARS)}”', locale)}"
        )
    lines.append(f"  {_labelled('source', cite(quote.citation, full=True, locale=locale), locale)}")
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


def columns(text: str) -> int:
    """How many terminal columns `text` takes: a Chinese character takes two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def padded(text: str, width: int) -> str:
    """`text` with spaces after it up to `width` columns, so labels in any script line up."""
    return text + " " * max(width - columns(text), 0)


def _cited(text: str, refs: str) -> str:
    return f"{text} {refs}" if refs else text


def _bulleted(text: str) -> str:
    """A list line; a passage that begins with the source's own `· ` (001's `· LatePost:`)
    keeps it as its bullet rather than showing two."""
    return f"  {text}" if text.startswith("· ") else f"  · {text}"


def section_lines(section: Section, notes: Notes, locale: Locale = DEFAULT) -> list[str]:
    lines = [_labelled_head(section.title, locale)] if section.title else []
    if section.facts:
        lines += fact_lines(section.facts, notes, colon=True, locale=locale)
    entries = section.entries
    if any(entry.detail for entry in entries):
        for entry in entries:
            lines.append(f"  {entry.label or ''}".rstrip())
            body = " · ".join(p for p in (highlighted(entry.text), entry.detail) if p)
            lines.append(f"     {_cited(body, notes.refs(entry.citations))}")
    elif section.cite == "inline":
        for entry in entries:
            lines += ["", _bulleted(highlighted(entry.text))]
            lines += [
                f"    {_labelled('source', cite(citation, locale=locale), locale)}"
                for citation in entry.citations
            ]
    else:
        lines += _list_lines(entries, notes, quoted=section.quoted)
    return lines


def _list_lines(entries: Sequence[Entry], notes: Notes, *, quoted: bool) -> list[str]:
    width = max((columns(entry.label or "") for entry in entries), default=0)
    lines = []
    for entry in entries:
        text = shown(highlighted(entry.text), ENTRY_CHARS)
        text = f"“{text}”" if quoted else text
        refs = notes.refs(entry.citations)
        if entry.label is None:
            lines.append(_bulleted(_cited(text, refs)))
        else:
            lines.append(f"  {padded(entry.label, width)}  {_cited(text, refs)}".rstrip())
    return lines


def _value(value: Value, notes: Notes) -> str:
    return _cited(value.text, notes.refs(value.citations))


def _labelled_head(label: str, locale: Locale) -> str:
    """`Mentioned in:`, `出现于：`: a label with nothing after it on its line."""
    return say("named", locale, name=label, text="").rstrip()


def fact_lines(
    facts: Sequence[Fact], notes: Notes, *, colon: bool = False, locale: Locale = DEFAULT
) -> list[str]:
    """Each fact on a line; several values (or a disagreement) one per line beneath it."""
    labels = [_labelled_head(fact.label, locale) if colon else fact.label for fact in facts]
    not_given, disputed = f"({say('not_given', locale)})", f"({say('disputed', locale)})"
    width = min(max((columns(label) for label in labels), default=0), LABEL_WIDTH)
    lines: list[str] = []
    for fact, label in zip(facts, labels, strict=True):
        if not fact.values:
            lines.append(f"  {padded(label, width)}  {not_given}")
        elif len(fact.values) == 1 and not fact.disputed:
            lines.append(f"  {padded(label, width)}  {_value(fact.values[0], notes)}")
        else:
            head = (
                f"{fact.label}  {disputed}" if fact.disputed else _labelled_head(fact.label, locale)
            )
            lines.append(f"  {head}")
            lines += [f"    · {_value(value, notes)}" for value in fact.values]
        if fact.note:
            label = say("disagree.team_note", locale)
            lines.append(f"    {label}{'' if label.endswith('：') else ' '}{fact.note}")
    return lines


def note_lines(notes: Notes, locale: Locale = DEFAULT) -> list[str]:
    """Below the answer, each source with its headings and each note's verbatim evidence."""
    groups = notes.grouped()
    if not groups:
        return []
    lines = ["", _labelled_head(say("sources", locale), locale)]
    whole = f"({say('whole_document', locale)})"
    for (source, voice), headings in groups.items():
        lines.append(f"  {source_line(source, full=True, locale=locale, voice=voice)}")
        for heading, numbered in headings.items():
            where = f"› {clip_heading(heading)}" if heading else whole
            bare = "".join(f"[{n}]" for n, evidence in numbered if not evidence)
            lines.append(f"    {bare} {where}" if bare else f"    {where}")
            lines += [
                f"      [{n}] “{shown(evidence, EVIDENCE_CHARS)}”"
                for n, evidence in numbered
                if evidence
            ]
    return lines
