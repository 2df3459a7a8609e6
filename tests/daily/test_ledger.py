"""The message nonce, the backoff of failed attempts, and the ledger as the scheduler sees it."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from bot.daily.ledger import (
    MAX_ATTEMPTS,
    NONCE_LENGTH,
    Attempts,
    backoff,
    ledger_view,
    parse_nonce,
    post_nonce,
)
from bot.daily.schedule import LedgerEntry
from bot.state import DailyPostRow

NOW = datetime(2026, 6, 21, 9, tzinfo=UTC)
DAY = date(2026, 6, 21)
GUILD = 1_180_000_000_000_000_000  # a realistic snowflake


def test_the_nonce_is_deterministic_short_and_names_guild_and_date() -> None:
    nonce = post_nonce(GUILD, DAY)
    assert nonce == post_nonce(GUILD, DAY) and len(nonce) == NONCE_LENGTH <= 25
    assert parse_nonce(nonce) == (GUILD, DAY)
    assert post_nonce(GUILD, DAY + timedelta(days=1)) != nonce
    assert post_nonce(GUILD + 1, DAY) != nonce


@given(
    guild=st.integers(min_value=0, max_value=2**64 - 1),
    day=st.dates(date(2015, 1, 1), date(2199, 12, 31)),
)
def test_every_guild_and_date_gives_its_own_nonce(guild: int, day: date) -> None:
    nonce = post_nonce(guild, day)
    assert len(nonce) == 25 and parse_nonce(nonce) == (guild, day)


def test_other_nonces_are_not_ours() -> None:
    assert parse_nonce("") is None and parse_nonce("1234567890") is None
    assert parse_nonce("d" + "z" * 24) is None


def test_backoff_doubles_up_to_an_hour() -> None:
    waits = [backoff(n) for n in range(1, 9)]
    assert waits[:4] == [timedelta(minutes=m) for m in (1, 2, 4, 8)]
    assert waits[-1] == timedelta(hours=1) and waits == sorted(waits)


def test_a_day_is_given_up_after_max_attempts() -> None:
    attempts = Attempts()
    key = (GUILD, DAY)
    for n in range(1, MAX_ATTEMPTS):
        attempt = attempts.failed(key, NOW)
        assert attempt.failures == n and not attempt.given_up
        assert attempt.retry_at == NOW + backoff(n)
    assert attempts.failed(key, NOW).given_up
    attempts.forget(key)
    assert attempts.get(key) is None


def test_old_days_are_pruned() -> None:
    attempts = Attempts()
    attempts.failed((GUILD, DAY - timedelta(days=3)), NOW)
    attempts.failed((GUILD, DAY), NOW)
    attempts.prune(DAY - timedelta(days=2))
    assert [key for key, _ in attempts.items()] == [(GUILD, DAY)]


def test_the_view_joins_stored_rows_and_failed_attempts() -> None:
    rows = [
        DailyPostRow(GUILD, DAY - timedelta(days=1), 5, 77, "n", NOW - timedelta(days=1)),
        DailyPostRow(GUILD, DAY, 5, None, "n", NOW),
    ]
    attempts = Attempts()
    attempts.failed((GUILD, DAY), NOW)
    attempts.give_up((GUILD + 1, DAY))
    view = ledger_view(rows, attempts)
    assert view[(GUILD, DAY - timedelta(days=1))] == LedgerEntry(confirmed=True)
    today = view[(GUILD, DAY)]
    assert today.in_doubt_since == NOW and today.attempts == 1 and today.retry_at is not None
    assert view[(GUILD + 1, DAY)].given_up
