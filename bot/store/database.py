"""Open an SQLite database: pragmas, an integrity check, then its numbered migrations.

There are two databases, each with its own folder of migrations at the top of the repository
(next to `bot/`): the corpus index (`db/corpus/NNN_name.sql`) and the state (`db/state/`). They
are found relative to the installed `bot` package; the project is installed in editable mode,
so they are read from the source tree. Each migration runs in its own `BEGIN IMMEDIATE`
transaction that ends with `PRAGMA user_version = NNN`, so a database is always at exactly one
schema version.
"""

from __future__ import annotations

import asyncio
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import aiosqlite

from bot.store.checked_stamp import unchanged_since_check
from bot.store.fts import cjk_spaced


class StoreError(Exception):
    """A database that cannot be used: newer schema, missing or broken migrations, bad data."""


class DamagedDatabase(StoreError):
    """The file is not an SQLite database, or its integrity check failed."""


# bot/store/database.py -> the repository (or source tree) root -> db/
MIGRATIONS_DIR = Path(__file__).resolve().parents[2] / "db"
CORPUS_MIGRATIONS = MIGRATIONS_DIR / "corpus"
STATE_MIGRATIONS = MIGRATIONS_DIR / "state"
# Past a checkpoint the WAL is cut back to this size, rather than staying as large as the
# largest transaction ever written (a full index run).
WAL_SIZE_LIMIT = 4 * 1024 * 1024
_MIGRATION_NAME = re.compile(r"^(\d{3})_[A-Za-z0-9_]+\.sql$")
MEMORY = ":memory:"
_WAL_RETRY_SECONDS = 0.02
_WAL_ATTEMPTS = 250  # about the 5 s busy timeout


@dataclass(frozen=True)
class Migration:
    version: int
    path: Path

    def statements(self) -> list[str]:
        """The migration's SQL split into complete statements (trigger bodies kept whole)."""
        return split_statements(self.path.read_text(encoding="utf-8"))


def split_statements(script: str) -> list[str]:
    """Split an SQL script at the semicolons that end statements.

    `sqlite3.complete_statement` knows about string literals, comments and `BEGIN ... END`
    trigger bodies, so a semicolon inside any of those does not end a statement.
    """
    statements: list[str] = []
    buffer = ""
    *pieces, last = script.split(";")
    for piece in pieces:
        buffer += piece + ";"
        if sqlite3.complete_statement(buffer):
            if not _only_comments(buffer.rstrip(";")):
                statements.append(buffer.strip())
            buffer = ""
    rest = buffer + last
    if not _only_comments(rest):
        raise StoreError(f"unterminated SQL statement at the end of the script: {rest.strip()!r}")
    return statements


def _only_comments(text: str) -> bool:
    lines = (line.strip() for line in text.splitlines())
    return all(not line or line.startswith("--") for line in lines)


def find_migrations(directory: Path = CORPUS_MIGRATIONS) -> list[Migration]:
    """The migrations in `directory`, by number; numbers must run 1, 2, 3 ... without gaps."""
    if not directory.is_dir():
        raise StoreError(
            f"migrations directory not found: {directory} "
            "(the package expects db/ next to bot/; install the project in editable mode)"
        )
    found: dict[int, Path] = {}
    for path in directory.glob("*.sql"):
        match = _MIGRATION_NAME.match(path.name)
        if match is None:
            raise StoreError(f"not a migration file name (want NNN_name.sql): {path}")
        version = int(match.group(1))
        if version in found:
            raise StoreError(f"two migrations numbered {version}: {found[version]}, {path}")
        found[version] = path
    versions = sorted(found)
    if versions != list(range(1, len(versions) + 1)):
        raise StoreError(f"migrations must be numbered 001, 002, ... without gaps: {versions}")
    return [Migration(version, found[version]) for version in versions]


SCHEMA_VERSION = len(find_migrations(CORPUS_MIGRATIONS))
STATE_SCHEMA_VERSION = len(find_migrations(STATE_MIGRATIONS))


