"""A dropped gateway connection: the bot RESUMEs its session and keeps answering."""

from __future__ import annotations

import json

from bot.discord_app.app import MinimaxBot
from tests.emulator import DiscordEmulator


async def model_card(emulator: DiscordEmulator) -> str:
    reply = await (await emulator.slash("model", {"name": "M2"}))
    return json.dumps(reply.embeds[0], ensure_ascii=False)


async def test_dropped_socket_resumes_and_keeps_answering(
    discord_emulator: DiscordEmulator, minimax_bot: MinimaxBot
) -> None:
    emu = discord_emulator
    before = await model_card(emu)
    (session,) = emu.gateway.sessions

    await emu.drop_gateway()  # abruptly, no close frame
    while_away = await model_card(emu)  # sent while down: replayed on RESUME
    await emu.wait_for_resume()
    assert while_away == before and "MiniMax-M2" in before
    assert emu.gateway.resumes[0]["session_id"] == session
    assert len(emu.gateway.identifies) == 1  # resumed, not a new session
    assert await model_card(emu) == before


async def test_reconnect_request_and_close_code_resume_too(
    discord_emulator: DiscordEmulator, minimax_bot: MinimaxBot
) -> None:
    emu = discord_emulator
    await emu.drop_gateway(code=4000)
    await emu.wait_for_resume(1)
    await emu.request_reconnect()
    await emu.wait_for_resume(2)
    assert "MiniMax-M2" in await model_card(emu)
    assert len(emu.gateway.identifies) == 1 and not minimax_bot.is_closed()
