"""What /daily status says, from the stored state and this process's attempts."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from bot.daily.ledger import Attempts
from bot.daily.status import OFF, describe
from bot.state import DailyPostRow, GuildSettings

NOW = datetime(2026, 6, 21, 8, 30, tzinfo=UTC)  # 09:30 in London
SET_AT = datetime(2026, 6, 1, tzinfo=UTC)


def settings(**changes: object) -> GuildSettings:
    values: dict[str, object] = {
        "guild_id": 1,
        "channel_id": 10,
        "post_time": time(9),
        "timezone": "Europe/London",
        "enabled": True,
        "paused_reason": None,
        "updated_at": SET_AT,
    }
    return GuildSettings(**{**values, **changes})  # type: ignore[arg-type]


def test_off_or_never_set() -> None:
    assert describe(None, [], None, Attempts(), NOW) == OFF
    assert describe(settings(enabled=False), [], None, Attempts(), NOW) == OFF


def test_due_now_then_tomorrow_with_the_last_post() -> None:
    text = describe(settings(), [], None, Attempts(), NOW)
    assert "Channel: <#10> · every day at 09:00 (Europe/London)" in text
    assert "Next post: now" in text and "Last post: none yet" in text
    done = DailyPostRow(1, date(2026, 6, 21), 10, 99, "n", NOW)
    text = describe(settings(), [done], done, Attempts(), NOW)
    tomorrow = int(datetime(2026, 6, 22, 8, tzinfo=UTC).timestamp())
    assert f"Next post: Mon 22 Jun 2026, 09:00 BST (<t:{tomorrow}:R>)" in text
    assert "Last post: Sun 21 Jun 2026 · https://discord.com/channels/1/10/99" in text


def test_paused_says_why_and_how_to_resume() -> None:
    text = describe(settings(paused_reason="The channel <#10> no longer exists."), [], None,
                    Attempts(), NOW)  # fmt: skip
    assert "Next post: none while paused" in text
    assert "**Paused:** The channel <#10> no longer exists. Fix that, then run" in text


def test_retrying_and_given_up() -> None:
    attempts = Attempts()
    attempts.failed((1, date(2026, 6, 21)), NOW)
    assert "Today: failed 1×, retrying" in describe(settings(), [], None, attempts, NOW)
    attempts.give_up((1, date(2026, 6, 21)))
    text = describe(settings(), [], None, attempts, NOW)
    assert "given up after repeated failures" in text and "Next post: Mon 22 Jun" in text


def test_a_zone_that_left_the_tz_database_shows_as_paused_not_off() -> None:
    gone = settings(timezone="Europe/Atlantis")
    text = describe(gone, [], None, Attempts(), NOW)
    assert text != OFF
    assert "Channel: <#10> · every day at 09:00 (Europe/Atlantis)" in text
    assert (
        "**Paused:** The time zone “Europe/Atlantis” is no longer in the time zone database" in text
    )
    assert "/daily set" in text
