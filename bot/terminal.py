"""Answers in the terminal: `minimax-bot ask "/model M2"` and the `minimax-bot console` prompt.

Both bring the index up to date first (cheap when nothing changed, and silent unless it did
index), open the corpus once, and answer through the same command table as the Discord bot:
the line is parsed (`bot.ask`) into the same typed call a slash command makes. `--locale`
gives the answers' fixed words in Chinese (zh-CN, zh-TW), as a Discord user of that locale
sees them; the corpus's words stay as written.

Exit codes of `ask`: 0 for an answer, including "no such model" (the command worked, and the
corpus says so); 2 for a request that does not fit the command table (unknown command, unknown
or missing option, bad value); 1 when the database or the index fails. The console keeps going
after any bad request and exits 0 at end of input, `exit` or `quit`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sys
from datetime import date
from pathlib import Path

from bot.ask import HELP, help_text, parse_line
from bot.cards.labels import DEFAULT, Locale, say, told
from bot.cards.text import render_text
from bot.commands import Call, UsageError, prepare
from bot.queries.corpus import Corpus
from bot.serving import Failure, open_for_answers

log = logging.getLogger(__name__)

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
PROMPT = "minimax> "
LEAVE = ("exit", "quit", "/exit", "/quit")


async def open_corpus(seeds: Path, db: Path, *, semantic: bool = False) -> Corpus:
    """Index `seeds` into `db` when anything changed, then open the corpus; when the index
    fails, say why and answer from the last good one (see `bot.serving`)."""
    corpus = await open_for_answers(seeds, db, semantic=semantic)
    if corpus.stale is not None:
        print(f"{corpus.stale}; answering from the last good index", file=sys.stderr)
    return corpus


async def answer(corpus: Corpus, call: Call, today: date, locale: Locale = DEFAULT) -> str:
    """One request: a console left open across a re-index answers from the new index whole."""
    async with corpus.request():
        return render_text(await call.answer(corpus, today), locale)


def ask(
    line: str, seeds: Path, db: Path, locale: Locale = DEFAULT, *, semantic: bool = False
) -> int:
    """Answer one command line; the exit code says how it went (see the module notes)."""
    today = date.today()
    try:
        request = parse_line(line)
        if request.command == HELP:
            print(help_text(request.options.get("command"), locale))
            return EXIT_OK
        call = prepare(request.command, request.options, today)
    except UsageError as error:
        print(told(str(error), error.wording, locale), file=sys.stderr)
        return EXIT_USAGE
    return asyncio.run(_ask(call, seeds, db, today, locale, semantic))


async def _ask(
    call: Call, seeds: Path, db: Path, today: date, locale: Locale, semantic: bool
) -> int:
    try:
        corpus = await open_corpus(seeds, db, semantic=semantic)
    except Failure as error:
        print(error, file=sys.stderr)
        return EXIT_FAILED
    try:
        text = await answer(corpus, call, today, locale)
    except Exception as error:  # a bug must still end in a message, not a traceback
        log.debug("answer failed", exc_info=True)
        print(sorry(error, locale), file=sys.stderr)
        return EXIT_FAILED
    finally:
        await corpus.close()
    print(text)
    return EXIT_OK


def sorry(error: Exception, locale: Locale) -> str:
    """A bug's one line: what failed, never a traceback."""
    return say("terminal.sorry", locale, error=f"{type(error).__name__}: {error}")


def respond(corpus: Corpus, runner: asyncio.Runner, line: str, locale: Locale = DEFAULT) -> str:
    """The console's reply to one line: an answer, help, or what is wrong with the request."""
    today = date.today()
    try:
        request = parse_line(line)
        if request.command == HELP:
            topic = request.options.get("command")
            extra = "" if topic else "\n" + say("terminal.leave", locale)
            return help_text(topic, locale) + extra
        call = prepare(request.command, request.options, today)
        return runner.run(answer(corpus, call, today, locale))
    except UsageError as error:
        return told(str(error), error.wording, locale)
    except Exception as error:  # a bug must not stop the console
        log.debug("answer failed", exc_info=True)
        return sorry(error, locale)


def console(seeds: Path, db: Path, locale: Locale = DEFAULT, *, semantic: bool = False) -> int:
    """Read commands until end of input, `exit` or `quit`; answer each on stdout."""
    interactive = sys.stdin.isatty()
    if interactive:
        with contextlib.suppress(ImportError):
            import readline  # noqa: F401  (line editing and history for input())
    with asyncio.Runner() as runner:
        try:
            corpus = runner.run(open_corpus(seeds, db, semantic=semantic))
        except Failure as error:
            print(error, file=sys.stderr)
            return EXIT_FAILED
        try:
            if interactive:
                print(say("terminal.welcome", locale))
            _loop(corpus, runner, interactive, locale)
        except KeyboardInterrupt:
            print()
            return EXIT_INTERRUPTED
        finally:
            runner.run(corpus.close())
    return EXIT_OK


def _loop(corpus: Corpus, runner: asyncio.Runner, interactive: bool, locale: Locale) -> None:
    first = True
    while True:
        try:
            line = input(PROMPT if interactive else "")
        except EOFError:
            if interactive:
                print()
            return
        text = line.strip()
        if text.lower() in LEAVE:
            return
        if not text:
            continue
        if not first and not interactive:
            print()  # a blank line between answers when the transcript goes to a pipe
        first = False
        print(respond(corpus, runner, text, locale), flush=True)
