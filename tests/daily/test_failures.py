"""What a failed send means: pause for good reasons, retry outages, give up on bad requests."""

from __future__ import annotations

from unittest.mock import Mock

import aiohttp
import discord
import pytest

from bot.daily.failures import Verdict, classify


def response(status: int) -> Mock:
    return Mock(status=status, reason="reason")


def http(kind: type[discord.HTTPException], status: int, code: int, text: str) -> Exception:
    return kind(response(status), {"code": code, "message": text})


@pytest.mark.parametrize(
    ("error", "verdict", "maybe_sent", "words"),
    [
        (http(discord.Forbidden, 403, 50013, "Missing Permissions"), Verdict.PAUSE, False,
         "I may not post in <#7> (Missing Permissions): I need View Channel"),
        (http(discord.Forbidden, 403, 50001, "Missing Access"), Verdict.PAUSE, False,
         "I cannot see <#7>"),
        (http(discord.NotFound, 404, 10003, "Unknown Channel"), Verdict.PAUSE, False,
         "The channel <#7> no longer exists (Unknown Channel)"),
        (http(discord.HTTPException, 429, 0, "You are being rate limited."), Verdict.RETRY,
         False, "rate limited"),
        (discord.RateLimited(120.0), Verdict.RETRY, False, "rate limited for 120 s"),
        (http(discord.DiscordServerError, 503, 0, "Service Unavailable"), Verdict.RETRY, True,
         "Discord failed (503"),
        (http(discord.HTTPException, 400, 50035, "Invalid Form Body"), Verdict.GIVE_UP, False,
         "rejected the post (400"),
        (aiohttp.ServerDisconnectedError(), Verdict.RETRY, True, "connection failed"),
        (TimeoutError(), Verdict.RETRY, True, "connection failed"),
    ],
)  # fmt: skip
def test_expected_failures(
    error: Exception, verdict: Verdict, maybe_sent: bool, words: str
) -> None:
    failure = classify(error, 7)
    assert (failure.verdict, failure.maybe_sent, failure.expected) == (verdict, maybe_sent, True)
    assert words in failure.reason


def test_a_bug_is_retried_and_logged_in_full() -> None:
    failure = classify(KeyError("oops"), 7)
    assert (failure.verdict, failure.maybe_sent, failure.expected) == (Verdict.RETRY, True, False)


@pytest.mark.parametrize("status", [400, 403, 404, 503])
def test_discord_s_answer_text_is_redacted_before_it_is_stored_or_shown(status: int) -> None:
    """A reason is stored and shown in /daily status: an echoed token never reaches it."""
    bot_token = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789"
    echoed = f"bad request from {bot_token} via /webhooks/1/aW50ZXJhY3Rpb24/messages"
    kind = {403: discord.Forbidden, 404: discord.NotFound}.get(status, discord.HTTPException)
    failure = classify(http(kind, status, 0, echoed), 7)
    assert "[redacted]" in failure.reason
    assert bot_token not in failure.reason and "aW50ZXJhY3Rpb24" not in failure.reason
