"""The `minimax-bot` command: index the corpus, ask it, talk to it, or serve it on Discord.

Every command reads the settings (environment and `.env`, see `.env.example`); `--db` overrides
DATABASE_PATH. `run`, `sync` and `invite` live in `bot.runner`. Each command imports what it
needs when it runs: the long-running bot never loads the parsers (see `bot.runner`).
"""

from __future__ import annotations

import argparse
import asyncio
import errno
import io
import logging
import os
import sqlite3
import sys
import threading
import time
from collections.abc import Awaitable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from bot.paths import SEEDS_DIR
from bot.settings import Settings, SettingsError, load_settings

if TYPE_CHECKING:
    from bot.indexer import IndexReport

EXIT_USAGE = 2
EXIT_FAILED = 1
SETTLE_SECONDS = 1.0
T = TypeVar("T")
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

    if (problem := path_problem(db)) is not None:
        print(f"index failed: {problem}", file=sys.stderr)
        return EXIT_FAILED
    try:
        report = asyncio.run(_settled(index_corpus(seeds, db)))
    except IngestError as error:
        print(f"index failed, nothing changed: {error}", file=sys.stderr)
        return EXIT_FAILED
    except (StoreError, sqlite3.Error, OSError) as error:
        print(f"index failed: {database_problem(error, db)}", file=sys.stderr)
        return EXIT_FAILED
    print(format_report(report, db))
    return 0


async def _settled(work: Awaitable[T]) -> T:
    """`work`, and when it fails, a moment for database threads to end before the loop does.

    aiosqlite answers a failed connect's clean-up from its worker thread a moment later; if
    the loop is closed by then, that thread prints a traceback of its own."""
    try:
        return await work
    except Exception:
        await asyncio.to_thread(_join_database_threads, time.monotonic() + SETTLE_SECONDS)
        raise


def _join_database_threads(deadline: float) -> None:
    for thread in threading.enumerate():
        if thread.name.endswith("(_connection_worker_thread)"):
            thread.join(max(0.0, deadline - time.monotonic()))


def path_problem(db: Path) -> str | None:
    """What makes `db` no place for a database file, checked before opening it."""
    if db.is_dir():
        return f"{db}: is a folder, not a database file: give --db a file name"
    if any(parent.exists() and not parent.is_dir() for parent in db.parents):
        return f"{db}: a folder above it is a file"
    return None


def _chain(error: BaseException) -> list[BaseException]:
    """The error and those it happened while handling: a failed ROLLBACK hides the disk-full
    error that caused it."""
    chain: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in chain:
        chain.append(current)
        current = current.__cause__ or current.__context__
    return chain


def database_problem(error: Exception, db: Path) -> str:
    """One line naming the file and what is wrong with it, for any error opening or writing
    the database (the seeds folder's problems are IngestErrors)."""
    text = " / ".join(str(cause) for cause in _chain(error))
    if (isinstance(error, OSError) and error.errno == errno.ENOSPC) or "disk is full" in text:
        return f"{db}: the disk is full; nothing changed (free some space, then index again)"
    if "disk I/O error" in text:
        return f"{db}: the disk refused a write ({text}); nothing changed"
    if "locked" in text or "busy" in text:
        return f"{db}: another process is writing to it (an index?): let it end, then index again"
    if "not a database" in text or "malformed" in text:
        return f"{db}: not a usable SQLite database ({text}): move it aside and index again"
    if "readonly" in text or isinstance(error, PermissionError):
        return f"{db}: cannot write there (read-only file or folder?)"
    if (where := path_problem(db)) is not None:
        return where
    if "unable to open" in text:
        return f"{db}: cannot create or open it (does its folder exist, may I write there?)"
    named = getattr(error, "filename", None) or db
    return f"{named}: {getattr(error, 'strerror', None) or text}"


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
