-- 001: the state: what the bot writes and must never lose. This file is apart from the corpus
-- index, which is rebuilt at will; nothing that rebuilds the index opens it.
-- Times: post_time is local 'HH:MM', timezone an IANA name, local_date 'YYYY-MM-DD',
-- updated_at / posted_at ISO 8601 UTC timestamps. The columns are those the corpus database
-- held before (its migrations 002 and 003), so moving old rows over is a plain copy.

-- One daily-post subscription per guild.
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

-- The bot's own small state, key -> value (for example the hash of the command definitions
-- last synced globally, so a restart syncs only when they changed).
CREATE TABLE bot_state (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
