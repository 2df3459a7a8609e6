"""Discord's embed limits as assertions, for any test that renders or sends an embed.

The numbers are Discord's own ("Embed Limits" in the message resource docs), written out here
rather than imported from the renderer, so a wrong constant there cannot hide itself.
"""

from __future__ import annotations

import re
from typing import Any

import discord

TOTAL = 6000
PART_LIMITS = {"title": 256, "description": 4096, "footer": 2048, "author": 256}
FIELDS = 25
FIELD_NAME = 256
FIELD_VALUE = 1024

# What Discord would turn into a ping if it were allowed to: @everyone, @here, <@id>, <@!id>,
# <@&id>.
PING = re.compile(r"@(?:everyone|here)|<@[!&]?\d+>", re.IGNORECASE)


def texts(embed: discord.Embed) -> dict[str, str]:
    """Every piece of text Discord counts, by where it sits: `title`, `field 3 value`, …"""
    data: dict[str, Any] = embed.to_dict()
    found = {
        "title": data.get("title"),
        "description": data.get("description"),
        "footer": (data.get("footer") or {}).get("text"),
        "author": (data.get("author") or {}).get("name"),
    }
    for index, field in enumerate(data.get("fields") or []):
        found[f"field {index} name"] = field.get("name")
        found[f"field {index} value"] = field.get("value")
    return {key: text for key, text in found.items() if text is not None}


def assert_within_limits(embed: discord.Embed) -> None:
    """Every limit Discord puts on one embed; nothing empty: the embed, a field name or value."""
    data: dict[str, Any] = embed.to_dict()
    parts = texts(embed)
    shown = any(parts.get(p, "").strip() for p in ("title", "description")) or data.get("fields")
    assert shown, "an empty embed"
    for part, limit in PART_LIMITS.items():
        assert len(parts.get(part, "")) <= limit, f"{part}: {len(parts[part])} > {limit}"
    fields = data.get("fields") or []
    assert len(fields) <= FIELDS, f"{len(fields)} fields > {FIELDS}"
    for index, field in enumerate(fields):
        name, value = field.get("name"), field.get("value")
        assert isinstance(name, str) and name.strip(), f"field {index}: empty name"
        assert isinstance(value, str) and value.strip(), f"field {index}: empty value"
        assert len(name) <= FIELD_NAME, f"field {index} name: {len(name)} > {FIELD_NAME}"
        assert len(value) <= FIELD_VALUE, f"field {index} value: {len(value)} > {FIELD_VALUE}"
    total = sum(len(text) for text in parts.values())
    assert total <= TOTAL, f"embed total {total} > {TOTAL}"


def assert_pings_nobody(embed: discord.Embed) -> None:
    """No text of the embed would ping anyone, even pasted into a message by hand."""
    for part, text in texts(embed).items():
        found = PING.search(text)
        assert found is None, f"{part} would ping: {found.group()!r} in {text[:200]!r}"
