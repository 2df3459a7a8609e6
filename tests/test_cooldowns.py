"""Per-user cooldowns: token buckets, idle users forgotten once per window."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any, cast

import discord
import pytest
from discord import app_commands

from bot.discord_app.checks import UserCooldowns

START = datetime(2026, 6, 21, tzinfo=UTC)


class Use:
    """The two things a cooldown reads of an interaction."""

    def __init__(self, user: int, seconds: float) -> None:
        self.created_at = START + timedelta(seconds=seconds)
        self.user = discord.Object(user)


def check(limits: UserCooldowns, user: int, seconds: float) -> bool:
    return limits.check(cast(discord.Interaction[Any], Use(user, seconds)))


def test_a_user_past_the_rate_is_told_when_to_retry() -> None:
    limits = UserCooldowns(rate=2, per=10.0)
    assert check(limits, 1, 0) and check(limits, 1, 1)
    with pytest.raises(app_commands.CommandOnCooldown) as refused:
        check(limits, 1, 2)
    assert refused.value.retry_after == pytest.approx(8.0)
    assert check(limits, 2, 2)  # another user has a bucket of their own


def test_idle_users_are_forgotten_a_window_later() -> None:
    limits = UserCooldowns(rate=2, per=10.0)
    for user in range(100):
        check(limits, user, user * 0.01)
    assert len(limits.buckets) == 100
    assert check(limits, 500, 30)
    assert set(limits.buckets) == {500}
