"""SIGTERM and Ctrl-C end `minimax-bot run` within seconds, even while discord.py waits out a
reconnect back-off with Discord unreachable, and the database is closed on the way out.

The bot runs in a fresh process against the emulator; once it is ready the emulator stops (Discord
is gone), so discord.py's shard falls into its reconnect back-off. The back-off is fixed at
`BACKOFF` seconds in that process (discord.py draws it at random, up to minutes), so the test
does not depend on luck: without the runner's cut, the process would sleep all of it.
"""

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
from pathlib import Path

import pytest

from tests.emulator.threaded import EmulatorThread
from tests.hardening.figures import show

BACKOFF = 120.0
PATIENCE = 15.0  # generous for a loaded machine; the runner needs about 2 s
START = f"""
import sys
import discord.backoff
discord.backoff.ExponentialBackoff.delay = lambda self: {BACKOFF}
from bot.cli import main
sys.exit(main(sys.argv[1:]))
"""


def _read_lines(process: subprocess.Popen[str], into: queue.Queue[str]) -> threading.Thread:
    reader = threading.Thread(target=lambda: [into.put(x) for x in process.stderr or ()])
    reader.start()
    return reader


def _wait_for(
    text: str, lines: queue.Queue[str], seen: list[str], process: subprocess.Popen[str]
) -> None:
    deadline = time.monotonic() + 60
    while not any(text in line for line in seen):
        assert time.monotonic() < deadline and process.poll() is None, "".join(seen)
        with contextlib.suppress(queue.Empty):
            seen.append(lines.get(timeout=0.5))


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "Ctrl-C"])
def test_a_signal_during_reconnect_back_off_ends_run_within_seconds(
    tmp_path: Path, indexed_seeds_db: Path, sig: signal.Signals
) -> None:
    (tmp_path / ".env").write_text("", encoding="utf-8")
    shutil.copyfile(indexed_seeds_db, tmp_path / "bot.db")
    emulator = EmulatorThread()
    emu = emulator.start()
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(tmp_path),
        "LANG": "C.UTF-8",
        "SEMANTIC": "off",  # the suite runs lexically (tests/conftest.py)
        "PYTHONUNBUFFERED": "1",
        "DISCORD_TOKEN": emu.token,
        "DISCORD_API_BASE": emu.api_base,
        "DISCORD_GATEWAY_URL": emu.gateway_url,
        "DEV_GUILD_ID": str(emu.world.guild.id),
    }
    process = subprocess.Popen(
        [sys.executable, "-c", START, "run", "--db", "bot.db"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines: queue.Queue[str] = queue.Queue()
    reader = _read_lines(process, lines)
    seen: list[str] = []
    try:
        _wait_for("ready as", lines, seen, process)
        emulator.stop()  # Discord goes away: the shard reconnects, is refused, backs off
        _wait_for(f"Attempting a reconnect for shard ID 0 in {BACKOFF:.2f}s", lines, seen, process)
        signalled = time.monotonic()
        process.send_signal(sig)
        code = process.wait(timeout=PATIENCE)
        seconds = time.monotonic() - signalled
    finally:
        emulator.stop()
        if process.poll() is None:
            process.kill()
        reader.join(10)
    output = "".join(seen) + "".join(lines.queue)
    assert code == 0, output
    assert f"{sig.name}: closing the connection" in output and "stopped on" in output
    assert not (tmp_path / "bot.db-wal").exists(), "the database was not closed"
    assert emu.token not in output
    show(f"{sig.name} during reconnect back-off", {"ms to exit": round(seconds * 1000)})
