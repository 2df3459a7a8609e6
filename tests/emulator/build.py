"""Building INTERACTION_CREATE payloads the way Discord does.

Option values are typed from the *registered* command definition (3 string, 4 integer,
5 boolean, 6 user, 7 channel, 8 role, 9 mentionable, 10 number), with ``resolved`` data for
users/members, channels and roles; the member and the channel carry ``permissions`` strings.
A test asking for something a Discord client would not send (an unknown option, a missing
required one, a value outside the choices) gets an exception, not a silent payload.
"""

from __future__ import annotations

from typing import Any

from tests.emulator.models import Channel, Guild, Member, Role
from tests.emulator.world import World


def build_options(
    world: World,
    command: dict[str, Any],
    parts: list[str],
    values: dict[str, Any],
    focused: tuple[str, str] | None,
    guild: Guild,
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """``data.options`` (nested under the subcommand path ``parts[1:]``) and ``data.resolved``."""
    where = "/" + " ".join(parts)
    defs: list[dict[str, Any]] = command.get("options") or []
    subs: list[dict[str, Any]] = []
    for sub in parts[1:]:
        match = next((o for o in defs if o["name"] == sub and o["type"] in (1, 2)), None)
        if match is None:
            raise LookupError(f"{where}: no subcommand {sub!r}")
        subs.append(match)
        defs = match.get("options") or []
    groups = [o["name"] for o in defs if o["type"] in (1, 2)]
    if groups:
        raise LookupError(f"{where} needs a subcommand, one of {groups}")
    by_name = {o["name"]: o for o in defs}
    out: list[dict[str, Any]] = []
    resolved: dict[str, Any] = {}
    for key, value in values.items():
        if key not in by_name:
            raise LookupError(f"{where} has no option {key!r}; it has {sorted(by_name)}")
        out.append(_typed_option(world, by_name[key], value, guild, resolved))
    if focused is not None:
        name, typed = focused
        if name not in by_name or not by_name[name].get("autocomplete"):
            raise LookupError(f"{where}: option {name!r} has no autocomplete")
        out.append({"name": name, "type": by_name[name]["type"], "value": typed, "focused": True})
    else:
        missing = [o["name"] for o in defs if o.get("required") and o["name"] not in values]
        if missing:
            raise ValueError(f"{where}: required option(s) {missing} not given")
    for sub_def in reversed(subs):
        out = [{"name": sub_def["name"], "type": sub_def["type"], "options": out}]
    return out, resolved


def _typed_option(
    world: World, spec: dict[str, Any], value: Any, guild: Guild, resolved: dict[str, Any]
) -> dict[str, Any]:
    kind = spec["type"]
    if kind == 3:
        value = str(value)
    elif kind == 4:
        value = int(value)
    elif kind == 5:
        value = bool(value)
    elif kind == 10:
        value = float(value)
    elif kind in (6, 7, 8, 9):
        value = _resolve(world, kind, value, guild, resolved)
    choices = [c["value"] for c in spec.get("choices") or []]
    if choices and value not in choices:
        raise ValueError(f"option {spec['name']!r}: {value!r} is not one of the choices {choices}")
    return {"name": spec["name"], "type": kind, "value": value}


def _resolve(world: World, kind: int, value: Any, guild: Guild, resolved: dict[str, Any]) -> str:
    if kind == 9:
        kind = 8 if isinstance(value, Role) else 6
    if kind == 7:
        if isinstance(value, Channel):
            channel = value
        else:
            channel = guild.channel(value) if isinstance(value, str) else guild.channels[int(value)]
        bot = guild.members[world.bot.id]
        data = {**channel.payload(), "permissions": str(guild.permissions_in(bot, channel))}
        resolved.setdefault("channels", {})[str(channel.id)] = data
        return str(channel.id)
    if kind == 8:
        if isinstance(value, Role):
            role = value
        else:
            role = guild.role(value) if isinstance(value, str) else guild.roles[int(value)]
        resolved.setdefault("roles", {})[str(role.id)] = role.payload()
        return str(role.id)
    member = world.member_of(guild, value)
    resolved.setdefault("users", {})[str(member.id)] = member.user.payload()
    perms = str(guild.permissions_in(member, None))
    resolved.setdefault("members", {})[str(member.id)] = {
        **member.payload(with_user=False),
        "permissions": perms,
    }
    return str(member.id)


def interaction_payload(
    world: World,
    *,
    interaction_id: int,
    token: str,
    kind: int,
    data: dict[str, Any],
    guild: Guild,
    member: Member,
    channel: Channel,
    permissions: int,
    locale: str,
) -> dict[str, Any]:
    bot = guild.members[world.bot.id]
    return {
        "id": str(interaction_id),
        "application_id": str(world.application_id),
        "type": kind,
        "token": token,
        "version": 1,
        "guild_id": str(guild.id),
        "guild": {"id": str(guild.id), "locale": guild.preferred_locale, "features": []},
        "channel_id": str(channel.id),
        "channel": {**channel.payload(), "permissions": str(permissions)},
        "member": {**member.payload(), "permissions": str(permissions)},
        "data": data,
        "locale": locale,
        "guild_locale": guild.preferred_locale,
        "app_permissions": str(guild.permissions_in(bot, channel)),
        "entitlements": [],
        "authorizing_integration_owners": {"0": str(guild.id)},
        "context": 0,
        "attachment_size_limit": 10 * 1024 * 1024,
    }
