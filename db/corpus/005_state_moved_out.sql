-- 005: the guild settings, the daily ledger and the bot state moved to their own database (the
-- state file, db/state/). Their tables here are renamed, not dropped: whatever an older version
-- wrote into them is copied into the state file (bot.state.legacy) the first time the bot
-- starts, and only then dropped. Until then nothing in them is lost, whichever program opens
-- this file first.

ALTER TABLE guild_settings RENAME TO legacy_guild_settings;
ALTER TABLE daily_posts RENAME TO legacy_daily_posts;
ALTER TABLE bot_state RENAME TO legacy_bot_state;

-- The index's generation: the indexer adds one in every run that changes the index, so a
-- serving process knows a new index from the one it has loaded (see bot.queries.corpus).
INSERT INTO meta (key, value) VALUES ('generation', '0')
    ON CONFLICT (key) DO NOTHING;
