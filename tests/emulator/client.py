"""Test-side helpers: send INTERACTION_CREATE as a user would and await the bot's answer."""

from __future__ import annotations

import secrets
from collections.abc import Generator
from typing import TYPE_CHECKING, Any

from tests.emulator.build import build_options, interaction_payload
from tests.emulator.models import Channel, Guild, Member, User, snowflake
from tests.emulator.records import InteractionRecord, Message

if TYPE_CHECKING:
    from tests.emulator.gateway import Gateway
    from tests.emulator.records import CommandStore, RequestRecord, Signal
    from tests.emulator.world import World


class InteractionHandle:
    """Await it for the bot's visible answer (a ``Message``): the reply (callback 4), the
    updated message (7), or after a deferral (5/6) the @original edit or first follow-up."""

    def __init__(self, emu: InteractionsMixin, record: InteractionRecord, seconds: float) -> None:
        self.emu, self.record, self.timeout = emu, record, seconds

    def _describe(self) -> str:
        tail = "\n".join(f"    {r.method} {r.path} -> {r.status}" for r in self.emu.requests[-5:])
        return (
            f"an answer to interaction {self.record.name!r} (last requests:\n{tail or '    none'})"
        )

    async def callback(self) -> dict[str, Any]:
        """The callback body ({"type", "data"}) once the bot acknowledged the interaction."""
        return await self.emu.signal.wait_for(
            lambda: self.record.callback, self.timeout, self._describe()
        )

    async def message(self) -> Message:
        callback = await self.callback()
        if callback["type"] in (8, 9):
            raise TypeError(
                f"callback type {callback['type']} has no message; use choices() or modal()"
            )
        return await self.emu.signal.wait_for(
            lambda: self.record.answer, self.timeout, self._describe()
        )

    def __await__(self) -> Generator[Any, None, Message]:
        return self.message().__await__()

    async def followup(self, index: int = 0) -> Message:
        def found() -> Message | None:
            return self.record.followups[index] if len(self.record.followups) > index else None

        return await self.emu.signal.wait_for(
            found, self.timeout, f"follow-up #{index} ({self._describe()})"
        )

    async def choices(self) -> list[dict[str, Any]]:
        callback = await self.callback()
        if callback["type"] != 8:
            raise TypeError(
                f"expected an autocomplete result (8), got callback type {callback['type']}"
            )
        return list(callback["data"]["choices"])

    async def modal(self) -> dict[str, Any]:
        callback = await self.callback()
        if callback["type"] != 9:
            raise TypeError(f"expected a modal (9), got callback type {callback['type']}")
        return dict(callback["data"])

    @property
    def callback_type(self) -> int | None:
        return self.record.callback_type

    @property
    def followups(self) -> list[Message]:
        return list(self.record.followups)


