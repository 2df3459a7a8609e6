"""The state's cost at scale, on SQLite and PostgreSQL: one claim (`daily_claim`, a single
INSERT ... ON CONFLICT DO NOTHING) and one due-scan (what a scheduler pass reads: every
subscription and the ledger since yesterday) with N guilds subscribed and two days of ledger.

    python -m tests.benchmarks.bench_state [--guilds 10000] [--claims 1000] [--scans 20]

PostgreSQL is measured when MINIMAX_BOT_TEST_POSTGRES_URL names a server (in a schema of its
own, dropped after). Prints figures; never fails on a target.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path

from bot.state import BotStateRow, DailyPostRow, GuildSettings, StateSnapshot, TransferableState
from tests.state.engines import fresh_engine, postgres_skip_reason

NOW = datetime(2026, 6, 21, 9, tzinfo=UTC)
TODAY = date(2026, 6, 21)


def snapshot(guilds: int) -> StateSnapshot:
    settings = [
        GuildSettings(g, g * 10, clock_time(g % 24, g % 60), "UTC", True, None, NOW)
        for g in range(1, guilds + 1)
    ]
    posts = [
        DailyPostRow(g, TODAY - timedelta(days=days), g * 10, g * 100 + days, f"n{g}", NOW)
        for g in range(1, guilds + 1)
        for days in (1, 2)
    ]
    return StateSnapshot(settings, posts, [BotStateRow("k", "v", NOW)])


def percentiles(samples: list[float]) -> str:
    ordered = sorted(samples)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return f"p50 {statistics.median(ordered) * 1000:.2f} ms, p99 {p99 * 1000:.2f} ms"


async def measure(name: str, store: TransferableState, args: argparse.Namespace) -> None:
    await store.restore(snapshot(args.guilds))
    claims: list[float] = []
    for guild in range(1, args.claims + 1):
        started = time.perf_counter()
        await store.daily_claim(guild, TODAY, guild * 10, f"n{guild}", NOW)
        claims.append(time.perf_counter() - started)
    lost: list[float] = []
    for guild in range(1, min(args.claims, 200) + 1):  # a claim that finds the day taken
        started = time.perf_counter()
        await store.daily_claim(guild, TODAY, guild * 10, f"n{guild}", NOW)
        lost.append(time.perf_counter() - started)
    scans: list[float] = []
    for _ in range(args.scans):
        started = time.perf_counter()
        subscriptions = await store.daily_subscriptions()
        rows = await store.daily_posts_since(TODAY - timedelta(days=1))
        scans.append(time.perf_counter() - started)
    print(
        f"{name:<10} {args.guilds:,} guilds: claim {percentiles(claims)} "
        f"(taken: {percentiles(lost)}); due-scan ({len(subscriptions):,} subscriptions, "
        f"{len(rows):,} ledger rows) {percentiles(scans)}"
    )


async def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="bench_state")
    parser.add_argument("--guilds", type=int, default=10_000)
    parser.add_argument("--claims", type=int, default=1_000)
    parser.add_argument("--scans", type=int, default=20)
    args = parser.parse_args(argv)
    engines = ["sqlite"] + ([] if postgres_skip_reason() else ["postgres"])
    if postgres_skip_reason():
        print(f"postgres: skipped ({postgres_skip_reason()})")
    with tempfile.TemporaryDirectory() as folder:
        for name in engines:
            async with fresh_engine(name, Path(folder)) as engine:
                store = await engine.open()
                try:
                    await measure(name, store, args)
                finally:
                    await store.close()
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main(sys.argv[1:])))
