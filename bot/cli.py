"""The `minimax-bot` command: index the corpus, ask it, talk to it, or serve it on Discord.

Every command reads the settings (environment and `.env`, see `.env.example`); `--db` overrides
DATABASE_PATH. `run`, `sync` and `invite` live in `bot.runner`. Each command imports what it
needs when it runs: the long-running bot never loads the parsers (see `bot.runner`).
"""

from __future__ import annotations

import argparse
import asyncio
import io
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from bot.paths import SEEDS_DIR
from bot.settings import Settings, SettingsError, load_settings

if TYPE_CHECKING:
    from bot.indexer import IndexReport

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
    run = commands.add_parser("run", help="connect to Discord and serve (DISCORD_TOKEN)")
    sync = commands.add_parser(
        "sync",
        help="register the slash commands with Discord now, then exit",
        description="Log in, sync the commands globally (or to one guild) and exit. "
        "`run` syncs globally by itself only when the commands changed.",
    )
    sync.add_argument("--guild", type=int, default=None, metavar="ID", help="only this guild")
    for sub in (one, talk, run, sync):
        sub.add_argument("--seeds", type=Path, default=SEEDS_DIR, help="folder of documents")
        sub.add_argument("--db", type=Path, default=None, help="database file")
    invite = commands.add_parser("invite", help="print the URL that adds the bot to a server")
    invite.add_argument(
        "--client-id",
        type=int,
        default=None,
        metavar="ID",
        help="the application id (default: APPLICATION_ID, else read from DISCORD_TOKEN)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        settings = load_settings()
    except SettingsError as error:
        print(f"minimax-bot: {error} (check the environment and .env)", file=sys.stderr)
        return EXIT_USAGE
    if getattr(args, "db", None) is not None:
        settings = settings.model_copy(update={"database_path": args.db})
    return _dispatch(args, settings)


def _dispatch(args: argparse.Namespace, settings: Settings) -> int:
    db = settings.database_path
    if args.command == "index":
        return _index(args.seeds, db)
    if args.command in ("run", "sync", "invite"):
        return _discord(args, settings)
    from bot.terminal import ask, console

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


def _discord(args: argparse.Namespace, settings: Settings) -> int:
    from bot import runner  # discord.py is imported only by the commands that talk to Discord

    if args.command == "run":
        return runner.run(settings, args.seeds)
    if args.command == "sync":
        return runner.sync(settings, args.seeds, args.guild)
    return runner.invite(settings, args.client_id)


def _index(seeds: Path, db: Path) -> int:
    from bot.domain.errors import IngestError
    from bot.indexer import index_corpus
    from bot.store import StoreError

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
