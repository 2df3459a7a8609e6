"""REST handlers: channel messages, and the message checks shared with interaction answers."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tests.emulator.models import (
    READ_MESSAGE_HISTORY,
    SEND_MESSAGES,
    VIEW_CHANNEL,
    Channel,
    Guild,
    snowflake,
)
from tests.emulator.records import Message
from tests.emulator.rest import ApiError, Call, FilePart, route

if TYPE_CHECKING:
    from tests.emulator.server import DiscordEmulator

GUILD_MESSAGES = 1 << 9


def attachments_of(
    body: dict[str, Any], files: list[FilePart], existing: list[dict[str, Any]] | None = None
) -> list[dict[str, Any]]:
    """The attachments after a create/edit: ``files[n]`` parts described by the payload's
    ``attachments`` entry with id n, plus existing attachments the payload keeps by id."""
    listed = {str(a.get("id")): a for a in body.get("attachments") or []}
    out = [a for a in existing or [] if str(a["id"]) in listed]
    for index, part in enumerate(files):
        n = part.name[6:-1] if part.name.startswith("files[") else str(index)
        name = listed.get(n, {}).get("filename") or part.filename or f"file{n}"
        url = f"https://cdn.discordapp.invalid/attachments/{name}"
        out.append(
            {
                "id": str(snowflake()),
                "filename": name,
                "size": len(part.data),
                "url": url,
                "proxy_url": url,
                "content_type": part.content_type,
            }
        )
    return out


def _embed_size(embed: dict[str, Any]) -> int:
    parts = [
        embed.get("title"),
        embed.get("description"),
        (embed.get("footer") or {}).get("text"),
        (embed.get("author") or {}).get("name"),
    ]
    parts += [t for f in embed.get("fields") or [] for t in (f.get("name"), f.get("value"))]
    return sum(len(p) for p in parts if isinstance(p, str))


def check_limits(emu: DiscordEmulator, call: Call, body: dict[str, Any]) -> None:
    """Limits Discord enforces on bots beyond the spec: content 2000 (the spec allows 4000,
    which only Nitro users get) and 6000 characters over all embeds of a message."""
    errors: dict[str, Any] = {}
    content = body.get("content")
    if isinstance(content, str) and len(content) > 2000:
        errors["content"] = f"Must be 2000 or fewer in length (got {len(content)})."
    total = sum(_embed_size(e) for e in body.get("embeds") or [] if isinstance(e, dict))
    if total > 6000:
        errors["embeds"] = f"Embed size exceeds maximum size of 6000 (got {total})."
    for key, text in errors.items():
        emu.violation("limit", call.method, call.path, f"{key}: {text}")
    if errors:
        shaped = {
            k: {"_errors": [{"code": "BASE_TYPE_MAX_LENGTH", "message": v}]}
            for k, v in errors.items()
        }
        raise ApiError(400, 50035, "Invalid Form Body", shaped)


def is_empty(body: dict[str, Any], files: list[FilePart]) -> bool:
    keys = ("content", "embeds", "components", "sticker_ids", "poll")
    return not files and not any(body.get(k) for k in keys)


async def announce(emu: DiscordEmulator, event: str, message: Message) -> None:
    if message.guild is not None and not message.ephemeral:
        await emu.gateway.dispatch_guild(
            message.guild.id, event, message.data, intent=GUILD_MESSAGES
        )


def _channel(emu: DiscordEmulator, call: Call) -> tuple[Guild, Channel]:
    found = emu.world.find_channel(call.id("channel_id"))
    if found is None:
        raise ApiError(404, 10003, "Unknown Channel")
    return found


def _channel_message(emu: DiscordEmulator, call: Call) -> Message:
    _channel(emu, call)
    message = emu.messages.get(call.id("message_id"))
    if message is None or message.deleted or message.channel_id != call.id("channel_id"):
        raise ApiError(404, 10008, "Unknown Message")
    return message


# --- channel messages -----------------------------------------------------------------------
@route("POST", "/channels/{channel_id}/messages")
async def create_message(emu: DiscordEmulator, call: Call) -> Any:
    guild, channel = _channel(emu, call)
    perms = guild.permissions_in(guild.members[emu.world.bot.id], channel)
    if not perms & VIEW_CHANNEL:
        raise ApiError(403, 50001, "Missing Access")
    if not perms & SEND_MESSAGES:
        raise ApiError(403, 50013, "Missing Permissions")
    body = dict(call.body or {})
    check_limits(emu, call, body)
    if is_empty(body, call.files):
        raise ApiError(400, 50006, "Cannot send an empty message")
    nonce = body.get("nonce")
    if nonce is not None and body.get("enforce_nonce"):
        for old in emu.messages.values():
            fresh = old.id > emu.nonce_horizon  # Discord forgets nonces after a few minutes
            if fresh and old.channel_id == channel.id and old.data.get("nonce") == nonce:
                return old.data
    body["attachments"] = attachments_of(body, call.files)
    extra: dict[str, Any] = {}
    if body.get("message_reference"):
        extra.update(type=19, message_reference=body["message_reference"])
    message = Message.create(guild, channel.id, emu.world.bot.payload(), body, **extra)
    emu.add_message(message)
    await announce(emu, "MESSAGE_CREATE", message)
    return message.data


@route("GET", "/channels/{channel_id}/messages")
async def list_messages(emu: DiscordEmulator, call: Call) -> Any:
    """As Discord: View Channel is required, and without Read Message History the list is
    empty (not an error)."""
    guild, channel = _channel(emu, call)
    perms = guild.permissions_in(guild.members[emu.world.bot.id], channel)
    if not perms & VIEW_CHANNEL:
        raise ApiError(403, 50001, "Missing Access")
    if not perms & READ_MESSAGE_HISTORY:
        return []
    limit = int(call.query.get("limit", "50"))
    found = [
        m
        for m in emu.messages.values()
        if m.channel_id == channel.id and not m.deleted and not m.ephemeral
    ]
    return [m.data for m in reversed(found)][:limit]


@route("GET", "/channels/{channel_id}/messages/{message_id}")
async def get_message(emu: DiscordEmulator, call: Call) -> Any:
    return _channel_message(emu, call).data


@route("PATCH", "/channels/{channel_id}/messages/{message_id}")
async def edit_message(emu: DiscordEmulator, call: Call) -> Any:
    message = _channel_message(emu, call)
    if message.data["author"]["id"] != str(emu.world.bot.id):
        raise ApiError(403, 50005, "Cannot edit a message authored by another user")
    body = dict(call.body or {})
    check_limits(emu, call, body)
    if "attachments" in body:
        body["attachments"] = attachments_of(body, call.files, message.data["attachments"])
    message.edit(body)
    await announce(emu, "MESSAGE_UPDATE", message)
    return message.data


@route("DELETE", "/channels/{channel_id}/messages/{message_id}")
async def delete_message(emu: DiscordEmulator, call: Call) -> Any:
    message = _channel_message(emu, call)
    message.deleted = True
    if message.guild is not None:
        data = {
            "id": str(message.id),
            "channel_id": str(message.channel_id),
            "guild_id": str(message.guild.id),
        }
        await emu.gateway.dispatch_guild(
            message.guild.id, "MESSAGE_DELETE", data, intent=GUILD_MESSAGES
        )
    return None


@route("POST", "/channels/{channel_id}/typing")
async def typing(emu: DiscordEmulator, call: Call) -> Any:
    _channel(emu, call)
    return None
