"""`minimax-bot run`, `sync` and `invite`: connecting to Discord, kept out of the CLI's parsing.

`run` brings the index up to date (as `ask` does), points discord.py at DISCORD_API_BASE and
DISCORD_GATEWAY_URL, logs at LOG_LEVEL with the token redacted, and serves until Ctrl-C or
SIGTERM, when it closes the gateway connection and the database cleanly (exit code 0).

Exit codes: 0 done; 1 the corpus or Discord failed; 2 the settings are missing or refused
(no token, a token Discord refuses, no client id for `invite`).
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import contextlib
import logging
import signal
import sqlite3
import sys
from collections.abc import Awaitable, Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import aiohttp
import discord

from bot.discord_app.app import MinimaxBot, point_at
from bot.discord_app.sync import sync_global, sync_guild
from bot.fingerprints import CURATED_META, seeds_unchanged
from bot.logs import redact, setup_logging
from bot.queries.corpus import Corpus
from bot.semantic import installed as semantic_installed
from bot.semantic import load_embedder
from bot.settings import Settings
from bot.state import StateStore
from bot.state.opening import open_state_store
from bot.store import DamagedDatabase, StoreError

log = logging.getLogger(__name__)

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
PORTAL = "https://discord.com/developers/applications"
NO_TOKEN = (
    f"no DISCORD_TOKEN: in the Discord Developer Portal ({PORTAL}) open your application, "
    "then Bot → Reset Token, and put DISCORD_TOKEN=<the token> in .env (see .env.example)"
)
BAD_TOKEN = (
    "Discord refused DISCORD_TOKEN: reset it in the Developer Portal (Bot → Reset Token) "
    "and update .env"
)
TOKEN_NOT_ONE_WORD = (
    "DISCORD_TOKEN has a space, line break or control character inside: copy it again from the "
    "Developer Portal (Bot → Reset Token) and put it in .env on one line"
)
NO_CLIENT_ID = (
    "no client id: pass --client-id, or set APPLICATION_ID (Developer Portal → your "
    "application → General Information → Application ID) or DISCORD_TOKEN in .env"
)
MALFORMED_TOKEN = (
    "DISCORD_TOKEN is malformed (its first part should be the bot's id, in base64): copy the "
    "token again (Developer Portal → Bot → Reset Token), or pass --client-id"
)
# What answering and the daily post need: see the channel, post in it, with embeds, and read
# back its own recent posts (a post in doubt after a lost response is confirmed, not resent).
PERMISSIONS = discord.Permissions(
    view_channel=True, send_messages=True, embed_links=True, read_message_history=True
)
SCOPES = ("bot", "applications.commands")
USER_SCOPES = ("applications.commands",)  # a user install has commands, no bot user
GUILD_INSTALL, USER_INSTALL = 0, 1  # OAuth2 integration_type
GRACE_SECONDS = 2.0  # after a signal, for discord.py to close before its task is cancelled
CLOSE_SECONDS = 1.0  # then for its close to finish before the database closes

Action = Callable[[MinimaxBot], Awaitable[None]]


def fail(message: str, secrets: Iterable[str] = ()) -> None:
    """One line on stderr; Discord's answers quoted in it may echo a token, so it is redacted."""
    print(f"minimax-bot: {redact(message, secrets)}", file=sys.stderr)


# --- invite ---------------------------------------------------------------------------------
def invite_url(client_id: int) -> str:
    """Adds the bot to a server (a guild install), with its least permissions."""
    url = discord.utils.oauth_url(client_id, permissions=PERMISSIONS, scopes=SCOPES)
    return f"{url}&integration_type={GUILD_INSTALL}"


def user_install_url(client_id: int) -> str:
    """Installs the app for one user: its commands in their DMs and in any server, no bot."""
    url = discord.utils.oauth_url(client_id, scopes=USER_SCOPES)
    return f"{url}&integration_type={USER_INSTALL}"


def client_id_from_token(token: str) -> int | None:
    """A bot token's first segment is its user id in base64; for all but some very old
    applications the bot's user id is the application (client) id."""
    first = token.split(".", 1)[0].replace("-", "+").replace("_", "/")
    try:
        text = base64.b64decode(first + "=" * (-len(first) % 4), validate=True).decode("ascii")
    except (binascii.Error, UnicodeDecodeError):
        return None
    return int(text) if text.isdigit() and 17 <= len(text) <= 20 else None


def invite(settings: Settings, client_id: int | None) -> int:
    """Print the OAuth2 URLs: one adds the bot to a server with its commands and least
    permissions, one installs the commands for the user who opens it."""
    if client_id is None:
        client_id = settings.application_id
    if client_id is None and settings.token is not None:
        client_id = client_id_from_token(settings.token)
        if client_id is None:
            fail(MALFORMED_TOKEN)
            return EXIT_USAGE
    if client_id is None:
        fail(NO_CLIENT_ID)
        return EXIT_USAGE
    print(f"Add to a server:   {invite_url(client_id)}")
    print(f"Install for yourself (your DMs and any server): {user_install_url(client_id)}")
    return EXIT_OK


