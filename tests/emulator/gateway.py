"""The gateway: a websocket speaking Discord's v10 protocol the way discord.py expects it.

HELLO -> (heartbeat/ACK) -> IDENTIFY -> READY (guilds unavailable) -> GUILD_CREATE per guild of
the shard. With ``compress=zlib-stream`` in the query string every frame is one shared zlib
stream, each message flushed with Z_SYNC_FLUSH (discord.py buffers until the 00 00 ff ff
suffix). Sessions outlive their socket: events dispatched while the bot is away are kept and
replayed on RESUME (op 6), followed by RESUMED; an unknown session gets INVALID_SESSION (op 9).
"""

from __future__ import annotations

import asyncio
import json
import secrets
import zlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from aiohttp import WSMsgType, web

if TYPE_CHECKING:
    from tests.emulator.server import DiscordEmulator

DISPATCH, HEARTBEAT, IDENTIFY, PRESENCE, VOICE = 0, 1, 2, 3, 4
RESUME, RECONNECT, REQUEST_MEMBERS, INVALID_SESSION, HELLO, HEARTBEAT_ACK = 6, 7, 8, 9, 10, 11
GUILDS, GUILD_MEMBERS, GUILD_PRESENCES, MESSAGE_CONTENT = 1 << 0, 1 << 1, 1 << 8, 1 << 15
PRIVILEGED = GUILD_MEMBERS | GUILD_PRESENCES | MESSAGE_CONTENT
MAX_BUFFER = 10_000


@dataclass
class Connection:
    ws: web.WebSocketResponse
    request: web.Request
    compressor: Any  # zlib compressobj or None
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    session: Session | None = None
    closed_by_server: bool = False

    async def close(self, code: int, message: bytes = b"") -> None:
        self.closed_by_server = True
        await self.ws.close(code=code, message=message)

    async def send(self, payload: dict[str, Any]) -> bool:
        return await self.send_many([payload])

    async def send_many(self, payloads: list[dict[str, Any]]) -> bool:
        """Send in order; the lock keeps compression and frame order in step."""
        async with self.lock:
            for payload in payloads:
                if self.ws.closed:
                    return False
                text = json.dumps(payload, separators=(",", ":"), ensure_ascii=False)
                try:
                    if self.compressor is None:
                        await self.ws.send_str(text)
                    else:
                        data = self.compressor.compress(text.encode())
                        await self.ws.send_bytes(data + self.compressor.flush(zlib.Z_SYNC_FLUSH))
                except (ConnectionError, RuntimeError):
                    return False
        return True


@dataclass
class Session:
    id: str
    shard: tuple[int, int]
    intents: int
    seq: int = 0
    buffer: list[dict[str, Any]] = field(default_factory=list)
    conn: Connection | None = None
    ready: bool = False

    def owns(self, guild_id: int) -> bool:
        return (guild_id >> 22) % self.shard[1] == self.shard[0]

    async def dispatch(self, event: str, data: Any) -> None:
        self.seq += 1
        payload = {"op": DISPATCH, "t": event, "s": self.seq, "d": data}
        self.buffer.append(payload)
        del self.buffer[:-MAX_BUFFER]
        if self.conn is not None:
            await self.conn.send(payload)


