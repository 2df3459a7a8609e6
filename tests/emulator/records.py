"""What the bot did: messages, registered commands, interactions, requests and violations."""

from __future__ import annotations

import asyncio
import contextlib
import copy
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

from tests.emulator.models import Guild, iso_now, snowflake

T = TypeVar("T")
EPHEMERAL = 1 << 6
LOADING = 1 << 7
_USER_MENTION = re.compile(r"<@!?(\d+)>")
_ROLE_MENTION = re.compile(r"<@&(\d+)>")


class Signal:
    """Wakes every waiter whenever the emulator's state changes; each re-checks its predicate
    and returns the first truthy value it gives."""

    POLL_SECONDS = 0.01

    def __init__(self) -> None:
        self._event = asyncio.Event()

    def fire(self) -> None:
        self._event.set()
        self._event = asyncio.Event()

    async def wait_for(self, predicate: Callable[[], T | None], seconds: float, what: str) -> T:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + seconds
        while True:
            result = predicate()
            if result:
                return result
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise TimeoutError(f"emulator: timed out after {seconds}s waiting for {what}")
            event = self._event
            with contextlib.suppress(TimeoutError):  # poll too: predicates may read the bot's state
                await asyncio.wait_for(event.wait(), min(remaining, self.POLL_SECONDS))


@dataclass
class Violation:
    kind: str  # unknown-route | unimplemented | body | query | content-type | gateway
    method: str
    path: str
    detail: str

    def __str__(self) -> str:
        return f"[{self.kind}] {self.method} {self.path}: {self.detail}"


@dataclass
class RequestRecord:
    method: str
    path: str
    template: str | None
    query: dict[str, str]
    body: Any
    status: int = 0
    fault: bool = False


def compute_mentions(
    guild: Guild | None, content: str, allowed: dict[str, Any] | None
) -> dict[str, Any]:
    """Who the message would ping, per Discord's ``allowed_mentions`` rules (strict: it assumes
    the bot may ping every role and @everyone, so a test catches any mention not suppressed)."""
    parse = {"users", "roles", "everyone"} if allowed is None else set(allowed.get("parse") or [])
    users = [int(u) for u in _USER_MENTION.findall(content)]
    roles = [int(r) for r in _ROLE_MENTION.findall(content)]
    if "users" not in parse:
        explicit = {int(u) for u in (allowed or {}).get("users") or []}
        users = [u for u in users if u in explicit]
    if "roles" not in parse:
        explicit = {int(r) for r in (allowed or {}).get("roles") or []}
        roles = [r for r in roles if r in explicit]
    everyone = "everyone" in parse and ("@everyone" in content or "@here" in content)
    members = guild.members if guild is not None else {}
    return {
        "mention_everyone": everyone,
        "mentions": [members[u].user.payload() for u in dict.fromkeys(users) if u in members],
        "mention_roles": [str(r) for r in dict.fromkeys(roles) if guild and r in guild.roles],
    }


_EDITABLE = ("content", "embeds", "components", "attachments", "poll")


