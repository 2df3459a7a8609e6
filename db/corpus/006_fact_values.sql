-- 006: what each distinct fact value says, read once by the indexer rather than by every
-- request: `key` is shared by values that say the same thing (`Jan 2025`, `January 2025`), and
-- fact_value_dates holds each date the value states, with its precision. Derived: rebuilt whole
-- by every index run that changes anything. Forgetting the curated file's fingerprint makes
-- the next run (run and ask index first) derive them for an existing index.

CREATE TABLE fact_values (
    value TEXT PRIMARY KEY,     -- facts.value, verbatim
    key   TEXT NOT NULL
);

CREATE TABLE fact_value_dates (
    value     TEXT NOT NULL REFERENCES fact_values (value) ON DELETE CASCADE,
    start     TEXT NOT NULL,    -- YYYY-MM-DD
    end       TEXT NOT NULL,
    precision TEXT NOT NULL,    -- day, month, part, year
    part      TEXT
);
CREATE INDEX fact_value_dates_value ON fact_value_dates (value);

DELETE FROM meta WHERE key = 'curated_fingerprint';
