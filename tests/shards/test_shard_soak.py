"""Soak across processes: simulated days × guilds served by real `run` processes that share one
PostgreSQL, with random SIGKILLs of either process (some exactly between a post's send and
its ledger write) and graceful stops, lost responses, and halfway a reshard from 2 processes
(SHARD_COUNT=2) to 3 (SHARD_COUNT=3), rolled out while the old ones still run. Everyday runs
a few days; `MINIMAX_BOT_PROFILE=full` runs 60 days × 20 guilds. Run with `-s` for the figures.

The days pass on the processes' injected clock (tests/shards/process.py): the test moves it
from one instant that matters to the next (every scheduled post, every retry a process asks
for, every kill, start and the reshard), and only once every live process has finished a pass
at the current instant. The processes, their kills and their restarts are real; a restart
costs seconds of real time and no simulated time.

"Missed while the owner was up": a (guild, local date) for which a process owning the guild
finished a pass at or after the scheduled instant and before the local day ended, and yet no
message exists. "Duplicate": two messages for one (guild, local date).
"""

from __future__ import annotations

import asyncio
import heapq
import os
import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from time import monotonic
from zoneinfo import ZoneInfo

import pytest

from bot.daily.ledger import NONCE_WINDOW, parse_nonce
from bot.daily.schedule import local_instant
from bot.state.postgres import PostgresState
from bot.state.url import PostgresUrl
from tests.daily.harness import POST, daily_posts, posts_per_day
from tests.e2e.test_daily_soak import DOWNTIMES, START, TIMES, ZONES, Sub, local_days
from tests.emulator import DiscordEmulator, RequestRecord
from tests.shards.fleet import Fleet, ShardProcess, shard_of
from tests.state.engines import Engine, postgres_skip_reason

pytestmark = pytest.mark.skipif(
    postgres_skip_reason() is not None, reason=postgres_skip_reason() or ""
)

FULL = os.environ.get("MINIMAX_BOT_PROFILE", "default") == "full"
DAYS, GUILDS = (60, 20) if FULL else (3, 6)
RESHARD_DAY = DAYS // 2
SEED = int(os.environ.get("MINIMAX_BOT_SOAK_SEED", "20260301"))
OUTAGE_CHANCE, LOST_RESPONSE_CHANCE = 0.4, 0.04
# What an outage is: SIGKILL as the next post is sent, SIGKILL now, or SIGTERM (a deploy)
OUTAGES = ("kill at send", "kill at send", "kill now", "stop")
BEFORE, AFTER = 2, 3  # processes before and after the reshard, one shard each
RESHARD_AFTER = NONCE_WINDOW + timedelta(minutes=1)  # Discord no longer dedups the nonce
OVERLAP = timedelta(hours=6)  # old and new processes both running


@dataclass
class Slot:
    """One deployed process: its shards, and its current incarnation (None while down)."""

    shard_ids: tuple[int, ...]
    shard_count: int
    process: ShardProcess | None = None
    restart_at: datetime | None = None

    def owns(self, guild_id: int) -> bool:
        return shard_of(guild_id, self.shard_count) in self.shard_ids


