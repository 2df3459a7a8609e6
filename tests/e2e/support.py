"""Reading the bot's answers as a user sees them: the text of an embed, its buttons, its limits."""

from __future__ import annotations

import re
from typing import Any

from tests.emulator import Message

# Discord's embed limits (https://discord.com/developers/docs/resources/message#embed-limits).
LIMITS = {"title": 256, "description": 4096, "field name": 256, "field value": 1024}
FOOTER, AUTHOR, FIELDS, TOTAL = 2048, 256, 25, 6000
_ESCAPED = re.compile(r"\\([^\sA-Za-z0-9])")


def _pieces(embed: dict[str, Any]) -> list[str]:
    parts = [embed.get("author", {}).get("name"), embed.get("title"), embed.get("description")]
    for field in embed.get("fields", []):
        parts += [field.get("name"), field.get("value")]
    parts.append(embed.get("footer", {}).get("text"))
    return [part for part in parts if part]


def embed_text(embed: dict[str, Any]) -> str:
    """Every piece of text of one embed, in reading order, one per line."""
    return "\n".join(_pieces(embed))


def text_of(message: Message) -> str:
    """What the message says, as a reader sees it: its content and the text of all its
    embeds, markdown escapes (`\\*`, `\\~`) shown as the characters they stand for."""
    text = "\n".join([message.content, *(embed_text(embed) for embed in message.embeds)])
    return _ESCAPED.sub(r"\1", text)


def buttons(message: Message) -> dict[str, dict[str, Any]]:
    """The message's buttons by what they show (emoji or label)."""
    found: dict[str, dict[str, Any]] = {}
    for component in message.iter_components():
        if component.get("type") == 2:
            shown = (component.get("emoji") or {}).get("name") or component.get("label")
            found[str(shown)] = component
    return found


def custom_id(message: Message, shown: str) -> str:
    """The custom_id of the button showing `shown` (like "▶" or "Next quote")."""
    return str(buttons(message)[shown]["custom_id"])


def check_embed_limits(embed: dict[str, Any]) -> None:
    """Assert that one embed fits Discord's limits (tests/cards has the full check, if any)."""
    fields = embed.get("fields", [])
    assert len(fields) <= FIELDS
    assert len(embed.get("title") or "") <= LIMITS["title"]
    assert len(embed.get("description") or "") <= LIMITS["description"]
    for field in fields:
        assert 0 < len(field["name"]) <= LIMITS["field name"]
        assert 0 < len(field["value"]) <= LIMITS["field value"]
    assert len(embed.get("footer", {}).get("text") or "") <= FOOTER
    assert len(embed.get("author", {}).get("name") or "") <= AUTHOR
    total = sum(len(part) for part in _pieces(embed))
    assert total <= TOTAL, f"{total} characters in all"
