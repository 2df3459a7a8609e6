"""The bot's cost per interaction, next to a null bot, through the Discord API emulator.

    python -m tests.benchmarks.bench_bot [--interactions 2000] [--concurrency 8] [--profile]
                                         [--mix fixed|varied] [--rounds 1] [--trace DIR]

The emulator runs in this process, in its own thread (tests/emulator/threaded.py). Each bot
runs in a subprocess of its own, so its figures are its own: CPU is the child's process time
(`time.process_time`, every thread of it, the aiosqlite worker included) between a "begin" and
an "end" the driver sends over stdin; RSS is the child's VmRSS after ready and after the run;
start to ready is wall time from spawning the child to its READY line (interpreter, imports,
opening the corpus, login, guild sync, gateway). The null bot is the same discord.py with the
same AutoShardedBot settings and the same commands and options, each answering "ok" without a
database; it imports nothing from `bot`. Latency runs from dispatching INTERACTION_CREATE to the
bot's interaction callback reaching the emulator (which validates it against the OpenAPI spec).
Prints figures; never fails on a target.

`--mix fixed` (the default) repeats five requests: after warm-up every one is an answer-cache
hit, so it measures the Discord layer. `--mix varied` sends a shuffled mix of more than 500
distinct requests across every slash command but the admin /daily (several model names,
words, years, pages, every month-day, people, pairs of models, questions in English and
Chinese, /help; a few that get a private "no such" answer), so most are answered from the
index the first time they come.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import json
import os
import pstats
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from tests.emulator.server import DiscordEmulator

MIX: list[tuple[str, dict[str, Any]]] = [
    ("model", {"name": "M2"}),
    ("quote", {"query": "scaling laws"}),
    ("search", {"query": "GPUs"}),
    ("timeline", {"year": 2025}),
    ("onthisday", {}),
]
WARMUP = 100
CHECKPOINTS = (2000,)  # RSS is read after this many interactions too, when the run is longer
WORDS = (
    "scaling", "compute", "GPUs", "agents", "MoE", "video", "speech", "Hailuo", "Talkie",
    "open source", "funding", "Tencent", "Alibaba", "reasoning", "context", "attention",
    "lightning", "consumer", "API", "team", "Shanghai", "founder", "investors", "price",
    "licence", "benchmark", "AGI", "users", "model", "training",
)  # fmt: skip
MODELS = (
    "M1", "M2", "M2.5", "M3", "abab6.5", "abab5.5", "Text-01", "VL-01", "Hailuo",
    "Speech-02", "minimx text 01", "no-such-model",
)  # fmt: skip
PEOPLE = ("Junjie Yan", "颜俊杰", "IO", "Yan", "Cheng Manqi", "Song Wei", "Nobody Here")
QUESTIONS = (
    "when was MiniMax founded", "who invested in MiniMax", "how many employees does MiniMax have",
    "does MiniMax own GPUs", "what is the context window of Text-01", "who led the Series B",
    "what did Yan say about scaling laws", "MiniMax 什么时候成立的", "闫俊杰是谁",
    "when was M1 released", "how many parameters does M1 have", "who is the CEO of MiniMax",
    "what is Hailuo", "is MiniMax open source", "what is the valuation of MiniMax",
    "who founded MiniMax", "when did MiniMax release abab6.5", "what is Talkie",
    "what did Yan say about AGI", "MiniMax 有多少员工", "谁投资了 MiniMax",
    "what is lightning attention", "where is MiniMax based", "what is the price of the API",
    "why did MiniMax choose MoE",
)  # fmt: skip


def varied_mix(seed: int = 0) -> list[tuple[str, dict[str, Any]]]:
    """More than 500 distinct requests over every command of the null bot, shuffled."""
    from bot.command_options import KINDS  # here: the null bot's process imports no `bot`

    mix: list[tuple[str, dict[str, Any]]] = [("model", {"name": m}) for m in MODELS]
    mix += [("quote", {"query": w}) for w in WORDS] + [("quote", {})]
    mix += [("quote", {"speaker": p}) for p in PEOPLE[:4]]
    mix += [("search", {"query": w}) for w in WORDS]
    mix += [("search", {"query": w, "page": 2}) for w in WORDS[:10]]
    mix += [("timeline", {"year": y}) for y in range(2016, 2027)]
    mix += [("timeline", {"page": p}) for p in range(1, 6)]
    mix += [("timeline", {"query": w}) for w in WORDS[:10]]
    leap_year = (date(2024, 1, 1) + timedelta(days=n) for n in range(366))
    mix += [("onthisday", {"date": day.strftime("%m-%d")}) for day in leap_year]
    mix += [("compare", {"a": a, "b": b}) for a in MODELS[:4] for b in MODELS[4:8]]
    mix += [("person", {"name": p}) for p in PEOPLE]
    mix += [("models", {}), ("sources", {}), ("about", {}), ("disagreements", {})]
    mix += [("models", {"kind": kind}) for kind in KINDS]
    mix += [("disagreements", {"subject": s}) for s in ("team", "MoE", "Junjie Yan", "GPUs")]
    mix += [("ask", {"question": q}) for q in QUESTIONS] + [("help", {})]
    random.Random(seed).shuffle(mix)
    return mix


# The null bot's option types, as the real cogs declare them (module level: discord.py resolves
# annotations in the module's globals).
Year, Page = app_commands.Range[int, 2000, 2100], app_commands.Range[int, 1, 50]
GUILDS_ONLY = 1  # bot.discord_app.app.intents(): the driver checks it


# --- the child: one bot, driven over stdin -------------------------------------------------
def null_bot() -> commands.AutoShardedBot:
    wanted = discord.Intents.none()
    wanted.guilds = True
    bot = commands.AutoShardedBot(
        command_prefix=commands.when_mentioned,
        intents=wanted,
        help_command=None,
        allowed_mentions=discord.AllowedMentions.none(),
        max_messages=None,
        chunk_guilds_at_startup=False,
    )

    async def ok(interaction: discord.Interaction, **options: object) -> None:
        await interaction.response.send_message("ok")

    @bot.tree.command(description="x")
    async def model(interaction: discord.Interaction, name: str) -> None:
        await ok(interaction)

    @bot.tree.command(description="x")
    async def quote(
        interaction: discord.Interaction, query: str | None = None, speaker: str | None = None
    ) -> None:
        await ok(interaction)

    @bot.tree.command(description="x")
    async def search(
        interaction: discord.Interaction, query: str, page: Page | None = None
    ) -> None:
        await ok(interaction)

    @bot.tree.command(description="x")
    async def timeline(
        interaction: discord.Interaction,
        year: Year | None = None,
        query: str | None = None,
        page: Page | None = None,
    ) -> None:
        await ok(interaction)

    @bot.tree.command(description="x")
    async def onthisday(interaction: discord.Interaction, date: str | None = None) -> None:
        await ok(interaction)

    @bot.tree.command(description="x")
    async def compare(interaction: discord.Interaction, a: str, b: str) -> None:
        await ok(interaction)

    @bot.tree.command(description="x")
    async def person(interaction: discord.Interaction, name: str) -> None:
        await ok(interaction)

    @bot.tree.command(description="x")
    async def models(interaction: discord.Interaction, kind: str | None = None) -> None:
        await ok(interaction)

    @bot.tree.command(description="x")
    async def disagreements(interaction: discord.Interaction, subject: str | None = None) -> None:
        await ok(interaction)

    @bot.tree.command(description="x")
    async def sources(interaction: discord.Interaction) -> None:
        await ok(interaction)

    @bot.tree.command(description="x")
    async def about(interaction: discord.Interaction) -> None:
        await ok(interaction)

    @bot.tree.command(description="x")
    async def ask(interaction: discord.Interaction, question: str) -> None:
        await ok(interaction)

    @bot.tree.command(description="x")
    async def help(interaction: discord.Interaction) -> None:
        await ok(interaction)

    return bot


async def minimax_bot(args: argparse.Namespace) -> commands.AutoShardedBot:
    from bot.discord_app.app import MinimaxBot
    from bot.paths import SEEDS_DIR
    from bot.runner import open_for_serving, open_state
    from bot.settings import Settings

    settings = Settings(  # type: ignore[call-arg]
        _env_file=None,
        discord_token=args.token,
        database_path=args.db,
        dev_guild_id=args.guild,
        discord_api_base=args.api_base,
        discord_gateway_url=args.gateway,
    )
    corpus = await open_for_serving(SEEDS_DIR, Path(args.db))  # as `minimax-bot run`
    state = await open_state(settings)
    assert corpus is not None and state is not None
    return MinimaxBot(corpus, settings, state=state)


def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def child(args: argparse.Namespace) -> None:
    discord.http.Route.BASE = args.api_base
    bot = await minimax_bot(args) if args.child == "minimax" else null_bot()
    assert bot.intents.value == GUILDS_ONLY, "both bots ask for what the real bot asks for"
    if args.child == "null":
        guild = discord.Object(args.guild)

        async def setup_hook() -> None:
            bot.tree.copy_global_to(guild=guild)
            await bot.tree.sync(guild=guild)

        bot.setup_hook = setup_hook  # type: ignore[method-assign]
    bot._connection.guild_ready_timeout = 0.05  # as the e2e tests; the same for both bots
    async with bot:
        task = asyncio.create_task(bot.start(args.token))
        await bot.wait_until_ready()
        await measured(args)
        await bot.close()
        await task
    for store in (getattr(bot, "corpus", None), getattr(bot, "state", None)):
        if store is not None:  # an open aiosqlite thread would keep the process alive
            await store.close()


def snapshot(args: argparse.Namespace, when: str) -> None:
    """With --trace DIR: the modules loaded, /proc/self/smaps_rollup and, when tracemalloc runs
    (`--trace` starts it first thing), its snapshot, in DIR as `<bot>-<when>.*`."""
    if not args.trace:
        return
    import gc
    import tracemalloc

    gc.collect()
    stem = Path(args.trace) / f"{args.child}-{when}"
    stem.with_suffix(".modules").write_text("\n".join(sorted(sys.modules)))
    stem.with_suffix(".smaps").write_text(Path("/proc/self/smaps_rollup").read_text())
    if tracemalloc.is_tracing():
        tracemalloc.take_snapshot().dump(str(stem.with_suffix(".trace")))


async def measured(args: argparse.Namespace) -> None:
    """Report RSS once ready; count CPU (and profile) between the driver's begin and end."""
    snapshot(args, "ready")
    print("READY " + json.dumps({"rss_ready": rss_mib()}), flush=True)
    # CPU time of the event loop's thread, not wall time: on a busy machine wall time mostly
    # measures waiting for a core (and the GIL), which says nothing about the bot's own cost.
    loop, profile = asyncio.get_running_loop(), cProfile.Profile(time.thread_time)
    await loop.run_in_executor(None, sys.stdin.readline)  # "begin"
    cpu = time.process_time()
    if args.profile:
        profile.enable()
    print("BEGUN", flush=True)
    while (await loop.run_in_executor(None, sys.stdin.readline)).strip() == "rss":
        print("RSS " + json.dumps({"rss": rss_mib()}), flush=True)  # a checkpoint; then "end"
    cpu = time.process_time() - cpu
    snapshot(args, "end")
    if args.profile:
        profile.disable()
        if args.trace:
            profile.dump_stats(str(Path(args.trace) / f"{args.child}.prof"))
        stats = pstats.Stats(profile, stream=sys.stderr)
        stats.sort_stats("cumulative").print_stats(40)
        stats.sort_stats("tottime").print_stats(25)
    print("DONE " + json.dumps({"cpu": cpu, "rss_end": rss_mib()}), flush=True)