@dataclass
class Soak:
    emu: DiscordEmulator
    fleet: Fleet
    subs: list[Sub]
    end: datetime
    rng: random.Random
    slots: list[Slot] = field(default_factory=list)
    events: list[tuple[datetime, int, str, int]] = field(default_factory=list)  # (.., arg)
    stamped: dict[int, datetime] = field(default_factory=dict)  # message id -> clock
    outages: Counter[str] = field(default_factory=Counter)
    armed: list[object] = field(default_factory=list)  # emulator hooks waiting to kill
    retiring: list[ShardProcess] = field(default_factory=list)  # the old ones, at the reshard
    resharding: bool = False  # from the reshard's start to the new processes' start
    last_instant: datetime = START
    steps: int = 0  # instants the clock was moved to
    rolled_out: list[ShardProcess] = field(default_factory=list)  # the reshard's new ones
    _order: int = 0
    _ticks: set[datetime] = field(default_factory=set)

    def push(self, instant: datetime, kind: str, arg: int = -1) -> None:
        """`arg`: the slot to start; the outage to force (an index of OUTAGES); the
        subscription whose post the reshard is timed by."""
        if instant >= self.end or (kind == "tick" and instant in self._ticks):
            return
        if kind == "tick":
            self._ticks.add(instant)
        self._order += 1
        heapq.heappush(self.events, (instant, self._order, kind, arg))

    def forget_old_nonces(self, instant: datetime) -> None:
        """Discord remembers a nonce for a few minutes (we assume NONCE_WINDOW at least)."""
        if instant - self.last_instant >= NONCE_WINDOW:
            self.emu.forget_nonces()
        self.last_instant = instant

    # --- steps -----------------------------------------------------------------------------
    async def tick(self, instant: datetime) -> None:
        self.steps += 1
        self.forget_old_nonces(instant)
        if self.rng.random() < LOST_RESPONSE_CHANCE:
            self.emu.lose_next_response(1, route=POST)
        if self.fleet.live:
            await self.fleet.run_at(instant)
        else:
            self.fleet.set_clock(instant)
        self.after_step(instant)

    def after_step(self, instant: datetime) -> None:
        for message in daily_posts(self.emu):
            self.stamped.setdefault(message.id, instant)
        for number, slot in enumerate(self.slots):
            process = slot.process
            if process is None:
                continue
            if not process.alive:  # killed as it sent a post, during the step
                self.down(number, instant)
            elif process.passes and (wake := process.passes[-1].next) and wake > instant:
                self.push(wake, "tick")  # a retry, or the next post

    def down(self, number: int, instant: datetime) -> None:
        slot = self.slots[number]
        slot.process = None
        if not self.resharding:  # else the new processes take over
            slot.restart_at = instant + self.rng.choice(DOWNTIMES)
            self.push(slot.restart_at, "start", number)

    async def start(self, instant: datetime, number: int) -> None:
        slot = self.slots[number]
        if slot.process is not None or slot.restart_at != instant:
            return  # a restart planned before the reshard, or already up
        self.forget_old_nonces(instant)
        self.fleet.set_clock(instant)
        slot.restart_at = None
        slot.process = await self.fleet.start(slot.shard_ids, slot.shard_count)
        await self.tick(instant)

    async def outage(self, instant: datetime, forced: int) -> None:
        up = [n for n, slot in enumerate(self.slots) if slot.process is not None]
        if not up:
            return
        number = self.rng.choice(up)
        victim = self.slots[number].process
        assert victim is not None
        kind = OUTAGES[forced] if forced >= 0 else self.rng.choice(OUTAGES)
        self.outages[kind] += 1
        if kind == "kill at send":
            self.arm(victim)
            return
        self.fleet.set_clock(instant)
        if kind == "kill now":  # anywhere: idle, or inside the pass this instant starts
            await asyncio.sleep(self.rng.uniform(0, 0.03))
            self.fleet.kill(victim)
            await self.fleet.reap(victim)
        else:
            await self.fleet.stop(victim)
        self.down(number, instant)
        await self.tick(instant)

    def arm(self, victim: ShardProcess) -> None:
        """SIGKILL `victim` once Discord has created its next daily post, before the answer
        reaches it: the process dies between the send and the ledger write."""

        def kill(record: RequestRecord) -> bool:
            if not victim.alive:
                return True  # gone some other way meanwhile
            if record.method != "POST" or not isinstance(record.body, dict):
                return False
            key = parse_nonce(str(record.body.get("nonce") or ""))
            if key is None or not victim.owns(key[0]):
                return False
            self.fleet.kill(victim)
            self.outages["killed between send and ledger"] += 1
            return True

        self.emu.before_answer(kill)
        self.armed.append(kill)

    def disarm(self) -> None:
        for hook in self.armed:
            if hook in self.emu.answer_hooks:
                self.emu.answer_hooks.remove(hook)  # type: ignore[arg-type]
        self.armed.clear()

    async def reshard(self, instant: datetime, sub: int) -> None:
        """A second before `sub`'s post is due: its owner among the old processes (started
        now if it was down) is set to die as it sends that post, leaving its claim in doubt
        for the guild's owner among the new processes, which start RESHARD_AFTER later (past
        the nonce window) while the old ones still run, and run beside them for OVERLAP (a
        rolling deploy: two owners for some guilds) before the old ones stop."""
        self.disarm()
        guild_id = self.subs[sub].guild_id
        (number,) = [n for n, slot in enumerate(self.slots) if slot.owns(guild_id)]
        slot = self.slots[number]
        if slot.process is None:
            slot.restart_at = instant
            await self.start(instant, number)
        assert slot.process is not None
        self.arm(slot.process)
        self.resharding = True
        self.push(instant + RESHARD_AFTER, "roll out")
        self.push(instant + RESHARD_AFTER + OVERLAP, "retire")

    async def roll_out(self, instant: datetime) -> None:
        self.disarm()
        self.forget_old_nonces(instant)
        self.fleet.set_clock(instant)
        self.retiring = [slot.process for slot in self.slots if slot.process is not None]
        self.slots = [Slot((n,), AFTER) for n in range(AFTER)]
        self.resharding = False
        started = await self.fleet.start_many([((n,), AFTER) for n in range(AFTER)])
        for slot, process in zip(self.slots, started, strict=True):
            slot.process = process
        self.rolled_out = started
        await self.tick(instant)

    async def retire(self, instant: datetime) -> None:
        self.fleet.set_clock(instant)
        for process in self.retiring:
            await self.fleet.stop(process)
        self.retiring = []

    async def run(self) -> None:
        for sub in self.subs:
            for _, scheduled, _ in local_days(sub, self.end):
                self.push(scheduled, "tick")
        halfway = START + timedelta(days=RESHARD_DAY)
        due, sub = min(
            (scheduled, n)
            for n, sub in enumerate(self.subs)
            for _, scheduled, _ in local_days(sub, self.end)
            if scheduled >= halfway
        )
        self.push(due - timedelta(seconds=1), "reshard", sub)
        # Whatever the seed: a kill at the first post (before the reshard); in the full run,
        # a kill at a random moment on day 2 too
        self.push(START + timedelta(minutes=1), "outage", OUTAGES.index("kill at send"))
        if FULL:
            self.push(START + timedelta(days=2, hours=13), "outage", OUTAGES.index("kill now"))
        for n in range(DAYS):
            if self.rng.random() < OUTAGE_CHANCE:
                self.push(START + timedelta(days=n, seconds=self.rng.randrange(86_400)), "outage")
        self.slots = [Slot((n,), BEFORE) for n in range(BEFORE)]
        started = await self.fleet.start_many([((n,), BEFORE) for n in range(BEFORE)])
        for slot, process in zip(self.slots, started, strict=True):
            slot.process = process
        self.after_step(START)
        while self.events:
            instant, _, kind, arg = heapq.heappop(self.events)
            if kind == "tick":
                await self.tick(instant)
            elif kind == "start":
                await self.start(instant, arg)
            elif kind == "outage":
                await self.outage(instant, arg)
            elif kind == "reshard":
                await self.reshard(instant, arg)
            elif kind == "roll out":
                await self.roll_out(instant)
            elif kind == "retire":
                await self.retire(instant)


