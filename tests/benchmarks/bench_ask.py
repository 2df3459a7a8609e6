"""/ask, /search and /quote against the team's everyday questions (tests/gold/questions.toml),
beside the peer every reader already has: plain BM25 over the documents' paragraphs, its top
three read together.

    python -m tests.benchmarks.bench_ask [--details] [--lexical]

Indexes the seeds into a temporary database first. Prints figures; never fails on a target.
With the semantic extra installed (and without --lexical), every figure is measured twice on
the same index: by words alone, then with the meaning fused in; and what the extra adds to
each question's time (p50, p99).

An answer is right when it shows at least `SHARE` of the expected fact's key words (numbers,
names, the words of the value; `expect` in the gold file) in what it puts in front of the
reader (for /ask: the facts with their evidence, the quote, the passages shown; for the peer:
its top three paragraphs whole), and shows nothing unrelated (`strays`). A question the
corpus does not cover is right when the bot says it is not covered (the peer cannot, so it
is never right there). recall@3: the gold evidence is in one of the first three passages
(/search) or quotes (/quote, three ranks); for /quote also over the questions whose evidence
is a stored quote, and over the gold quotes as a reader types them (see ask_quotes).
"""

from __future__ import annotations

import argparse
import asyncio
import re
import sqlite3
import tempfile
import time
import tomllib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.cards.dates import telling_when
from bot.indexer import index_corpus
from bot.paths import SEEDS_DIR
from bot.queries.ask import ask
from bot.queries.corpus import Catalog, Corpus
from bot.queries.ranking import clean
from bot.queries.results import AskAnswer
from bot.queries.search import search_rows
from bot.semantic import Embedder, load_embedder
from bot.store.fts import STOP_WORDS, is_cjk
from tests.benchmarks.ask_quotes import quote_questions, recall, top_quotes, typed_queries

GOLD = Path(__file__).resolve().parents[1] / "gold" / "questions.toml"
SHARE = 0.6
NOT_COVERED = "not covered"
_TOKEN = re.compile(r"[\w.$~%]+")
_EXPECT_STOP = STOP_WORDS | {"vs", "per", "sources", "disagree", "both", "the", "no", "yes"}


@dataclass(frozen=True, slots=True)
class Gold:
    q: str
    lang: str
    kind: str
    expect: str
    evidence: str | None
    held_out: bool = False  # written after tuning, never tuned on: reported apart
    absent: tuple[str, ...] = ()  # noise seen once: words the answer must not show


def load() -> list[Gold]:
    rows = tomllib.loads(GOLD.read_text(encoding="utf-8"))["question"]
    return [
        Gold(
            r["q"],
            r["lang"],
            r["kind"],
            r["expect"],
            r.get("evidence"),
            r.get("held_out", False),
            tuple(r.get("absent", ())),
        )
        for r in rows
    ]


def key_words(expect: str) -> set[str]:
    """The words of an expected fact that carry it: no document numbers, no filler."""
    words = {w.strip(".").casefold() for w in _TOKEN.findall(re.sub(r"\(0\d\d\)", "", expect))}
    return {w for w in words if w and w not in _EXPECT_STOP and not re.fullmatch(r"0\d\d", w)}


_MONTH = re.compile(
    r"\b(jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)(?:uary|ruary|ch|il|e|y|ust|tember|ober|ember)\b"
)


def _months(text: str) -> str:
    """Month names as the cards abbreviate them (`June 2025` is `Jun 2025`)."""
    return _MONTH.sub(r"\1", text)


def holds(expect: str, text: str) -> bool:
    wanted = {_months(w) for w in key_words(expect)}
    if not wanted:
        return False
    folded = _months(text.casefold())
    return sum(1 for w in wanted if w in folded) >= SHARE * len(wanted)


def says(gold: Gold, text: str) -> bool:
    """Whether the text holds the expected fact: its key words, or, for a bare yes or no
    (no key words), the gold evidence that says it."""
    if not key_words(gold.expect):
        return bool(gold.evidence) and has_evidence(gold.evidence or "", [text])
    return holds(gold.expect, text)


def _normal(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum() or is_cjk(ch))