# --- the driver -----------------------------------------------------------------------------
async def drive(
    emu: DiscordEmulator, count: int, args: argparse.Namespace, start: int = 0
) -> dict[str, Any]:
    """Send `count` interactions of the mix from its `start`th on, `concurrency` at a time,
    each from its own user (the per-user cooldowns stay out of the way); latencies in ms, and
    how many were answered only to the asker."""
    guild = emu.world.guild
    # Members who join now are in no GUILD_CREATE: the bots' memory does not grow with them.
    users = [emu.world.add_member(f"user{i}") for i in range(count)]
    plan = iter(range(count))
    latencies: list[float] = []
    private = 0

    async def worker() -> None:
        nonlocal private
        for i in plan:
            name, options = args.mix[(start + i) % len(args.mix)]
            started = time.perf_counter()
            handle = await emu.slash(name, options, user=users[i])
            callback = await handle.callback()
            latencies.append((time.perf_counter() - started) * 1000)
            private += bool((callback.get("data") or {}).get("flags", 0) & 64)

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(args.concurrency)))
    seconds = time.perf_counter() - started
    for member in users:
        del guild.members[member.user.id], emu.world.users[member.user.id]
    return {"seconds": seconds, "latencies": latencies, "private": private}


def run_bot(kind: str, threaded: Any, db: Path, args: argparse.Namespace) -> dict[str, Any]:
    emu: DiscordEmulator = threaded.emulator
    command = [sys.executable, "-m", "tests.benchmarks.bench_bot", "--child", kind]
    command += ["--api-base", emu.api_base, "--gateway", emu.gateway_url, "--token", emu.token]
    command += ["--guild", str(emu.world.guild.id), "--db", str(db)]
    command += ["--profile"] * bool(args.profile)
    command += ["--trace", args.trace] if args.trace else []
    started = time.perf_counter()
    proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert proc.stdin is not None and proc.stdout is not None

    def expect(prefix: str) -> dict[str, Any]:
        line = proc.stdout.readline()  # type: ignore[union-attr]
        if not line.startswith(prefix):
            raise RuntimeError(f"{kind} bot: expected {prefix}, got {line!r}")
        return dict(json.loads(line[len(prefix) :].strip() or "{}"))

    try:
        result = expect("READY ")
        result["ready_s"] = time.perf_counter() - started
        threaded.call(drive(emu, WARMUP, args), timeout=120)
        proc.stdin.write("begin\n")
        proc.stdin.flush()
        expect("BEGUN")
        parts, done = [], 0
        for checkpoint in (*(c for c in CHECKPOINTS if c < args.interactions), args.interactions):
            parts.append(threaded.call(drive(emu, checkpoint - done, args, done), 600))
            done = checkpoint
            if checkpoint < args.interactions:
                proc.stdin.write("rss\n")
                proc.stdin.flush()
                result[f"rss_{checkpoint}"] = expect("RSS ")["rss"]
        proc.stdin.write("end\n")
        proc.stdin.flush()
        result.update(expect("DONE "))
        latencies = sorted(ms for part in parts for ms in part["latencies"])
        result["rate"] = args.interactions / sum(part["seconds"] for part in parts)
        result["p50"] = statistics.median(latencies)
        result["p99"] = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
        result["private"] = sum(part["private"] for part in parts)
        proc.wait(30)
    finally:
        if proc.poll() is None:
            proc.kill()
    result["cpu_per_1000"] = result["cpu"] / args.interactions * 1000
    result["growth"] = result["rss_end"] - result["rss_ready"]
    for checkpoint in CHECKPOINTS:
        if f"rss_{checkpoint}" in result:
            result[f"growth_{checkpoint}"] = result[f"rss_{checkpoint}"] - result["rss_ready"]
    return result