# --- run and sync ---------------------------------------------------------------------------
def token_problem(token: str | None) -> str | None:
    """Why `token` cannot be sent (an HTTP header refuses a line break), or None."""
    if token is None:
        return NO_TOKEN
    if any(char.isspace() or not char.isprintable() for char in token):
        return TOKEN_NOT_ONE_WORD
    return None


def run(settings: Settings, seeds: Path) -> int:
    """Connect and serve until stopped."""
    token = settings.token
    if (problem := token_problem(token)) is not None:
        fail(problem)
        return EXIT_USAGE
    assert token is not None
    setup_logging(settings.log_level, secrets=settings.secrets())
    try:
        return asyncio.run(serve(settings, seeds, lambda bot: bot.start(token)))
    except KeyboardInterrupt:  # before the signal handlers were in place, or on Windows
        return EXIT_OK


def sync(settings: Settings, seeds: Path, guild_id: int | None) -> int:
    """Log in (no gateway), sync the commands globally or to one guild, and exit."""
    token = settings.token
    if (problem := token_problem(token)) is not None:
        fail(problem)
        return EXIT_USAGE
    assert token is not None
    setup_logging(settings.log_level, secrets=settings.secrets())
    return asyncio.run(sync_now(settings, seeds, guild_id))


async def sync_now(settings: Settings, seeds: Path, guild_id: int | None) -> int:
    token = settings.token
    assert token is not None

    async def sync_commands(bot: MinimaxBot) -> None:
        await bot.login(token)  # runs setup_hook: the extensions, hence the commands
        if guild_id is not None:
            print(f"synced {await sync_guild(bot, guild_id)} command(s) to guild {guild_id}")
        else:
            print(f"synced {await sync_global(bot, force=True)} global command(s)")

    return await serve(settings, seeds, sync_commands, sync_commands=False)


async def serve(
    settings: Settings, seeds: Path, action: Action, *, sync_commands: bool = True
) -> int:
    """Open the corpus, build the bot, run `action` on it, close both: the exit code."""
    corpus = await open_for_serving(seeds, settings.database_path, semantic=settings.semantic)
    if corpus is None:
        return EXIT_FAILED
    try:
        state = await open_state(settings)
        if state is None:
            return EXIT_FAILED
        try:
            point_at(settings)
            log.info("serving %s through %s", settings.database_path, settings.discord_api_base)
            bot = MinimaxBot(corpus, settings, state=state, sync_commands=sync_commands)
            with stop_on_signals(bot) as stopper:
                return await stopper.until_stopped(_connected(bot, action, settings, stopper))
        finally:
            await state.close()
    finally:
        await corpus.close()


async def open_state(settings: Settings) -> StateStore | None:
    """The state: in PostgreSQL with DATABASE_URL, else the state file, with whatever an older
    version kept in the corpus moved into it; None (after saying why) when it cannot be
    opened. A damaged state file is never replaced; the database password is never shown."""
    url, path = settings.state_url, settings.state_file
    try:
        return await open_state_store(url, path, legacy_corpus=settings.database_path)
    except DamagedDatabase as error:
        fail(
            f"the state file is damaged ({error}); it holds the guilds' daily-post settings, "
            "so it is left as it is: restore it from a backup, or move it away to start afresh"
        )
    except (StoreError, sqlite3.Error, OSError) as error:
        if url is not None:
            fail(f"cannot open the state in PostgreSQL: {url.scrub(str(error))}")
        else:
            fail(f"cannot open the state file {path}: {error}")
    return None


async def open_for_serving(seeds: Path, db: Path, *, semantic: bool = False) -> Corpus | None:
    """Bring the index up to date in a short-lived child process, then open it here; None
    (after saying why) when there is nothing to serve. When the index fails the last good
    index is served, marked stale with the reason (`/about` shows it), and the error logged.

    The child runs `serving.open_for_answers`, as `ask` does. Running it there keeps the
    parsers (ftfy, the document forms; about 4 MiB) and whatever indexing allocates out of the
    long-running bot, whose memory Python would not give back to the system. When the index
    already holds the seeds as they are, there is nothing for a child to do, and starting
    one (a fresh interpreter importing the bot) was most of the time to ready. With the
    semantic extra the child also embeds passages new to the model, so it always runs."""
    if not (semantic and semantic_installed()):
        current = await open_if_current(seeds, db)
        if current is not None:
            return current
    # Imported here: most starts find the index current and never need a child (0.5 MiB).
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    spawn = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(1, mp_context=spawn) as child:
        indexed = await asyncio.get_running_loop().run_in_executor(
            child, index_only, seeds, db, semantic
        )
    if indexed.failure is not None:
        fail(indexed.failure)
        return None
    try:
        corpus = await Corpus.open(db, meaning=load_embedder(semantic))
    except (StoreError, sqlite3.Error, OSError) as error:
        fail(f"cannot open the database {db}: {error}")
        return None
    if indexed.stale is not None:
        log.error("%s; serving the last good index (/about says so)", indexed.stale)
        corpus.stale = indexed.stale
    return corpus


