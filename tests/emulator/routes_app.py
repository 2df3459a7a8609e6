"""REST handlers: the bot's identity, the gateway address, application commands, guild reads."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tests.emulator.models import Guild
from tests.emulator.rest import ApiError, Call, Reply, route

if TYPE_CHECKING:
    from tests.emulator.server import DiscordEmulator


@route("GET", "/users/@me")
async def get_me(emu: DiscordEmulator, call: Call) -> Any:
    return emu.world.bot_user_payload()


@route("GET", "/users/{user_id}")
async def get_user(emu: DiscordEmulator, call: Call) -> Any:
    user = emu.world.users.get(call.id("user_id"))
    if user is None:
        raise ApiError(404, 10013, "Unknown User")
    return user.payload()


@route("GET", "/gateway")
async def get_gateway(emu: DiscordEmulator, call: Call) -> Any:
    return {"url": emu.gateway_url}


@route("GET", "/gateway/bot")
async def get_gateway_bot(emu: DiscordEmulator, call: Call) -> Any:
    limit = {"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1}
    return {"url": emu.gateway_url, "shards": emu.recommended_shards, "session_start_limit": limit}


@route("GET", "/oauth2/applications/@me")
@route("GET", "/applications/@me")
async def get_application(emu: DiscordEmulator, call: Call) -> Any:
    return emu.world.application_payload()


# --- application commands -------------------------------------------------------------------
def _scope(emu: DiscordEmulator, call: Call) -> int | None:
    if call.id("application_id") != emu.world.application_id:
        raise ApiError(403, 50001, "Missing Access")
    if "guild_id" not in call.params:
        return None
    guild_id = call.id("guild_id")
    if guild_id not in emu.world.guilds:
        raise ApiError(403, 50001, "Missing Access")
    return guild_id


def _check_unique(bodies: list[dict[str, Any]]) -> None:
    seen: set[tuple[str, int]] = set()
    for index, body in enumerate(bodies):
        key = (body.get("name", ""), body.get("type", 1))
        if key in seen:
            errors = {
                str(index): {
                    "name": {
                        "_errors": [
                            {
                                "code": "APPLICATION_COMMANDS_DUPLICATE_NAME",
                                "message": f"Command name {key[0]!r} is already used",
                            }
                        ]
                    }
                }
            }
            raise ApiError(400, 50035, "Invalid Form Body", errors)
        seen.add(key)


@route("GET", "/applications/{application_id}/commands")
@route("GET", "/applications/{application_id}/guilds/{guild_id}/commands")
async def list_commands(emu: DiscordEmulator, call: Call) -> Any:
    return emu.commands.of(_scope(emu, call))


@route("PUT", "/applications/{application_id}/commands")
@route("PUT", "/applications/{application_id}/guilds/{guild_id}/commands")
async def overwrite_commands(emu: DiscordEmulator, call: Call) -> Any:
    scope = _scope(emu, call)
    bodies = list(call.body or [])
    _check_unique(bodies)
    return emu.commands.overwrite(scope, bodies)


@route("POST", "/applications/{application_id}/commands")
@route("POST", "/applications/{application_id}/guilds/{guild_id}/commands")
async def upsert_command(emu: DiscordEmulator, call: Call) -> Any:
    data, created = emu.commands.upsert(_scope(emu, call), call.body)
    return Reply(data, 201 if created else 200)


def _command(emu: DiscordEmulator, call: Call) -> tuple[int | None, dict[str, Any]]:
    scope = _scope(emu, call)
    command = emu.commands.get(scope, call.id("command_id"))
    if command is None:
        raise ApiError(404, 10063, "Unknown application command")
    return scope, command


@route("GET", "/applications/{application_id}/commands/{command_id}")
@route("GET", "/applications/{application_id}/guilds/{guild_id}/commands/{command_id}")
async def get_command(emu: DiscordEmulator, call: Call) -> Any:
    return _command(emu, call)[1]


@route("PATCH", "/applications/{application_id}/commands/{command_id}")
@route("PATCH", "/applications/{application_id}/guilds/{guild_id}/commands/{command_id}")
async def edit_command(emu: DiscordEmulator, call: Call) -> Any:
    scope, command = _command(emu, call)
    body = {k: v for k, v in command.items() if k not in ("id", "version", "application_id")}
    body.update(call.body or {})
    emu.commands.scopes[scope].pop(int(command["id"]))
    return emu.commands.upsert(scope, body)[0]


@route("DELETE", "/applications/{application_id}/commands/{command_id}")
@route("DELETE", "/applications/{application_id}/guilds/{guild_id}/commands/{command_id}")
async def delete_command(emu: DiscordEmulator, call: Call) -> Any:
    scope, command = _command(emu, call)
    emu.commands.scopes[scope].pop(int(command["id"]))
    return None


@route("GET", "/applications/{application_id}/guilds/{guild_id}/commands/permissions")
async def command_permissions(emu: DiscordEmulator, call: Call) -> Any:
    _scope(emu, call)
    return []


# --- guilds and channels --------------------------------------------------------------------
def _guild(emu: DiscordEmulator, call: Call) -> Guild:
    guild = emu.world.guilds.get(call.id("guild_id"))
    if guild is None:
        raise ApiError(404, 10004, "Unknown Guild")
    return guild


_GATEWAY_ONLY = (
    "joined_at",
    "large",
    "unavailable",
    "member_count",
    "members",
    "channels",
    "threads",
    "presences",
    "voice_states",
    "stage_instances",
    "guild_scheduled_events",
    "soundboard_sounds",
)


@route("GET", "/guilds/{guild_id}")
async def get_guild(emu: DiscordEmulator, call: Call) -> Any:
    data = _guild(emu, call).payload()
    return {k: v for k, v in data.items() if k not in _GATEWAY_ONLY}


@route("GET", "/guilds/{guild_id}/channels")
async def guild_channels(emu: DiscordEmulator, call: Call) -> Any:
    return [c.payload() for c in _guild(emu, call).channels.values()]


@route("GET", "/guilds/{guild_id}/roles")
async def guild_roles(emu: DiscordEmulator, call: Call) -> Any:
    return [r.payload() for r in _guild(emu, call).roles.values()]


@route("GET", "/guilds/{guild_id}/members")
async def guild_members(emu: DiscordEmulator, call: Call) -> Any:
    limit = int(call.query.get("limit", "1"))
    return [m.payload() for m in list(_guild(emu, call).members.values())[:limit]]


@route("GET", "/guilds/{guild_id}/members/{user_id}")
async def guild_member(emu: DiscordEmulator, call: Call) -> Any:
    member = _guild(emu, call).members.get(call.id("user_id"))
    if member is None:
        raise ApiError(404, 10007, "Unknown Member")
    return member.payload()


@route("GET", "/channels/{channel_id}")
async def get_channel(emu: DiscordEmulator, call: Call) -> Any:
    found = emu.world.find_channel(call.id("channel_id"))
    if found is None:
        raise ApiError(404, 10003, "Unknown Channel")
    return found[1].payload()
