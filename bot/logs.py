"""Logging for `minimax-bot run` and `sync`: one stderr handler at LOG_LEVEL, secrets redacted.

Neither discord.py nor this bot logs the token, and the tests check that. The formatter is a
second line of defence: it removes the token, anything shaped like a bot token, and the
per-interaction tokens (valid for 15 minutes) that discord.py's DEBUG log shows in webhook URLs
and in the gateway events it prints (`'token': '...'`), and the password of any database URL
(`postgresql://user:...@host`), from every formatted line, traceback
included. `redact` is also how error messages built from Discord's answers are cleaned before
they are printed or stored.
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
# 'token': '...' in a payload's repr, "token": "..." in its JSON (an interaction's token)
_FIELD_TOKENS = re.compile(r"""(["']token["']\s*:\s*["'])[^"']+""")
# The password in a database URL: postgresql://user:<password>@host
_URL_PASSWORDS = re.compile(r"(\b[a-z][a-z0-9+.-]*://[^:/@\s]*:)[^@\s]+@")
# A bot token: the bot's id in base64, a timestamp, an HMAC, joined by dots
_BOT_TOKENS = re.compile(r"[A-Za-z0-9_-]{17,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{20,}")


class RedactingFormatter(logging.Formatter):
    def __init__(self, secrets: Iterable[str] = ()) -> None:
        super().__init__(FORMAT, DATE_FORMAT, style="{")
        # Longest first, so a secret containing another is removed whole.
        self.secrets = sorted({s for s in secrets if s}, key=len, reverse=True)

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record), self.secrets)


def redact(text: str, secrets: Iterable[str] = ()) -> str:
    """`text` without the `secrets` and without anything shaped like a token."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, REDACTED)
    text = _URL_TOKENS.sub(rf"\g<1>{REDACTED}", text)
    text = _FIELD_TOKENS.sub(rf"\g<1>{REDACTED}", text)
    text = _URL_PASSWORDS.sub(rf"\g<1>{REDACTED}@", text)
    return _BOT_TOKENS.sub(REDACTED, text)


def setup_logging(level: str, secrets: Iterable[str] = ()) -> logging.Handler:
    """Replace the root logger's handlers with one stderr handler at `level`."""
    handler = logging.StreamHandler()
    handler.setFormatter(RedactingFormatter(secrets))
    logging.basicConfig(level=level, handlers=[handler], force=True)
    return handler
