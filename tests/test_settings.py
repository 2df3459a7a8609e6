"""Settings: environment first, then `.env` in the working directory, then defaults."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.paths import PROJECT_ROOT, default_database_path
from bot.settings import DISCORD_API_BASE, Settings, SettingsError, load_settings

TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.Gabcde.not-a-real-token-but-secret-looking"
NAMES = [name.upper() for name in Settings.model_fields]


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No settings from the machine running the tests; an empty working directory."""
    for name in NAMES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_defaults_need_no_secrets() -> None:
    settings = load_settings()
    assert settings.discord_token is None and settings.token is None
    assert settings.database_path == default_database_path()
    assert settings.discord_api_base == DISCORD_API_BASE
    assert settings.log_level == "INFO"
    assert settings.dev_guild_id is settings.shard_count is settings.shard_ids is None


def test_environment_values_are_parsed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISCORD_TOKEN", f"  {TOKEN} ")
    monkeypatch.setenv("DATABASE_PATH", "~/bot/minimax.db")
    monkeypatch.setenv("DEV_GUILD_ID", "1100000000000000001")
    monkeypatch.setenv("APPLICATION_ID", "1200000000000000002")
    monkeypatch.setenv("LOG_LEVEL", "debug")
    monkeypatch.setenv("SHARD_COUNT", "2")
    monkeypatch.setenv("SHARD_IDS", "0,1")
    settings = load_settings()
    assert settings.token == TOKEN
    assert settings.database_path == Path.home() / "bot" / "minimax.db"
    assert settings.dev_guild_id == 1100000000000000001
    assert settings.application_id == 1200000000000000002
    assert settings.log_level == "DEBUG"
    assert (settings.shard_count, settings.shard_ids) == (2, (0, 1))


