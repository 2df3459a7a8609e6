-- 001: the corpus index. Everything here is written by `minimax-bot index` only.
-- Applied by bot.store.database inside one transaction, followed by PRAGMA user_version = 1.
-- Dates are ISO text (YYYY-MM-DD); a FuzzyDate is stored as start, end, precision, part.
-- Offsets (start, end) are character offsets into documents.text.
-- Columns named *key hold bot.ingest.names.name_key() of the name next to them.

CREATE TABLE documents (
    id                  INTEGER PRIMARY KEY,
    file                TEXT NOT NULL UNIQUE,
    title               TEXT NOT NULL,
    outlet              TEXT,
    published_start     TEXT,
    published_end       TEXT,
    published_precision TEXT,
    published_part      TEXT,
    kind                TEXT NOT NULL,
    language            TEXT NOT NULL,
    sha256              TEXT NOT NULL,
    fingerprint         TEXT NOT NULL,
    text                TEXT NOT NULL
);

CREATE TABLE passages (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    ordinal     INTEGER NOT NULL,
    kind        TEXT NOT NULL,
    heading     TEXT,               -- heading_path joined with ' › ', NULL when empty
    text        TEXT NOT NULL,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    cells       TEXT,               -- JSON list of [header, value] pairs; NULL when empty
    UNIQUE (document_id, ordinal)
);

-- External-content FTS5 index over passages, kept in sync by the triggers below.
-- The triggers also fire on rows removed by ON DELETE CASCADE (tested).
CREATE VIRTUAL TABLE passages_fts USING fts5 (
    text,
    heading,
    content = 'passages',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER passages_fts_insert AFTER INSERT ON passages BEGIN
    INSERT INTO passages_fts (rowid, text, heading) VALUES (new.id, new.text, new.heading);
END;

CREATE TRIGGER passages_fts_delete AFTER DELETE ON passages BEGIN
    INSERT INTO passages_fts (passages_fts, rowid, text, heading)
    VALUES ('delete', old.id, old.text, old.heading);
END;

CREATE TRIGGER passages_fts_update AFTER UPDATE ON passages BEGIN
    INSERT INTO passages_fts (passages_fts, rowid, text, heading)
    VALUES ('delete', old.id, old.text, old.heading);
    INSERT INTO passages_fts (rowid, text, heading) VALUES (new.id, new.text, new.heading);
END;

CREATE TABLE quotes (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    passage_id  INTEGER NOT NULL REFERENCES passages (id) ON DELETE CASCADE,
    speaker     TEXT,               -- as the document writes it; NULL when it names nobody
    text        TEXT NOT NULL,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    question    TEXT
);
CREATE INDEX quotes_document ON quotes (document_id);
CREATE INDEX quotes_passage ON quotes (passage_id);
CREATE INDEX quotes_speaker ON quotes (speaker);

CREATE VIRTUAL TABLE quotes_fts USING fts5 (
    text,
    question,
    speaker,
    content = 'quotes',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts (rowid, text, question, speaker)
    VALUES (new.id, new.text, new.question, new.speaker);
END;

CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, text, question, speaker)
    VALUES ('delete', old.id, old.text, old.question, old.speaker);
END;

CREATE TRIGGER quotes_fts_update AFTER UPDATE ON quotes BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, text, question, speaker)
    VALUES ('delete', old.id, old.text, old.question, old.speaker);
    INSERT INTO quotes_fts (rowid, text, question, speaker)
    VALUES (new.id, new.text, new.question, new.speaker);
END;

