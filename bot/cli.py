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
import threading
import time
from collections.abc import Awaitable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from bot.cards.labels import DEFAULT as DEFAULT_LOCALE
from bot.cards.labels import LOCALES
from bot.paths import SEEDS_DIR
from bot.settings import Settings, SettingsError, load_settings

if TYPE_CHECKING:
    from bot.index_changes import IndexChanges
    from bot.indexer import IndexReport

EXIT_USAGE = 2
EXIT_FAILED = 1
SETTLE_SECONDS = 1.0
T = TypeVar("T")
CHANGES_SHOWN = 12  # entries listed per class and direction; the rest are counted
CHANGE_CHARS = 110
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


HELP_INTRO = """\
Answers about the AI company MiniMax from a small corpus, every answer with its sources:
in the terminal (no token needed) or as a Discord bot.

Settings come from the environment and from .env in the working folder (see .env.example).
"""
HELP_EXAMPLES = """\
examples:
  minimax-bot ask "/model M2"            one answer, as the bot would give it in Discord
  minimax-bot console                    type commands at a prompt, one answer each
  minimax-bot index                      bring the index up to date and show what it holds
  minimax-bot invite                     the URL that adds the bot to your server
  minimax-bot run                        serve on Discord until Ctrl-C
  minimax-bot sync --guild 1234567890    make the slash commands appear in one server now
  minimax-bot state status               the daily-post subscriptions and today's posts

`minimax-bot COMMAND --help` tells more about one command.
"""
SEEDS_HELP = "folder of documents to answer from (default: the shipped seeds/)"
DB_HELP = "the index database (default: DATABASE_PATH, else ~/.local/share/minimax-bot/)"


