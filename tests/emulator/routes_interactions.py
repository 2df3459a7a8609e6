"""REST handlers: interaction callbacks, @original edits and follow-ups (interaction webhooks).

Callbacks: 4 message, 5 deferred ("thinking", a loading message), 6 deferred update, 7 update
the component's message, 8 autocomplete result, 9 modal. After a thinking deferral the first
follow-up replaces the loading message, as Discord does. A second callback is refused with
40060, an unknown interaction with 10062.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tests.emulator.records import EPHEMERAL, LOADING, InteractionRecord, Message
from tests.emulator.rest import ApiError, Call, Reply, route
from tests.emulator.routes_messages import announce, attachments_of, check_limits, is_empty

if TYPE_CHECKING:
    from tests.emulator.server import DiscordEmulator

# Which callback types Discord accepts for each interaction type.
_VALID_CALLBACKS = {2: {4, 5, 9}, 3: {4, 5, 6, 7, 9}, 4: {8}, 5: {4, 5, 6, 7}}


def _reply_message(
    emu: DiscordEmulator, rec: InteractionRecord, body: dict[str, Any], **extra: Any
) -> Message:
    user = rec.payload["member"]["user"] if "member" in rec.payload else rec.payload["user"]
    extra.setdefault("type", 20 if rec.type == 2 else 0)
    meta = {
        "id": str(rec.id),
        "type": rec.type,
        "user": user,
        "authorizing_integration_owners": rec.payload["authorizing_integration_owners"],
    }
    message = Message.create(
        rec.guild,
        rec.channel_id,
        emu.world.bot.payload(),
        body,
        webhook_id=str(emu.world.application_id),
        application_id=str(emu.world.application_id),
        interaction_metadata=meta,
        **extra,
    )
    emu.add_message(message)
    return message


@route("POST", "/interactions/{interaction_id}/{interaction_token}/callback")
async def interaction_callback(emu: DiscordEmulator, call: Call) -> Any:
    rec = emu.interactions.get(call.id("interaction_id"))
    if rec is None or rec.token != call.params["interaction_token"]:
        raise ApiError(404, 10062, "Unknown interaction")
    if rec.callback is not None:
        raise ApiError(400, 40060, "Interaction has already been acknowledged.")
    body = dict(call.body or {})
    kind = int(body.get("type", 0))
    if kind not in _VALID_CALLBACKS[rec.type]:
        errors = {
            "type": {
                "_errors": [
                    {"code": "INTERACTION_CALLBACK_TYPE_INVALID", "message": "Invalid type"}
                ]
            }
        }
        raise ApiError(400, 50035, "Invalid Form Body", errors)
    data = dict(body.get("data") or {})
    check_limits(emu, call, data)
    if kind == 4 and is_empty(data, call.files):
        raise ApiError(400, 50006, "Cannot send an empty message")
    rec.callback = body
    message: Message | None = None
    if kind == 4:
        data["attachments"] = attachments_of(data, call.files)
        message = rec.original = rec.answer = _reply_message(emu, rec, data)
    elif kind == 5:
        flags = LOADING | (int(data.get("flags") or 0) & EPHEMERAL)
        message = rec.original = _reply_message(emu, rec, {"flags": flags})
    elif kind in (6, 7) and rec.source_message is not None:
        message = rec.original = rec.source_message
        if kind == 7:
            message.edit(data)
            rec.answer = message
    if message is not None:
        await announce(emu, "MESSAGE_UPDATE" if kind in (6, 7) else "MESSAGE_CREATE", message)
    if call.query.get("with_response") not in ("1", "true", "True"):
        return None
    info: dict[str, Any] = {"id": str(rec.id), "type": rec.type}
    if message is not None:
        info.update(
            response_message_id=str(message.id),
            response_message_loading=message.loading,
            response_message_ephemeral=message.ephemeral,
        )
    resource: dict[str, Any] = {"type": kind}
    if message is not None and kind in (4, 7):
        resource["message"] = message.data
    return {"interaction": info, "resource": resource}


def _webhook_interaction(emu: DiscordEmulator, call: Call) -> InteractionRecord:
    rec = emu.interactions_by_token.get(call.params["webhook_token"])
    if rec is None or call.id("webhook_id") != emu.world.application_id:
        raise ApiError(404, 10015, "Unknown Webhook")
    if rec.callback is None:
        raise ApiError(404, 10015, "Unknown Webhook")
    return rec


def _webhook_message(emu: DiscordEmulator, call: Call) -> tuple[InteractionRecord, Message]:
    rec = _webhook_interaction(emu, call)
    target = call.params.get("message_id", "@original")
    if target == "@original":
        message = rec.original
    else:
        message = next(
            (m for m in [rec.original, *rec.followups] if m and str(m.id) == target), None
        )
    if message is None or message.deleted:
        raise ApiError(404, 10008, "Unknown Message")
    return rec, message


@route("POST", "/webhooks/{webhook_id}/{webhook_token}")
async def create_followup(emu: DiscordEmulator, call: Call) -> Any:
    rec = _webhook_interaction(emu, call)
    body = dict(call.body or {})
    check_limits(emu, call, body)
    if is_empty(body, call.files):
        raise ApiError(400, 50006, "Cannot send an empty message")
    body["attachments"] = attachments_of(body, call.files)
    original = rec.original
    if original is not None and original.loading and rec.answer is None:
        # After a "thinking" deferral the first follow-up replaces the loading message.
        original.edit({**body, "flags": int(body.get("flags") or 0) & ~EPHEMERAL})
        original.data["flags"] = original.flags & ~LOADING
        message = rec.answer = original
        await announce(emu, "MESSAGE_UPDATE", message)
    else:
        message = _reply_message(emu, rec, body, type=0)
        rec.answer = rec.answer or message
        await announce(emu, "MESSAGE_CREATE", message)
    rec.followups.append(message)
    return message.data if call.query.get("wait") in ("1", "true", "True") else None


@route("GET", "/webhooks/{webhook_id}/{webhook_token}/messages/@original")
@route("GET", "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}")
async def get_webhook_message(emu: DiscordEmulator, call: Call) -> Any:
    return _webhook_message(emu, call)[1].data


@route("PATCH", "/webhooks/{webhook_id}/{webhook_token}/messages/@original")
@route("PATCH", "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}")
async def edit_webhook_message(emu: DiscordEmulator, call: Call) -> Any:
    rec, message = _webhook_message(emu, call)
    body = dict(call.body or {})
    check_limits(emu, call, body)
    if "attachments" in body:
        body["attachments"] = attachments_of(body, call.files, message.data["attachments"])
    message.edit(body)
    message.data["flags"] = message.flags & ~LOADING
    if message is rec.original:
        rec.answer = message
    await announce(emu, "MESSAGE_UPDATE", message)
    return Reply(message.data)


@route("DELETE", "/webhooks/{webhook_id}/{webhook_token}/messages/@original")
@route("DELETE", "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}")
async def delete_webhook_message(emu: DiscordEmulator, call: Call) -> Any:
    _, message = _webhook_message(emu, call)
    message.deleted = True
    return None
