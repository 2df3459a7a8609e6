"""`minimax-bot state export|import|status` on the state the settings name."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest

from bot.cli import main
from bot.cli_state import status_text
from bot.state import DailyPostRow, GuildSettings, SqliteState

NOW = datetime(2026, 6, 21, 9, tzinfo=UTC)


@pytest.fixture
def state_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("STATE_PATH", str(tmp_path / "state.db"))
    return tmp_path / "state.db"


async def fill(path: Path) -> None:
    async with await SqliteState.open(path) as store:
        await store.daily_subscribe(1, 10, time(9), "UTC", NOW)
        await store.daily_pause(1, "missing permission: Send Messages", NOW)
        await store.daily_claim(1, date(2026, 6, 21), 10, "n", NOW)
        await store.state_set("k", "v")


async def read_back(path: Path) -> tuple[str | None, str | None]:
    async with await SqliteState.open(path) as other:
        moved = await other.daily_settings(1)
        return (None if moved is None else moved.paused_reason), await other.state_get("k")


def test_export_then_import_into_another_file(
    state_env: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    asyncio.run(fill(state_env))
    assert main(["state", "export"]) == 0
    out = capsys.readouterr()
    assert out.out.count("\n") == 3 and "exported 1 guild setting(s)" in out.err
    dump = tmp_path / "state.jsonl"
    dump.write_text(out.out, encoding="utf-8")

    monkeypatch.setenv("STATE_PATH", str(tmp_path / "other.db"))
    assert main(["state", "import", str(dump)]) == 0
    assert "imported 3 of 3 row(s)" in capsys.readouterr().out
    assert asyncio.run(read_back(tmp_path / "other.db")) == (
        "missing permission: Send Messages",
        "v",
    )

    assert main(["state", "status"]) == 0
    shown = capsys.readouterr().out
    assert "1 paused" in shown and "guild 1: missing permission: Send Messages" in shown


def test_a_bad_import_changes_nothing_and_says_which_line(
    state_env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dump = tmp_path / "bad.jsonl"
    dump.write_text('{"table": "nope"}\n', encoding="utf-8")
    assert main(["state", "import", str(dump)]) == 1
    err = capsys.readouterr().err
    assert "nothing changed" in err and "line 1" in err and "Traceback" not in err
    assert not state_env.exists()


def test_an_unreachable_postgres_is_one_line_without_the_password(
    state_env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("asyncpg")
    monkeypatch.setenv("DATABASE_URL", "postgresql://bot:sekrit-2291@127.0.0.1:1/minimax")
    assert main(["state", "status"]) == 1
    err = capsys.readouterr().err
    assert "sekrit-2291" not in err and "postgresql://bot:***@127.0.0.1:1/minimax" in err
    assert err.count("\n") == 1


def test_status_counts_each_guild_in_its_own_today() -> None:
    settings = [
        GuildSettings(1, 10, time(9), "UTC", True, None, NOW),
        GuildSettings(2, 20, time(9), "Pacific/Kiritimati", True, None, NOW),  # a day ahead
        GuildSettings(3, 30, time(9), "UTC", True, None, NOW),
        GuildSettings(4, 40, time(9), "UTC", True, "channel deleted", NOW),
    ]
    posts = [
        DailyPostRow(1, date(2026, 6, 21), 10, 5, "n", NOW),
        DailyPostRow(2, date(2026, 6, 21), 20, 6, "n", NOW),  # its yesterday
        DailyPostRow(3, date(2026, 6, 21), 30, None, "n", NOW),
    ]
    noon = NOW.replace(hour=12)  # 02:00 on 22 June in Kiritimati (UTC+14)
    text = status_text("state.db", settings, posts, noon)
    assert "subscriptions: 4 (3 active, 1 paused)" in text
    assert "1 in doubt (claimed, not confirmed), 1 not yet, 1 posted" in text
    assert "guild 4: channel deleted" in text
