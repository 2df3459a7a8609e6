"""A tiny throwaway bot (real discord.py) running against the emulator."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from discord.ext import commands

from tests.emulator import DiscordEmulator
from tests.emulator.sample_bot import make_bot


@pytest.fixture
async def bot(discord_emulator: DiscordEmulator) -> AsyncIterator[commands.Bot]:
    client = make_bot(discord_emulator.world.guild.id)
    async with discord_emulator.running(client):
        yield client
