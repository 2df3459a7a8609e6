"""`minimax-bot run`, `invite` and `sync` as a user runs them: in a fresh process, with nothing
but the environment and `.env` of an empty folder."""

from __future__ import annotations

import contextlib
import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import SplitResult, parse_qs, urlsplit

import pytest

from bot.runner import BAD_TOKEN, MALFORMED_TOKEN, PERMISSIONS
from tests.emulator.threaded import EmulatorThread

SCRIPT = Path(sys.executable).with_name("minimax-bot")
WRONG = "MTIzNDU2Nzg5MDEyMzQ1Njc4.Gwrong.this-token-must-never-be-shown"
CLIENT_ID = 123456789012345678  # the id inside WRONG's first segment


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """An empty working directory with an empty `.env`."""
    (tmp_path / ".env").write_text("DISCORD_TOKEN=\n", encoding="utf-8")
    return tmp_path


def environment(home: Path, **values: str) -> dict[str, str]:
    """Only what a process needs to start, plus `values`: none of the machine's settings."""
    base = {"PATH": os.environ.get("PATH", ""), "HOME": str(home), "LANG": "C.UTF-8"}
    base["SEMANTIC"] = "off"  # the suite runs lexically (tests/conftest.py)
    return {**base, "XDG_DATA_HOME": str(home / "data"), "PYTHONUNBUFFERED": "1", **values}


def minimax(home: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(SCRIPT), *args],
        cwd=home,
        env=environment(home, **env),
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_run_without_a_token_says_where_to_get_one(home: Path) -> None:
    done = minimax(home, "run")
    assert done.returncode == 2 and done.stdout == ""
    (line,) = done.stderr.splitlines()
    assert "DISCORD_TOKEN" in line and "Developer Portal" in line and "Reset Token" in line
    assert not (home / "data").exists()  # nothing indexed, nothing created


@pytest.mark.parametrize("token", ["MTIz.abc\ndef.ghi", "MTIz.abc def.ghi", "MTIz.abc\x07.ghi"])
def test_run_with_a_token_that_is_not_one_word_is_one_line(home: Path, token: str) -> None:
    for command in ("run", "sync"):
        done = minimax(home, command, DISCORD_TOKEN=token)
        assert done.returncode == 2 and done.stdout == "", done.stderr
        (line,) = done.stderr.splitlines()
        assert "DISCORD_TOKEN has a space, line break or control character" in line
        assert token not in done.stderr
    assert not (home / "data").exists()  # refused before indexing anything


def install_links(stdout: str) -> tuple[SplitResult, SplitResult]:
    """`invite`'s two lines, each ending in a URL: add to a server, install for yourself."""
    server, user = stdout.strip().splitlines()
    assert server.startswith("Add to a server") and user.startswith("Install for yourself")
    return urlsplit(server.split()[-1]), urlsplit(user.split()[-1])


def test_invite_prints_the_url_with_both_scopes_and_least_permissions(home: Path) -> None:
    done = minimax(home, "invite", "--client-id", str(CLIENT_ID))
    assert done.returncode == 0 and done.stderr == ""
    url, _ = install_links(done.stdout)
    query = parse_qs(url.query)
    assert (url.scheme, url.netloc, url.path) == ("https", "discord.com", "/oauth2/authorize")
    assert query["client_id"] == [str(CLIENT_ID)]
    assert query["scope"] == ["bot applications.commands"]
    assert query["permissions"] == ["84992"] == [str(PERMISSIONS.value)]
    assert query["integration_type"] == ["0"]  # a guild install


def test_invite_prints_the_user_install_link_too(home: Path) -> None:
    done = minimax(home, "invite", "--client-id", str(CLIENT_ID))
    _, url = install_links(done.stdout)
    query = parse_qs(url.query)
    assert (url.scheme, url.netloc, url.path) == ("https", "discord.com", "/oauth2/authorize")
    assert query["client_id"] == [str(CLIENT_ID)]
    assert query["scope"] == ["applications.commands"]  # commands only: no bot user
    assert query["integration_type"] == ["1"] and "permissions" not in query


def test_invite_finds_the_client_id_in_settings_or_the_token(home: Path) -> None:
    by_setting = minimax(home, "invite", APPLICATION_ID="42424242424242424")
    assert "client_id=42424242424242424" in by_setting.stdout
    by_token = minimax(home, "invite", DISCORD_TOKEN=WRONG)
    assert f"client_id={CLIENT_ID}" in by_token.stdout and WRONG not in by_token.stdout
    neither = minimax(home, "invite")
    assert neither.returncode == 2 and "--client-id" in neither.stderr
    assert "APPLICATION_ID" in neither.stderr and len(neither.stderr.splitlines()) == 1


