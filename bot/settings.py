"""Settings from the environment and `.env` (pydantic-settings); `.env.example` lists them all.

Build them with `load_settings()` when a command needs them, never at import time, so tests and
the terminal commands need no secrets. Real environment variables win over `.env`.
"""

from __future__ import annotations

import ipaddress
from pathlib import Path
from typing import Annotated, Any, Self
from urllib.parse import urlsplit

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot.paths import default_database_path
from bot.state.url import BadPostgresUrl, PostgresUrl

DISCORD_API_BASE = "https://discord.com/api/v10"
DISCORD_GATEWAY_URL = "wss://gateway.discord.gg/"
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
STATE_FILE_NAME = "state.db"


class SettingsError(Exception):
    """Settings that cannot be used: one line per bad value, never the value of a secret."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", hide_input_in_errors=True
    )

    discord_token: SecretStr | None = None
    application_id: int | None = Field(default=None, gt=0)
    database_path: Path = Field(default_factory=default_database_path)
    state_path: Path | None = None  # None: STATE_FILE_NAME beside the database (`state_file`)
    # The state in PostgreSQL (shard processes on several hosts); None: in the STATE_PATH file
    database_url: SecretStr | None = None
    dev_guild_id: int | None = Field(default=None, gt=0)
    discord_api_base: str = DISCORD_API_BASE
    discord_gateway_url: str = DISCORD_GATEWAY_URL
    log_level: str = "INFO"
    shard_count: int | None = Field(default=None, ge=1)
    shard_ids: Annotated[tuple[int, ...] | None, NoDecode] = None
    # Hybrid search with the semantic extra when it is installed; SEMANTIC=off keeps it lexical
    semantic: bool = True

    @field_validator("discord_token", mode="before")
    @classmethod
    def _blank_token_is_none(cls, value: object) -> object:
        if isinstance(value, str):
            return value.strip() or None
        return value

    @field_validator("database_url", mode="before")
    @classmethod
    def _postgres_url(cls, value: object) -> object:
        if isinstance(value, SecretStr):
            value = value.get_secret_value()
        if isinstance(value, str):
            if not value.strip():
                return None
            try:
                PostgresUrl(value)
            except BadPostgresUrl as error:
                raise ValueError(str(error)) from None
            return value.strip()
        return value

    @field_validator("application_id", "dev_guild_id", "shard_count", mode="before")
    @classmethod
    def _blank_is_none(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("database_path", mode="before")
    @classmethod
    def _blank_path_is_default(cls, value: object) -> object:
        if isinstance(value, str):
            return Path(value.strip()).expanduser() if value.strip() else default_database_path()
        return value

    @field_validator("discord_api_base", "discord_gateway_url")
    @classmethod
    def _encrypted_unless_loopback(cls, value: str) -> str:
        """The token goes wherever these point: a stray `.env` must not send it in clear
        text across a network. Plain http/ws is for an emulator on this machine only."""
        url = urlsplit(value.strip())
        if url.scheme in ("https", "wss") and url.hostname:
            return value.strip()
        if url.scheme in ("http", "ws") and is_loopback(url.hostname):
            return value.strip()
        raise ValueError(
            "must be an https:// (wss:// for the gateway) URL; plain http:// or ws:// only "
            "to this machine (127.0.0.1, ::1, localhost)"
        )

    @field_validator("state_path", mode="before")
    @classmethod
    def _blank_state_is_beside(cls, value: object) -> object:
        if isinstance(value, str):
            return Path(value.strip()).expanduser() if value.strip() else None
        return value

    @field_validator("shard_ids", mode="before")
    @classmethod
    def _comma_separated(cls, value: object) -> object:
        """`SHARD_IDS=0,1` (or `0 1`) in the environment; a list when built in code."""
        if isinstance(value, str):
            parts = value.replace(",", " ").split()
            return tuple(int(part) for part in parts) or None
        return value

    @field_validator("log_level")
    @classmethod
    def _known_level(cls, value: str) -> str:
        level = value.strip().upper() or "INFO"
        if level not in LOG_LEVELS:
            raise ValueError(f"unknown log level {value!r}: use one of {', '.join(LOG_LEVELS)}")
        return level

    @model_validator(mode="after")
    def _state_apart(self) -> Self:
        if self.state_path is not None and self.state_path == self.database_path:
            raise ValueError("STATE_PATH must not be DATABASE_PATH: the state is kept apart")
        return self

    @model_validator(mode="after")
    def _shards_fit(self) -> Self:
        if self.shard_ids is None:
            return self
        if self.shard_count is None:
            raise ValueError("SHARD_IDS needs SHARD_COUNT (the total number of shards)")
        outside = [i for i in self.shard_ids if not 0 <= i < self.shard_count]
        if outside:
            raise ValueError(
                f"SHARD_IDS {outside} outside 0..{self.shard_count - 1} (SHARD_COUNT is "
                f"{self.shard_count})"
            )
        if len(set(self.shard_ids)) != len(self.shard_ids):
            raise ValueError("SHARD_IDS lists a shard twice")
        return self

    @property
    def state_file(self) -> Path:
        """Where guild settings and the daily ledger live: STATE_PATH, else `state.db` in the
        database's folder (so `--db` moves both, and they stay apart)."""
        if self.state_path is not None:
            return self.state_path
        if self.database_path.name == STATE_FILE_NAME:
            return self.database_path.with_name(f"guild-{STATE_FILE_NAME}")
        return self.database_path.with_name(STATE_FILE_NAME)

    @property
    def state_url(self) -> PostgresUrl | None:
        """DATABASE_URL: the state in PostgreSQL; None keeps it in the `state_file`."""
        if self.database_url is None:
            return None
        return PostgresUrl(self.database_url.get_secret_value())

    def secrets(self) -> list[str]:
        """What no log line may show: the token and the database password."""
        found = [] if self.token is None else [self.token]
        if (url := self.state_url) is not None:
            found += [url.secret, *url.secrets()]
        return found

    @property
    def token(self) -> str | None:
        return None if self.discord_token is None else self.discord_token.get_secret_value()


def is_loopback(host: str | None) -> bool:
    if host is None:
        return False
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def load_settings(**overrides: Any) -> Settings:
    """Settings from the environment and `.env` in the working directory, plus `overrides`.

    Raises SettingsError with a readable message (values are never echoed)."""
    try:
        return Settings(**overrides)
    except ValidationError as error:
        raise SettingsError(describe(error)) from None


def describe(error: ValidationError) -> str:
    """`LOG_LEVEL: unknown log level ...; SHARD_COUNT: ...` from pydantic's errors."""
    parts = []
    for item in error.errors(include_input=False, include_url=False):
        where = ".".join(str(part) for part in item["loc"]).upper()
        message = str(item["msg"]).removeprefix("Value error, ")
        parts.append(f"{where}: {message}" if where else message)
    return "bad settings: " + "; ".join(parts)
