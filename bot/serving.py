"""Open the corpus to answer from: index the seeds first, and when that fails, keep serving the
last good index, marked stale with the reason (`/about` says so).

`ask`, `console` and `run` open the corpus this way; `index` reports the same failures, worded
by `database_problem`, and exits non-zero. A failed index never changes the database (one
transaction), so the last good index is whatever the database holds.
"""

from __future__ import annotations

import asyncio
import errno
import sqlite3
import sys
from pathlib import Path

from bot.domain.errors import IngestError
from bot.indexer import index_corpus
from bot.queries.corpus import Corpus
from bot.semantic import Embedder, load_embedder
from bot.store import StoreError

DATABASE_ERRORS = (StoreError, sqlite3.Error, OSError)


class Failure(Exception):
    """The corpus cannot be served: a short message for the user."""


async def open_for_answers(seeds: Path, db: Path, *, semantic: bool = False) -> Corpus:
    """Index `seeds` into `db` when anything changed, then open the corpus; `corpus.stale` holds
    why the index failed when the last good index is served instead. With `semantic` (the
    SEMANTIC setting) and the extra installed, new passages are embedded and search is hybrid.

    Without a seeds folder (a deployment may ship only the database), the index serves as it is.
    """
    stale = None
    embedder = load_embedder(semantic)
    if await asyncio.to_thread(seeds.is_dir):
        try:
            await _index(seeds, db, embedder)
        except Failure as error:
            if not await asyncio.to_thread(db.is_file):
                raise
            stale = str(error)
    elif await asyncio.to_thread(db.is_file):
        print(f"no seeds folder at {seeds}; answering from the index as it is", file=sys.stderr)
    else:
        raise Failure(f"no seeds folder at {seeds} and no database at {db}: nothing to answer from")
    try:
        corpus = await Corpus.open(db, meaning=embedder)
    except DATABASE_ERRORS as error:
        raise Failure(stale or f"cannot open the database: {database_problem(error, db)}") from None
    if stale is not None and not corpus.catalog.sources:  # no good index to fall back on
        await corpus.close()
        raise Failure(stale)
    corpus.stale = stale
    return corpus


async def _index(seeds: Path, db: Path, embedder: Embedder | None) -> None:
    if (problem := path_problem(db)) is not None:
        raise Failure(f"database error: {problem}")
    try:
        report = await index_corpus(seeds, db, embedder=embedder)
    except IngestError as error:
        raise Failure(f"index failed, nothing changed: {error}") from None
    except DATABASE_ERRORS as error:  # OSError covers a seeds folder gone meanwhile
        raise Failure(f"database error: {database_problem(error, db)}") from None
    if report.changed:
        ms = report.seconds * 1000
        print(f"indexed {report.indexed} document(s) into {db} in {ms:.0f} ms", file=sys.stderr)


def path_problem(db: Path) -> str | None:
    """What makes `db` no place for a database file, checked before opening it."""
    if db.is_dir():
        return f"{db}: is a folder, not a database file: give --db a file name"
    if any(parent.exists() and not parent.is_dir() for parent in db.parents):
        return f"{db}: a folder above it is a file"
    return None


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


def _chain(error: BaseException) -> list[BaseException]:
    """The error and those it happened while handling: a failed ROLLBACK hides the disk-full
    error that caused it."""
    chain: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in chain:
        chain.append(current)
        current = current.__cause__ or current.__context__
    return chain
