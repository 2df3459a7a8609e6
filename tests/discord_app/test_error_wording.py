"""The tree's refusals in the reader's locale: each expected error has its own sentence in
every locale, and English keeps the words it always had."""

from __future__ import annotations

import pytest
from discord import app_commands

from bot.cards.labels import LOCALES, Locale
from bot.commands import UsageError
from bot.discord_app.tree import NOT_ALLOWED, message_for

HAN = range(0x4E00, 0xA000)


def chinese(text: str) -> bool:
    return any(ord(ch) in HAN for ch in text)


def errors() -> list[app_commands.AppCommandError]:
    bad_date = app_commands.CommandInvokeError(
        app_commands.Command(name="x", description="x", callback=_noop),
        UsageError.said("usage.date_form", option="date", text="13-45"),
    )
    return [
        app_commands.MissingPermissions(["manage_guild"]),
        app_commands.NoPrivateMessage(),
        app_commands.CommandOnCooldown(app_commands.Cooldown(1, 10.0), 5.0),
        app_commands.CheckFailure("The check functions for command 'x' failed."),
        bad_date,
    ]


async def _noop(interaction: object) -> None:
    return None


@pytest.mark.parametrize("locale", LOCALES)
def test_every_expected_error_is_told_in_the_readers_locale(locale: Locale) -> None:
    told = [message_for(error, locale) for error in errors()]
    assert all(told), told
    assert len(set(told)) == len(told)  # each says its own thing
    if locale != "en":
        assert all(chinese(text or "") for text in told), told


def test_english_keeps_its_words() -> None:
    told = [message_for(error) for error in errors()]
    assert told[0] == NOT_ALLOWED == "You need the **Manage Server** permission for this."
    assert told[1] == "This command works in a server, not in DMs."
    assert told[2] is not None and told[2].startswith("Slow down: try again <t:")
    assert told[3] == "The check functions for command 'x' failed."
    assert told[4] == "date must be YYYY-MM-DD or MM-DD, like 2026-06-21 or 06-21: not “13-45”."
    assert message_for(app_commands.CheckFailure()) == NOT_ALLOWED
