"""Discord's limits for an embed: text that neither pings nor breaks the markup, a layout
that adds fields only while the limits leave room, and `fit`, the net beneath it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import discord

from bot.cards.labels import DEFAULT, Locale, left_out
from bot.domain.text import flatten, shorten, unping

TITLE_LIMIT = 256
DESCRIPTION_LIMIT = 4096
FIELD_COUNT_LIMIT = 25
FIELD_NAME_LIMIT = 256
FIELD_VALUE_LIMIT = 1024
FOOTER_LIMIT = 2048
AUTHOR_LIMIT = 256
TOTAL_LIMIT = 6000

BRAND = discord.Colour(0xE2473F)
MUTED = discord.Colour.light_grey()
WARNING = discord.Colour.gold()
EMPTY = "—"  # Discord rejects an empty field name or value
ZWSP = "\u200b"


@dataclass(frozen=True, slots=True)
class Detail:
    """How much of each long thing to show. `render_embed` keeps the richest detail among
    those that leave out the fewest items."""

    evidence: int  # characters of a citation's verbatim evidence; 0 leaves it out
    text: int  # characters of a value, an event, a mention, a snippet


DETAILS = (Detail(150, 400), Detail(90, 250), Detail(0, 140))


def safe(text: str) -> str:
    """Corpus or user text as literal embed markdown: no formatting of its own, no pings."""
    return unping(discord.utils.escape_markdown(text))


def safe_cut(text: str, limit: int, *, flat: bool = False) -> str:
    """`safe` text within `limit` characters; `flat` puts it on one line first."""
    return shorten(safe(flatten(text) if flat else text.strip()), limit)


def more(count: int, what: str = "items", locale: Locale = DEFAULT) -> str:
    """`… and 3 more events`: `what` is a `more.*` key of the catalog (`left_out`)."""
    return left_out(count, what, locale)


class Layout:
    """An embed being filled in order. A field goes in only while Discord's limits leave room
    for it and for what is kept back (a closing note, a later section); what is left out is
    counted, so the builder can say so and `render_embed` can try a leaner detail."""

    def __init__(self, embed: discord.Embed, detail: Detail, locale: Locale = DEFAULT) -> None:
        self.embed = embed
        self.detail = detail
        self.locale = locale
        self.dropped = 0
        # Notes are laid out again each time an item is tried, so their escaped text is kept,
        # and the source fields of the notes as they stand (`embed_notes.source_fields`).
        self._escaped: dict[tuple[str, int], str] = {}
        self.kept_sources: tuple[tuple[int, int], tuple[Any, ...]] | None = None

    def escaped(self, text: str, limit: int) -> str:
        """`safe_cut(text, limit, flat=True)`, worked out once per text for this embed."""
        key = (text, limit)
        if key not in self._escaped:
            self._escaped[key] = safe_cut(text, limit, flat=True)
        return self._escaped[key]

    def room(self, keep_fields: int = 0, keep_chars: int = 0) -> tuple[int, int]:
        """Fields and characters still free, after keeping some back."""
        fields = FIELD_COUNT_LIMIT - len(self.embed.fields) - keep_fields
        return fields, TOTAL_LIMIT - len(self.embed) - keep_chars

    def add(
        self,
        name: str,
        value: str,
        *,
        inline: bool = False,
        keep_fields: int = 0,
        keep_chars: int = 0,
    ) -> bool:
        name = shorten(name or EMPTY, FIELD_NAME_LIMIT)
        value = shorten(value if value.strip() else EMPTY, FIELD_VALUE_LIMIT)
        fields, chars = self.room(keep_fields, keep_chars)
        if fields < 1 or len(name) + len(value) > chars:
            return False
        self.embed.add_field(name=name, value=value, inline=inline)
        return True

    def add_all(
        self,
        items: Sequence[tuple[str, str]],
        what: str,
        *,
        inline: bool = False,
        keep_fields: int = 0,
        keep_chars: int = 0,
    ) -> None:
        """Add fields in order until one does not fit, keeping room for a note of how many are
        left out (and for what the caller keeps back); then add that note."""
        note = len(more(len(items), what, self.locale)) + 1
        for index, (name, value) in enumerate(items):
            kept_fields, kept_chars = keep_fields + 1, keep_chars + note
            if not self.add(
                name, value, inline=inline, keep_fields=kept_fields, keep_chars=kept_chars
            ):
                self.note(len(items) - index, what)
                return

    def note(self, count: int, what: str, *, name: str = ZWSP) -> None:
        """Say that `count` items were left out (under `name`: the list's title when the whole
        list was), and remember it."""
        self.dropped += count
        text = more(count, what, self.locale)
        if self.add(name, text):
            return
        footer = f"{self.embed.footer.text} · {text}" if self.embed.footer.text else text
        if len(self.embed) - len(self.embed.footer.text or "") + len(footer) <= TOTAL_LIMIT:
            self.embed.set_footer(text=footer)


def _cut_fields(embed: discord.Embed, locale: Locale) -> list[tuple[str, str, bool]]:
    fields = []
    for field in embed.fields:
        name = shorten(unping(field.name or "").strip() or EMPTY, FIELD_NAME_LIMIT)
        value = shorten(unping(field.value or "").strip() or EMPTY, FIELD_VALUE_LIMIT)
        fields.append((name, value, bool(field.inline)))
    if len(fields) > FIELD_COUNT_LIMIT:
        dropped = len(fields) - FIELD_COUNT_LIMIT + 1
        fields = [*fields[: FIELD_COUNT_LIMIT - 1], (ZWSP, more(dropped, locale=locale), False)]
    return fields


def _set_fields(embed: discord.Embed, fields: Sequence[tuple[str, str, bool]]) -> None:
    embed.clear_fields()
    for name, value, inline in fields:
        embed.add_field(name=name, value=value, inline=inline)


def fit(embed: discord.Embed, locale: Locale = DEFAULT) -> discord.Embed:
    """The embed within every limit Discord sets, and pinging nobody, whatever was put in it.
    The builders keep to budgets of their own; this is the net beneath them."""
    if embed.title:
        embed.title = shorten(unping(embed.title), TITLE_LIMIT)
    if embed.description:
        embed.description = shorten(unping(embed.description), DESCRIPTION_LIMIT)
    if embed.author.name:
        author = shorten(unping(embed.author.name), AUTHOR_LIMIT)
        embed.set_author(name=author, url=embed.author.url, icon_url=embed.author.icon_url)
    if embed.footer.text:
        footer = shorten(unping(embed.footer.text), FOOTER_LIMIT)
        embed.set_footer(text=footer, icon_url=embed.footer.icon_url)
    fields = _cut_fields(embed, locale)
    _set_fields(embed, fields)
    if len(embed) > TOTAL_LIMIT and fields:
        kept = list(fields)
        while kept and len(embed) + len(more(len(fields), locale=locale)) + 1 > TOTAL_LIMIT:
            kept.pop()
            _set_fields(embed, kept)
        if len(kept) < len(fields):
            left = more(len(fields) - len(kept), locale=locale)
            embed.add_field(name=ZWSP, value=left, inline=False)
    _shrink_text(embed)
    if not (embed.title or embed.description or embed.fields):
        embed.description = EMPTY  # Discord rejects an embed with nothing in it
    return embed


def _shrink_text(embed: discord.Embed) -> None:
    """Cut the description, then the footer, author and title, until the total fits."""
    for part in ("description", "footer", "author", "title"):
        excess = len(embed) - TOTAL_LIMIT
        if excess <= 0:
            return
        if part == "description" and embed.description:
            embed.description = shorten(embed.description, max(len(embed.description) - excess, 1))
        elif part == "footer" and embed.footer.text:
            text = shorten(embed.footer.text, max(len(embed.footer.text) - excess, 1))
            embed.set_footer(text=text, icon_url=embed.footer.icon_url)
        elif part == "author" and embed.author.name:
            name = shorten(embed.author.name, max(len(embed.author.name) - excess, 1))
            embed.set_author(name=name, url=embed.author.url, icon_url=embed.author.icon_url)
        elif part == "title" and embed.title:
            embed.title = shorten(embed.title, max(len(embed.title) - excess, 1))