def spread_guilds(emu: DiscordEmulator, count: int) -> list[int]:
    """Guild ids one after another in their timestamp, so they fall on every shard of 2 and 3."""
    base = (emu.world.guild.id >> 22) - 100_000
    return [
        emu.world.add_guild(f"Soak {n}", guild_id=((base + n) << 22) | 1).id for n in range(count)
    ]


async def test_soak_across_processes_with_kills_and_a_reshard(
    discord_emulator: DiscordEmulator, indexed_seeds_db: Path, postgres: Engine, tmp_path: Path
) -> None:
    began = monotonic()
    emu, rng = discord_emulator, random.Random(SEED)
    subs = []
    for guild_id in spread_guilds(emu, GUILDS):
        channel = emu.world.guilds[guild_id].channel("general")
        subs.append(Sub(guild_id, channel.id, rng.choice(TIMES), ZoneInfo(rng.choice(ZONES))))
    async with await PostgresState.open(PostgresUrl(postgres.location)) as state:
        for sub in subs:
            await state.daily_subscribe(sub.guild_id, sub.channel_id, sub.at, sub.zone.key, START)
    end = START + timedelta(days=DAYS)
    fleet = Fleet(emu, tmp_path, indexed_seeds_db, postgres.location, START)
    soak = Soak(emu, fleet, subs, end, rng)
    try:
        await soak.run()
    finally:
        await fleet.close()

    counts = posts_per_day(emu)
    duplicates = sum(n - 1 for n in counts.values())
    processes = fleet.processes
    missed, late, strangers, owed = [], [], [], 0
    for sub in subs:
        for day, scheduled, ends in local_days(sub, end):
            owners = [p for p in processes if p.owns(sub.guild_id)]
            up = any(scheduled <= p.at < ends for owner in owners for p in owner.passes)
            owed += up
            if up and counts[(sub.guild_id, day)] == 0:
                missed.append((sub.guild_id, day))
    for message in daily_posts(emu):
        guild_id, day = parse_nonce(str(message.data["nonce"])) or (0, date.min)
        sub = next(s for s in subs if s.guild_id == guild_id)
        when = soak.stamped[message.id]
        if not local_instant(day, sub.at, sub.zone) <= when < day_end(day, sub.zone):
            late.append((guild_id, day, when))
    for process in processes:
        strangers += [key for key in process.posts if not process.owns(key[0])]
    kills = sum(p.killed for p in processes)
    # a claim in doubt (say its process died as it sent), found posted by a later pass
    found = sum(p.log_text().count(" found: ") for p in processes)
    inherited = [p for p in soak.rolled_out if " found: " in p.log_text()]
    results = sum((p.results for p in processes), Counter[str]())
    seconds, starting = monotonic() - began, sum(fleet.start_seconds)
    print(
        f"\nshard soak: {DAYS} days × {GUILDS} guilds, {BEFORE} → {AFTER} processes on day "
        f"{RESHARD_DAY} (rolling); {soak.steps} instants; starts {len(processes)} "
        f"({len(fleet.start_seconds)} batches, {starting:.0f} s in all, slowest "
        f"{max(fleet.start_seconds):.1f} s), kills {kills} "
        f"({soak.outages['killed between send and ledger']} between send and ledger; their "
        f"posts in doubt found in the channel {found} times), "
        f"stops {soak.outages['stop']}; posts {sum(counts.values())} ({owed} days owed while "
        f"the owner was up), days found claimed already {results['skipped']}, duplicates "
        f"{duplicates}, missed {len(missed)}, late {len(late)}; {seconds:.0f} s"
    )
    assert duplicates == 0 and missed == [] and late == [] and strangers == []
    assert kills >= 2 and soak.outages["killed between send and ledger"] >= 1
    assert inherited, "the reshard's claim in doubt was not taken up by the new owner"
    assert {p.shard_count for p in processes} == {BEFORE, AFTER}
    assert sum(counts.values()) >= len(subs) * (DAYS - 2) * 0.5


def day_end(day: date, zone: ZoneInfo) -> datetime:
    return local_instant(day + timedelta(days=1), time(0), zone)
