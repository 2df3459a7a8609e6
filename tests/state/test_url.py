"""DATABASE_URL: a setting whose password never shows, in errors, reprs or log lines."""

from __future__ import annotations

import logging

import pytest

from bot.logs import RedactingFormatter, redact
from bot.settings import SettingsError, load_settings
from bot.state.url import BadPostgresUrl, PostgresUrl

URL = "postgresql://bot:pa%40ss-9431@db.internal:5432/minimax"


def test_the_url_shows_itself_masked() -> None:
    url = PostgresUrl(URL)
    assert url.password == "pa@ss-9431"
    assert str(url) == "postgresql://bot:***@db.internal:5432/minimax"
    assert "9431" not in repr(url)
    assert url.scrub(f"failed: {URL} (pa@ss-9431)") == (
        "failed: postgresql://bot:***@db.internal:5432/minimax (***)"
    )


@pytest.mark.parametrize("bad", ["mysql://u:p@h/d", "postgresql:///nohost", "not a url"])
def test_other_urls_are_refused(bad: str) -> None:
    with pytest.raises(BadPostgresUrl):
        PostgresUrl(bad)


def test_the_setting_is_optional_and_never_echoed() -> None:
    assert load_settings(database_url="").state_url is None
    settings = load_settings(database_url=URL)
    assert settings.state_url == PostgresUrl(URL)
    assert "9431" not in repr(settings) and "9431" not in str(settings.model_dump())
    assert "pa%40ss-9431" in settings.secrets()
    with pytest.raises(SettingsError) as raised:
        load_settings(database_url="mysql://u:secret-771@h/d")
    assert "DATABASE_URL" in str(raised.value) and "secret-771" not in str(raised.value)


def test_log_lines_never_show_a_database_password() -> None:
    assert redact(f"cannot connect to {URL}") == (
        "cannot connect to postgresql://bot:[redacted]@db.internal:5432/minimax"
    )
    formatter = RedactingFormatter(secrets=["pa@ss-9431"])
    record = logging.LogRecord("x", logging.ERROR, __file__, 1, "pw %s", ("pa@ss-9431",), None)
    assert "9431" not in formatter.format(record)
