"""A card as a Discord embed, within Discord's limits, pinging nobody.

Every value carries `[n]` note numbers, listed under "Source · …" fields; corpus and user
text is escaped so it neither formats nor pings. A card is laid out at the richest `Detail`
that shows the most of its items (those left out are counted: "… and N more"); `fit` then
enforces every limit (title 256, description 4096, 25 fields, field name 256 and value
1024, footer 2048, author 256, 6000 in all) on the finished embed, whatever was put in it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from functools import partial
from types import MappingProxyType

import discord

from bot.cards.build import card_for
from bot.cards.card import Card, Entry, Fact, Quoted, Section, Text, Tone
from bot.cards.citing import Notes
from bot.cards.embed_fit import (
    AUTHOR_LIMIT,
    BRAND,
    DETAILS,
    FIELD_VALUE_LIMIT,
    MUTED,
    TITLE_LIMIT,
    WARNING,
    Detail,
    Layout,
    fit,
    safe,
    safe_cut,
)
from bot.cards.embed_notes import (
    NAME_CHARS,
    NOTE_CHARS,
    add_cited_fields,
    add_cited_group,
    add_sources,
    cite_line,
    cited_lines,
    fact_builders,
    team_note,
    values_text,
)
from bot.cards.labels import DEFAULT, Locale, say
from bot.domain.text import shorten, unping
from bot.queries.listings import Answer
from bot.queries.results import Segment

# Sent with every message: the text pings nobody already (`unping`); this makes sure of it.
NO_PINGS = discord.AllowedMentions.none()
COLOURS: Mapping[Tone, discord.Colour] = MappingProxyType(
    {Tone.ANSWER: BRAND, Tone.PROBLEM: MUTED, Tone.WARNING: WARNING}
)
LINE_CHARS = 1500  # a line of the lead: a message, a role, the names a model is known by
QUOTE_CHARS = 3200
QUESTION_CHARS = 900
LABEL_CHARS = 80  # a fact's label in a list: a model's name in a comparison row
ENTRY_LABEL_CHARS = 160  # an entry's label: a date, a model's name, a numbered document
LABEL_ROOM = LABEL_CHARS + len("**:**\n")
_SPACES = re.compile(r"\s+")


def render_embed(answer: Answer, locale: Locale = DEFAULT) -> discord.Embed:
    """The answer as one embed that Discord accepts and that pings nobody, its fixed words
    in `locale`."""
    return card_embed(card_for(answer, locale))


def card_embed(card: Card) -> discord.Embed:
    best = _build(card, DETAILS[0])
    for detail in DETAILS[1:]:
        if not best.dropped:
            break
        layout = _build(card, detail)
        if layout.dropped < best.dropped:
            best = layout
    return fit(best.embed, card.locale)


def _build(card: Card, detail: Detail) -> Layout:
    layout = Layout(discord.Embed(colour=COLOURS[card.tone]), detail, card.locale)
    embed = layout.embed
    if card.title:
        embed.title = safe_cut(card.title, TITLE_LIMIT, flat=True)
    if card.status:
        embed.set_footer(text=" · ".join(card.status))
    notes = Notes()
    head = [safe_cut(line, LINE_CHARS, flat=True) for line in card.lead]
    head += [f"*{safe_cut(line, LINE_CHARS, flat=True)}*" for line in card.notices]
    description = "\n".join(head)
    if card.main is not None:
        description = _main(layout, description, card.main, notes)
    if card.quote is not None:
        description = _quote(layout, description, card.quote)
    embed.description = description or None
    later = len(card.sections)
    facts = fact_builders(card.facts, detail, card.locale)
    add_cited_fields(layout, facts, notes, card.facts_what, sources=False, later=later)
    for index, section in enumerate(card.sections):
        _section(layout, section, notes, later=later - index - 1)
    add_sources(layout, notes)
    return layout


def _quote(layout: Layout, description: str, quote: Quoted) -> str:
    """The speaker as author, the words as a block quote, the question and source as fields."""
    locale = layout.locale
    layout.embed.set_author(name=shorten(unping(quote.speaker), AUTHOR_LIMIT))
    if quote.question:
        layout.add(say("asked", locale), safe_cut(quote.question, QUESTION_CHARS, flat=True))
    layout.add(say("source", locale), cite_line(quote.citation, locale))
    block = ">>> " + safe_cut(quote.text, QUOTE_CHARS)
    return f"{description}\n\n{block}" if description else block


def _main(layout: Layout, description: str, section: Section, notes: Notes) -> str:
    """The card's list (events, mentions) in the description, under the lead."""
    head = description
    if section.title:
        head = "\n".join(p for p in (description, f"{safe(section.title)}:") if p)
    chars = layout.detail.text
    lines = [partial(_entry_line, entry, section, chars) for entry in section.entries]
    return cited_lines(layout, head, lines, notes, section.what)