CREATE TABLE person_mentions (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    passage_id  INTEGER NOT NULL REFERENCES passages (id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    key         TEXT NOT NULL,
    other_names TEXT NOT NULL DEFAULT '[]',   -- JSON list of strings
    role        TEXT,
    evidence    TEXT NOT NULL
);
CREATE INDEX person_mentions_document ON person_mentions (document_id);
CREATE INDEX person_mentions_passage ON person_mentions (passage_id);
CREATE INDEX person_mentions_key ON person_mentions (key);

CREATE TABLE model_mentions (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    passage_id  INTEGER NOT NULL REFERENCES passages (id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    key         TEXT NOT NULL,
    kind        TEXT,
    minimax     INTEGER,            -- 1 MiniMax's own, 0 a competitor's, NULL unknown
    evidence    TEXT NOT NULL
);
CREATE INDEX model_mentions_document ON model_mentions (document_id);
CREATE INDEX model_mentions_passage ON model_mentions (passage_id);
CREATE INDEX model_mentions_key ON model_mentions (key);

CREATE TABLE facts (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    passage_id  INTEGER REFERENCES passages (id) ON DELETE SET NULL,
    subject     TEXT NOT NULL,
    subject_key TEXT NOT NULL,
    attribute   TEXT NOT NULL,
    value       TEXT NOT NULL,
    evidence    TEXT NOT NULL,
    curated     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX facts_document ON facts (document_id);
CREATE INDEX facts_passage ON facts (passage_id);
CREATE INDEX facts_subject ON facts (subject);
CREATE INDEX facts_subject_key ON facts (subject_key, attribute);

CREATE TABLE events (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    passage_id  INTEGER REFERENCES passages (id) ON DELETE SET NULL,
    start       TEXT NOT NULL,      -- YYYY-MM-DD
    end         TEXT NOT NULL,      -- YYYY-MM-DD
    precision   TEXT NOT NULL,      -- day, month, part, year
    part        TEXT,               -- the qualifier of a 'part' date: 'late', 'summer', ...
    text        TEXT NOT NULL,
    evidence    TEXT NOT NULL,
    subject     TEXT,
    subject_key TEXT,
    curated     INTEGER NOT NULL DEFAULT 0,
    -- 'MM-DD' of the start, for "on this day" (meaningful for precision = 'day' only)
    month_day   TEXT GENERATED ALWAYS AS (substr(start, 6, 5)) VIRTUAL
);
CREATE INDEX events_document ON events (document_id);
CREATE INDEX events_passage ON events (passage_id);
CREATE INDEX events_start ON events (start);
CREATE INDEX events_month_day ON events (month_day, precision);
CREATE INDEX events_subject_key ON events (subject_key);

-- Derived tables: rebuilt as a whole by the indexer whenever anything changed.

CREATE TABLE people (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    role TEXT
);

CREATE TABLE person_names (
    person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    name      TEXT NOT NULL,
    key       TEXT NOT NULL,
    UNIQUE (person_id, name)    -- every spelling is kept: `Yan Junjie` and `Yanjunjie` share a key
);
CREATE INDEX person_names_key ON person_names (key);

CREATE TABLE models (
    id      INTEGER PRIMARY KEY,
    name    TEXT NOT NULL UNIQUE,
    kind    TEXT,
    minimax INTEGER
);

CREATE TABLE model_aliases (
    model_id INTEGER NOT NULL REFERENCES models (id) ON DELETE CASCADE,
    alias    TEXT NOT NULL,
    key      TEXT NOT NULL,
    UNIQUE (model_id, alias)    -- every spelling is kept: `abab 6.5` and `ABAB 6.5` share a key
);
CREATE INDEX model_aliases_key ON model_aliases (key);

CREATE TABLE conflicts (
    id        INTEGER PRIMARY KEY,
    subject   TEXT NOT NULL,
    attribute TEXT NOT NULL
);
CREATE INDEX conflicts_subject ON conflicts (subject, attribute);

CREATE TABLE conflict_values (
    conflict_id INTEGER NOT NULL REFERENCES conflicts (id) ON DELETE CASCADE,
    value       TEXT NOT NULL,
    file        TEXT NOT NULL,
    evidence    TEXT NOT NULL
);
CREATE INDEX conflict_values_conflict ON conflict_values (conflict_id);

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