class Message:
    """A message the bot created; ``data`` is the payload Discord would return for it."""

    def __init__(self, data: dict[str, Any], guild: Guild | None) -> None:
        self.data = data
        self.guild = guild
        self.history: list[dict[str, Any]] = []
        self.deleted = False
        self.allowed_mentions: dict[str, Any] | None = None

    @classmethod
    def create(
        cls,
        guild: Guild | None,
        channel_id: int,
        author: dict[str, Any],
        body: dict[str, Any],
        **extra: Any,
    ) -> Message:
        data: dict[str, Any] = {
            "id": str(snowflake()),
            "channel_id": str(channel_id),
            "type": 0,
            "author": author,
            "content": "",
            "timestamp": iso_now(),
            "edited_timestamp": None,
            "tts": bool(body.get("tts") or False),
            "pinned": False,
            "embeds": [],
            "components": [],
            "attachments": [],
            "flags": int(body.get("flags") or 0),
        }
        if guild is not None:
            data["guild_id"] = str(guild.id)
        if body.get("nonce") is not None:
            data["nonce"] = body["nonce"]
        data.update(extra)
        message = cls(data, guild)
        message._apply(body)
        return message

    def _apply(self, body: dict[str, Any]) -> None:
        for key in _EDITABLE:
            if key in body:
                self.data[key] = copy.deepcopy(body[key]) if body[key] is not None else []
        if "allowed_mentions" in body:
            self.allowed_mentions = body["allowed_mentions"]
        self.data.update(compute_mentions(self.guild, self.content, self.allowed_mentions))

    def edit(self, body: dict[str, Any]) -> None:
        self.history.append(copy.deepcopy(self.data))
        self._apply(body)
        if "flags" in body and body["flags"] is not None:
            keep = self.flags & (EPHEMERAL | LOADING)
            self.data["flags"] = int(body["flags"]) | (keep & EPHEMERAL)
        self.data["edited_timestamp"] = iso_now()

    # --- convenient reads ---------------------------------------------------------------
    @property
    def id(self) -> int:
        return int(self.data["id"])

    @property
    def channel_id(self) -> int:
        return int(self.data["channel_id"])

    @property
    def content(self) -> str:
        return str(self.data.get("content") or "")

    @property
    def embeds(self) -> list[dict[str, Any]]:
        return list(self.data.get("embeds") or [])

    @property
    def components(self) -> list[dict[str, Any]]:
        return list(self.data.get("components") or [])

    @property
    def flags(self) -> int:
        return int(self.data.get("flags") or 0)

    @property
    def ephemeral(self) -> bool:
        return bool(self.flags & EPHEMERAL)

    @property
    def loading(self) -> bool:
        return bool(self.flags & LOADING)

    @property
    def pings(self) -> bool:
        """True when the message would notify anyone (a user, a role or @everyone/@here)."""
        return bool(
            self.data["mention_everyone"] or self.data["mentions"] or self.data["mention_roles"]
        )

    def iter_components(self) -> Iterator[dict[str, Any]]:
        stack = list(self.components)
        while stack:
            comp = stack.pop(0)
            yield comp
            stack[:0] = list(comp.get("components") or []) + (
                [comp["accessory"]] if "accessory" in comp else []
            )

    def component(self, custom_id: str) -> dict[str, Any] | None:
        return next((c for c in self.iter_components() if c.get("custom_id") == custom_id), None)

    @property
    def custom_ids(self) -> list[str]:
        return [c["custom_id"] for c in self.iter_components() if "custom_id" in c]

    def __repr__(self) -> str:
        return f"<Message id={self.id} content={self.content[:40]!r} embeds={len(self.embeds)}>"


class CommandStore:
    """Application commands per scope (``None`` = global), with stable ids across overwrites."""

    def __init__(self, application_id: int) -> None:
        self.application_id = application_id
        self.scopes: dict[int | None, dict[int, dict[str, Any]]] = {}

    def _make(
        self, guild_id: int | None, body: dict[str, Any], command_id: int | None
    ) -> dict[str, Any]:
        data = copy.deepcopy(body)
        data.setdefault("type", 1)
        data.setdefault("description", "")
        data.setdefault("options", [])
        dmp = data.get("default_member_permissions")
        data["default_member_permissions"] = None if dmp is None else str(dmp)
        data.update(id=str(command_id or snowflake()), application_id=str(self.application_id))
        data["version"] = str(snowflake())
        if guild_id is not None:
            data["guild_id"] = str(guild_id)
        return data

    def of(self, guild_id: int | None) -> list[dict[str, Any]]:
        return list(self.scopes.get(guild_id, {}).values())

    def overwrite(self, guild_id: int | None, bodies: list[dict[str, Any]]) -> list[dict[str, Any]]:
        old = {(c["name"], c["type"]): int(c["id"]) for c in self.of(guild_id)}
        made = [self._make(guild_id, b, old.get((b["name"], b.get("type", 1)))) for b in bodies]
        self.scopes[guild_id] = {int(c["id"]): c for c in made}
        return made

    def upsert(self, guild_id: int | None, body: dict[str, Any]) -> tuple[dict[str, Any], bool]:
        old = {(c["name"], c["type"]): int(c["id"]) for c in self.of(guild_id)}
        existing = old.get((body["name"], body.get("type", 1)))
        data = self._make(guild_id, body, existing)
        self.scopes.setdefault(guild_id, {})[int(data["id"])] = data
        return data, existing is None

    def get(self, guild_id: int | None, command_id: int) -> dict[str, Any] | None:
        return self.scopes.get(guild_id, {}).get(command_id)

    def find(self, name: str, guild_id: int | None, type_: int = 1) -> dict[str, Any] | None:
        for scope in (guild_id, None) if guild_id is not None else (None,):
            for command in self.of(scope):
                if command["name"] == name and command["type"] == type_:
                    return command
        return None


@dataclass
class InteractionRecord:
    id: int
    token: str
    type: int  # 2 command, 3 component, 4 autocomplete, 5 modal submit
    name: str
    payload: dict[str, Any]
    guild: Guild | None
    channel_id: int
    source_message: Message | None = None
    callback: dict[str, Any] | None = None
    original: Message | None = None
    followups: list[Message] = field(default_factory=list)
    answer: Message | None = None  # the visible answer once it is final

    @property
    def callback_type(self) -> int | None:
        return None if self.callback is None else int(self.callback["type"])
