"""What a guild admin (or Discord) does while the bot runs: add a guild, delete a channel,
change a channel's permissions. Each changes the world and dispatches the gateway event."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tests.emulator.models import Channel, Guild, Member, Overwrite, Role, User

if TYPE_CHECKING:
    from tests.emulator.gateway import Gateway
    from tests.emulator.world import World


class GuildAdminMixin:
    if TYPE_CHECKING:
        world: World
        gateway: Gateway

    async def join_guild(self, name: str) -> Guild:
        """A new guild (same people, same layout) that the bot joins: GUILD_CREATE."""
        guild = self.world.add_guild(name)
        await self.gateway.dispatch_guild(guild.id, "GUILD_CREATE", guild.payload())
        return guild

    async def delete_channel(self, channel: Channel) -> None:
        """The channel disappears: REST calls on it answer 404 Unknown Channel; CHANNEL_DELETE."""
        guild = self.world.guilds[channel.guild_id]
        guild.channels.pop(channel.id, None)
        await self.gateway.dispatch_guild(guild.id, "CHANNEL_DELETE", channel.payload())

    async def set_permissions(
        self,
        channel: Channel,
        target: Role | Member | User,
        *,
        allow: int = 0,
        deny: int = 0,
    ) -> None:
        """Set a channel overwrite for a role or a member (e.g. deny the bot SEND_MESSAGES,
        and posting there answers 403 Missing Permissions); CHANNEL_UPDATE."""
        kind = 0 if isinstance(target, Role) else 1
        channel.overwrites = [o for o in channel.overwrites if o.id != target.id]
        if allow or deny:
            channel.overwrites.append(Overwrite(target.id, kind, allow=allow, deny=deny))
        await self.gateway.dispatch_guild(channel.guild_id, "CHANNEL_UPDATE", channel.payload())
