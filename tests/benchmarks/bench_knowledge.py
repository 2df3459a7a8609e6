"""What the index knows of the team's reading (tests/gold/), per class: entities (model and
product cards), names, people and quotes, each as in the corpus / right / wrong / missing.

    python -m tests.benchmarks.bench_knowledge [--details] [--class names]

Indexes the seeds into a temporary database first. Prints figures; never fails on a target.
`names/card` counts only the names of what the index can hold today (models, products, people,
and the ambiguous and unknown ones): companies and organisations have no card yet.

Before issue 14 (main at d1b5ee1):
    entities   in the corpus   83  right   28  wrong   6  missing  49  (34%)
    names      in the corpus  217  right  105  wrong   9  missing 103  (48%)
    names/card in the corpus  162  right  105  wrong   7  missing  50  (65%)
    people     in the corpus   68  right    4  wrong   0  missing  64  (6%)
    quotes     in the corpus  104  right   70  wrong   0  missing  34  (67%)
After (branch knowledge):
    entities   in the corpus   83  right   83  wrong   0  missing   0  (100%)
    names      in the corpus  217  right  156  wrong   0  missing  61  (72%)
    names/card in the corpus  162  right  156  wrong   0  missing   6  (96%)
    people     in the corpus   68  right   68  wrong   0  missing   0  (100%)
    quotes     in the corpus  104  right   98  wrong   0  missing   6  (94%)
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
from collections.abc import Sequence
from pathlib import Path

from bot.indexer import index_corpus
from bot.paths import SEEDS_DIR
from bot.queries.corpus import Corpus
from tests.quality.scoring import Score, score_all
from tests.quality.scoring_disagreements import score_disagreement_classes
from tests.quality.scoring_events import score_event_classes


async def measure(db: Path) -> list[Score]:
    await index_corpus(SEEDS_DIR, db)
    corpus = await Corpus.open(db)
    try:
        return [
            *await score_all(corpus),
            *await score_event_classes(corpus),
            *await score_disagreement_classes(corpus),
        ]
    finally:
        await corpus.close()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--details", action="store_true", help="list every wrong and missing entry")
    parser.add_argument("--class", dest="only", help="details of one class only")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        scores = asyncio.run(measure(Path(folder) / "corpus.db"))
    for score in scores:
        print(score.line())
    for score in scores:
        if (args.details or args.only) and args.only in (None, score.name):
            for title, entries in (("WRONG", score.wrong), ("MISSING", score.missing)):
                for entry in entries:
                    print(f"  {score.name} {title}: {entry}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