def median(runs: list[dict[str, Any]], key: str) -> float:
    return statistics.median(run[key] for run in runs)


def table(nulls: list[dict[str, Any]], bots: list[dict[str, Any]], interactions: int) -> str:
    """Each figure is the median over the rounds; the ratios are each round's (null and
    minimax-bot ran one after the other), their median first, then their range."""

    def spread(values: list[float], fmt: str) -> str:
        low, high = min(values), max(values)
        shown = fmt.format(statistics.median(values))
        return shown if len(values) == 1 else f"{shown} ({fmt.format(low)}–{fmt.format(high)})"

    ratios = [b["cpu_per_1000"] / n["cpu_per_1000"] for n, b in zip(nulls, bots, strict=True)]
    extras = [b["rss_ready"] - n["rss_ready"] for n, b in zip(nulls, bots, strict=True)]
    growths = [b["growth"] - n["growth"] for n, b in zip(nulls, bots, strict=True)]
    rows = [
        ("interactions per second", "rate", "{:.0f}", ""),
        ("latency p50 (ms)", "p50", "{:.1f}", ""),
        ("latency p99 (ms)", "p99", "{:.1f}", ""),
        ("CPU s per 1,000 interactions", "cpu_per_1000", "{:.2f}", spread(ratios, "{:.2f}×")),
        ("RSS after ready (MiB)", "rss_ready", "{:.1f}", "+" + spread(extras, "{:.1f}") + " MiB"),
    ]
    rows += [
        (f"RSS growth over the first {c:,} (MiB)", f"growth_{c}", "{:+.1f}", "")
        for c in CHECKPOINTS
        if c < interactions
    ]
    rows += [
        (f"RSS growth over {interactions:,} (MiB)", "growth", "{:+.1f}", ""),
        ("RSS after the run (MiB)", "rss_end", "{:.1f}", ""),
        ("start to ready (s)", "ready_s", "{:.2f}", ""),
        ("answers shown only to the asker", "private", "{:.0f}", ""),
    ]
    lines = [
        "| | null bot | minimax-bot | minimax-bot vs null (targets: ≤ 1.2×, ≤ +12 MiB, "
        "growth ≤ +2 MiB over 10,000) |",
        "|---|---:|---:|---|",
    ]
    for label, key, fmt, note in rows:
        if key == "growth":
            note = "+" + spread(growths, "{:.1f}") + " MiB more than the null bot's"
        null, bot = fmt.format(median(nulls, key)), fmt.format(median(bots, key))
        lines.append(f"| {label} | {null} | {bot} | {note} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--interactions", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--profile", action="store_true", help="cProfile the bot's run (stderr)")
    names = ",".join(name for name, _ in MIX)
    parser.add_argument("--commands", default=names, help=f"a part of the fixed mix ({names})")
    parser.add_argument("--trace", help="DIR: each bot's modules, smaps and tracemalloc snapshots")
    parser.add_argument("--mix", choices=("fixed", "varied"), default="fixed")
    parser.add_argument(
        "--rounds", type=int, default=1, help="run both bots this many times, one after the other"
    )
    for option in ("--child", "--api-base", "--gateway", "--token", "--db"):
        parser.add_argument(option, help=argparse.SUPPRESS)
    parser.add_argument("--guild", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        if args.trace and not args.profile:  # tracemalloc would weigh on the profile
            import tracemalloc

            tracemalloc.start(int(os.environ.get("TRACE_FRAMES", "1")))
        asyncio.run(child(args))
        return
    if args.mix == "varied":
        args.mix = varied_mix()
    else:
        args.mix = [(name, options) for name, options in MIX if name in args.commands.split(",")]
    from bot.discord_app.app import intents
    from bot.indexer import index_corpus
    from bot.paths import SEEDS_DIR
    from tests.emulator.threaded import EmulatorThread

    assert intents().value == GUILDS_ONLY
    with tempfile.TemporaryDirectory() as tmp, EmulatorThread(wait_seconds=30) as threaded:
        db = Path(tmp) / "bot.db"
        asyncio.run(index_corpus(SEEDS_DIR, db))
        nulls, bots = [], []
        for _ in range(args.rounds):  # alternated: a busy spell weighs on both alike
            nulls.append(run_bot("null", threaded, db, args))
            bots.append(run_bot("minimax", threaded, db, args))
    if len(args.mix) > len(MIX):
        commands = sorted({name for name, _ in args.mix})
        mix = f"{len(args.mix)} distinct requests over /{', /'.join(commands)}, shuffled"
    else:
        mix = ", ".join(f"/{name} {' '.join(map(str, o.values()))}".strip() for name, o in args.mix)
    rounds = f", median of {args.rounds} rounds" if args.rounds > 1 else ""
    print(f"{args.interactions} interactions ({mix}), {args.concurrency} at a time{rounds}\n")
    print(table(nulls, bots, args.interactions))


if __name__ == "__main__":
    main()