def has_evidence(evidence: str, texts: Sequence[str]) -> bool:
    probe = _normal(evidence)[:60]
    return any(probe and probe in _normal(text) for text in texts)


def strays(answer: AskAnswer, gold: Gold, catalog: Catalog) -> list[str]:
    """What the answer shows that is not what is asked: a fact line about another person,
    model or document than the question's subject (`Yang Bin · Role` under `闫俊杰是谁`,
    `Wei Wei · Role` under `who led the Series B`; with no subject, about a person) that the
    expected fact names neither by name nor by value; and any word the gold marks `absent`
    (noise seen once). A model's variants (MiniMax-M1-40K for MiniMax-M1) and the company's
    own things (a funding round) are the subject's."""
    wanted = key_words(gold.expect)
    titles = {source.title for source in catalog.sources.values()}
    found = []
    for line in answer.facts:
        other, dot, _ = line.label.partition(" · ")
        person = catalog.person(other)
        named = person or (answer.subject and (other in titles or catalog.model(other)))
        if not dot or not named or other.startswith(answer.subject or "\0"):
            continue
        said = " ".join([other, *(v.value for v in line.values)])
        if not key_words(said) & wanted:
            found.append(line.label)
    text = shown(answer).casefold()
    return found + [word for word in gold.absent if word.casefold() in text]


def shown(answer: AskAnswer) -> str:
    """What the card puts in front of the reader: its subject, each fact's label (which names
    the person a fact is about), value and evidence, the quote with the question it answers,
    the passages."""
    parts = [answer.subject or ""] + [line.label for line in answer.facts]
    parts += [v.value for line in answer.facts for v in line.values]
    parts += [c.evidence or "" for line in answer.facts for v in line.values for c in v.citations]
    if answer.happening is not None:
        told = answer.happening.tellings
        parts += [answer.happening.text, *(telling_when(t) for t in told)]
        parts += [t.citation.evidence or "" for t in told]
    if answer.quote is not None:
        parts += [answer.quote.text, answer.quote.question or ""]
    parts += ["".join(s.text for s in hit.snippet) for hit in answer.passages]
    return "\n".join(parts)


def peer_top3(db: Path, question: str) -> str:
    """Plain BM25 (FTS5, unicode61, no stemming, no stop words) over paragraphs, any word."""
    words = [w for w in re.findall(r"\w+", question)]
    if not words:
        return ""
    query = " OR ".join('"' + w.replace('"', '""') + '"' for w in words)
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT p.text FROM passages_fts JOIN passages AS p ON p.id = passages_fts.rowid"
            " WHERE passages_fts MATCH ? ORDER BY bm25(passages_fts) LIMIT 3",
            (query,),
        ).fetchall()
    return "\n".join(str(r[0]) for r in rows)


@dataclass
class Tally:
    right: Counter[str]
    total: Counter[str]

    def line(self, name: str) -> str:
        kinds = " ".join(f"{k} {self.right[k]}/{self.total[k]}" for k in sorted(self.total))
        all_right, all_total = sum(self.right.values()), sum(self.total.values())
        return (
            f"{name:<8} {all_right}/{all_total} ({100 * all_right // max(1, all_total)}%)  {kinds}"
        )


