"""The ledger as the scheduler sees it: the stored rows, this process's failed attempts, and
the message nonce of each (guild, local date).

The nonce is deterministic, so every attempt at one day's post carries the same one and
Discord (`enforce_nonce`) returns the message a lost response already created instead of
posting it twice. Discord remembers a nonce for a few minutes only (`NONCE_WINDOW`, kept
short to be safe); past that, the poster looks for the message itself.

Failed attempts are counted in memory, per (guild, local date): each failure waits twice as
long as the one before (1 min, 2, 4 ... at most an hour) and after `MAX_ATTEMPTS` the day is
given up, so a channel that keeps failing is not hammered. A restart starts the count again;
a permanent refusal (a deleted channel, a missing permission) pauses the subscription in the
database instead.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from bot.daily.schedule import LedgerEntry
from bot.state import DailyPostRow

NONCE_PREFIX = "d"
NONCE_LENGTH = 25  # Discord's limit, exactly: "d" + 16 hex digits of the guild + YYYYMMDD
NONCE_WINDOW = timedelta(minutes=2)
RETRY_FIRST = timedelta(minutes=1)
RETRY_MAX = timedelta(hours=1)
MAX_ATTEMPTS = 8

Key = tuple[int, date]


def post_nonce(guild_id: int, local_date: date) -> str:
    """`d` + the guild id in 16 hex digits + the date: unique per guild and day, 25 chars."""
    return f"{NONCE_PREFIX}{guild_id:016x}{local_date:%Y%m%d}"


def parse_nonce(nonce: str) -> Key | None:
    """(guild id, local date) of a daily post's nonce; None for any other nonce."""
    if len(nonce) != NONCE_LENGTH or not nonce.startswith(NONCE_PREFIX):
        return None
    try:
        guild_id = int(nonce[1:17], 16)
        day = datetime.strptime(nonce[17:], "%Y%m%d").date()
    except ValueError:
        return None
    return guild_id, day


def backoff(failures: int) -> timedelta:
    """The wait after the `failures`-th failed attempt."""
    wait: timedelta = RETRY_FIRST * 2 ** max(failures - 1, 0)
    return min(RETRY_MAX, wait)


@dataclass
class Attempt:
    failures: int = 0
    retry_at: datetime | None = None
    given_up: bool = False


class Attempts:
    """Failed attempts per (guild, local date), in this process."""

    def __init__(self) -> None:
        self._by_key: dict[Key, Attempt] = {}

    def get(self, key: Key) -> Attempt | None:
        return self._by_key.get(key)

    def failed(self, key: Key, now: datetime) -> Attempt:
        """Count a failure: retry later, or give the day up after MAX_ATTEMPTS."""
        attempt = self._by_key.setdefault(key, Attempt())
        attempt.failures += 1
        if attempt.failures >= MAX_ATTEMPTS:
            attempt.given_up, attempt.retry_at = True, None
        else:
            attempt.retry_at = now + backoff(attempt.failures)
        return attempt

    def give_up(self, key: Key) -> None:
        attempt = self._by_key.setdefault(key, Attempt())
        attempt.given_up, attempt.retry_at = True, None

    def items(self) -> list[tuple[Key, Attempt]]:
        return list(self._by_key.items())

    def forget(self, key: Key) -> None:
        self._by_key.pop(key, None)

    def prune(self, before: date) -> None:
        """Forget days older than `before`: they are never due again."""
        for key in [key for key in self._by_key if key[1] < before]:
            del self._by_key[key]


def ledger_view(rows: Iterable[DailyPostRow], attempts: Attempts) -> dict[Key, LedgerEntry]:
    """One `LedgerEntry` per (guild, date) that has a stored row or a failed attempt."""
    view: dict[Key, LedgerEntry] = {}
    for row in rows:
        doubt = None if row.confirmed else row.posted_at
        view[(row.guild_id, row.local_date)] = LedgerEntry(row.confirmed, doubt)
    for key, attempt in attempts.items():
        stored = view.get(key, LedgerEntry())
        view[key] = LedgerEntry(
            stored.confirmed,
            stored.in_doubt_since,
            attempt.failures,
            attempt.retry_at,
            attempt.given_up,
        )
    return view
