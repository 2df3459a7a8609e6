"""The token never shows: a refused login, a command that raises, a storm of 503s on every
REST call, each with DEBUG logging on; every log record (tracebacks included) and everything
written to stdout and stderr is scanned for the token."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

import bot.queries.about
from bot.discord_app.tree import FAILED
from bot.logs import REDACTED, RedactingFormatter
from bot.paths import SEEDS_DIR
from bot.runner import serve
from tests.daily.clock import FakeClock
from tests.daily.harness import bot_up
from tests.e2e.conftest import NOW, emulated_settings
from tests.e2e.test_runner import start
from tests.emulator import DiscordEmulator
from tests.hardening.figures import show

WRONG = "MTIz.wrong-token.do-not-print-this-0123456789"


def everything_logged(caplog: pytest.LogCaptureFixture) -> list[str]:
    formatter = logging.Formatter()
    return [
        record.getMessage()
        + (formatter.formatException(record.exc_info) if record.exc_info else "")
        for record in caplog.records
    ]


async def test_the_token_appears_in_no_log_line_and_no_output(
    discord_emulator: DiscordEmulator,
    bot_db: Path,
    caplog: pytest.LogCaptureFixture,
    capfd: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    caplog.set_level(logging.DEBUG)
    emu = discord_emulator
    refused = await serve(emulated_settings(emu, bot_db, discord_token=WRONG), SEEDS_DIR, start)
    assert refused == 2

    async def broken(*args: object) -> object:
        raise RuntimeError(f"a bug while answering, with the settings' token nearby: {len(WRONG)}")

    monkeypatch.setattr(bot.queries.about, "about", broken)
    async with bot_up(emu, bot_db, FakeClock(NOW)):
        assert (await (await emu.slash("about"))).content == FAILED
        emu.fault_rate(1.0, statuses=(503,))
        for _ in range(5):  # the answers are lost in the storm; the bot logs and goes on
            await emu.slash("model", {"name": "M2"})
        await emu.wait_for(lambda: len(emu.faults.injected) >= 5, what="the storm")
        emu.fault_rate(0.0)
        assert "MiniMax-M2" in str((await (await emu.slash("model", {"name": "M2"}))).embeds)
    lines = everything_logged(caplog)
    out, err = capfd.readouterr()
    for secret in (emu.token, WRONG):
        assert not [line for line in lines if secret in line]
        assert secret not in out and secret not in err
    assert any("/about failed" in line for line in lines)  # the failures did happen, and log
    show(
        "token",
        {"log records scanned": len(lines), "faults": len(emu.faults.injected), "leaks": 0},
    )


async def test_interaction_tokens_are_redacted_from_debug_gateway_events(
    discord_emulator: DiscordEmulator, bot_db: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """discord.py prints every gateway event at DEBUG, an interaction's token (valid for 15
    minutes) included; what the bot's formatter writes has none of them."""
    caplog.set_level(logging.DEBUG)
    emu = discord_emulator
    async with bot_up(emu, bot_db, FakeClock(NOW)):
        for name in ("about", "sources"):
            assert (await (await emu.slash(name))).embeds
    tokens = list(emu.interactions_by_token)
    raw = [record.getMessage() for record in caplog.records]
    assert any(token in line for line in raw for token in tokens)  # discord.py did print them
    formatter = RedactingFormatter([emu.token])
    written = [formatter.format(record) for record in caplog.records]
    assert not [line for line in written for token in tokens if token in line]
    assert any("WebSocket Event" in line and f"'token': '{REDACTED}'" in line for line in written)
