"""Citations in an embed: `[1]` beside each value (numbered as the terminal numbers them) and,
below, one field per source document listing each note's heading and its verbatim evidence.

A cited item goes in only if it fits together with every source note it needs, so no number
is ever shown without its note."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import NamedTuple

from bot.cards.card import Fact, Value
from bot.cards.citing import Notes, cite, clip_heading, source_line
from bot.cards.embed_fit import (
    DESCRIPTION_LIMIT,
    EMPTY,
    FIELD_COUNT_LIMIT,
    FIELD_NAME_LIMIT,
    FIELD_VALUE_LIMIT,
    TOTAL_LIMIT,
    ZWSP,
    Detail,
    Layout,
    more,
    safe,
    safe_cut,
)
from bot.cards.labels import DEFAULT, Locale, say
from bot.domain.text import shorten
from bot.queries.results import Citation

TEAM_NOTE_CHARS = 300  # the team's note on a disagreement, in an embed
MIN_VALUE_CHARS = 24  # less room than this for one more value, and it is counted, not cut
INLINE_CHARS = 40  # a fact this short sits beside others, three to a row
NOTE_CHARS = 80  # room kept for one "… and N more …" field: its name and value
HEADING_CHARS = 90
NAME_CHARS = FIELD_NAME_LIMIT - len(" (continued)")  # the longest in any locale


class Field(NamedTuple):
    name: str
    value: str
    inline: bool = False


def source_fields(layout: Layout, notes: Notes) -> list[Field]:
    """One field per document (more if its notes are many): each heading, then each note's
    evidence; notes without evidence (or all, at the leanest detail) sit on the heading line.
    Laid out again only when the notes changed: each item tried asks for them."""
    key = (id(notes), notes.version)
    kept = layout.kept_sources
    if kept is not None and kept[0] == key:
        return list(kept[1])
    fields = _source_fields(layout, notes)
    layout.kept_sources = (key, tuple(fields))
    return fields


def _source_fields(layout: Layout, notes: Notes) -> list[Field]:
    detail, locale = layout.detail, layout.locale
    prefix = say("source_of", locale, name="")
    fields = []
    for (source, voice), headings in notes.grouped().items():
        blocks = []
        for heading, items in headings.items():
            where = _where(layout, heading)
            shown = [(n, e) for n, e in items if e and detail.evidence]
            bare = "".join(f"[{n}]" for n, e in items if (n, e) not in shown)
            lines = [f"**{bare}** {where}" if bare else f"*{where}*"]
            lines += [f"**[{n}]** “{layout.escaped(e, detail.evidence)}”" for n, e in shown]
            blocks.append((f"*{where}*", lines))
        line = safe(source_line(source, full=True, locale=locale, voice=voice))
        name = say("source_of", locale, name=shorten(line, NAME_CHARS - len(prefix)))
        fields += _named(name, _pack(blocks), locale)
    return fields


def _pack(blocks: Sequence[tuple[str, Sequence[str]]]) -> list[str]:
    """Lines into field values; a heading's notes that spill into the next value repeat it."""
    chunks: list[str] = []
    current = ""
    for heading, lines in blocks:
        for index, line in enumerate(lines):
            line = shorten(line, FIELD_VALUE_LIMIT - len(heading) - 1)
            if current and len(current) + 1 + len(line) > FIELD_VALUE_LIMIT:
                chunks.append(current)
                current = heading if index else ""
            current = f"{current}\n{line}" if current else line
    return [*chunks, current] if current else chunks


def _where(layout: Layout, heading: str | None) -> str:
    if not heading:
        return say("whole_document", layout.locale)
    return f"› {layout.escaped(clip_heading(heading, HEADING_CHARS), FIELD_VALUE_LIMIT)}"


def _fits(layout: Layout, fields: Sequence[Field], notes: int = 0, chars: int = 0) -> bool:
    """Whether `fields` and `chars` more fit, keeping room for `notes` "… and N more" fields."""
    count = len(layout.embed.fields) + len(fields) + notes
    size = len(layout.embed) + chars + sum(len(f.name) + len(f.value) for f in fields)
    return count <= FIELD_COUNT_LIMIT and size + notes * NOTE_CHARS <= TOTAL_LIMIT


def add_cited_fields(
    layout: Layout,
    builders: Sequence[Callable[[Notes], Field]],
    notes: Notes,
    what: str,
    *,
    sources: bool = True,
    later: int = 0,
) -> None:
    """Fields that cite, in order, while each fits with all the notes so far, keeping room to
    say what is left out here and in `later` sections; then, if `sources`, the notes."""
    for index, build in enumerate(builders):
        mark = notes.mark()
        field = build(notes)
        needed = [field, *source_fields(layout, notes)]
        if not _fits(layout, needed, later + 1):
            notes.rollback(mark)
            layout.note(len(builders) - index, what)
            break
        layout.add(field.name, field.value, inline=field.inline)
    if sources:
        add_sources(layout, notes)


