"""The values a button carries: inline when short, by key in the state when long."""

from __future__ import annotations

from pathlib import Path

from bot.discord_app.button_values import ROOM, pack, unpack
from bot.state import SqliteState


async def test_short_values_travel_in_the_id(tmp_path: Path) -> None:
    async with await SqliteState.open(tmp_path / "state.db") as state:
        packed = await pack(state, {"query": "M2", "year": "2025"})
        assert len(packed) <= ROOM and "M2" in packed
        assert await unpack(state, packed) == {"query": "M2", "year": "2025"}
        assert await state.state_get("button:" + packed) is None


async def test_long_values_are_kept_by_key_and_read_by_another_process(tmp_path: Path) -> None:
    values = {"query": "颜俊杰 " * 40, "speaker": "Junjie Yan"}
    async with await SqliteState.open(tmp_path / "state.db") as state:
        packed = await pack(state, values)
        assert packed.startswith("#") and len(packed) <= ROOM
        assert await pack(state, values) == packed  # the same values, the same key
    async with await SqliteState.open(tmp_path / "state.db") as other:
        assert await unpack(other, packed) == values


async def test_what_cannot_be_read_is_none(tmp_path: Path) -> None:
    async with await SqliteState.open(tmp_path / "state.db") as state:
        for packed in ("#0123456789abcdef01234567", "{not json", "[1,2]", '{"a":1}', ""):
            assert await unpack(state, packed) is None, packed
