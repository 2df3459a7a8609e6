"""A command's values carried by a button's custom_id, or by a short key into the state.

Discord allows 100 characters in a custom_id; the button's own part (kind, asker, page or rank)
takes at most 100 - ROOM of them. Values that fit in ROOM characters (JSON) travel in the id;
longer ones (a long search) are written to the bot state under a key made from their hash,
so the id holds "#" and the key, every shard process reads the same values, and asking the
same again writes the same row.
"""

from __future__ import annotations

import hashlib
import json

from bot.state.interface import BotState

ROOM = 50  # 100 minus the longest button part: "p:disagreements:<20-digit user>:1000:"
KEY_PREFIX = "button:"
_STORED = "#"


def _as_json(values: dict[str, str]) -> str:
    return json.dumps(values, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


async def pack(state: BotState, values: dict[str, str]) -> str:
    """`values` as the custom_id carries them: inline JSON when short, else "#key"."""
    text = _as_json(values)
    if len(text) <= ROOM:
        return text
    key = hashlib.sha256(text.encode()).hexdigest()[:24]
    await state.state_set(KEY_PREFIX + key, text)
    return _STORED + key


async def unpack(state: BotState, packed: str) -> dict[str, str] | None:
    """The values `pack` packed; None when they cannot be read (a key the state lost, or an
    id this bot never made)."""
    text = packed
    if packed.startswith(_STORED):
        stored = await state.state_get(KEY_PREFIX + packed[len(_STORED) :])
        if stored is None:
            return None
        text = stored
    try:
        values = json.loads(text)
    except ValueError:
        return None
    if not isinstance(values, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in values.items()
    ):
        return None
    return values
