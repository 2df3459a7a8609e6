"""Why a post is paused: stored in English as before, shown in the admin's locale."""

from __future__ import annotations

from datetime import UTC, datetime

import discord
import pytest

from bot.daily.failures import classify
from bot.daily.ledger import Attempts
from bot.daily.reasons import reason_in
from bot.daily.status import describe
from tests.cards.english_leaks import leaks
from tests.daily.test_failures import http
from tests.daily.test_status import settings

HAN = range(0x4E00, 0xA000)
NOW = datetime(2026, 6, 21, 8, 30, tzinfo=UTC)
PAUSING = [
    http(discord.Forbidden, 403, 50013, "Missing Permissions"),
    http(discord.Forbidden, 403, 50001, "Missing Access"),
    http(discord.Forbidden, 403, 20001, "Bots cannot use this endpoint"),
    http(discord.NotFound, 404, 10003, "Unknown Channel"),
]


@pytest.mark.parametrize("error", PAUSING, ids=lambda e: str(e))
@pytest.mark.parametrize("locale", ["zh-CN", "zh-TW"])
def test_each_pause_reason_is_said_again_in_chinese(error: Exception, locale: str) -> None:
    stored = classify(error, 7).reason
    shown = reason_in(stored, locale)  # type: ignore[arg-type]
    assert shown != stored and "<#7>" in shown and any(ord(ch) in HAN for ch in shown)
    assert not leaks(shown), leaks(shown)
    assert reason_in(stored) == stored  # English: as stored


def test_a_reason_no_template_matches_is_shown_as_stored() -> None:
    assert reason_in("channel deleted", "zh-CN") == "channel deleted"


def test_the_status_of_a_paused_guild_in_chinese() -> None:
    paused = settings(paused_reason=classify(PAUSING[3], 10).reason)
    text = describe(paused, [], None, Attempts(), NOW, "zh-CN")
    assert "**已暂停：**频道 <#10> 已不存在（Unknown Channel）。" in text
    assert "下次发帖：暂停期间无" in text and not leaks(text)
    gone_zone = settings(timezone="Mars/Olympus")
    assert "Mars/Olympus" in describe(gone_zone, [], None, Attempts(), NOW, "zh-TW")
    assert "時區「Mars/Olympus」已不在時區資料庫中" in describe(
        gone_zone, [], None, Attempts(), NOW, "zh-TW"
    )
