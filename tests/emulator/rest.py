"""The REST side: one catch-all aiohttp handler that records, validates, injects faults and
dispatches to the handlers registered with ``@route(method, spec_template)``.

Responses mimic Discord where discord.py looks: JSON bodies carry ``Content-Type:
application/json`` exactly (discord.py compares the header verbatim, so no charset), every
answer has X-RateLimit-* headers with plenty remaining, errors have Discord's shape
``{"message", "code"[, "errors"]}``, and a retryable 429 carries ``Via`` and
``{"message", "retry_after", "global"}``.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from aiohttp import BodyPartReader, web

from tests.emulator.faults import Fault
from tests.emulator.records import RequestRecord

if TYPE_CHECKING:
    from tests.emulator.server import DiscordEmulator

API_VERSION = "10"


class ApiError(Exception):
    def __init__(self, status: int, code: int, message: str, errors: dict[str, Any] | None = None):
        super().__init__(message)
        self.status, self.code, self.message, self.errors = status, code, message, errors

    def body(self) -> dict[str, Any]:
        data: dict[str, Any] = {"message": self.message, "code": self.code}
        if self.errors:
            data["errors"] = self.errors
        return data


@dataclass
class FilePart:
    name: str
    filename: str | None
    content_type: str | None
    data: bytes


@dataclass
class Call:
    method: str
    path: str
    template: str
    params: dict[str, str]
    query: dict[str, str]
    body: Any
    files: list[FilePart] = field(default_factory=list)

    def id(self, name: str) -> int:
        try:
            return int(self.params[name])
        except ValueError:
            raise ApiError(404, 0, "404: Not Found") from None


@dataclass
class Reply:
    body: Any = None  # None -> 204 No Content
    status: int = 200


Handler = Callable[["DiscordEmulator", Call], Awaitable[Any]]
ROUTES: dict[tuple[str, str], Handler] = {}


def route(method: str, template: str) -> Callable[[Handler], Handler]:
    def register(handler: Handler) -> Handler:
        ROUTES[(method, template)] = handler
        return handler

    return register


def json_response(status: int, body: Any, headers: dict[str, str] | None = None) -> web.Response:
    raw = json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode()
    return web.Response(
        status=status, body=raw, headers={**(headers or {}), "Content-Type": "application/json"}
    )


def ratelimit_headers(
    template: str | None, remaining: int = 49, reset_after: float = 1.0
) -> dict[str, str]:
    bucket = hashlib.md5((template or "?").encode(), usedforsecurity=False).hexdigest()[:16]
    return {
        "X-RateLimit-Limit": "50",
        "X-RateLimit-Remaining": str(remaining),
        "X-RateLimit-Reset": f"{time.time() + reset_after:.3f}",
        "X-RateLimit-Reset-After": f"{reset_after:.3f}",
        "X-RateLimit-Bucket": bucket,
    }


def fault_response(fault: Fault, template: str | None) -> web.Response:
    if fault.status == 429:
        headers = ratelimit_headers(template, remaining=0, reset_after=fault.retry_after)
        headers.update(
            {"Retry-After": str(max(1, round(fault.retry_after))), "X-RateLimit-Scope": "user"}
        )
        if fault.via:
            headers["Via"] = "1.1 google"
        if fault.global_:
            headers["X-RateLimit-Global"] = "true"
        body = {
            "message": "You are being rate limited.",
            "retry_after": fault.retry_after,
            "global": fault.global_,
        }
        return json_response(429, body, headers)
    return json_response(
        fault.status, {"message": f"{fault.status}: Internal Server Error", "code": 0}
    )


async def _read_body(request: web.Request) -> tuple[Any, list[FilePart], str | None]:
    content_type = request.content_type if request.body_exists else None
    if content_type == "multipart/form-data":
        payload: Any = None
        files: list[FilePart] = []
        reader = await request.multipart()
        async for part in reader:
            if not isinstance(part, BodyPartReader):
                continue
            data = await part.read()
            if part.name == "payload_json":
                payload = json.loads(data)
            else:
                ctype = part.headers.get("Content-Type")
                files.append(FilePart(part.name or "", part.filename, ctype, bytes(data)))
        return payload, files, content_type
    raw = await request.read()
    if not raw:
        return None, [], None
    return json.loads(raw), [], content_type


def build_app(emu: DiscordEmulator) -> web.Application:
    # Import the handler modules so their @route decorators run.
    from tests.emulator import routes_app, routes_interactions, routes_messages  # noqa: F401

    async def handle(request: web.Request) -> web.StreamResponse:
        method = request.method
        path = "/" + request.match_info["tail"]
        query = dict(request.query)
        if request.match_info["version"] != API_VERSION:
            emu.violation(
                "version", method, path, f"API v{request.match_info['version']}, expected v10"
            )
        try:
            body, files, content_type = await _read_body(request)
        except ValueError as exc:
            emu.violation("body", method, path, f"invalid JSON: {exc}")
            return json_response(
                400, {"message": "The request body contains invalid JSON.", "code": 50109}
            )
        match = emu.spec.match(method, path)
        record = RequestRecord(method, path, match.template if match else None, query, body)
        emu.requests.append(record)
        try:
            response = await _respond(emu, request, record, match, content_type, files)
        finally:
            emu.signal.fire()
        record.status = response.status
        return response

    app = web.Application(client_max_size=64 * 1024 * 1024)
    app.router.add_route("*", r"/api/v{version:\d+}/{tail:.*}", handle)
    return app


async def _respond(
    emu: DiscordEmulator,
    request: web.Request,
    record: RequestRecord,
    match: Any,
    content_type: Any,
    files: Any,
) -> web.Response:
    method, path = record.method, record.path
    if match is None:
        emu.violation(
            "unknown-route", method, path, "no such path and method in Discord's OpenAPI spec"
        )
        return json_response(404, {"message": "404: Not Found", "code": 0})
    for kind, detail in emu.spec.check(match, method, record.query, content_type, record.body):
        emu.violation(kind, method, path, detail)
    security = match.operation.get("security") or [{}]
    if {} not in security and request.headers.get("Authorization") != f"Bot {emu.token}":
        return json_response(401, {"message": "401: Unauthorized", "code": 0})
    fault = emu.faults.take(method, match.template, path)
    if fault is not None and not fault.lose:
        record.fault = True
        return fault_response(fault, match.template)
    handler = ROUTES.get((method, match.template))
    if handler is None:
        emu.violation(
            "unimplemented", method, path, f"{match.template} is in the spec but not emulated"
        )
        return json_response(404, {"message": "404: Not Found", "code": 0})
    call = Call(method, path, match.template, match.params, record.query, record.body, files)
    headers = ratelimit_headers(match.template)
    try:
        result = await handler(emu, call)
    except ApiError as exc:
        return json_response(exc.status, exc.body(), headers)
    for hook in list(emu.answer_hooks):  # done; the client has not heard of it yet
        if hook(record):
            emu.answer_hooks.remove(hook)
    if fault is not None:  # done, but the client never hears of it
        record.fault = True
        return fault_response(fault, match.template)
    reply = result if isinstance(result, Reply) else Reply(result)
    if reply.body is None:
        return web.Response(status=204, headers=headers)
    return json_response(reply.status, reply.body, headers)