async def open_if_current(seeds: Path, db: Path) -> Corpus | None:
    """The corpus at `db` (integrity checked, as always), when it holds `seeds` as they are
    now by the indexer's own test (`fingerprints.seeds_unchanged`); None when it may not, or
    cannot be opened here: the child then indexes, or says what is wrong."""
    if not (await asyncio.to_thread(db.is_file) and await asyncio.to_thread(seeds.is_dir)):
        return None
    try:
        corpus = await Corpus.open(db)
    except (StoreError, sqlite3.Error, OSError):
        return None
    try:
        stored = await corpus.store.fingerprints()
        curated = await corpus.store.meta_get(CURATED_META)
        if await asyncio.to_thread(seeds_unchanged, seeds, stored, curated):
            return corpus
    except (StoreError, sqlite3.Error, OSError):
        pass
    await corpus.close()
    return None


@dataclass(frozen=True)
class Indexed:
    """What the child's index came to: nothing to serve (`failure`), or the reason the
    database holds an older index than the seeds (`stale`)."""

    failure: str | None = None
    stale: str | None = None


def index_only(seeds: Path, db: Path, semantic: bool = False) -> Indexed:
    """In the child: index as `ask` would."""
    from bot.serving import Failure, open_for_answers

    async def index() -> str | None:
        corpus = await open_for_answers(seeds, db, semantic=semantic)
        await corpus.close()
        return corpus.stale

    try:
        return Indexed(stale=asyncio.run(index()))
    except Failure as error:
        return Indexed(failure=str(error))


async def _connected(bot: MinimaxBot, action: Action, settings: Settings, stopper: Stopper) -> int:
    secrets = settings.secrets()
    try:
        async with bot:  # closes the bot however the action ends
            await action(bot)
    except discord.LoginFailure:
        fail(BAD_TOKEN)
        return EXIT_USAGE
    except discord.Forbidden as error:
        fail(
            f"Discord refused ({error.text}): was the bot invited with the commands scope?", secrets
        )
        return EXIT_FAILED
    except discord.HTTPException as error:
        fail(f"Discord answered {error.status}: {error.text or 'no details'}", secrets)
        return EXIT_FAILED
    except (aiohttp.ClientError, OSError, discord.GatewayNotFound) as error:
        if stopper.signals:  # the connection went down because we asked it to
            return EXIT_OK
        fail(f"cannot reach Discord at {settings.discord_api_base}: {error}")
        return EXIT_FAILED
    if stopper.signals:
        log.info("stopped on %s", stopper.signals[0].name)
    return EXIT_OK


class Stopper:
    """Closes the bot on SIGINT or SIGTERM, which ends `bot.start` (see `stop_on_signals`).

    discord.py's own close does not end a reconnect in progress: its back-off sleep (up to
    minutes with Discord unreachable) and a gateway handshake (up to 60 s) run in the task that
    `bot.start` awaits. So the connection gets `GRACE_SECONDS` to end by itself, then its task
    is cancelled; a second signal cancels it at once."""

    def __init__(self, bot: MinimaxBot) -> None:
        self.bot = bot
        self.signals: list[signal.Signals] = []
        self._closing: asyncio.Task[None] | None = None
        self._work: asyncio.Future[int] | None = None

    def __call__(self, sig: signal.Signals) -> None:
        self.signals.append(sig)
        loop = asyncio.get_running_loop()
        if self._closing is None:
            log.info("%s: closing the connection", sig.name)
            self._closing = loop.create_task(self.bot.close())
            loop.call_later(GRACE_SECONDS, self._cut)
        else:
            self._cut()

    def _cut(self) -> None:
        if self._work is not None and not self._work.done():
            log.info("the connection did not end by itself: stopping it")
            self._work.cancel()

    async def until_stopped(self, work: Awaitable[int]) -> int:
        """`work`'s exit code; EXIT_OK when a signal had to cut it short."""
        self._work = task = asyncio.ensure_future(work)
        try:
            await asyncio.wait({task})
        finally:
            task.cancel()  # a no-op unless our caller was cancelled meanwhile
        if self._closing is not None:  # let a close the signal started end before the corpus
            await asyncio.wait({self._closing}, timeout=CLOSE_SECONDS)
        if task.cancelled():
            log.info("stopped on %s", self.signals[0].name if self.signals else "cancel")
            return EXIT_OK
        return task.result()


@contextlib.contextmanager
def stop_on_signals(bot: MinimaxBot) -> Iterator[Stopper]:
    """Where the loop cannot take signal handlers (Windows), Ctrl-C cancels `asyncio.run`'s
    task instead, which closes the bot and the corpus on the way out too."""
    loop = asyncio.get_running_loop()
    stopper = Stopper(bot)
    installed = []
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stopper, sig)
            installed.append(sig)
    try:
        yield stopper
    finally:
        for sig in installed:
            loop.remove_signal_handler(sig)
