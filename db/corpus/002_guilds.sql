-- 002: per-guild state. Written by the bot only; the indexer never touches these tables.
-- Times: post_time is local 'HH:MM', timezone an IANA name, local_date 'YYYY-MM-DD',
-- updated_at / posted_at ISO 8601 UTC timestamps.

CREATE TABLE guild_settings (
    guild_id      INTEGER PRIMARY KEY,
    channel_id    INTEGER,
    post_time     TEXT,
    timezone      TEXT,
    enabled       INTEGER NOT NULL DEFAULT 1,
    paused_reason TEXT,
    updated_at    TEXT
);

-- At most one daily post per guild per local date: the primary key is the ledger's guarantee.
CREATE TABLE daily_posts (
    guild_id   INTEGER NOT NULL,
    local_date TEXT NOT NULL,
    channel_id INTEGER,
    message_id INTEGER,
    nonce      TEXT,
    posted_at  TEXT,
    PRIMARY KEY (guild_id, local_date)
);