def add_cited_group(
    layout: Layout,
    name: str,
    builders: Sequence[Callable[[Notes], str]],
    notes: Notes,
    what: str,
    *,
    later: int = 0,
) -> None:
    """Lines that cite, packed under one name into as few fields as they fill, in order,
    while they fit as `add_cited_fields` has them fit. The notes are left to the caller."""
    chunks: list[str] = []
    left_out = 0
    for index, build in enumerate(builders):
        mark = notes.mark()
        line = shorten(build(notes), FIELD_VALUE_LIMIT)
        if chunks and len(chunks[-1]) + 1 + len(line) <= FIELD_VALUE_LIMIT:
            trial = [*chunks[:-1], f"{chunks[-1]}\n{line}"]
        else:
            trial = [*chunks, line]
        needed = [*_named(name, trial, layout.locale), *source_fields(layout, notes)]
        if not _fits(layout, needed, later + 1):
            notes.rollback(mark)
            left_out = len(builders) - index
            break
        chunks = trial
    for field in _named(name, chunks, layout.locale):
        layout.add(field.name, field.value)
    if left_out:
        # A list left out whole still shows its title, over the count of what it held, where
        # the title fits beside the notes' sources (the room kept for a note is a short one's).
        titled = Field(shorten(name, FIELD_NAME_LIMIT), more(left_out, what, layout.locale))
        whole = not chunks and _fits(layout, [titled, *source_fields(layout, notes)], later)
        layout.note(left_out, what, name=name if whole else ZWSP)


def _named(name: str, chunks: Sequence[str], locale: Locale) -> list[Field]:
    going_on = say("continued", locale, name=name)
    return [Field(name if n == 0 else going_on, c) for n, c in enumerate(chunks)]


def add_sources(layout: Layout, notes: Notes) -> None:
    for field in source_fields(layout, notes):
        if not layout.add(field.name, field.value):
            layout.dropped += 1


def cited_lines(
    layout: Layout,
    head: str,
    builders: Sequence[Callable[[Notes], str]],
    notes: Notes,
    what: str,
) -> str:
    """`head`, then lines in order while each fits in the description and the embed together
    with all the notes so far; the description is not set here, only measured against."""
    taken = len(layout.embed.description or "")
    text = head
    for index, build in enumerate(builders):
        mark = notes.mark()
        line = build(notes)
        joined = f"{text}\n{line}" if text else line
        reserve = len(more(len(builders), what, layout.locale)) + 1
        chars = len(joined) - taken + reserve
        sources = source_fields(layout, notes)
        if len(joined) + reserve > DESCRIPTION_LIMIT or not _fits(layout, sources, chars=chars):
            notes.rollback(mark)
            layout.dropped += len(builders) - index
            return f"{text}\n{more(len(builders) - index, what, layout.locale)}"
        text = joined
    return text


def value_text(value: Value, notes: Notes, detail: Detail, limit: int = FIELD_VALUE_LIMIT) -> str:
    """The value, cut to fit `limit` with its note numbers, which are never cut off."""
    refs = notes.refs(value.citations)
    room = limit - len(refs) - 1 if refs else limit
    text = safe_cut(value.text, max(min(detail.text, room), 1), flat=True) or EMPTY
    return f"{text} {refs}" if refs else text


def values_text(
    values: Sequence[Value],
    notes: Notes,
    detail: Detail,
    *,
    disputed: bool = False,
    limit: int = FIELD_VALUE_LIMIT,
    locale: Locale = DEFAULT,
) -> str:
    """Each value on its own line with its notes, as many as fit in `limit`."""
    if not values:
        return EMPTY
    if len(values) == 1 and not disputed:
        return value_text(values[0], notes, detail, limit)
    lines = [f"⚠ *{say('disputed', locale)}*"] if disputed else []
    for index, value in enumerate(values):
        left = len(values) - index - 1
        reserve = len(more(left, "values", locale)) + 1 if left else 0
        room = limit - len("\n".join(lines)) - len("\n• ") - reserve
        mark = notes.mark()
        shown = value_text(value, notes, detail, room) if room >= MIN_VALUE_CHARS else ""
        if not shown or len(shown) > room:  # no room, or its note numbers alone overflow
            notes.rollback(mark)
            return "\n".join([*lines, more(left + 1, "values", locale)])
        lines.append(f"• {shown}")
    return "\n".join(lines)


def team_note(fact: Fact, locale: Locale = DEFAULT) -> str:
    """The team's note on a fact as an italic line under its values; empty without one."""
    if not fact.note:
        return ""
    label = say("disagree.team_note_short", locale)
    return f"\n*{label}: {safe_cut(fact.note, TEAM_NOTE_CHARS, flat=True)}*"


def fact_field(fact: Fact, notes: Notes, detail: Detail, locale: Locale = DEFAULT) -> Field:
    """A fact's label, and its value or values with their notes; disputed values are flagged,
    and the team's note follows them."""
    name = safe_cut(fact.label, NAME_CHARS, flat=True) + (" ⚠" if fact.disputed else "")
    note = team_note(fact, locale)
    limit = FIELD_VALUE_LIMIT - len(note)
    value = values_text(
        fact.values, notes, detail, disputed=fact.disputed, limit=limit, locale=locale
    )
    value += note
    inline = len(fact.values) == 1 and not fact.disputed and len(value) <= INLINE_CHARS
    return Field(name, value, inline)


def fact_builders(
    facts: Sequence[Fact], detail: Detail, locale: Locale = DEFAULT
) -> list[Callable[[Notes], Field]]:
    return [partial(fact_field, fact, detail=detail, locale=locale) for fact in facts]


def cite_line(citation: Citation, locale: Locale = DEFAULT) -> str:
    """Where a passage is: source, date and heading, as markdown-safe text."""
    return safe(cite(citation, full=True, heading_chars=HEADING_CHARS, locale=locale))
