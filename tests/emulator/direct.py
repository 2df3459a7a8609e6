"""Interactions outside a guild's own commands: in the bot's DMs (a user-installed app) and
message context menus, sent as Discord sends them.

A DM interaction has ``user`` instead of ``member``, a DM channel, ``context`` 1 and the user
as the authorizing owner of a user install; Discord delivers it on shard 0. Only global
commands whose ``contexts`` include the bot's DM (1) can be invoked there, as a client offers.
"""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING, Any

from tests.emulator.build import build_options
from tests.emulator.client import InteractionHandle
from tests.emulator.models import User, snowflake
from tests.emulator.records import InteractionRecord, Message

if TYPE_CHECKING:
    from tests.emulator.client import InteractionsMixin

    _Base = InteractionsMixin
else:
    _Base = object

BOT_DM, GUILD = 1, 0
MESSAGE_COMMAND = 3
USER_INSTALL = "1"
DM_PERMISSIONS = str((1 << 10) | (1 << 11) | (1 << 14) | (1 << 16))  # view, send, embed, history


class DirectMixin(_Base):
    def commands_in_dm(self) -> list[str]:
        """The names a user sees in the bot's DMs: global commands allowed in that context."""
        return [c["name"] for c in self.commands.of(None) if _allowed_in_dm(c)]

    async def slash_in_dm(
        self,
        name: str,
        options: dict[str, Any] | None = None,
        *,
        user: User | None = None,
        locale: str = "en-US",
    ) -> InteractionHandle:
        """Invoke the global ``/name options...`` in the bot's DMs with ``user``; a command not
        offered there raises LookupError, as a client would not send it."""
        parts = name.split()
        command = await self.signal.wait_for(
            lambda: self.commands.find(parts[0], None), self.timeout, f"global /{parts[0]}"
        )
        if not _allowed_in_dm(command):
            raise LookupError(
                f"/{parts[0]} is not offered in DMs (contexts {command.get('contexts')})"
            )
        opts, resolved = build_options(
            self.world, command, parts, options or {}, None, self.world.guild
        )
        data: dict[str, Any] = {"id": command["id"], "name": command["name"], "type": 1}
        data["options"] = opts
        if resolved:
            data["resolved"] = resolved
        return await self.send_in_dm(2, " ".join(parts), data, user or self.world.member, locale)

    async def send_in_dm(
        self,
        kind: int,
        name: str,
        data: dict[str, Any],
        user: User,
        locale: str,
        source: Message | None = None,
    ) -> InteractionHandle:
        """An interaction of `kind` from `user` in the bot's DMs (on `source`, a button's
        message, for a click)."""
        channel_id, interaction_id = snowflake(), snowflake()
        token = f"emu-{secrets.token_urlsafe(24)}"
        payload = {
            "id": str(interaction_id),
            "application_id": str(self.world.application_id),
            "type": kind,
            "token": token,
            "version": 1,
            "channel_id": str(channel_id),
            "channel": {
                "id": str(channel_id),
                "type": 1,
                "last_message_id": None,
                "flags": 0,
                "recipients": [user.payload()],
            },
            "user": user.payload(),
            "data": data,
            "locale": locale,
            "app_permissions": DM_PERMISSIONS,
            "entitlements": [],
            "authorizing_integration_owners": {USER_INSTALL: str(user.id)},
            "context": BOT_DM,
            "attachment_size_limit": 10 * 1024 * 1024,
        }
        if source is not None:
            channel_id = int(source.data["channel_id"])
            payload["channel_id"] = payload["channel"]["id"] = str(channel_id)
            payload["message"] = source.data
        record = InteractionRecord(
            interaction_id, token, kind, name, payload, None, channel_id, source
        )
        session = self.gateway.session_for(0)  # Discord sends DMs to shard 0
        if session is None:
            raise RuntimeError("no gateway session runs shard 0; is the bot connected and ready?")
        self.interactions[interaction_id] = record
        self.interactions_by_token[token] = record
        await session.dispatch("INTERACTION_CREATE", payload)
        return InteractionHandle(self, record, self.timeout)

    async def message_command(
        self, name: str, content: str, *, user: User | None = None, author: User | None = None
    ) -> InteractionHandle:
        """Use the message menu ``name`` (Apps ▸ name) on a new message saying ``content``,
        written in the guild's #general by ``author`` (the admin by default)."""
        guild = self.world.guild
        channel = guild.channel("general")
        command = await self.signal.wait_for(
            lambda: self.commands.find(name, guild.id, MESSAGE_COMMAND),
            self.timeout,
            f"message command {name!r}",
        )
        writer = author or self.world.admin
        target = Message.create(guild, channel.id, writer.payload(), {"content": content})
        data: dict[str, Any] = {
            "id": command["id"],
            "name": command["name"],
            "type": MESSAGE_COMMAND,
            "target_id": str(target.id),
            "resolved": {"messages": {str(target.id): target.data}},
        }
        if "guild_id" in command:
            data["guild_id"] = command["guild_id"]
        presser = user or self.world.member
        return await self._send(2, name, data, presser, guild, channel, None, "en-US")


def _allowed_in_dm(command: dict[str, Any]) -> bool:
    contexts = command.get("contexts")
    if contexts is None:
        return command.get("dm_permission") is not False
    return BOT_DM in contexts
