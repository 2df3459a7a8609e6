"""Query latency, p50 and p99 per query kind, on the seeds and on the synthetic ×N corpus,
side by side with a naive baseline measured in the same run (load every row, score each with
rapidfuzz in Python, per request).

    python -m tests.benchmarks.bench_queries [--copies 1000] [--db PATH] [--requests 300]

`--db` reuses a database the index benchmark kept (`bench_index --keep DIR`); without it the
synthetic corpus is generated and indexed first (about two minutes at ×1000). Prints figures;
never fails on a target.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from rapidfuzz import fuzz, process

from bot.indexer import index_corpus
from bot.paths import SEEDS_DIR
from bot.queries.ask import ask
from bot.queries.autocomplete import model_choices
from bot.queries.corpus import Corpus
from bot.queries.entities import named_card
from bot.queries.models import model_card
from bot.queries.onthisday import on_this_day
from bot.queries.quotes import find_quote
from bot.queries.search import search
from bot.queries.timeline import timeline
from tests.benchmarks.synthetic import write_synthetic_corpus
from tests.store.raw import connection_of

QUOTE_QUERIES = ("scaling laws", "compute crunch", "GPUs", "product", "organization function")
SEARCH_QUERIES = ("GPUs", "lightning attention", "MoE", "Glow", "data quality")
MODEL_QUERIES = ("M2", "minimx text 01", "abab65", "Speech-02", "gpt-5")
# The company card by its names (a typo, the Chinese, a common name), and an investor's card.
COMPANY_QUERIES = ("MiniMax", "迷你马克斯", "MiniMx", "HongShan", "红杉")
COMPANY_CARD_RUNS = 1000  # `/model MiniMax`, the organisation card alone (issue 14)
TYPED = ("m", "mini", "abab", "speech", "hail", "")
ASK_QUERIES = (  # the examples, and one the corpus does not cover
    "when was MiniMax founded",
    "who invested in MiniMax",
    "how many employees does MiniMax have",
    "does MiniMax own GPUs",
    "what is the context window of Text-01",
    "who led the Series B",
    "what did Yan say about scaling laws",
    "MiniMax 什么时候成立的",
    "闫俊杰是谁",
    "where is MiniMax headquartered",
)
WARM = 10  # requests before measuring: every input of each kind at least once
TARGETS = {
    "quote": 5.0,
    "search": 5.0,
    "ask": 10.0,
    "model": 1.0,
    "company": 5.0,
    "company card": 5.0,  # issue 14: p99 under 5 ms at ×1000
    "autocomplete": 1.0,
    "timeline": 5.0,  # issue 14: p99 under 5 ms at ×1000
}

Request = Callable[[int], Awaitable[object]]


@dataclass(frozen=True)
class Timing:
    p50: float  # milliseconds
    p99: float


async def measure(request: Request, count: int) -> Timing:
    for i in range(WARM):  # each input once: caches warm, as in a bot that has run a while
        await request(i)
    samples = []
    for i in range(count):
        started = time.perf_counter()
        await request(i)
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return Timing(
        statistics.median(samples), samples[min(len(samples) - 1, int(len(samples) * 0.99))]
    )


def ours(corpus: Corpus) -> dict[str, Request]:
    async def quote(i: int) -> object:
        return await find_quote(corpus, QUOTE_QUERIES[i % len(QUOTE_QUERIES)])

    async def search_(i: int) -> object:
        return await search(corpus, SEARCH_QUERIES[i % len(SEARCH_QUERIES)])

    async def ask_(i: int) -> object:
        return await ask(corpus, ASK_QUERIES[i % len(ASK_QUERIES)])

    async def model(i: int) -> object:
        return await model_card(corpus, MODEL_QUERIES[i % len(MODEL_QUERIES)])

    async def company(i: int) -> object:
        return await named_card(corpus, COMPANY_QUERIES[i % len(COMPANY_QUERIES)])

    async def company_card(i: int) -> object:
        return await named_card(corpus, "MiniMax")

    async def autocomplete(i: int) -> object:
        return model_choices(corpus.catalog, TYPED[i % len(TYPED)])

    async def timeline_(i: int) -> object:
        return await timeline(corpus, year=2021 + i % 5)

    async def onthisday(i: int) -> object:
        return await on_this_day(corpus, date(2026, 1 + i % 12, 1 + i % 28))

    return {
        "quote": quote,
        "search": search_,
        "ask": ask_,
        "model": model,
        "company": company,
        "company card": company_card,
        "autocomplete": autocomplete,
        "timeline": timeline_,
        "onthisday": onthisday,
    }


def naive(corpus: Corpus) -> dict[str, Request]:
    """What a bot without an index does: read every row, score it in Python, per request."""
    conn = connection_of(corpus.store)

    async def column(sql: str) -> list[str]:
        async with conn.execute(sql) as cursor:
            return [str(row[0]) for row in await cursor.fetchall()]

    def best(query: str, texts: Sequence[str], scorer: Callable[..., float]) -> object:
        return process.extractOne(query, texts, scorer=scorer)

    async def quote(i: int) -> object:
        texts = await column("SELECT text FROM quotes")
        return best(QUOTE_QUERIES[i % len(QUOTE_QUERIES)], texts, fuzz.partial_ratio)

    async def search_(i: int) -> object:
        texts = await column("SELECT text FROM passages")
        return best(SEARCH_QUERIES[i % len(SEARCH_QUERIES)], texts, fuzz.partial_ratio)

    async def ask_(i: int) -> object:  # the nearest passage to the whole question
        texts = await column("SELECT text FROM passages")
        return best(ASK_QUERIES[i % len(ASK_QUERIES)], texts, fuzz.partial_ratio)

    async def model(i: int) -> object:
        aliases = await column("SELECT alias FROM model_aliases")
        found = best(MODEL_QUERIES[i % len(MODEL_QUERIES)], aliases, fuzz.WRatio)
        facts = await column("SELECT value FROM facts")  # then every fact, to build the card
        return found, len(facts)

    async def company(i: int) -> object:
        aliases = await column("SELECT alias FROM entity_aliases")
        found = best(COMPANY_QUERIES[i % len(COMPANY_QUERIES)], aliases, fuzz.WRatio)
        facts = await column("SELECT value FROM facts")  # then every fact, to build the card
        return found, len(facts)

    async def company_card(i: int) -> object:
        return await company(0)

    async def autocomplete(i: int) -> object:
        aliases = await column("SELECT alias FROM model_aliases")
        return process.extract(TYPED[i % len(TYPED)] or "minimax", aliases, limit=25)

    async def timeline_(i: int) -> object:
        starts = await column("SELECT start FROM events")
        return sorted(s for s in starts if s.startswith(str(2021 + i % 5)))

    async def onthisday(i: int) -> object:
        starts = await column("SELECT start FROM events")
        day = f"-{1 + i % 12:02d}-{1 + i % 28:02d}"
        return [s for s in starts if s.endswith(day)]

    return {
        "quote": quote,
        "search": search_,
        "ask": ask_,
        "model": model,
        "company": company,
        "company card": company_card,
        "autocomplete": autocomplete,
        "timeline": timeline_,
        "onthisday": onthisday,
    }


async def run_all(db: Path, count: int, naive_count: int) -> dict[str, tuple[Timing, Timing]]:
    corpus = await Corpus.open(db)
    try:
        fast, slow = ours(corpus), naive(corpus)
        runs = {kind: count for kind in fast} | {"company card": max(count, COMPANY_CARD_RUNS)}
        return {
            kind: (await measure(fast[kind], runs[kind]), await measure(slow[kind], naive_count))
            for kind in fast
        }
    finally:
        await corpus.close()


# Each column: its heading and width; a figure always keeps a space before it, so columns
# never run together (a p99 of seconds is 8 digits and more).
COLUMNS = (
    ("query", 14),
    ("seeds p50", 11),
    ("p99", 12),
    ("naive p99", 13),
    ("×{copies} p50", 12),
    ("p99", 12),
    ("naive p50", 13),
    ("p99", 12),
    ("speedup", 9),
    ("target", 11),
    ("met", 5),
)


def table(
    seeds: dict[str, tuple[Timing, Timing]], big: dict[str, tuple[Timing, Timing]], copies: int
) -> str:
    widths = [width for _, width in COLUMNS]
    header = f"{COLUMNS[0][0]:<{widths[0]}}" + "".join(
        f"{name.format(copies=copies):>{width}}" for name, width in COLUMNS[1:]
    )
    lines = [header, "-" * len(header)]
    for kind, (small, small_naive) in seeds.items():
        ours_big, naive_big = big[kind]
        speedup = naive_big.p50 / ours_big.p50 if ours_big.p50 else float("inf")
        target = TARGETS.get(kind)
        met = (
            "-" if target is None else ("yes" if ours_big.p99 < target and speedup >= 10 else "NO")
        )
        figures = (
            f"{small.p50:.3f}",
            f"{small.p99:.3f}",
            f"{small_naive.p99:.3f}",
            f"{ours_big.p50:.3f}",
            f"{ours_big.p99:.3f}",
            f"{naive_big.p50:.2f}",
            f"{naive_big.p99:.2f}",
            f"{speedup:.0f}×",
            "-" if target is None else f"p99<{target:g}ms",
            met,
        )
        cells = [f"{kind:<{widths[0] - 1}} "] + [
            f" {figure:>{width - 1}}" for figure, width in zip(figures, widths[1:], strict=True)
        ]
        lines.append("".join(cells))
    lines.append(
        "milliseconds; speedup = naive p50 / ours p50 at the large corpus; "
        "targets also ask ≥ 10× the naive baseline; company card: "
        f"`/model MiniMax` alone, {COMPANY_CARD_RUNS} runs"
    )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=1000)
    parser.add_argument("--db", type=Path, help="an indexed synthetic corpus to reuse")
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--naive-requests", type=int, default=20)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        seeds_db = work / "seeds.db"
        asyncio.run(index_corpus(SEEDS_DIR, seeds_db))
        big_db = args.db
        if big_db is None:
            print(f"generating and indexing ×{args.copies} (once) ...", file=sys.stderr)
            corpus_dir = work / "synthetic"
            write_synthetic_corpus(SEEDS_DIR, corpus_dir, args.copies)
            big_db = work / "synthetic.db"
            asyncio.run(index_corpus(corpus_dir, big_db))
        seeds = asyncio.run(run_all(seeds_db, args.requests, args.naive_requests))
        big = asyncio.run(run_all(big_db, args.requests, args.naive_requests))
    print(table(seeds, big, args.copies))
    return 0


if __name__ == "__main__":
    sys.exit(main())