@pytest.mark.parametrize("token", ["not-a-token", "MTIz.short-id.x", "bm90IGRpZ2l0cw.a.b"])
def test_invite_with_a_malformed_token_says_so(home: Path, token: str) -> None:
    done = minimax(home, "invite", DISCORD_TOKEN=token)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.splitlines() == [f"minimax-bot: {MALFORMED_TOKEN}"]
    assert "malformed" in done.stderr and token not in done.stderr
    with_id = minimax(home, "invite", DISCORD_TOKEN=token, APPLICATION_ID="42424242424242424")
    assert with_id.returncode == 0 and "client_id=42424242424242424" in with_id.stdout


def test_python_dash_m_bot_is_the_same_command(home: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bot", "invite", "--client-id", "7"],
        cwd=home,
        env=environment(home),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0 and "client_id=7&" in done.stdout


def test_commands_use_database_path_from_the_settings(home: Path) -> None:
    (home / ".env").write_text("DATABASE_PATH=from-env-file.db\n", encoding="utf-8")
    assert minimax(home, "index").returncode == 0
    assert (home / "from-env-file.db").is_file()
    done = minimax(home, "ask", "/model M2", DATABASE_PATH=str(home / "from-env.db"))
    assert done.returncode == 0 and "MiniMax-M2" in done.stdout
    assert (home / "from-env.db").is_file()
    assert minimax(home, "index", "--db", "flag.db").returncode == 0
    assert (home / "flag.db").is_file()


def test_bad_settings_are_one_line_and_exit_2(home: Path) -> None:
    done = minimax(home, "ask", "/about", LOG_LEVEL="chatty")
    assert done.returncode == 2 and "LOG_LEVEL" in done.stderr
    assert len(done.stderr.splitlines()) == 1


@pytest.fixture(scope="module")
def emulator() -> Iterator[EmulatorThread]:
    with EmulatorThread() as threaded:
        yield threaded


def bot_env(emulator: EmulatorThread, **values: str) -> dict[str, str]:
    emu = emulator.emulator
    return {
        "DISCORD_TOKEN": emu.token,
        "DISCORD_API_BASE": emu.api_base,
        "DISCORD_GATEWAY_URL": emu.gateway_url,
        "DEV_GUILD_ID": str(emu.world.guild.id),
        **values,
    }


def test_a_refused_token_is_never_printed(home: Path, emulator: EmulatorThread) -> None:
    env = bot_env(emulator, DISCORD_TOKEN=WRONG, LOG_LEVEL="DEBUG")
    for command in ("run", "sync"):
        done = minimax(home, command, **env)
        assert done.returncode == 2, done.stderr
        assert f"minimax-bot: {BAD_TOKEN}" in done.stderr.splitlines()
        assert WRONG not in done.stdout + done.stderr
        assert "Traceback" not in done.stderr


def test_run_serves_until_sigterm_then_exits_cleanly(
    home: Path, emulator: EmulatorThread, indexed_seeds_db: Path
) -> None:
    shutil.copyfile(indexed_seeds_db, home / "bot.db")
    process = subprocess.Popen(
        [str(SCRIPT), "run", "--db", "bot.db"],
        cwd=home,
        env=environment(home, **bot_env(emulator)),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines: queue.Queue[str] = queue.Queue()
    reader = threading.Thread(target=lambda: [lines.put(x) for x in process.stderr or ()])
    reader.start()
    seen = []
    try:
        deadline = time.monotonic() + 30
        while not any("ready as" in line for line in seen):
            assert time.monotonic() < deadline and process.poll() is None, "".join(seen)
            with contextlib.suppress(queue.Empty):
                seen.append(lines.get(timeout=0.5))
        reply = emulator.call(emulator.emulator.slash("model", {"name": "M2"}))
        assert emulator.call(reply.message()).embeds
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=20) == 0
    finally:
        if process.poll() is None:
            process.kill()
        reader.join(10)
    output = "".join(seen) + "".join(lines.queue)
    assert "SIGTERM: closing the connection" in output and "stopped on SIGTERM" in output
    assert emulator.emulator.token not in output and "Traceback" not in output
