"""The ``discord_emulator`` pytest fixture.

Enable it with ``pytest_plugins = ["tests.emulator.plugin"]`` in the root ``tests/conftest.py``
(or in a test module). Function-scoped and async: a fresh emulator on an ephemeral loopback
port per test, discord.py pointed at it for the test's duration and restored afterwards. At
teardown the test fails if the bot sent any request Discord's spec rejects or that the
emulator does not know, unless the test called ``discord_emulator.allow_violations()``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tests.emulator.server import DiscordEmulator


@pytest.fixture
async def discord_emulator() -> AsyncIterator[DiscordEmulator]:
    emulator = DiscordEmulator()
    await emulator.start()
    try:
        with emulator.patch_discord():
            yield emulator
    finally:
        await emulator.stop()
    report = emulator.report()
    if report is not None:
        pytest.fail(report, pytrace=False)
