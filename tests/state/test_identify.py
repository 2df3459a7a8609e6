"""Turns to IDENTIFY: processes sharing PostgreSQL space their gateway sessions across hosts;
with SQLite the bot keeps discord.py's own spacing."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from bot.discord_app.app import IDENTIFY_SPACING, MinimaxBot
from bot.state import SqliteState
from bot.state.interface import IdentifyTurns
from bot.state.postgres import PostgresState
from tests.state.engines import Engine, fresh_engine, postgres_skip_reason

needs_postgres = pytest.mark.skipif(
    postgres_skip_reason() is not None, reason=postgres_skip_reason() or ""
)


@pytest.fixture
async def postgres(tmp_path: Path) -> AsyncIterator[Engine]:
    async with fresh_engine("postgres", tmp_path) as engine:
        yield engine


@needs_postgres
async def test_processes_take_turns_one_spacing_apart(postgres: Engine) -> None:
    stores = [await postgres.open() for _ in range(3)]
    try:
        assert all(isinstance(store, PostgresState) for store in stores)
        waits = await asyncio.gather(
            *(store.identify_turn(0, 0.3) for store in stores if isinstance(store, PostgresState))
        )
        assert sorted(waits)[0] == 0.0  # the first goes at once
        assert sum(waits) >= 0.3 + 0.3 * 0.8  # each later one waited for the one before
    finally:
        for store in stores:
            await store.close()


@needs_postgres
async def test_another_bucket_does_not_wait(postgres: Engine) -> None:
    store = await postgres.open()
    try:
        assert isinstance(store, PostgresState)
        assert await store.identify_turn(0, 30) == 0.0
        assert await store.identify_turn(1, 30) == 0.0
    finally:
        await store.close()


class Turns:
    def __init__(self) -> None:
        self.taken: list[tuple[int, float]] = []

    async def identify_turn(self, bucket: int, spacing: float) -> float:
        self.taken.append((bucket, spacing))
        return 0.0


async def test_the_hook_takes_the_shared_turn_of_the_shards_bucket() -> None:
    turns = Turns()
    assert isinstance(turns, IdentifyTurns)
    bot: Any = SimpleNamespace(state=turns, identify_concurrency=2)
    await MinimaxBot.before_identify_hook(bot, 3, initial=True)
    await MinimaxBot.before_identify_hook(bot, 4)
    assert turns.taken == [(1, IDENTIFY_SPACING), (0, IDENTIFY_SPACING)]


async def test_with_sqlite_the_first_identify_goes_at_once(tmp_path: Path) -> None:
    async with await SqliteState.open(tmp_path / "state.db") as state:
        assert not isinstance(state, IdentifyTurns)
        bot = MinimaxBot.__new__(MinimaxBot)
        bot.state = state
        await asyncio.wait_for(bot.before_identify_hook(0, initial=True), timeout=2)
