"""The guild tables through the state: subscriptions, pauses and the claim/confirm ledger."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest

from bot.indexer import index_corpus
from bot.state import SqliteState, StateStore
from bot.store import DamagedDatabase

NOW = datetime(2026, 6, 21, 9, 0, 30, tzinfo=UTC)
DAY = date(2026, 6, 21)


async def test_subscribe_replace_pause_and_turn_off(store: StateStore) -> None:
    assert await store.daily_settings(1) is None
    await store.daily_subscribe(1, 10, time(9), "Europe/London", NOW)
    settings = await store.daily_settings(1)
    assert settings is not None and settings.enabled and settings.paused_reason is None
    assert (settings.channel_id, settings.post_time, settings.timezone) == (
        10,
        time(9),
        "Europe/London",
    )
    assert settings.updated_at == NOW.replace(microsecond=0)

    await store.daily_pause(1, "channel deleted", NOW)
    paused = await store.daily_settings(1)
    assert paused is not None and paused.paused_reason == "channel deleted"
    assert [s.guild_id for s in await store.daily_subscriptions()] == [1]  # paused still listed

    later = NOW + timedelta(hours=1)
    await store.daily_subscribe(1, 11, time(18, 30), "Asia/Kolkata", later)
    resumed = await store.daily_settings(1)
    assert resumed is not None and resumed.paused_reason is None and resumed.channel_id == 11
    assert resumed.updated_at == later.replace(microsecond=0)

    assert await store.daily_turn_off(1, later) is True
    assert await store.daily_turn_off(1, later) is False
    assert await store.daily_subscriptions() == []


async def test_a_day_is_claimed_once_then_confirmed(store: StateStore) -> None:
    assert await store.daily_claim(1, DAY, 10, "nonce", NOW) is True
    assert await store.daily_claim(1, DAY, 10, "nonce", NOW) is False
    row = await store.daily_post_row(1, DAY)
    assert row is not None and not row.confirmed and row.posted_at == NOW.replace(microsecond=0)
    assert await store.daily_last_post(1) is None

    await store.daily_confirm(1, DAY, 555, NOW + timedelta(seconds=1))
    await store.daily_release(1, DAY)  # a confirmed post is never released
    row = await store.daily_post_row(1, DAY)
    assert row is not None and row.confirmed and row.message_id == 555
    last = await store.daily_last_post(1)
    assert last is not None and last.local_date == DAY


async def test_a_released_claim_can_be_claimed_again(store: StateStore) -> None:
    assert await store.daily_claim(1, DAY, 10, "nonce", NOW)
    await store.daily_release(1, DAY)
    assert await store.daily_post_row(1, DAY) is None
    assert await store.daily_claim(1, DAY, 10, "nonce", NOW)


async def test_ledger_rows_since_a_date(store: StateStore) -> None:
    for offset in range(4):
        await store.daily_claim(1, DAY - timedelta(days=offset), 10, "n", NOW)
    await store.daily_claim(2, DAY, 20, "n", NOW)
    rows = await store.daily_posts_since(DAY - timedelta(days=1))
    assert [(r.guild_id, r.local_date) for r in rows] == [
        (1, DAY - timedelta(days=1)),
        (1, DAY),
        (2, DAY),
    ]


async def test_guild_state_survives_reindexing(seeds_copy: Path, tmp_path: Path) -> None:
    db, state = tmp_path / "bot.db", tmp_path / "state.db"
    await index_corpus(seeds_copy, db)
    async with await SqliteState.open(state, legacy_corpus=db) as store:
        await store.daily_subscribe(1, 10, time(9), "UTC", NOW)
        await store.daily_claim(1, DAY, 10, "n", NOW)
    with (seeds_copy / "002_8d76a87ad898c4a7.txt").open("a", encoding="utf-8") as changed:
        changed.write("\n")
    assert (await index_corpus(seeds_copy, db)).indexed == 1
    async with await SqliteState.open(state, legacy_corpus=db) as store:
        assert await store.daily_settings(1) is not None
        assert await store.daily_post_row(1, DAY) is not None


async def test_guild_state_survives_deleting_the_index(seeds_copy: Path, tmp_path: Path) -> None:
    db, state = tmp_path / "bot.db", tmp_path / "state.db"
    await index_corpus(seeds_copy, db)
    async with await SqliteState.open(state, legacy_corpus=db) as store:
        await store.daily_subscribe(1, 10, time(9), "UTC", NOW)
    for part in tmp_path.glob("bot.db*"):
        part.unlink()
    await index_corpus(seeds_copy, db)  # built afresh
    async with await SqliteState.open(state, legacy_corpus=db) as store:
        settings = await store.daily_settings(1)
        assert settings is not None and settings.post_time == time(9)


async def test_a_damaged_state_file_is_reported_and_left_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "state.db"
    async with await SqliteState.open(path) as store:
        await store.daily_subscribe(1, 10, time(9), "UTC", NOW)
    path.write_bytes(path.read_bytes()[:100] + b"\xa5" * 3996 + path.read_bytes()[4096:])
    damaged = path.read_bytes()
    with pytest.raises(DamagedDatabase, match=r"state\.db"):
        await SqliteState.open(path)
    assert path.read_bytes() == damaged
    assert [p.name for p in tmp_path.iterdir()] == ["state.db"]