async def open_database(
    path: Path | str,
    *,
    migrations_dir: Path = CORPUS_MIGRATIONS,
    check: bool = False,
    cache_kib: int | None = None,
) -> aiosqlite.Connection:
    """Connect, set the pragmas, check integrity when asked (`check`; not again for a file
    unchanged since the indexer stamped it checked, see checked_stamp), and bring the schema
    up to date. A file that is not a database, or fails the check, raises DamagedDatabase.
    `cache_kib` bounds SQLite's page cache of this connection (SQLite's default: 2,000 KiB),
    set before the check reads the whole file through it.

    The connection is in autocommit mode (`isolation_level=None`): writers open transactions
    explicitly with `BEGIN IMMEDIATE`.
    """
    migrations = find_migrations(migrations_dir)
    if str(path) != MEMORY:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    conn = await aiosqlite.connect(path, isolation_level=None)
    try:
        conn.row_factory = aiosqlite.Row
        # The ranked-search tables' triggers call it (migration 007): every connection has it.
        await conn.create_function("cjk_spaced", 1, cjk_spaced, deterministic=True)
        await conn.execute("PRAGMA busy_timeout = 5000")
        if cache_kib is not None:
            await conn.execute(f"PRAGMA cache_size = -{int(cache_kib)}")  # negative: KiB
        await _enable_wal(conn, path)
        await conn.execute("PRAGMA foreign_keys = ON")
        await conn.execute("PRAGMA synchronous = NORMAL")
        await conn.execute(f"PRAGMA journal_size_limit = {WAL_SIZE_LIMIT}")
        if check and not (str(path) != MEMORY and unchanged_since_check(Path(path))):
            await quick_check(conn, path)
        await _migrate(conn, migrations, path)
    except sqlite3.DatabaseError as error:
        await conn.close()
        if is_damage(error):
            raise DamagedDatabase(f"{path}: {error}") from error
        raise
    except BaseException:
        await conn.close()
        raise
    return conn


def is_damage(error: sqlite3.Error) -> bool:
    """Whether SQLite says the file itself is broken (not locked, missing or read-only)."""
    text = str(error).lower()
    return any(sign in text for sign in ("malformed", "not a database", "corrupt"))


async def quick_check(conn: aiosqlite.Connection, path: Path | str) -> None:
    """SQLite's `PRAGMA quick_check`: the b-trees are well formed (indexes against their
    tables are not compared, which makes it fast enough for every start)."""
    async with conn.execute("PRAGMA quick_check") as cursor:
        problems = [str(row[0]) for row in await cursor.fetchall()]
    if problems != ["ok"]:
        shown = "; ".join(problems[:3])
        raise DamagedDatabase(f"{path}: the integrity check failed: {shown}")


async def _enable_wal(conn: aiosqlite.Connection, path: Path | str) -> None:
    """Switch to WAL. Changing the journal mode does not wait on the busy handler, so when
    several processes open a new database at once, retry for up to the busy timeout."""
    for attempt in range(_WAL_ATTEMPTS):
        try:
            async with conn.execute("PRAGMA journal_mode = WAL") as cursor:
                row = await cursor.fetchone()
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt == _WAL_ATTEMPTS - 1:
                raise StoreError(f"{path}: cannot switch to WAL mode: {exc}") from exc
            await asyncio.sleep(_WAL_RETRY_SECONDS)
            continue
        mode = str(row[0]).lower() if row is not None else ""
        if mode not in ("wal", "memory"):
            raise StoreError(f"{path}: cannot switch to WAL mode (journal mode is {mode!r})")
        return


async def user_version(conn: aiosqlite.Connection) -> int:
    async with conn.execute("PRAGMA user_version") as cursor:
        row = await cursor.fetchone()
    return int(row[0]) if row is not None else 0


async def _migrate(
    conn: aiosqlite.Connection, migrations: list[Migration], path: Path | str
) -> None:
    latest = migrations[-1].version if migrations else 0
    current = await user_version(conn)
    if current > latest:
        raise StoreError(
            f"{path}: the database is at schema version {current}, but this version of "
            f"minimax-bot knows schema versions up to {latest}; it was written by a newer "
            "version of minimax-bot"
        )
    for migration in migrations:
        if migration.version <= current:
            continue
        statements = migration.statements()
        await conn.execute("BEGIN IMMEDIATE")
        try:
            # Another process may have migrated while we waited for the write lock.
            if await user_version(conn) >= migration.version:
                await conn.execute("COMMIT")
                continue
            for statement in statements:
                await conn.execute(statement)
            # PRAGMA takes no bound parameters; the version is an int parsed from a file name.
            await conn.execute(f"PRAGMA user_version = {int(migration.version)}")
            await conn.execute("COMMIT")
        except BaseException as exc:
            await conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise StoreError(f"migration {migration.path.name} failed: {exc}") from exc
            raise
