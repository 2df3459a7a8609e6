-- 010: events as happenings (issue 14). An event row is one source's telling of a happening:
-- its date at that source's precision, the sentence or table row that tells it, and how a
-- relative date reads. `happening_id` groups the tellings of one happening across documents;
-- the grouping, `rank` (a telling's place in its happening) and `account` (all that its
-- document says of the happening, its sentences joined) are derived, rebuilt by every run that
-- changes anything. A telling whose sentence a curated happening also gives has no happening.

ALTER TABLE events ADD COLUMN kind TEXT;
ALTER TABLE events ADD COLUMN happening_key TEXT;
ALTER TABLE events ADD COLUMN title TEXT;
ALTER TABLE events ADD COLUMN sentence TEXT;
ALTER TABLE events ADD COLUMN reading TEXT;
ALTER TABLE events ADD COLUMN happening_id INTEGER;
ALTER TABLE events ADD COLUMN rank INTEGER;
ALTER TABLE events ADD COLUMN account TEXT;
CREATE INDEX events_happening ON events (happening_id, rank);

CREATE TABLE happenings (
    id       INTEGER PRIMARY KEY,
    kind     TEXT,
    title    TEXT NOT NULL,
    subject  TEXT,
    start    TEXT NOT NULL,     -- the earliest start of its tellings
    end      TEXT NOT NULL,     -- the latest end
    tier     INTEGER NOT NULL,  -- 0 the main happenings (founding, funding, major releases)
    tellings INTEGER NOT NULL,
    differ   INTEGER NOT NULL,  -- 1 when its sources date it differently
    haystack TEXT NOT NULL      -- lowered title, subject and accounts: what words match
);
CREATE INDEX happenings_dates ON happenings (start, end, id);

-- One row per year a happening's dates overlap: a year's page is an index range, in order.
CREATE TABLE happening_years (
    year         INTEGER NOT NULL,
    kind         TEXT NOT NULL,  -- '' when it has none
    tier         INTEGER NOT NULL,
    start        TEXT NOT NULL,
    end          TEXT NOT NULL,
    happening_id INTEGER NOT NULL REFERENCES happenings (id) ON DELETE CASCADE
);
CREATE INDEX happening_years_main ON happening_years (year, tier, start, end, happening_id);
CREATE INDEX happening_years_kind ON happening_years (year, kind, tier, start, end, happening_id);
CREATE INDEX happening_years_dates ON happening_years (year, start, end, happening_id);

DELETE FROM meta WHERE key = 'curated_fingerprint';
