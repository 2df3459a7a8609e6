-- 002: turns to IDENTIFY with Discord's gateway, shared by every shard process: Discord lets
-- `max_concurrency` sessions start per 5 seconds, one per bucket (shard id % max_concurrency).
-- A process takes its turn under an advisory lock and writes when it went (the server's clock,
-- so hosts with skewed clocks agree).
CREATE TABLE identify_turns (
    bucket  INTEGER PRIMARY KEY,
    last_at TIMESTAMPTZ NOT NULL
);
