"""The two state engines the state tests run against: SQLite (a file per test) and
PostgreSQL (a schema per test in the server `MINIMAX_BOT_TEST_POSTGRES_URL` names; `.ci/run`
starts one, `eval "$(bash .ci/postgres start /tmp/pg)"` starts one by hand)."""

from __future__ import annotations

import importlib.util
import os
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from bot.state import SqliteState, TransferableState
from bot.state.url import PostgresUrl

POSTGRES_URL_VARIABLE = "MINIMAX_BOT_TEST_POSTGRES_URL"


def postgres_url() -> str | None:
    return os.environ.get(POSTGRES_URL_VARIABLE, "").strip() or None


def postgres_skip_reason() -> str | None:
    if postgres_url() is None:
        return (
            f"{POSTGRES_URL_VARIABLE} is not set (.ci/run sets it; by hand: "
            'eval "$(bash .ci/postgres start /tmp/minimax-pg)")'
        )
    if importlib.util.find_spec("asyncpg") is None:
        return "asyncpg is not installed: pip install -e '.[postgres]'"
    return None


ENGINES = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param(
        "postgres",
        id="postgres",
        marks=pytest.mark.skipif(
            postgres_skip_reason() is not None, reason=postgres_skip_reason() or ""
        ),
    ),
]


@dataclass(frozen=True)
class Engine:
    """Where one test's state lives: a file path, or a PostgreSQL URL to its own schema.
    Picklable, so a spawned process can open the same state."""

    name: str
    location: str

    async def open(self) -> TransferableState:
        if self.name == "sqlite":
            return await SqliteState.open(Path(self.location))
        from bot.state.postgres import PostgresState

        return await PostgresState.open(PostgresUrl(self.location))


async def _admin(sql: str) -> None:
    import asyncpg  # only with the postgres engine

    url = postgres_url()
    assert url is not None
    conn: Any = await asyncpg.connect(url)
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


@asynccontextmanager
async def fresh_engine(name: str, tmp_path: Path) -> AsyncIterator[Engine]:
    """An empty state of engine `name`, removed afterwards."""
    if name == "sqlite":
        yield Engine(name, str(tmp_path / "state.db"))
        return
    url = postgres_url()
    assert url is not None
    schema = f"test_{secrets.token_hex(6)}"
    await _admin(f"CREATE SCHEMA {schema}")
    separator = "&" if "?" in url else "?"
    try:
        yield Engine(name, f"{url}{separator}search_path={schema}")
    finally:
        await _admin(f"DROP SCHEMA {schema} CASCADE")