def _command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    summary: str,
    description: str,
    examples: Sequence[tuple[str, str]],
) -> argparse.ArgumentParser:
    """A subcommand whose --help says what it does and shows it in use."""
    width = max(len(line) for line, _ in examples) + 2
    shown = "\n".join(f"  minimax-bot {line:<{width}}{what}".rstrip() for line, what in examples)
    return commands.add_parser(
        name,
        help=summary,
        description=description,
        epilog=f"example{'s' if len(examples) > 1 else ''}:\n{shown}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


def _locale_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--locale",
        choices=LOCALES,
        default=DEFAULT_LOCALE,
        help="the language of the answers' labels, as Discord shows them (default: en); "
        "the corpus's own words stay as written",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="minimax-bot",
        description=HELP_INTRO,
        epilog=HELP_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(
        dest="command", required=True, metavar="COMMAND", title="commands"
    )
    index = _command(
        commands,
        "index",
        "bring the index of the documents up to date",
        "Read the documents (the shipped seeds/, or --seeds) into the index database and print\n"
        "what it holds. Only changed documents are read again; a run that fails changes\n"
        "nothing. ask, console and run do this by themselves when needed.",
        [("index", "update the default index"), ("index --db corpus.db", "into this file")],
    )
    one = _command(
        commands,
        "ask",
        "answer one command as the bot would, with its sources",
        "Answer one of the bot's commands here, as text with its sources. Options are\n"
        "name:value as in Discord; bare words fill the first option. `ask help` lists the\n"
        "commands and their options.",
        [
            ('ask "/model M2"', "the card of the model MiniMax-M2"),
            ('ask "/quote scaling laws"', "a quote about scaling laws"),
            ("ask help", "every command and its options"),
            ('ask --locale zh-CN "/model M2"', "the same card with its labels in Chinese"),
        ],
    )
    one.add_argument("line", help='the command line, e.g. "/timeline year:2025"')
    _locale_option(one)
    talk = _command(
        commands,
        "console",
        "an interactive prompt for the same commands",
        "Read commands line by line and answer each, until exit, quit or end of input.",
        [("console", "then type /model M2, /timeline 2025, help, ...")],
    )
    _locale_option(talk)
    run = _command(
        commands,
        "run",
        "connect to Discord and answer slash commands (needs DISCORD_TOKEN)",
        "Bring the index up to date, log in with DISCORD_TOKEN and answer slash commands\n"
        "until Ctrl-C or SIGTERM. Without DEV_GUILD_ID, commands are synced globally only\n"
        "when they changed. LOG_LEVEL sets how much it logs (to stderr).",
        [("run", "serve with the settings in .env")],
    )
    sync = _command(
        commands,
        "sync",
        "register the slash commands with Discord now, then exit",
        "Log in, register (sync) the slash commands globally or in one server, and exit.\n"
        "`run` syncs globally by itself when the commands changed; global commands can take\n"
        "a while to show up, a server's at once.",
        [("sync", "everywhere the bot is"), ("sync --guild 1234567890", "one server only")],
    )
    sync.add_argument("--guild", type=int, default=None, metavar="ID", help="only this server")
    for sub in (index, one, talk, run, sync):
        sub.add_argument("--seeds", type=Path, default=SEEDS_DIR, metavar="DIR", help=SEEDS_HELP)
        sub.add_argument("--db", type=Path, default=None, metavar="PATH", help=DB_HELP)
    state = _command(
        commands,
        "state",
        "export, import or summarise the guild state (settings, daily posts)",
        "The guild settings, the daily-post ledger and the bot's own state, wherever the\n"
        "settings keep them (DATABASE_URL, else STATE_PATH): `export` writes them as JSON\n"
        "lines, `import` adds the rows the state lacks (keeping those it has), `status`\n"
        "counts subscriptions, paused ones and why, and each guild's post today.",
        [
            ("state status", "subscriptions, paused ones, posts today"),
            ("state export > state.jsonl", "every row, one JSON object a line"),
            ("state import state.jsonl", "into the state DATABASE_URL names"),
        ],
    )
    state.add_argument("action", choices=("export", "import", "status"))
    state.add_argument(
        "file",
        nargs="?",
        type=Path,
        default=None,
        help="for import: the JSON lines file (default: stdin)",
    )
    invite = _command(
        commands,
        "invite",
        "print the URL that adds the bot to a server",
        "Print the link that adds the bot to a server, with its slash commands and the four\n"
        "permissions it needs. Open it in a browser and pick the server.",
        [("invite", "the client id read from DISCORD_TOKEN or APPLICATION_ID")],
    )
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
        return _index(args.seeds, db, semantic=settings.semantic)
    if args.command in ("run", "sync", "invite"):
        return _discord(args, settings)
    if args.command == "state":
        from bot.cli_state import state_command

        return state_command(settings, args.action, args.file)
    from bot.terminal import ask, console

    _forgiving_streams()
    try:
        if args.command == "ask":
            return ask(args.line, args.seeds, db, args.locale, semantic=settings.semantic)
        if args.command == "console":
            return console(args.seeds, db, args.locale, semantic=settings.semantic)
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


def _index(seeds: Path, db: Path, *, semantic: bool) -> int:
    from bot.domain.errors import IngestError
    from bot.indexer import index_corpus
    from bot.semantic import load_embedder
    from bot.serving import DATABASE_ERRORS, database_problem, path_problem

    if (problem := path_problem(db)) is not None:
        print(f"index failed: {problem}", file=sys.stderr)
        return EXIT_FAILED
    try:
        # By hand, a damaged index is reported; `run` and `ask` rebuild it by themselves.
        embedder = load_embedder(semantic)
        report = asyncio.run(
            _settled(index_corpus(seeds, db, rebuild_damaged=False, embedder=embedder))
        )
    except IngestError as error:
        print(f"index failed, nothing changed: {error}", file=sys.stderr)
        return EXIT_FAILED
    except DATABASE_ERRORS as error:
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
        if report.embedded:  # the semantic extra
            summary += f", {report.embedded:,} passage texts embedded"
    else:
        summary = f"nothing changed ({report.skipped} documents up to date)"
    lines = [f"{db}: {summary} in {report.seconds * 1000:.0f} ms", *rows]
    if report.changed:
        lines += change_lines(report.changes)
    return "\n".join(lines)


def change_lines(changes: IndexChanges, *, shown: int = CHANGES_SHOWN) -> list[str]:
    """What the run added and removed, per class, each list cut after `shown` entries."""
    from bot.domain.text import flatten, shorten

    if changes.empty:
        return ["what changed: no entity, event or disagreement added or removed"]
    lines = ["what changed:"]
    for name, change in changes.by_class.items():
        lines.append(f"  {name}: {len(change.added):,} new, {len(change.removed):,} removed")
        for sign, entries in (("+", change.added), ("-", change.removed)):
            lines += [f"    {sign} {shorten(flatten(e), CHANGE_CHARS)}" for e in entries[:shown]]
            if len(entries) > shown:
                lines.append(f"    {sign} … and {len(entries) - shown:,} more")
    return lines


if __name__ == "__main__":
    sys.exit(main())
