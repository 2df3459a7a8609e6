"""Reading rendered embeds in tests: a field by name, all the text, and the citation check."""

from __future__ import annotations

import re

import discord

from bot.cards.labels import LOCALES, say
from tests.cards.limits import texts

SOURCE_FIELD = say("source_of", name="")
# A source's field in any locale: the notes of a card in Chinese are under "来源 · …".
SOURCE_FIELDS = tuple(say("source_of", locale, name="") for locale in LOCALES)
_REFS = re.compile(r"\[(\d+)\]")
_TRAILING_REFS = re.compile(r"(?:\[\d+\])+$", re.MULTILINE)  # `230B [1][2]`


def field(embed: discord.Embed, name: str) -> str:
    """The value of the first field whose name starts with `name`."""
    for shown in embed.fields:
        if (shown.name or "").startswith(name):
            return shown.value or ""
    names = [shown.name for shown in embed.fields]
    raise AssertionError(f"no field {name!r} among {names}")


def all_text(embed: discord.Embed) -> str:
    return "\n".join(texts(embed).values())


def source_text(embed: discord.Embed) -> str:
    fields = embed.fields
    return "\n".join(f.value or "" for f in fields if (f.name or "").startswith(SOURCE_FIELDS))


def assert_every_number_has_its_note(embed: discord.Embed) -> None:
    """Each `[n]` after a value is listed under a source, and nothing else is (DESIGN rule 1).
    Numbers inside corpus text (footnotes like "[2]" mid-sentence) are not note numbers."""
    body = [embed.description or ""]
    body += [f.value or "" for f in embed.fields if not (f.name or "").startswith(SOURCE_FIELDS)]
    refs = [found for text in body for found in _TRAILING_REFS.findall(text)]
    cited = {int(n) for found in refs for n in _REFS.findall(found)}
    noted = {int(n) for n in _REFS.findall(source_text(embed))}
    assert cited == noted, f"cited {sorted(cited)}, noted {sorted(noted)}"
    assert noted == set(range(1, len(noted) + 1)), f"notes not numbered 1..n: {sorted(noted)}"
