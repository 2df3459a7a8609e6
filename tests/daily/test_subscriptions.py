"""The admin's input: a local time, a time zone, what the bot needs in the channel."""

from __future__ import annotations

from datetime import UTC, datetime, time

import discord
import pytest

from bot.commands import UsageError
from bot.daily.subscriptions import (
    missing_permissions,
    parse_post_time,
    parse_zone,
    subscription_of,
)
from bot.state import GuildSettings


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("09:00", time(9)), ("9:05", time(9, 5)), (" 23:59 ", time(23, 59)), ("00:00", time(0))],
)
def test_times_of_day(typed: str, expected: time) -> None:
    assert parse_post_time(typed) == expected


@pytest.mark.parametrize("typed", ["25:00", "24:00", "12:60", "9am", "0900", "", "1:2:3", "-1:00"])
def test_not_times_of_day(typed: str) -> None:
    with pytest.raises(UsageError, match="HH:MM on a 24-hour clock"):
        parse_post_time(typed)


def test_25_00_is_named_in_the_message() -> None:
    with pytest.raises(UsageError, match="“25:00” is not a time of day"):
        parse_post_time("25:00")


@pytest.mark.parametrize("name", ["Europe/London", "Asia/Kathmandu", "UTC", "America/New_York"])
def test_iana_zones(name: str) -> None:
    assert parse_zone(name).key == name


@pytest.mark.parametrize("name", ["Mars/Olympus", "", "../../etc/passwd", "london", "GMT+25"])
def test_unknown_zones(name: str) -> None:
    with pytest.raises(UsageError, match="not a time zone I know"):
        parse_zone(name)


def test_an_unknown_zone_gets_suggestions() -> None:
    with pytest.raises(UsageError, match=r"“Mars/Olympus”.*IANA") as error:
        parse_zone("Mars/Olympus")
    assert len(str(error.value)) < 300
    with pytest.raises(UsageError, match="Did you mean Europe/London"):
        parse_zone("Europe/Londn")


def test_what_the_bot_needs_to_post_an_embed() -> None:
    everything = discord.Permissions(view_channel=True, send_messages=True, embed_links=True)
    assert missing_permissions(everything) == []
    no_embeds = discord.Permissions(view_channel=True, send_messages=True)
    assert missing_permissions(no_embeds) == ["Embed Links"]
    assert missing_permissions(discord.Permissions.none()) == [
        "View Channel",
        "Send Messages",
        "Embed Links",
    ]


def test_a_stored_row_becomes_a_subscription() -> None:
    now = datetime(2026, 6, 21, tzinfo=UTC)
    row = GuildSettings(1, 10, time(9, 30), "Asia/Kolkata", True, None, now)
    subscription = subscription_of(row)
    assert subscription is not None
    assert (subscription.post_time, subscription.zone.key, subscription.since) == (
        time(9, 30),
        "Asia/Kolkata",
        now,
    )
    gone = GuildSettings(1, 10, time(9, 30), "Mars/Olympus", True, None, now)
    assert subscription_of(gone) is None
    assert subscription_of(GuildSettings(1, None, None, None, True, None, None)) is None
