"""A PostgreSQL URL that never shows its password: `str()` and `repr()` print it masked, and
`scrub` removes it from any message (a driver's error may quote what it was given)."""

from __future__ import annotations

from urllib.parse import unquote, urlsplit, urlunsplit

SCHEMES = ("postgresql", "postgres")
MASK = "***"


class BadPostgresUrl(ValueError):
    """Not a postgresql:// URL; the message never quotes the URL itself."""


class PostgresUrl:
    __slots__ = ("_secret",)

    def __init__(self, url: str) -> None:
        url = url.strip()
        try:
            parts = urlsplit(url)
            parts.port  # noqa: B018  (a bad port raises here)
        except ValueError:
            raise BadPostgresUrl("not a valid URL (postgresql://user:password@host/db)") from None
        if parts.scheme not in SCHEMES or not parts.hostname:
            raise BadPostgresUrl("must be a postgresql://user:password@host:port/database URL")
        self._secret = url

    @property
    def secret(self) -> str:
        """The URL as given, password included: for the driver only."""
        return self._secret

    @property
    def password(self) -> str | None:
        raw = urlsplit(self._secret).password
        return None if raw is None else unquote(raw)

    def secrets(self) -> list[str]:
        """What a log line or an error must never show: the password, raw and decoded."""
        raw = urlsplit(self._secret).password
        return [s for s in {raw, self.password} if s]

    def masked(self) -> str:
        parts = urlsplit(self._secret)
        if parts.password is None:
            return self._secret
        user = parts.username or ""
        host = parts.netloc.rsplit("@", 1)[1]
        return urlunsplit(parts._replace(netloc=f"{user}:{MASK}@{host}"))

    def scrub(self, text: str) -> str:
        """`text` without the password (or the whole URL)."""
        text = text.replace(self._secret, self.masked())
        for secret in sorted(self.secrets(), key=len, reverse=True):
            text = text.replace(secret, MASK)
        return text

    def __str__(self) -> str:
        return self.masked()

    def __repr__(self) -> str:
        return f"PostgresUrl({self.masked()!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PostgresUrl) and other._secret == self._secret

    def __hash__(self) -> int:
        return hash(self._secret)
