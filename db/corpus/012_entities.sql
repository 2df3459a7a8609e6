-- 012: organisations and concepts (companies, investors, outlets, labs; techniques, papers,
-- programmes), from the curated file's [[organisation]] and [[concept]] sections. Derived:
-- rebuilt whole by every index run that changes anything. `note` is the bot team's remark
-- (a corpus error, say), never the corpus's words. Forgetting the curated file's fingerprint
-- makes the next run fill them for an existing index.

CREATE TABLE entities (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL UNIQUE,
    kind     TEXT NOT NULL,
    part_of  TEXT,
    file     TEXT NOT NULL,
    evidence TEXT NOT NULL,
    note     TEXT
);

CREATE TABLE entity_aliases (
    entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    alias     TEXT NOT NULL,
    key       TEXT NOT NULL,
    UNIQUE (entity_id, alias)
);
CREATE INDEX entity_aliases_key ON entity_aliases (key);

-- Quotes the curated file adds ([[quote]]: words the corpus gives someone that no parser reads
-- as a quotation, such as Yunqi Capital's own introduction to 001): re-inserted by every run.
ALTER TABLE quotes ADD COLUMN curated INTEGER NOT NULL DEFAULT 0;

DELETE FROM meta WHERE key = 'curated_fingerprint';