async def measure(
    db: Path, details: bool, meaning: Embedder | None
) -> tuple[list[float], list[float]]:
    """Print the figures of one way of searching; each question's /ask time and each /search
    time (ranked passages for the question as typed), in seconds."""
    corpus = await Corpus.open(db, meaning=meaning)
    await search_rows(corpus, "MiniMax")  # the vectors are read once per generation: not timed
    gold = load()
    bot, peer = Tally(Counter(), Counter()), Tally(Counter(), Counter())
    by_lang = Tally(Counter(), Counter())
    held = Tally(Counter(), Counter())
    search_hits = quote_hits = quote_total = search_total = 0
    times: list[float] = []
    search_times: list[float] = []
    try:
        for g in gold:
            covered = not g.expect.startswith(NOT_COVERED)
            start = time.perf_counter()
            found = await ask(corpus, g.q)
            times.append(time.perf_counter() - start)
            if isinstance(found, AskAnswer):
                noise = strays(found, g, corpus.catalog) if covered else []
                right = says(g, shown(found)) if covered else found.outcome != "answered"
                right = right and not noise
            else:
                noise, right = [], not covered
            if details and not right:
                tag = "held out " if g.held_out else ""
                print(f"  WRONG {tag}[{g.kind}/{g.lang}] {g.q} -> expected {g.expect}")
                if noise:
                    print(f"    noise: {'; '.join(noise)}")
            if g.held_out:
                held.total[g.lang] += 1
                held.right[g.lang] += right
                continue
            peer_right = covered and says(g, peer_top3(db, g.q))
            for tally, key in ((bot, g.kind), (peer, g.kind), (by_lang, g.lang)):
                tally.total[key] += 1
            bot.right[g.kind] += right
            peer.right[g.kind] += peer_right
            by_lang.right[g.lang] += right
            if covered and g.evidence:
                search_total += 1
                start = time.perf_counter()
                rows = (await search_rows(corpus, g.q))[0][:3]
                search_times.append(time.perf_counter() - start)
                search_hits += has_evidence(g.evidence, [clean(r.marked) for r in rows])
                quote_total += 1
                quote_hits += has_evidence(g.evidence, await top_quotes(corpus, g.q))
        said = await quote_questions(
            corpus, [(g.q, g.evidence) for g in gold if g.evidence and not g.held_out]
        )
        by_question = await recall(corpus, said)
        by_words = await recall(corpus, typed_queries())
    finally:
        await corpus.close()
    print(bot.line("/ask"))
    print(peer.line("peer"))
    print(by_lang.line("by lang"))
    print(held.line("held out"))
    print(f"/search recall@3 {search_hits}/{search_total} ({100 * search_hits // search_total}%)")
    every = f"{quote_hits}/{quote_total} ({100 * quote_hits // quote_total}%)"
    print(f"/quote  recall@3 every question (most ask for a fact no quote carries): {every}")
    print(by_question.line("questions whose evidence is a quote"))
    print(by_words.line("the gold quotes by 2-4 of their key words"))
    if details:
        print(f"  missed: {'; '.join(by_question.missed + by_words.missed)}")
    times.sort()
    p99 = times[min(len(times) - 1, int(0.99 * len(times)))]
    print(f"/ask time: median {1000 * times[len(times) // 2]:.1f} ms, p99 {1000 * p99:.1f} ms")
    return times, search_times


def _added(name: str, hybrid: list[float], lexical: list[float]) -> None:
    added = sorted(h - w for h, w in zip(hybrid, lexical, strict=True))
    p50, p99 = added[len(added) // 2], added[min(len(added) - 1, int(0.99 * len(added)))]
    print(f"added by the extra to {name}: p50 {1000 * p50:.1f} ms, p99 {1000 * p99:.1f} ms")


async def measure_both(db: Path, details: bool, lexical_only: bool) -> None:
    embedder = None if lexical_only else load_embedder()
    started = time.perf_counter()
    await index_corpus(SEEDS_DIR, db if embedder is None else db.with_name("lexical.db"))
    print(f"index of the seeds by words alone: {time.perf_counter() - started:.2f} s")
    if embedder is not None:
        started = time.perf_counter()
        report = await index_corpus(SEEDS_DIR, db, embedder=embedder)
        took = time.perf_counter() - started
        print(f"index with the semantic extra: {took:.1f} s ({report.embedded} texts embedded)")
        started = time.perf_counter()
        again = await index_corpus(SEEDS_DIR, db, embedder=embedder)
        took = time.perf_counter() - started
        print(f"re-index, unchanged: {1000 * took:.0f} ms ({again.embedded} texts embedded)")
    print("== by words alone")
    lexical = await measure(db, details, None)
    if embedder is None:
        return
    print(f"== with the semantic extra ({embedder.model_id})")
    hybrid = await measure(db, details, embedder)
    _added("each /ask", hybrid[0], lexical[0])
    _added("each /search", hybrid[1], lexical[1])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--details", action="store_true", help="list every question got wrong")
    parser.add_argument(
        "--lexical", action="store_true", help="by words alone, even with the extra"
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        asyncio.run(measure_both(Path(folder) / "corpus.db", args.details, args.lexical))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