def _plain(text: Text) -> str:
    return text if isinstance(text, str) else "".join(segment.text for segment in text)


def _entry_line(entry: Entry, section: Section, chars: int, notes: Notes) -> str:
    """`**Mar 2024** · Series B: $600M. [2]`, `• “a mention” [1]`, `**GPT-4**`."""
    text = safe_cut(_plain(entry.text), chars, flat=True)
    text = f"“{text}”" if section.quoted and text else text
    if entry.detail:
        text = " · ".join(p for p in (text, safe(entry.detail)) if p)
    refs = notes.refs(entry.citations)
    if entry.label is None:
        line = f"• {text}"
    else:
        label = f"**{safe_cut(entry.label, ENTRY_LABEL_CHARS, flat=True)}**"
        line = f"{label} · {text}" if text else label
    return f"{line} {refs}" if refs else line


def _fact_line(fact: Fact, limit: int, layout: Layout, notes: Notes) -> str:
    """`**MiniMax-M1:** 1M tokens [3]`; several values on lines of their own."""
    note = team_note(fact, layout.locale)
    text = values_text(
        fact.values,
        notes,
        layout.detail,
        disputed=fact.disputed,
        limit=limit - len(note),
        locale=layout.locale,
    )
    text += note
    label = f"**{safe_cut(fact.label, LABEL_CHARS, flat=True)}:**"
    return f"{label}\n{text}" if "\n" in text or len(fact.values) > 1 else f"{label} {text}"


def _section(layout: Layout, section: Section, notes: Notes, *, later: int) -> None:
    """A titled list packed under its title; an untitled one, a field per entry."""
    detail = layout.detail
    if section.title is None:
        fields = [_entry_field(entry, section, layout) for entry in section.entries]
        reserve = later * NOTE_CHARS
        layout.add_all(fields, section.what, keep_fields=later, keep_chars=reserve)
        return
    lines: list[Callable[[Notes], str]]
    if section.facts:
        # Two facts share a field side by side (a comparison row): each gets half of it.
        share = min(len(section.facts), 2)
        limit = (FIELD_VALUE_LIMIT - 1) // share - LABEL_ROOM
        lines = [partial(_fact_line, fact, limit, layout) for fact in section.facts]
    else:
        lines = [partial(_entry_line, entry, section, detail.text) for entry in section.entries]
    name = safe_cut(section.title, NAME_CHARS, flat=True)
    add_cited_group(layout, name, lines, notes, section.what, later=later)


def _entry_field(entry: Entry, section: Section, layout: Layout) -> tuple[str, str]:
    """A passage under its citation, or a document under its name, as one field."""
    detail = layout.detail
    if section.cite == "inline" and entry.citations:
        name = cite_line(entry.citations[0], layout.locale)
    else:
        name = safe_cut(entry.label or "", NAME_CHARS, flat=True)
    chars = min(detail.text * 2, FIELD_VALUE_LIMIT)
    value = bold_snippet(entry.text, chars)
    if entry.detail:
        value = f"{shorten(value, FIELD_VALUE_LIMIT // 2)}\n{safe(entry.detail)}"
    return name, value


def bold_snippet(text: Text, limit: int) -> str:
    """The text as markdown: matched words **bold**, everything else escaped, so asterisks
    in the corpus or the query never open a bold of their own. Cut between segments, or inside
    an unmarked one, so a bold is never left open."""
    snippet: Sequence[Segment] = (Segment(text, False),) if isinstance(text, str) else text
    out = ""
    for segment in snippet:
        spaced = _SPACES.sub(" ", segment.text)
        core = spaced.strip()
        if segment.highlight and core:
            start = spaced.index(core)
            piece = f"{safe(spaced[:start])}**{safe(core)}**{safe(spaced[start + len(core) :])}"
        else:
            piece = safe(spaced)
        if len(out) + len(piece) > limit - 1:  # one left for the ellipsis
            room = limit - len(out)
            plain = not (segment.highlight and core)
            return (out + shorten(piece, room) if plain and room > 1 else out + "…").strip()
        out += piece
    return out.strip()
