"""Chinese search: today's approach against FTS5's trigram tokenizer (issue 15, item 3).

    python -m tests.benchmarks.bench_chinese [--details]

Today: every Chinese character indexed as a word (`cjk_spaced`), a Chinese run searched as
the phrase of its characters and of its overlapping pairs, the question also read in English
through the bilingual lexicon (`with_english`), all through /search's ranking. Against it, on
the same passages: an in-memory FTS5 table with `tokenize='trigram'`, bm25, searched (a) with
the text as typed (each word, and each three characters of a Chinese run, any of them), and
(b) with the lexicon's English reading added, which tells the tokenizer's share apart from
the lexicon's. Measured on the Chinese questions of tests/gold/questions.toml (the gold
evidence in the first three passages) and on Chinese /search strings (a passage holding the
string in the first three). Prints recall@3 and the time per search; never fails.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import sqlite3
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from bot.indexer import index_corpus
from bot.paths import SEEDS_DIR
from bot.queries.chinese import with_english
from bot.queries.corpus import Corpus
from bot.queries.ranking import clean
from bot.queries.search import search_rows
from bot.store.fts import is_cjk
from tests.benchmarks.bench_ask import has_evidence, load

# Chinese a reader searches for inside longer runs of the corpus (the examples) and
# the corpus's Chinese names; each is found when a passage of the first three holds it.
STRINGS = (
    "大杀器",
    "普通人",
    "商汤",
    "迷你马克斯",
    "颜俊杰",
    "闫俊杰",
    "米哈游",
    "月之暗面",
    "阿里巴巴",
)
TRIGRAM = 3
_WORD = re.compile(r"\w+")


def trigram_table(db: Path) -> sqlite3.Connection:
    """The corpus's passages, as the index holds them, in an in-memory trigram FTS5 table."""
    memory = sqlite3.connect(":memory:")
    memory.execute("CREATE VIRTUAL TABLE t USING fts5(text, heading, tokenize = 'trigram')")
    with sqlite3.connect(db) as source:
        rows = source.execute("SELECT id, text, coalesce(heading, '') FROM passages").fetchall()
    memory.executemany("INSERT INTO t (rowid, text, heading) VALUES (?, ?, ?)", rows)
    memory.commit()
    return memory


def trigram_terms(text: str) -> list[str]:
    """Any word of three characters or more, each three characters of a Chinese run (the
    trigram tokenizer matches nothing shorter)."""
    terms: list[str] = []
    for word in _WORD.findall(text):
        for run in re.split(r"([\u3400-\u9fff]+)", word):
            if is_cjk(run) and len(run) > TRIGRAM:
                terms += [run[i : i + TRIGRAM] for i in range(len(run) - TRIGRAM + 1)]
            elif len(run) >= TRIGRAM:
                terms.append(run)
    return list(dict.fromkeys(terms))


def trigram_top3(memory: sqlite3.Connection, text: str) -> list[str]:
    terms = trigram_terms(text)
    if not terms:
        return []
    query = " OR ".join('"' + term.replace('"', '""') + '"' for term in terms)
    rows = memory.execute(
        "SELECT text FROM t WHERE t MATCH ? ORDER BY bm25(t, 1.0, 0.3) LIMIT 3", (query,)
    ).fetchall()
    return [str(row[0]) for row in rows]


def _recall(
    name: str, cases: Sequence[tuple[str, str]], found: Sequence[list[str]], details: bool
) -> None:
    hits = [has_evidence(wanted, texts) for (_, wanted), texts in zip(cases, found, strict=True)]
    print(f"  {name:<34} {sum(hits)}/{len(cases)}")
    if details:
        missed = [typed for (typed, _), hit in zip(cases, hits, strict=True) if not hit]
        print(f"    missed: {'; '.join(missed)}")


def _timed(
    search: Callable[[str], list[str]], typed: Sequence[str]
) -> tuple[list[list[str]], float]:
    started = time.perf_counter()
    found = [search(text) for text in typed]
    return found, 1000 * (time.perf_counter() - started) / max(1, len(typed))


async def measure(db: Path, details: bool) -> None:
    questions = [(g.q, g.evidence) for g in load() if g.lang == "zh" and g.evidence]
    strings = [(s, s) for s in STRINGS]
    corpus = await Corpus.open(db)
    memory = trigram_table(db)
    try:
        for title, cases in (
            ("Chinese questions", questions),
            ("Chinese /search strings", strings),
        ):
            typed = [text for text, _ in cases]
            print(f"{title} ({len(cases)}), recall@3:")
            today: list[list[str]] = []
            started = time.perf_counter()
            for text in typed:
                rows = (await search_rows(corpus, text))[0][:3]
                today.append([clean(row.marked) for row in rows])
            took = 1000 * (time.perf_counter() - started) / max(1, len(typed))
            _recall(f"today (characters, lexicon) {took:.1f} ms", cases, today, details)
            bare, took = _timed(lambda text: trigram_top3(memory, text), typed)
            _recall(f"trigram, as typed {took:.1f} ms", cases, bare, details)
            read, took = _timed(
                lambda text: trigram_top3(memory, with_english(text, corpus.catalog)), typed
            )
            _recall(f"trigram + lexicon {took:.1f} ms", cases, read, details)
    finally:
        memory.close()
        await corpus.close()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--details", action="store_true", help="list what each way misses")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "corpus.db"
        asyncio.run(index_corpus(SEEDS_DIR, db))
        asyncio.run(measure(db, args.details))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
