-- 001: the state in PostgreSQL, for shard processes on several hosts: the same three tables as
-- db/state/001_state.sql (SQLite), in PostgreSQL's own types. Snowflakes fit in BIGINT;
-- post_time is the local wall-clock time, local_date the guild's local date, timestamps UTC.

-- One daily-post subscription per guild.
CREATE TABLE guild_settings (
    guild_id      BIGINT PRIMARY KEY,
    channel_id    BIGINT,
    post_time     TIME,
    timezone      TEXT,
    enabled       BOOLEAN NOT NULL DEFAULT TRUE,
    paused_reason TEXT,
    updated_at    TIMESTAMPTZ
);

-- At most one daily post per guild per local date: the primary key is the ledger's guarantee,
-- and a claim is one INSERT ... ON CONFLICT DO NOTHING on it.
CREATE TABLE daily_posts (
    guild_id   BIGINT NOT NULL,
    local_date DATE NOT NULL,
    channel_id BIGINT,
    message_id BIGINT,
    nonce      TEXT,
    posted_at  TIMESTAMPTZ,
    PRIMARY KEY (guild_id, local_date)
);

-- The bot's own small state, key -> value (the hash of the commands last synced).
CREATE TABLE bot_state (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
