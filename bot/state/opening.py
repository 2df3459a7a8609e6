"""Open the state the settings name: PostgreSQL with DATABASE_URL, else the SQLite file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from bot.state.interface import TransferableState
from bot.state.sqlite import SqliteState
from bot.state.url import PostgresUrl

if TYPE_CHECKING:
    from bot.settings import Settings


async def open_state_store(
    url: PostgresUrl | None, path: Path, *, legacy_corpus: Path | None = None
) -> TransferableState:
    """PostgreSQL when `url` is given (asyncpg imported only then), else the file at `path`."""
    if url is not None:
        from bot.state.postgres import PostgresState

        return await PostgresState.open(url)
    return await SqliteState.open(path, legacy_corpus=legacy_corpus)


def state_location(settings: Settings) -> str:
    """Where the state is, for messages: the URL without its password, or the file."""
    url = settings.state_url
    return str(settings.state_file) if url is None else f"PostgreSQL {url}"