class Gateway:
    def __init__(self, emu: DiscordEmulator) -> None:
        self.emu = emu
        self.sessions: dict[str, Session] = {}
        self.connections: list[Connection] = []
        self.received: list[dict[str, Any]] = []  # every op the bot sent, heartbeats included
        self.identifies: list[dict[str, Any]] = []
        self.resumes: list[dict[str, Any]] = []
        self.connects: list[str] = []  # path and query string of every websocket connection
        self.heartbeat_interval_ms = 41_250

    # --- the websocket handler ------------------------------------------------------------
    async def handle(self, request: web.Request) -> web.StreamResponse:
        ws = web.WebSocketResponse(max_msg_size=0)
        await ws.prepare(request)
        self.connects.append(request.path_qs)
        query = request.query
        compress = query.get("compress")
        for key, want in (("v", "10"), ("encoding", "json")):
            if query.get(key) != want:
                self.emu.violation(
                    "gateway", "WS", request.path_qs, f"{key}={query.get(key)!r}, expected {want}"
                )
        if compress not in (None, "zlib-stream"):
            self.emu.violation(
                "gateway", "WS", request.path_qs, f"unsupported compress={compress!r}"
            )
        conn = Connection(ws, request, zlib.compressobj() if compress == "zlib-stream" else None)
        self.connections.append(conn)
        try:
            await conn.send(
                {
                    "op": HELLO,
                    "d": {"heartbeat_interval": self.heartbeat_interval_ms, "_trace": ["emulator"]},
                    "s": None,
                    "t": None,
                }
            )
            async for msg in ws:
                if msg.type is not WSMsgType.TEXT:
                    continue
                try:
                    payload = json.loads(msg.data)
                except ValueError:
                    await conn.close(4002, b"Error while decoding payload.")
                    break
                self.received.append(payload)
                await self._on_payload(conn, payload)
                self.emu.signal.fire()
        finally:
            self.connections.remove(conn)
            session = conn.session
            if session is not None and session.conn is conn:
                session.conn = None
                if ws.close_code in (1000, 1001) and not conn.closed_by_server:
                    # the bot closing cleanly ends its session, as on Discord
                    self.sessions.pop(session.id, None)
            self.emu.signal.fire()
        return ws

    async def _on_payload(self, conn: Connection, payload: dict[str, Any]) -> None:
        op, data = payload.get("op"), payload.get("d")
        if op == HEARTBEAT:
            await conn.send({"op": HEARTBEAT_ACK, "d": None, "s": None, "t": None})
        elif op == IDENTIFY:
            await self._identify(conn, data or {})
        elif op == RESUME:
            await self._resume(conn, data or {})
        elif conn.session is None:
            await conn.close(4003, b"Not authenticated.")
        elif op == REQUEST_MEMBERS:
            await self._members_chunk(conn.session, data or {})
        elif op not in (PRESENCE, VOICE):
            self.emu.violation("gateway", "WS", f"op {op}", "unknown opcode")
            await conn.close(4001, b"Unknown opcode.")

    async def _identify(self, conn: Connection, data: dict[str, Any]) -> None:
        self.identifies.append(data)
        if conn.session is not None:
            await conn.close(4005, b"Already authenticated.")
            return
        if data.get("token") != self.emu.token:
            await conn.close(4004, b"Authentication failed.")
            return
        intents = data.get("intents")
        if not isinstance(intents, int):
            await conn.close(4013, b"Invalid intent(s).")
            return
        if intents & PRIVILEGED and not self.emu.allow_privileged_intents:
            await conn.close(4014, b"Disallowed intent(s).")
            return
        shard = tuple(data.get("shard") or (0, 1))
        if len(shard) != 2 or not 0 <= shard[0] < shard[1]:
            await conn.close(4010, b"Invalid shard.")
            return
        session = Session(secrets.token_hex(16), (int(shard[0]), int(shard[1])), intents, conn=conn)
        conn.session = session
        self.sessions[session.id] = session
        world = self.emu.world
        guilds = [g for g in world.guilds.values() if session.owns(g.id)]
        ready: dict[str, Any] = {
            "v": 10,
            "user": world.bot_user_payload(),
            "guilds": [{"id": str(g.id), "unavailable": True} for g in guilds],
            "session_id": session.id,
            "session_type": "normal",
            "resume_gateway_url": self.emu.resume_url,
            "application": {"id": str(world.application_id), "flags": 0},
            "private_channels": [],
            "relationships": [],
            "presences": [],
            "guild_join_requests": [],
            "geo_ordered_rtc_regions": ["emulator"],
            "user_settings": {},
            "_trace": ["emulator"],
        }
        if data.get("shard") is not None:
            ready["shard"] = list(session.shard)
        await session.dispatch("READY", ready)
        if intents & GUILDS:
            for guild in guilds:
                await session.dispatch("GUILD_CREATE", guild.payload())
        session.ready = True

    async def _resume(self, conn: Connection, data: dict[str, Any]) -> None:
        self.resumes.append(data)
        session = self.sessions.get(str(data.get("session_id")))
        seq = data.get("seq")
        oldest = session.buffer[0]["s"] if session and session.buffer else 1
        if (
            session is None
            or data.get("token") != self.emu.token
            or not isinstance(seq, int)
            or seq < oldest - 1
        ):
            await conn.send({"op": INVALID_SESSION, "d": False, "s": None, "t": None})
            return
        if session.conn is not None and session.conn is not conn:
            await session.conn.close(4000)
        conn.session = session
        replay = [p for p in session.buffer if p["s"] > seq]
        session.conn = conn  # from here new events queue behind the replay on the lock
        await conn.send_many(replay)
        await session.dispatch("RESUMED", {"_trace": ["emulator"]})

    async def _members_chunk(self, session: Session, data: dict[str, Any]) -> None:
        ids = data.get("guild_id")
        for guild_id in ids if isinstance(ids, list) else [ids]:
            guild = self.emu.world.guilds.get(int(guild_id or 0))
            if guild is None:
                continue
            query = str(data.get("query") or "").lower()
            wanted = {int(u) for u in data.get("user_ids") or []}
            members = [
                m
                for m in guild.members.values()
                if (m.id in wanted) or (not wanted and m.user.username.lower().startswith(query))
            ]
            chunk = {
                "guild_id": str(guild.id),
                "members": [m.payload() for m in members],
                "chunk_index": 0,
                "chunk_count": 1,
                "not_found": [],
                "nonce": data.get("nonce"),
            }
            await session.dispatch("GUILD_MEMBERS_CHUNK", chunk)

    # --- used by the emulator ---------------------------------------------------------------
    def session_for(self, guild_id: int) -> Session | None:
        """The newest ready session that owns the guild, one with a live socket first (a
        process killed outright leaves its session behind, waiting for a RESUME)."""
        owners = [s for s in self.sessions.values() if s.ready and s.owns(guild_id)]
        live = [s for s in owners if s.conn is not None]
        return (live or owners)[-1] if owners else None

    def session_of_shard(self, shard_id: int) -> Session | None:
        """The newest ready session running shard `shard_id` (of any shard count), a live one
        first: for events Discord would route there whatever guild they concern."""
        found = [s for s in self.sessions.values() if s.ready and s.shard[0] == shard_id]
        live = [s for s in found if s.conn is not None]
        return (live or found)[-1] if found else None

    async def dispatch_guild(
        self, guild_id: int, event: str, data: Any, *, intent: int = GUILDS
    ) -> None:
        for session in list(self.sessions.values()):
            if session.ready and session.owns(guild_id) and session.intents & intent:
                await session.dispatch(event, data)

    async def drop(self, code: int | None = None) -> None:
        """Close every live socket: abruptly (no close frame) when ``code`` is None."""
        for conn in list(self.connections):
            conn.closed_by_server = True
            if code is None:
                transport = conn.request.transport
                if transport is not None:
                    transport.abort()
            else:
                await conn.close(code=code)

    async def send_op(self, op: int, data: Any) -> None:
        for conn in list(self.connections):
            await conn.send({"op": op, "d": data, "s": None, "t": None})

    async def close_all(self) -> None:
        for conn in list(self.connections):
            await conn.close(1001)
