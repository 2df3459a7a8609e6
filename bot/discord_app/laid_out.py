"""What an answer sends, laid out once: its embed's payload and its buttons' components.

discord.py lays out an embed (`Embed.to_dict`) on every send, and a button row through a View
and its items, which it then offers to its view store. An answer from the cache is sent many
times with the same embed, and its buttons are stateless (their DynamicItem classes are
registered on the bot and answer every press), so neither needs that work per message.
Both stay the types discord.py takes (`Embed`, `View`) and send exactly what discord.py itself
would (tests/discord_app/test_laid_out.py compares them).
"""

from __future__ import annotations

from typing import Any

import discord

Component = dict[str, Any]


class SealedEmbed(discord.Embed):
    """An embed whose payload is laid out once, when it is sealed: change it no more after."""

    __slots__ = ("_payload",)
    _payload: Any

    @classmethod
    def seal(cls, embed: discord.Embed) -> SealedEmbed:
        payload = embed.to_dict()
        sealed = cls.from_dict(payload)
        sealed._payload = payload
        return sealed

    def to_dict(self) -> Any:
        return self._payload


def button(
    custom_id: str,
    *,
    style: discord.ButtonStyle,
    disabled: bool,
    label: str | None = None,
    emoji: str | None = None,
) -> Component:
    """A button's component, as `discord.ui.Button.to_component_dict` writes it."""
    component: Component = {"type": 2, "style": style.value, "disabled": disabled}
    if label is not None:
        component["label"] = label
    component["custom_id"] = custom_id
    if emoji is not None:
        component["emoji"] = {"id": None, "name": emoji}
    return component


class LaidOutButtons(discord.ui.View):
    """One row of buttons given as components. It never listens (`is_finished`): the
    DynamicItem classes registered on the bot answer their presses, in any process, so
    discord.py keeps nothing per message."""

    def __init__(self, *buttons: Component) -> None:
        super().__init__(timeout=None)
        self.components = [{"type": 1, "components": list(buttons)}]

    def to_components(self) -> list[Component]:
        return self.components

    def is_finished(self) -> bool:
        return True