class InteractionsMixin:
    """Methods of ``DiscordEmulator`` that play the user's side."""

    if TYPE_CHECKING:
        world: World
        commands: CommandStore
        signal: Signal
        gateway: Gateway
        messages: dict[int, Message]
        interactions: dict[int, InteractionRecord]
        interactions_by_token: dict[str, InteractionRecord]
        requests: list[RequestRecord]
        timeout: float

        async def send_in_dm(
            self,
            kind: int,
            name: str,
            data: dict[str, Any],
            user: User,
            locale: str,
            source: Message | None = None,
        ) -> InteractionHandle: ...

    async def slash(
        self,
        name: str,
        options: dict[str, Any] | None = None,
        *,
        subcommand: str | None = None,
        user: User | Member | str | int | None = None,
        guild: Guild | None = None,
        channel: Channel | str | None = None,
        permissions: Any = None,
        locale: str = "en-US",
        via_shard: int | None = None,
    ) -> InteractionHandle:
        """Invoke ``/name [subcommand] options...``; ``name`` may hold the subcommand path too
        ("daily set"). ``permissions`` (an int or discord.Permissions) overrides the member's
        computed permissions string. ``via_shard`` delivers it on that shard's session instead
        of the one owning the guild (a process that does not serve the guild gets it).
        Returns a handle to await for the answer."""
        parts = name.split() + (subcommand.split() if subcommand else [])
        data = await self._command_data(parts, options or {}, None, guild)
        return await self._send(
            2, " ".join(parts), data, user, guild, channel, permissions, locale, via_shard=via_shard
        )

    async def autocomplete(
        self,
        name: str,
        option: str,
        typed: str,
        *,
        options: dict[str, Any] | None = None,
        user: User | Member | str | int | None = None,
        guild: Guild | None = None,
        channel: Channel | str | None = None,
    ) -> list[dict[str, Any]]:
        """Type ``typed`` into ``option`` of ``/name`` (other ``options`` already filled in) and
        return the choices the bot answers with."""
        data = await self._command_data(name.split(), options or {}, (option, typed), guild)
        handle = await self._send(
            4, f"{name} <{option}>", data, user, guild, channel, None, "en-US"
        )
        return await handle.choices()

    async def click(
        self,
        message: Message | int,
        custom_id: str,
        *,
        values: list[str] | None = None,
        user: User | Member | str | int | None = None,
        locale: str = "en-US",
    ) -> InteractionHandle:
        """Click the button (or pick ``values`` in the select) ``custom_id`` of a bot message,
        as a user whose Discord speaks ``locale``."""
        msg = message if isinstance(message, Message) else self.messages[message]
        component = msg.component(custom_id)
        if component is None:
            raise LookupError(f"no component {custom_id!r} on {msg!r}; it has {msg.custom_ids}")
        if component.get("disabled"):
            raise ValueError(f"component {custom_id!r} is disabled; a user cannot use it")
        data: dict[str, Any] = {"custom_id": custom_id, "component_type": component["type"]}
        if values is not None or component["type"] != 2:
            data["values"] = list(values or [])
        found = self.world.find_channel(msg.channel_id)
        if found is None and msg.guild is None:  # a message in the bot's DMs
            presser = self.world.member_of(self.world.guild, user or self.world.member).user
            return await self.send_in_dm(3, custom_id, data, presser, locale, msg)
        guild, channel = (found[0], found[1]) if found else (None, None)
        return await self._send(3, custom_id, data, user, guild, channel, None, locale, msg)

    async def _command_data(
        self,
        parts: list[str],
        options: dict[str, Any],
        focused: tuple[str, str] | None,
        guild: Guild | None,
    ) -> dict[str, Any]:
        """``data`` of an APPLICATION_COMMAND / AUTOCOMPLETE interaction for a registered command
        (waiting for the bot to register it first)."""
        guild = guild or self.world.guild

        def find() -> dict[str, Any] | None:
            return self.commands.find(parts[0], guild.id)

        what = f"command /{parts[0]} to be registered"
        command = await self.signal.wait_for(find, self.timeout, what)
        opts, resolved = build_options(self.world, command, parts, options, focused, guild)
        data: dict[str, Any] = {"id": command["id"], "name": command["name"], "type": 1}
        data["options"] = opts
        if resolved:
            data["resolved"] = resolved
        if "guild_id" in command:  # discord.py looks guild commands up by data.guild_id
            data["guild_id"] = command["guild_id"]
        return data

    async def _send(
        self,
        kind: int,
        name: str,
        data: dict[str, Any],
        user: Any,
        guild: Guild | None,
        channel: Channel | str | None,
        permissions: Any,
        locale: str,
        source: Message | None = None,
        *,
        via_shard: int | None = None,
    ) -> InteractionHandle:
        guild = guild or self.world.guild
        member = self.world.member_of(guild, user if user is not None else self.world.member)
        if isinstance(channel, str) or channel is None:
            channel = guild.channel(channel or "general")
        if permissions is None:
            perms = guild.permissions_in(member, channel)
        else:
            perms = int(getattr(permissions, "value", permissions))
        interaction_id, token = snowflake(), f"emu-{secrets.token_urlsafe(24)}"
        payload = interaction_payload(
            self.world,
            interaction_id=interaction_id,
            token=token,
            kind=kind,
            data=data,
            guild=guild,
            member=member,
            channel=channel,
            permissions=perms,
            locale=locale,
        )
        if source is not None:
            payload["message"] = source.data
        record = InteractionRecord(
            interaction_id, token, kind, name, payload, guild, channel.id, source
        )
        if via_shard is None:
            session = self.gateway.session_for(guild.id)
        else:
            session = self.gateway.session_of_shard(via_shard)
        if session is None:
            raise RuntimeError(
                "no gateway session owns this guild (or runs `via_shard`); is the bot connected "
                "and ready?"
            )
        self.interactions[interaction_id] = record
        self.interactions_by_token[token] = record
        await session.dispatch("INTERACTION_CREATE", payload)
        return InteractionHandle(self, record, self.timeout)
