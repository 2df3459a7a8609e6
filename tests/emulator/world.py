"""The default world: one bot, three people and a guild they share.

``World()`` builds the guild "Emulator Guild" with
- roles ``@everyone`` (id = guild id), ``Moderators`` (Manage Guild), ``Announcements``
  (mentionable, for ping tests) and the bot's managed role;
- a category ``Text Channels`` holding the text channels ``#general`` and ``#news``;
- members ``owner`` (the guild owner), ``admin`` (has Moderators, i.e. Manage Guild),
  ``member`` (no roles) and the bot itself.
"""

from __future__ import annotations

from typing import Any

from tests.emulator.models import (
    ADD_REACTIONS,
    ATTACH_FILES,
    EMBED_LINKS,
    EVERYONE_PERMISSIONS,
    MANAGE_GUILD,
    READ_MESSAGE_HISTORY,
    SEND_MESSAGES,
    USE_APPLICATION_COMMANDS,
    USE_EXTERNAL_EMOJIS,
    VIEW_CHANNEL,
    Channel,
    Guild,
    Member,
    Role,
    User,
    snowflake,
)

BOT_PERMISSIONS = (
    VIEW_CHANNEL
    | SEND_MESSAGES
    | EMBED_LINKS
    | ATTACH_FILES
    | READ_MESSAGE_HISTORY
    | USE_EXTERNAL_EMOJIS
    | ADD_REACTIONS
    | USE_APPLICATION_COMMANDS
)


class World:
    def __init__(self, bot_name: str = "emulated-bot") -> None:
        self.bot = User(snowflake(), bot_name, bot=True, global_name=None)
        self.application_id = self.bot.id
        self.owner = User(snowflake(), "owner", global_name="Guild Owner")
        self.admin = User(snowflake(), "admin", global_name="Admin Person")
        self.member = User(snowflake(), "member", global_name="Plain Member")
        self.users: dict[int, User] = {
            u.id: u for u in (self.bot, self.owner, self.admin, self.member)
        }
        self.guilds: dict[int, Guild] = {}
        self.guild = self.add_guild("Emulator Guild")

    # --- building -------------------------------------------------------------------------
    def add_guild(self, name: str, *, guild_id: int | None = None) -> Guild:
        """A guild like the default one; `guild_id` picks its id, hence its shard
        (`(guild_id >> 22) % shard_count`), for tests that spread guilds over shards."""
        if guild_id is None:
            guild_id = snowflake()
        if guild_id in self.guilds:
            raise ValueError(f"guild {guild_id} exists already")
        guild = Guild(id=guild_id, name=name, owner_id=self.owner.id)
        roles = [
            Role(guild_id, "@everyone", EVERYONE_PERMISSIONS, position=0),
            Role(snowflake(), "Moderators", MANAGE_GUILD, position=1),
            Role(snowflake(), "Announcements", 0, position=2, mentionable=True),
            Role(
                snowflake(), self.bot.username, BOT_PERMISSIONS, 3, managed=True, bot_id=self.bot.id
            ),
        ]
        guild.roles = {r.id: r for r in roles}
        category = Channel(snowflake(), guild_id, "Text Channels", type=4, position=0)
        general = Channel(snowflake(), guild_id, "general", position=0, parent_id=category.id)
        news = Channel(snowflake(), guild_id, "news", position=1, parent_id=category.id)
        guild.channels = {c.id: c for c in (category, general, news)}
        guild.members = {
            self.owner.id: Member(self.owner),
            self.admin.id: Member(self.admin, roles=[roles[1].id]),
            self.member.id: Member(self.member),
            self.bot.id: Member(self.bot, roles=[roles[3].id]),
        }
        self.guilds[guild_id] = guild
        return guild

    def add_member(
        self, username: str, *, guild: Guild | None = None, roles: list[int] | None = None
    ) -> Member:
        user = User(snowflake(), username)
        self.users[user.id] = user
        member = Member(user, roles=list(roles or []))
        (guild or self.guild).members[user.id] = member
        return member

    # --- lookups --------------------------------------------------------------------------
    def find_channel(self, channel_id: int) -> tuple[Guild, Channel] | None:
        for guild in self.guilds.values():
            if channel_id in guild.channels:
                return guild, guild.channels[channel_id]
        return None

    def member_of(self, guild: Guild, user: User | Member | int | str) -> Member:
        if isinstance(user, Member):
            return user
        if isinstance(user, User):
            return guild.members[user.id]
        if isinstance(user, str):
            for m in guild.members.values():
                if m.user.username == user:
                    return m
            raise KeyError(f"no member named {user!r} in {guild.name!r}")
        return guild.members[user]

    # --- payloads -------------------------------------------------------------------------
    def bot_user_payload(self) -> dict[str, Any]:
        data = self.bot.payload()
        data.update(verified=True, mfa_enabled=False, locale="en-US", email=None, bio="")
        return data

    def application_payload(self) -> dict[str, Any]:
        return {
            "id": str(self.application_id),
            "name": self.bot.username,
            "icon": None,
            "description": "A bot under test",
            "summary": "",
            "type": None,
            "bot_public": True,
            "bot_require_code_grant": False,
            "verify_key": "0" * 64,
            "flags": 0,
            "owner": self.owner.payload(),
            "team": None,
            "bot": self.bot.payload(),
            "rpc_origins": [],
            "interactions_endpoint_url": None,
            "redirect_uris": [],
            "tags": [],
            "approximate_guild_count": len(self.guilds),
            "integration_types_config": {"0": {}},
        }
