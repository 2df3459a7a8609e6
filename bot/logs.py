"""Logging for `minimax-bot run` and `sync`: one stderr handler at LOG_LEVEL, secrets redacted.

Neither discord.py nor this bot logs the token, and the tests check that. The formatter is a
second line of defence: it removes the token, and the per-interaction tokens that appear in
webhook URLs of discord.py's DEBUG request log, from every formatted line, traceback included.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable

REDACTED = "[redacted]"
FORMAT = "[{asctime}] [{levelname:<8}] {name}: {message}"
DATE_FORMAT = "%Y-%m-%d %H:%M:%S"
# /interactions/<id>/<token>/callback and /webhooks/<application id>/<token>/...
_URL_TOKENS = re.compile(r"(/(?:interactions|webhooks)/\d+/)[A-Za-z0-9._~-]+")


class RedactingFormatter(logging.Formatter):
    def __init__(self, secrets: Iterable[str] = ()) -> None:
        super().__init__(FORMAT, DATE_FORMAT, style="{")
        # Longest first, so a secret containing another is removed whole.
        self.secrets = sorted({s for s in secrets if s}, key=len, reverse=True)

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record), self.secrets)


def redact(text: str, secrets: Iterable[str]) -> str:
    for secret in secrets:
        text = text.replace(secret, REDACTED)
    return _URL_TOKENS.sub(rf"\g<1>{REDACTED}", text)


def setup_logging(level: str, secrets: Iterable[str] = ()) -> logging.Handler:
    """Replace the root logger's handlers with one stderr handler at `level`."""
    handler = logging.StreamHandler()
    handler.setFormatter(RedactingFormatter(secrets))
    logging.basicConfig(level=level, handlers=[handler], force=True)
    return handler
