"""The emulator on its own event loop in a daemon thread, for benchmarks.

In the ``discord_emulator`` fixture the emulator shares the bot's event loop, so process CPU
time counts both. Run it here instead and the bot's cost can be measured on its own with
``time.thread_time()`` in the bot's thread. Every call into the emulator must then run on the
emulator's loop: ``await threaded.run(threaded.emulator.slash(...))``.

    with EmulatorThread() as threaded:            # also points discord.py at it
        ...                                       # start the bot in this thread's loop
        handle = await threaded.run(threaded.emulator.slash("ping", {"text": "x"}))
        reply = await threaded.run(handle.message())
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Coroutine
from types import TracebackType
from typing import Any, TypeVar

from tests.emulator.server import DiscordEmulator

T = TypeVar("T")


class EmulatorThread:
    def __init__(self, **kwargs: Any) -> None:
        self._kwargs = kwargs
        self._loop: asyncio.AbstractEventLoop | None = None
        self._emulator: DiscordEmulator | None = None
        self._thread: threading.Thread | None = None
        self._patch: contextlib.AbstractContextManager[None] | None = None

    @property
    def emulator(self) -> DiscordEmulator:
        assert self._emulator is not None, "EmulatorThread is not started"
        return self._emulator

    def start(self) -> DiscordEmulator:
        started = threading.Event()
        failure: list[BaseException] = []

        def serve() -> None:
            loop = self._loop = asyncio.new_event_loop()
            try:
                self._emulator = DiscordEmulator(**self._kwargs)
                loop.run_until_complete(self._emulator.start())
            except BaseException as exc:
                failure.append(exc)
                started.set()
                loop.close()
                return
            started.set()
            loop.run_forever()
            loop.run_until_complete(self._emulator.stop())
            loop.close()

        self._thread = threading.Thread(target=serve, name="discord-emulator", daemon=True)
        self._thread.start()
        started.wait(10)
        if failure:
            raise failure[0]
        return self.emulator

    def call(self, coro: Coroutine[Any, Any, T], timeout: float = 30.0) -> T:
        """Run ``coro`` on the emulator's loop and block for its result (from another thread)."""
        assert self._loop is not None
        return asyncio.run_coroutine_threadsafe(coro, self._loop).result(timeout)

    async def run(self, coro: Coroutine[Any, Any, T]) -> T:
        """Run ``coro`` on the emulator's loop and await its result from the caller's loop."""
        assert self._loop is not None
        return await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(coro, self._loop))

    def stop(self) -> None:
        if self._loop is not None and self._thread is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(10)
            self._thread = None

    def __enter__(self) -> EmulatorThread:
        self.start()
        self._patch = self.emulator.patch_discord()
        self._patch.__enter__()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._patch is not None:
            self._patch.__exit__(kind, exc, tb)
        self.stop()
