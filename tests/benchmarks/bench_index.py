"""Indexing benchmark: prints measured figures next to the targets; never fails on them.

    .venv/bin/python -m tests.benchmarks.bench_index [--copies 1000] [--small 100] [--keep DIR]

Phases: the real seeds from scratch, an unchanged re-index of them, the synthetic corpus ×small
and ×copies (generated first, timed apart) from scratch, and an unchanged re-index of ×copies.
Every phase runs in a fresh subprocess that reports its own wall time and peak RSS
(`getrusage(RUSAGE_SELF).ru_maxrss`), so no phase inherits another's memory; comparing the peak
at ×small with the peak at ×copies shows whether memory grows with the corpus.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
SEEDS_TARGET = 1.0  # seconds, the real seeds from scratch
REINDEX_TARGET = 0.1  # seconds, an unchanged re-index
BULK_TARGET = 120.0  # seconds, the synthetic corpus ×1000 from scratch
FLAT_RATIO = 1.25  # peak at ×copies over peak at ×small that still counts as flat


@dataclass(frozen=True)
class Phase:
    label: str
    wall: float = 0.0
    peak_mib: float = 0.0
    documents: int = 0  # parsed (index) or written (generate)
    skipped: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    error: str = ""


def _peak_mib() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10  # bytes on macOS


def _worker(task: str, source: Path, target: Path, copies: int) -> dict[str, Any]:
    """One phase, in this (fresh) process; imports happen before the clock starts."""
    if task == "generate":
        from tests.benchmarks.synthetic import FORMS, write_synthetic_corpus

        start = time.perf_counter()
        write_synthetic_corpus(source, target, copies)
        wall = time.perf_counter() - start
        return {"wall": wall, "documents": copies * len(FORMS), "peak_mib": _peak_mib()}
    from bot.indexer import index_corpus

    start = time.perf_counter()
    report = asyncio.run(index_corpus(source, target))
    wall = time.perf_counter() - start
    return {
        "wall": wall,
        "documents": report.indexed,
        "skipped": report.skipped,
        "counts": dict(report.counts),
        "peak_mib": _peak_mib(),
    }


def _run(label: str, task: str, source: Path, target: Path, copies: int = 0) -> Phase:
    command = [sys.executable, "-m", "tests.benchmarks.bench_index", "--worker", task]
    command += [str(source), str(target), str(copies)]
    print(f"  running: {label} ...", file=sys.stderr, flush=True)
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        lines = done.stderr.strip().splitlines() or [f"exit status {done.returncode}"]
        return Phase(label, error=lines[-1][:300])
    data = json.loads(done.stdout.strip().splitlines()[-1])
    return Phase(label, **data)


def _fresh(*paths: Path) -> None:
    """Remove what an earlier run left in a kept workspace (only the benchmark's own paths)."""
    for path in paths:
        if path.is_dir():
            shutil.rmtree(path)
        for file in (path, *(Path(f"{path}{suffix}") for suffix in ("-wal", "-shm", "-checked"))):
            if file.is_file():
                file.unlink()


def _rate(count: int, seconds: float) -> str:
    return f"{count / seconds:,.0f}" if count and seconds > 0 else "-"


def _row(phase: Phase, target: float | None) -> str:
    if phase.error:
        return f"{phase.label:<34} FAILED: {phase.error}"
    docs = f"{phase.documents} new" if phase.documents or not phase.skipped else ""
    docs = docs or f"{phase.skipped} same"
    passages = phase.counts.get("passages", 0) if phase.documents else 0
    goal, met = "-", "-"
    if target is not None:
        goal, met = f"< {target:g} s", "yes" if phase.wall < target else "NO"
    return (
        f"{phase.label:<34} {docs:>11} {phase.wall:>9.3f} {_rate(phase.documents, phase.wall):>9}"
        f" {_rate(passages, phase.wall):>11} {phase.peak_mib:>9.1f} {goal:>9} {met:>4}"
    )


def _size_mib(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.iterdir() if p.is_file()) / 2**20


def benchmark(copies: int, small: int, work: Path) -> None:
    seeds_db = work / "seeds.db"
    _fresh(seeds_db)
    rows: list[tuple[Phase, float | None]] = []
    seeds = _run("seeds: index from scratch", "index", SEEDS, seeds_db)
    rows.append((seeds, SEEDS_TARGET))
    rows.append((_run("seeds: unchanged re-index", "index", SEEDS, seeds_db), REINDEX_TARGET))
    scales = [small, copies] if 0 < small < copies else [copies]
    scratch: dict[int, Phase] = {}
    corpus_size: dict[int, float] = {}
    for scale in scales:
        corpus, db = work / f"x{scale}", work / f"x{scale}.db"
        _fresh(corpus, db)
        rows.append((_run(f"synthetic ×{scale}: generate", "generate", SEEDS, corpus, scale), None))
        corpus_size[scale] = _size_mib(corpus) if corpus.is_dir() else 0.0
        label = f"synthetic ×{scale}: index from scratch"
        scratch[scale] = _run(label, "index", corpus, db)
        rows.append((scratch[scale], BULK_TARGET if scale == copies else None))
    label = f"synthetic ×{copies}: unchanged re-index"
    rows.append((_run(label, "index", work / f"x{copies}", work / f"x{copies}.db"), REINDEX_TARGET))

    print()
    print(f"{'phase':<34} {'documents':>11} {'wall s':>9} {'docs/s':>9} {'passages/s':>11}", end="")
    print(f" {'peak MiB':>9} {'target':>9} {'met':>4}")
    print("-" * 102)
    for phase, target in rows:
        print(_row(phase, target))
    print()
    for scale, size in corpus_size.items():
        print(f"synthetic ×{scale}: {scale * 4:,} documents + seeds, {size:,.1f} MiB on disk")
    _memory(scratch, scales)
    for phase in (seeds, scratch[copies]):
        if phase.counts:
            figures = ", ".join(f"{key} {value:,}" for key, value in phase.counts.items())
            print(f"counts after '{phase.label}': {figures}")
    print("(figures are measurements; the benchmark never fails on a target)")


def _memory(scratch: dict[int, Phase], scales: list[int]) -> None:
    if len(scales) < 2:
        print("peak memory vs corpus size: needs --small below --copies")
        return
    small, big = (scratch[scale] for scale in scales)
    if small.error or big.error:
        print("peak memory vs corpus size: not measured (an index phase failed)")
        return
    ratio = big.peak_mib / small.peak_mib
    met = "yes" if ratio <= FLAT_RATIO else "NO"
    print(
        f"peak memory, index from scratch: ×{scales[0]} {small.peak_mib:.1f} MiB | "
        f"×{scales[1]} {big.peak_mib:.1f} MiB | ratio {ratio:.2f} "
        f"(target: flat, ≤ {FLAT_RATIO:g}×) met: {met}"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--copies", type=int, default=1000, help="synthetic copies of each form")
    parser.add_argument("--small", type=int, default=100, help="smaller scale for the memory check")
    parser.add_argument("--keep", type=Path, help="work in DIR and keep the corpora and databases")
    parser.add_argument("--worker", nargs=4, metavar=("TASK", "SOURCE", "TARGET", "COPIES"))
    args = parser.parse_args(argv)
    if args.worker:
        task, source, target, copies = args.worker
        print(json.dumps(_worker(task, Path(source), Path(target), int(copies))))
        return
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        benchmark(args.copies, args.small, args.keep.resolve())
        return
    with tempfile.TemporaryDirectory(prefix="minimax-bench-") as work:
        benchmark(args.copies, args.small, Path(work))


if __name__ == "__main__":
    main()
