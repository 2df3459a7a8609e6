"""`minimax-bot run` in-process: a token Discord refuses, a server that is not there, and a log
that never holds the token."""

from __future__ import annotations

import logging
import socket
import sys
from pathlib import Path

import discord
import pytest

from bot.discord_app.app import MinimaxBot
from bot.logs import REDACTED, RedactingFormatter, redact
from bot.paths import SEEDS_DIR
from bot.runner import BAD_TOKEN, serve
from tests.e2e.conftest import emulated_settings
from tests.e2e.support import text_of
from tests.emulator import DiscordEmulator

WRONG = "MTIzNDU2Nzg5MDEyMzQ1Njc4.Gwrong.this-token-must-never-be-shown"


def logged(caplog: pytest.LogCaptureFixture) -> str:
    """Every record as a handler would write it, tracebacks included, unredacted."""
    plain = logging.Formatter("%(name)s %(message)s")
    return "\n".join(plain.format(record) for record in caplog.records)


async def start(bot: MinimaxBot) -> None:
    assert bot.settings.token is not None
    await bot.start(bot.settings.token)


async def test_a_refused_token_is_one_line_and_exit_2(
    discord_emulator: DiscordEmulator,
    bot_db: Path,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
) -> None:
    caplog.set_level(logging.DEBUG)
    settings = emulated_settings(discord_emulator, bot_db, discord_token=WRONG)
    assert await serve(settings, SEEDS_DIR, start) == 2
    err = capsys.readouterr().err
    assert err.strip() == f"minimax-bot: {BAD_TOKEN}"
    assert [r.status for r in discord_emulator.requests] == [401]
    assert WRONG not in err and WRONG not in logged(caplog)
    assert "Improper token" in caplog.text or "401" in caplog.text  # discord.py did log


async def test_nothing_listening_is_one_line_and_exit_1(
    discord_emulator: DiscordEmulator,
    bot_db: Path,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
) -> None:
    caplog.set_level(logging.DEBUG)
    with socket.socket() as probe:  # a loopback port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    base = f"http://127.0.0.1:{port}/api/v10"
    settings = emulated_settings(discord_emulator, bot_db, discord_api_base=base)
    assert await serve(settings, SEEDS_DIR, start) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"minimax-bot: cannot reach Discord at {base}")
    assert err.count("\n") == 1
    assert discord_emulator.token not in err + logged(caplog)


async def test_a_bot_that_starts_is_closed_with_its_corpus(
    discord_emulator: DiscordEmulator, bot_db: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    seen: list[MinimaxBot] = []

    async def ready_then_stop(bot: MinimaxBot) -> None:
        seen.append(bot)
        async with discord_emulator.running(bot):
            reply = await (await discord_emulator.slash("model", {"name": "M2"}))
            assert reply.embeds

    settings = emulated_settings(discord_emulator, bot_db, log_level="DEBUG")
    assert await serve(settings, SEEDS_DIR, ready_then_stop) == 0
    (bot,) = seen
    assert bot.is_closed()
    with pytest.raises(ValueError, match=r"no active connection|Connection closed"):  # aiosqlite
        await bot.corpus.store.counts()  # the corpus was closed with the bot
    assert "ready as" in caplog.text
    assert discord_emulator.token not in logged(caplog)


def test_the_formatter_redacts_secrets_and_interaction_tokens() -> None:
    formatter = RedactingFormatter([WRONG])
    try:
        raise RuntimeError(f"failed with {WRONG}")
    except RuntimeError:
        record = logging.LogRecord(
            "discord.http",
            logging.DEBUG,
            __file__,
            1,
            "POST %s with %s has returned %s",
            ("/interactions/123/aW50ZXJhY3Rpb246MTIz/callback", {"token": WRONG}, 204),
            exc_info=sys.exc_info(),
        )
    text = formatter.format(record)
    assert WRONG not in text and "aW50ZXJhY3Rpb246MTIz" not in text
    assert f"/interactions/123/{REDACTED}/callback" in text and text.count(REDACTED) == 3


def test_redact_removes_bot_tokens_and_interaction_tokens_in_any_text() -> None:
    bot_token = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789"
    text = (
        f'{{"message": "bad", "token": "aW50ZXJhY3Rpb246", "echo": "{bot_token}"}} '
        "{'token': 'aW50ZXJhY3Rpb246'} /webhooks/1/aW50ZXJhY3Rpb246/messages"
    )
    cleaned = redact(text)
    assert "aW50ZXJhY3Rpb246" not in cleaned and bot_token not in cleaned
    assert cleaned.count(REDACTED) == 4 and '"message": "bad"' in cleaned


class _Answer:
    status, reason = 500, "Internal Server Error"


async def test_an_error_quoting_the_token_is_printed_redacted(
    discord_emulator: DiscordEmulator, bot_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    async def refused(bot: MinimaxBot) -> None:
        raise discord.HTTPException(_Answer(), f"your token {WRONG} and 'token': 'aW50ZXJh'")

    settings = emulated_settings(discord_emulator, bot_db, discord_token=WRONG)
    assert await serve(settings, SEEDS_DIR, refused) == 1
    err = capsys.readouterr().err
    assert err.startswith("minimax-bot: Discord answered 500") and err.count("\n") == 1
    assert WRONG not in err and "aW50ZXJh" not in err and REDACTED in err


async def test_run_serves_the_last_good_index_when_indexing_fails(
    discord_emulator: DiscordEmulator,
    bot_db: Path,
    seeds_copy: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A bad curated snippet no longer stops `run`: it logs the error, serves the index it has,
    and /about says that index is stale and why."""
    caplog.set_level(logging.INFO)
    curated = seeds_copy / "curated.toml"
    curated.write_text(
        curated.read_text(encoding="utf-8")
        + '\n[[fact]]\nsubject = "MiniMax"\nattribute = "motto"\nvalue = "x"\n'
        'document = "000_170ff5059b12dbe9.txt"\nevidence = "words that are not there"\n',
        encoding="utf-8",
    )
    answers: list[str] = []

    async def about_then_stop(bot: MinimaxBot) -> None:
        async with discord_emulator.running(bot):
            answers.append(text_of(await (await discord_emulator.slash("about"))))
            model = await (await discord_emulator.slash("model", {"name": "M2"}))
            answers.append(text_of(model))

    assert (
        await serve(emulated_settings(discord_emulator, bot_db), seeds_copy, about_then_stop) == 0
    )
    about, model = answers
    assert "stale" in about and "words that are not there" in about
    assert "MiniMax-M2" in model
    assert any(
        "words that are not there" in r.getMessage() and r.levelno >= logging.WARNING
        for r in caplog.records
    )
