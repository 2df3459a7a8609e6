"""What a failed send means for the day's post: retry later, pause the guild, or give up.

- A missing permission or a deleted channel (403, 404) will not fix itself: the guild's
  subscription is paused with a reason `/daily status` shows, until `/daily set` clears it.
- A rate limit (429) or a Discord outage (5xx, a dropped connection) is retried with backoff
  the same day. A 5xx or a dropped connection may come after Discord created the message, so
  the claim is kept (the next attempt reuses the nonce); a 429 or a 4xx created nothing.
- Any other refusal (400: the request itself is wrong) will fail again: the day is given up.
- Anything else is a bug, logged with its traceback and retried like an outage.
"""

from __future__ import annotations

import asyncio
import enum
from dataclasses import dataclass

import aiohttp
import discord

from bot.cards.labels import say
from bot.logs import redact

MISSING_ACCESS, MISSING_PERMISSIONS = 50001, 50013
NEEDED = "View Channel, Send Messages and Embed Links"


class Verdict(enum.Enum):
    RETRY = "retry"
    PAUSE = "pause"
    GIVE_UP = "give up"


@dataclass(frozen=True, slots=True)
class Failure:
    verdict: Verdict
    maybe_sent: bool  # the message may exist despite the error
    reason: str
    expected: bool = True  # False: a bug, worth a traceback in the log


def said(error: discord.HTTPException) -> str:
    """Discord's answer text, which is stored and shown in `/daily status`: no tokens in it."""
    return redact(error.text)


def forbidden_reason(error: discord.Forbidden, channel_id: int) -> str:
    """In English, stored as it is (`bot.daily.reasons` says it in the admin's locale)."""
    if error.code == MISSING_ACCESS:
        return say("daily.reason.no_access", channel=channel_id)
    if error.code == MISSING_PERMISSIONS:
        return say("daily.reason.no_permission", channel=channel_id, needed=NEEDED)
    refused = f"{error.status}: {said(error)}"
    return say("daily.reason.refused", channel=channel_id, said=refused)


def classify(error: BaseException, channel_id: int) -> Failure:
    if isinstance(error, discord.Forbidden):
        return Failure(Verdict.PAUSE, False, forbidden_reason(error, channel_id))
    if isinstance(error, discord.NotFound):
        gone = said(error) or "Not Found"
        return Failure(
            Verdict.PAUSE, False, say("daily.reason.gone", channel=channel_id, said=gone)
        )
    if isinstance(error, discord.RateLimited):
        return Failure(Verdict.RETRY, False, f"rate limited for {error.retry_after:.0f} s")
    if isinstance(error, discord.HTTPException):
        summary = f"{error.status}: {said(error) or type(error).__name__}"
        if error.status == 429:
            return Failure(Verdict.RETRY, False, f"rate limited ({summary})")
        if error.status >= 500:
            return Failure(Verdict.RETRY, True, f"Discord failed ({summary})")
        return Failure(Verdict.GIVE_UP, False, f"Discord rejected the post ({summary})")
    if isinstance(error, aiohttp.ClientError | asyncio.TimeoutError | OSError):
        return Failure(Verdict.RETRY, True, f"connection failed ({type(error).__name__})")
    return Failure(Verdict.RETRY, True, f"unexpected {type(error).__name__}", expected=False)