@pytest.mark.parametrize("text", ["0,1", "0 1", " 0 , 1 ", "0,1,"])
def test_shard_ids_lists(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setenv("SHARD_COUNT", "2")
    monkeypatch.setenv("SHARD_IDS", text)
    assert load_settings().shard_ids == (0, 1)


def test_dot_env_in_the_working_directory(
    monkeypatch: pytest.MonkeyPatch, clean_environment: Path
) -> None:
    (clean_environment / ".env").write_text(
        f"DISCORD_TOKEN={TOKEN}\nDEV_GUILD_ID=42\nLOG_LEVEL=warning\n", encoding="utf-8"
    )
    monkeypatch.setenv("LOG_LEVEL", "ERROR")  # the real environment wins over .env
    settings = load_settings()
    assert (settings.token, settings.dev_guild_id) == (TOKEN, 42)
    assert settings.log_level == "ERROR"


def test_blank_values_mean_not_set(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("DISCORD_TOKEN", "APPLICATION_ID", "DEV_GUILD_ID", "SHARD_COUNT", "SHARD_IDS"):
        monkeypatch.setenv(name, "  ")
    monkeypatch.setenv("DATABASE_PATH", "")
    monkeypatch.setenv("LOG_LEVEL", "")
    settings = load_settings()
    assert settings.discord_token is None and settings.application_id is None
    assert settings.dev_guild_id is settings.shard_count is settings.shard_ids is None
    assert settings.database_path == default_database_path()
    assert settings.log_level == "INFO"


def test_the_example_file_lists_every_setting_and_loads_as_is(clean_environment: Path) -> None:
    example = (PROJECT_ROOT / ".env.example").read_text(encoding="utf-8")
    listed = set(re.findall(r"^#? ?([A-Z_]+)=", example, flags=re.MULTILINE))
    assert listed == set(NAMES)
    (clean_environment / ".env").write_text(example, encoding="utf-8")
    assert load_settings() == load_settings(_env_file=None)


def test_bad_log_level_is_one_clear_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOG_LEVEL", "loud")
    with pytest.raises(SettingsError) as info:
        load_settings()
    message = str(info.value)
    assert message.startswith("bad settings: LOG_LEVEL: unknown log level 'loud'")
    assert "DEBUG" in message and "\n" not in message


@pytest.mark.parametrize(
    ("count", "ids", "expected"),
    [
        ("", "1", "SHARD_IDS needs SHARD_COUNT"),
        ("2", "2", "SHARD_IDS [2] outside 0..1"),
        ("2", "1,1", "lists a shard twice"),
        ("0", "", "SHARD_COUNT: Input should be greater than or equal to 1"),
        ("two", "", "SHARD_COUNT: Input should be a valid integer"),
    ],
)
def test_shards_that_cannot_run_are_refused(
    monkeypatch: pytest.MonkeyPatch, count: str, ids: str, expected: str
) -> None:
    monkeypatch.setenv("SHARD_COUNT", count)
    monkeypatch.setenv("SHARD_IDS", ids)
    with pytest.raises(SettingsError, match=re.escape(expected)):
        load_settings()


def test_the_token_is_never_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISCORD_TOKEN", TOKEN)
    settings = load_settings()
    for text in (repr(settings), str(settings), repr(settings.discord_token), f"{settings}"):
        assert TOKEN not in text
    monkeypatch.setenv("DEV_GUILD_ID", TOKEN)  # a secret pasted into the wrong setting
    with pytest.raises(SettingsError) as info:
        load_settings()
    assert TOKEN not in str(info.value) and "DEV_GUILD_ID" in str(info.value)


def test_overrides_in_code(tmp_path: Path) -> None:
    settings = load_settings(database_path=tmp_path / "x.db", shard_count=3, shard_ids=[2])
    assert settings.database_path == tmp_path / "x.db" and settings.shard_ids == (2,)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("DISCORD_API_BASE", "http://discord.example.com/api/v10"),
        ("DISCORD_API_BASE", "http://10.0.0.5:8080/api"),
        ("DISCORD_API_BASE", "ftp://127.0.0.1/api"),
        ("DISCORD_API_BASE", "discord.com/api"),
        ("DISCORD_GATEWAY_URL", "ws://gateway.example.com/"),
    ],
)
def test_clear_text_urls_off_this_machine_are_refused(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str
) -> None:
    """The token goes where these point: a stray .env must not send it across a network."""
    monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError, match=f"{name}: must be an https://"):
        load_settings()


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("DISCORD_API_BASE", "https://discord.example.com/api/v10"),
        ("DISCORD_API_BASE", "http://127.0.0.1:8080/api/v10"),
        ("DISCORD_API_BASE", "http://localhost:8080/api/v10"),
        ("DISCORD_API_BASE", "http://[::1]:8080/api/v10"),
        ("DISCORD_GATEWAY_URL", "ws://127.0.0.1:9/"),
        ("DISCORD_GATEWAY_URL", "wss://gateway.discord.gg/"),
    ],
)
def test_encrypted_or_loopback_urls_are_accepted(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str
) -> None:
    monkeypatch.setenv(name, value)
    assert getattr(load_settings(), name.lower()) == value


def test_the_state_file_sits_beside_the_database_unless_set(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert load_settings().state_file == default_database_path().with_name("state.db")
    moved = load_settings(database_path=Path("/srv/bot/index.db"))
    assert moved.state_file == Path("/srv/bot/state.db")  # `--db` moves both
    monkeypatch.setenv("STATE_PATH", "~/keep/state.db")
    assert load_settings().state_file == Path.home() / "keep" / "state.db"
    monkeypatch.setenv("STATE_PATH", " ")
    assert load_settings().state_file == default_database_path().with_name("state.db")
    named_alike = load_settings(database_path=Path("/srv/state.db"))
    assert named_alike.state_file != named_alike.database_path


def test_the_state_file_is_not_the_database(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_PATH", "/srv/bot.db")
    monkeypatch.setenv("STATE_PATH", "/srv/bot.db")
    with pytest.raises(SettingsError, match="STATE_PATH must not be DATABASE_PATH"):
        load_settings()
