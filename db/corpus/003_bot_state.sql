-- 003: the bot's own small state, key -> value (for example the hash of the command definitions
-- last synced globally, so a restart syncs only when they changed). Written by the bot only;
-- the indexer never touches it. updated_at is an ISO 8601 UTC timestamp.

CREATE TABLE bot_state (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
