"""Shard processes under a test's hand: real `minimax-bot run` subprocesses (through
tests/shards/process.py) against the emulator in the test's process, one PostgreSQL state,
each process with its own corpus file, all on one clock the test moves.

    fleet = Fleet(emulator, tmp_path, indexed_seeds_db, postgres_url, START)
    first = await fleet.start((0,), 2)
    await fleet.run_at(NINE)            # move the clock; every live process passes once
    fleet.kill(first)                   # SIGKILL
    await fleet.close()                 # SIGTERM what is left

The clock only moves when every live process has finished a pass at the current instant, so
"the owner was up at T" is exact: the process traced a whole pass that began at T.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import signal
import sys
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

from tests.emulator import DiscordEmulator
from tests.shards.process import CLOCK_VARIABLE, TRACE_VARIABLE

REPO = Path(__file__).resolve().parents[2]
START_SECONDS = 90.0  # to start and finish a first pass: generous on a loaded 2-core machine
PASS_SECONDS = 30.0
POLL_SECONDS = 0.005


def shard_of(guild_id: int, count: int) -> int:
    return (guild_id >> 22) % count


@dataclass
class Pass:
    at: datetime
    next: datetime | None


@dataclass
class ShardProcess:
    """One incarnation of a shard process: from its start to its exit or kill."""

    name: str
    shard_ids: tuple[int, ...]
    shard_count: int
    folder: Path
    trace_path: Path
    log_path: Path
    log: IO[bytes]
    process: asyncio.subprocess.Process
    started_at: datetime
    passes: list[Pass] = field(default_factory=list)
    posts: list[tuple[int, date]] = field(default_factory=list)  # attempts, before the send
    results: Counter[str] = field(default_factory=Counter)  # "posted", "skipped" (claim lost)...
    ready: bool = False
    killed: bool = False
    stopped: bool = False
    _offset: int = 0

    @property
    def alive(self) -> bool:
        """Running, and not sent a SIGKILL (which asyncio may not have reaped yet)."""
        return self.process.returncode is None and not self.killed

    def owns(self, guild_id: int) -> bool:
        return shard_of(guild_id, self.shard_count) in self.shard_ids

    def read_trace(self) -> None:
        try:
            with self.trace_path.open("rb") as file:
                file.seek(self._offset)
                data = file.read()
        except FileNotFoundError:
            return
        complete = data[: data.rfind(b"\n") + 1]
        self._offset += len(complete)
        for line in complete.decode("utf-8").splitlines():
            self._record(json.loads(line))

    def _record(self, entry: dict[str, Any]) -> None:
        event = entry["event"]
        if event == "ready":
            self.ready = True
        elif event == "pass":
            wake = entry["next"]
            self.passes.append(
                Pass(datetime.fromisoformat(entry["at"]), wake and datetime.fromisoformat(wake))
            )
        elif event == "post":
            self.posts.append((int(entry["guild"]), date.fromisoformat(entry["date"])))
        elif event == "posted":
            self.results[entry["result"]] += 1

    def passed_at(self, instant: datetime) -> bool:
        return bool(self.passes) and self.passes[-1].at >= instant

    def log_text(self) -> str:
        """What this incarnation logged (stdout and stderr)."""
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def log_tail(self, lines: int = 30) -> str:
        return "\n".join(self.log_text().splitlines()[-lines:])


class Fleet:
    def __init__(
        self,
        emulator: DiscordEmulator,
        root: Path,
        corpus: Path,
        database_url: str,
        now: datetime,
        *,
        dev_guild: int | None = None,
    ) -> None:
        self.emulator, self.root, self.corpus = emulator, root, corpus
        self.database_url = database_url
        self.dev_guild = dev_guild
        self.clock_path = root / "clock"
        self.now = now
        self.set_clock(now)
        self.processes: list[ShardProcess] = []  # every incarnation, in start order
        self.start_seconds: list[float] = []

    # --- the clock -------------------------------------------------------------------------
    def set_clock(self, instant: datetime) -> None:
        self.now = instant
        fresh = self.clock_path.with_suffix(".new")
        fresh.write_text(instant.isoformat(), encoding="utf-8")
        os.replace(fresh, self.clock_path)

    @property
    def live(self) -> list[ShardProcess]:
        return [p for p in self.processes if p.alive]

    async def run_at(self, instant: datetime) -> None:
        """Move the clock to `instant` and wait until every live process has passed there
        (a process killed meanwhile, say by an emulator hook, is not waited for)."""
        self.set_clock(instant)
        await self.wait_for_passes(self.live, instant, PASS_SECONDS)

    async def wait_for_passes(
        self, processes: Iterable[ShardProcess], instant: datetime, seconds: float
    ) -> None:
        waiting = list(processes)
        deadline = time.monotonic() + seconds
        while True:
            for process in waiting:
                process.read_trace()
                if not (process.alive or process.killed or process.stopped):
                    raise AssertionError(f"{process.name} exited:\n{process.log_tail()}")
            waiting = [p for p in waiting if p.alive and not p.passed_at(instant)]
            if not waiting:
                return
            if time.monotonic() > deadline:
                tails = "\n\n".join(f"{p.name}:\n{p.log_tail()}" for p in waiting)
                raise AssertionError(f"no pass at {instant} within {seconds} s:\n{tails}")
            await asyncio.sleep(POLL_SECONDS)

    # --- processes -------------------------------------------------------------------------
    async def start(self, shard_ids: tuple[int, ...], shard_count: int) -> ShardProcess:
        """Start a process running `shard_ids` of `shard_count`; return once it is ready and
        has finished its first pass at the current instant."""
        (process,) = await self.start_many([(shard_ids, shard_count)])
        return process

    async def start_many(self, shards: list[tuple[tuple[int, ...], int]]) -> list[ShardProcess]:
        """Start several processes together (they take turns to IDENTIFY)."""
        began = time.monotonic()
        started = [self._spawn(ids, count) for ids, count in shards]
        processes = [await process for process in started]
        await self.wait_for_passes(processes, self.now, START_SECONDS)
        self.start_seconds.append(time.monotonic() - began)
        return processes

    async def _spawn(self, shard_ids: tuple[int, ...], shard_count: int) -> ShardProcess:
        name = f"shards-{'-'.join(map(str, shard_ids))}-of-{shard_count}"
        folder = self.root / name
        corpus = folder / "corpus.db"  # each process its own corpus file, as on its own host
        if not corpus.exists():
            folder.mkdir(parents=True)
            (folder / ".env").write_text("", encoding="utf-8")
            shutil.copyfile(self.corpus, corpus)
        incarnation = sum(p.name == name for p in self.processes)
        trace = folder / f"trace-{incarnation}.jsonl"
        log_path = folder / f"run-{incarnation}.log"
        log = log_path.open("wb")
        env = {
            "PATH": os.environ.get("PATH", ""),
            "HOME": str(folder),
            "LANG": "C.UTF-8",
            "SEMANTIC": "off",  # the suite runs lexically (tests/conftest.py)
            "PYTHONPATH": str(REPO),
            "PYTHONUNBUFFERED": "1",
            "LOG_LEVEL": "INFO",
            "DISCORD_TOKEN": self.emulator.token,
            "DISCORD_API_BASE": self.emulator.api_base,
            "DISCORD_GATEWAY_URL": self.emulator.gateway_url,
            "DATABASE_PATH": str(corpus),
            "DATABASE_URL": self.database_url,
            "SHARD_COUNT": str(shard_count),
            "SHARD_IDS": ",".join(map(str, shard_ids)),
            CLOCK_VARIABLE: str(self.clock_path),
            TRACE_VARIABLE: str(trace),
        }
        if self.dev_guild is not None:
            env["DEV_GUILD_ID"] = str(self.dev_guild)
        child = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "tests.shards.process", "run",
            cwd=folder, env=env, stdin=asyncio.subprocess.DEVNULL, stdout=log, stderr=log,
        )  # fmt: skip
        process = ShardProcess(
            name, shard_ids, shard_count, folder, trace, log_path, log, child, self.now
        )
        self.processes.append(process)
        return process

    def kill(self, process: ShardProcess) -> None:
        """SIGKILL: no close, no clean-up, the socket and the database connections cut."""
        if process.alive:
            process.killed = True
            process.process.send_signal(signal.SIGKILL)

    async def stop(self, process: ShardProcess) -> int:
        """SIGTERM, as systemd stops a unit: the exit code."""
        if process.alive:
            process.stopped = True
            process.process.send_signal(signal.SIGTERM)
        code = await asyncio.wait_for(process.process.wait(), 30)
        process.read_trace()
        process.log.close()
        return code

    async def reap(self, process: ShardProcess) -> None:
        await asyncio.wait_for(process.process.wait(), 30)
        process.read_trace()
        process.log.close()

    async def close(self) -> None:
        """SIGTERM every process still running (SIGKILL if it has not exited in 30 s)."""
        for process in self.live:
            process.stopped = True
            process.process.send_signal(signal.SIGTERM)
        for process in self.processes:
            try:
                await self.reap(process)
            except TimeoutError:
                process.process.send_signal(signal.SIGKILL)
                await self.reap(process)
