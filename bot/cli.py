"""The `minimax-bot` command: index the corpus, ask it one question, or talk to it in a console."""

from __future__ import annotations

import argparse
import asyncio
import io
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from bot.indexer import IndexReport, index_corpus
from bot.ingest.errors import IngestError
from bot.paths import SEEDS_DIR, default_database_path
from bot.store import StoreError
from bot.terminal import ask, console

EXIT_USAGE = 2
EXIT_FAILED = 1
COUNT_ORDER = (
    "documents",
    "passages",
    "quotes",
    "people",
    "models",
    "facts",
    "events",
    "conflicts",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="minimax-bot", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    index = commands.add_parser("index", help="index the seeds folder into the database")
    index.add_argument("--seeds", type=Path, default=SEEDS_DIR, help="folder of documents")
    index.add_argument("--db", type=Path, default=None, help="database file")
    one = commands.add_parser(
        "ask",
        help='answer one command, as Discord would: ask "/model M2"',
        description="Answer one command of the bot as text, with its citations. "
        "Options are name:value; bare words fill the first options. "
        'Try: ask "/model M2", ask "/quote speaker:Yan scaling laws", ask help.',
    )
    one.add_argument("line", help='the command line, e.g. "/timeline year:2025"')
    talk = commands.add_parser("console", help="an interactive prompt for the same commands")
    for sub in (one, talk):
        sub.add_argument("--seeds", type=Path, default=SEEDS_DIR, help="folder of documents")
        sub.add_argument("--db", type=Path, default=None, help="database file")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    db = args.db or default_database_path()
    if args.command == "index":
        return _index(args.seeds, db)
    _forgiving_streams()
    try:
        if args.command == "ask":
            return ask(args.line, args.seeds, db)
        if args.command == "console":
            return console(args.seeds, db)
    except BrokenPipeError:  # `minimax-bot ask ... | head`: the reader left, nothing to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    return EXIT_USAGE  # argparse rejects unknown commands before this


def _index(seeds: Path, db: Path) -> int:
    try:
        report = asyncio.run(index_corpus(seeds, db))
    except IngestError as error:
        print(f"index failed, nothing changed: {error}", file=sys.stderr)
        return EXIT_FAILED
    except (FileNotFoundError, StoreError) as error:
        print(f"index failed: {error}", file=sys.stderr)
        return EXIT_FAILED
    print(format_report(report, db))
    return 0


def _forgiving_streams() -> None:
    """Undecodable input and unprintable output become replacement characters, not errors."""
    for stream in (sys.stdin, sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="replace")


def format_report(report: IndexReport, db: Path) -> str:
    width = max(len(name) for name in COUNT_ORDER)
    rows = [f"  {name:<{width}}  {report.counts.get(name, 0):>8,}" for name in COUNT_ORDER]
    if report.changed:
        summary = f"indexed {report.indexed}, unchanged {report.skipped}, removed {report.removed}"
    else:
        summary = f"nothing changed ({report.skipped} documents up to date)"
    return "\n".join([f"{db}: {summary} in {report.seconds * 1000:.0f} ms", *rows])


if __name__ == "__main__":
    sys.exit(main())
