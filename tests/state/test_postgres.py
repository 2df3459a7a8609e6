"""What only the PostgreSQL state has to show: migrations under a lock, a refused newer
schema, a claim raced from many connections, and a password that no error shows."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from bot.state.postgres import PostgresState, PostgresUnavailable
from bot.state.url import PostgresUrl
from bot.store import StoreError
from tests.state.engines import Engine, fresh_engine, postgres_skip_reason

pytestmark = pytest.mark.skipif(
    postgres_skip_reason() is not None, reason=postgres_skip_reason() or ""
)

NOW = datetime(2026, 6, 21, 9, tzinfo=UTC)
DAY = date(2026, 6, 21)


@pytest.fixture
async def engine(tmp_path: Path) -> AsyncIterator[Engine]:
    """PostgreSQL only (the shared suite runs both engines)."""
    async with fresh_engine("postgres", tmp_path) as engine:
        yield engine


async def test_processes_starting_together_apply_each_migration_once(engine: Engine) -> None:
    stores = await asyncio.gather(*(engine.open() for _ in range(6)))
    try:
        first = stores[0]
        assert isinstance(first, PostgresState)
        versions = await first._pool.fetch("SELECT version FROM state_schema ORDER BY version")
        assert [row["version"] for row in versions] == [1, 2]  # each once
    finally:
        await asyncio.gather(*(store.close() for store in stores))


async def test_a_newer_schema_is_refused_and_left_alone(engine: Engine) -> None:
    store = await engine.open()
    assert isinstance(store, PostgresState)
    await store._pool.execute("INSERT INTO state_schema (version) VALUES (99)")
    await store.close()
    with pytest.raises(StoreError, match="newer than this version"):
        await engine.open()


async def test_of_many_connections_claiming_one_day_exactly_one_wins(engine: Engine) -> None:
    stores = [await engine.open() for _ in range(3)]
    try:
        claims = await asyncio.gather(
            *(
                store.daily_claim(guild, DAY, 10, f"n{i}", NOW)
                for guild in range(1, 21)
                for i, store in enumerate(stores * 4)
            )
        )
        assert sum(claims) == 20
    finally:
        for store in stores:
            await store.close()


async def test_a_refused_password_is_never_shown(engine: Engine) -> None:
    url = PostgresUrl(engine.location)
    password = url.password
    assert password
    wrong = PostgresUrl(engine.location.replace(f":{password}@", ":not-the-pw-4521@"))
    with pytest.raises(PostgresUnavailable) as raised:
        await PostgresState.open(wrong)
    message = str(raised.value)
    assert "not-the-pw-4521" not in message and password not in message
    assert "***" in message and "127.0.0.1" in message


async def test_an_unreachable_server_is_a_short_error(engine: Engine) -> None:
    url = PostgresUrl("postgresql://u:hidden-pw-77@127.0.0.1:1/none")
    with pytest.raises(PostgresUnavailable) as raised:
        await PostgresState.open(url)
    assert "hidden-pw-77" not in str(raised.value)
