"""Export and import: every row moves between engines (either way) without loss, an import
keeps what the target has, and a bad line changes nothing."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest

from bot.state import StateSnapshot, TransferableState
from bot.state.transfer import BadStateLine, dump_lines, load_lines
from tests.state.engines import ENGINES, fresh_engine

NOW = datetime(2026, 6, 21, 9, 0, 30, tzinfo=UTC)
DAY = date(2026, 6, 21)


async def fill(store: TransferableState) -> None:
    await store.daily_subscribe(1, 10, time(9), "Europe/London", NOW)
    await store.daily_subscribe(2, 20, time(18, 30), "Asia/Kolkata", NOW)
    await store.daily_pause(2, "channel deleted", NOW)
    await store.daily_subscribe(3, 30, time(7, 15), "UTC", NOW)
    await store.daily_turn_off(3, NOW + timedelta(hours=1))
    await store.daily_claim(1, DAY, 10, "nonce-1", NOW)
    await store.daily_confirm(1, DAY, 2**62 + 5, NOW + timedelta(seconds=2))
    await store.daily_claim(1, DAY + timedelta(days=1), 10, "nonce-2", NOW)  # in doubt
    await store.state_set("commands_sha256:global:1", "abc")


@pytest.fixture(params=ENGINES)
async def target(
    request: pytest.FixtureRequest, tmp_path: Path
) -> AsyncIterator[TransferableState]:
    async with fresh_engine(request.param, tmp_path / "target") as engine:
        (tmp_path / "target").mkdir(exist_ok=True)
        store = await engine.open()
        yield store
        await store.close()


def same_rows(a: StateSnapshot, b: StateSnapshot) -> None:
    assert a.settings == b.settings
    assert a.posts == b.posts
    assert [(r.key, r.value) for r in a.bot_state] == [(r.key, r.value) for r in b.bot_state]


async def test_every_row_moves_between_engines(
    store: TransferableState, target: TransferableState
) -> None:
    await fill(store)
    exported = await store.snapshot()
    assert len(exported.settings) == 3 and len(exported.posts) == 2
    lines = list(dump_lines(exported))
    assert await target.restore(load_lines(lines)) == 6
    same_rows(await target.snapshot(), exported)
    off = await target.daily_settings(3)
    assert off is not None and not off.enabled
    assert [s.guild_id for s in await target.daily_subscriptions()] == [1, 2]
    assert await target.daily_claim(1, DAY, 10, "again", NOW) is False  # the ledger holds


async def test_an_import_keeps_the_rows_the_target_has(
    store: TransferableState, target: TransferableState
) -> None:
    await fill(store)
    await target.daily_subscribe(1, 99, time(6), "UTC", NOW)
    added = await target.restore(load_lines(dump_lines(await store.snapshot())))
    assert added == 5
    kept = await target.daily_settings(1)
    assert kept is not None and kept.channel_id == 99
    assert await target.restore(load_lines(dump_lines(await store.snapshot()))) == 0


@pytest.mark.parametrize(
    "line",
    [
        "not json",
        '{"table": "users"}',
        '{"table": "guild_settings", "guild_id": 1}',
        '{"table": "daily_posts", "guild_id": "1", "local_date": "2026-06-21", '
        '"channel_id": null, "message_id": null, "nonce": null, "posted_at": null}',
        '{"table": "bot_state", "key": "k", "value": "v", "updated_at": "2026-06-21T09:00"}',
        "[1, 2]",
    ],
)
def test_a_bad_line_is_named_by_its_number(line: str) -> None:
    good = '{"table": "bot_state", "key": "k", "value": "v", "updated_at": null}'
    with pytest.raises(BadStateLine, match=r"^line 3: not a state row"):
        load_lines([good, "", line])
