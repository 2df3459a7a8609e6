-- 009: disagreements carry their kind (number, date, name, characterisation, order), the
-- attribute in words, and the team's note; a disagreement may be about several subjects (the
-- cards of each show it), looked up by name key. Obvious corpus errors are kept as written
-- with the team's note. Both are derived: every index run replaces them.

ALTER TABLE conflicts ADD COLUMN kind TEXT;
ALTER TABLE conflicts ADD COLUMN label TEXT;
ALTER TABLE conflicts ADD COLUMN note TEXT;

CREATE TABLE conflict_subjects (
    conflict_id INTEGER NOT NULL REFERENCES conflicts (id) ON DELETE CASCADE,
    subject     TEXT NOT NULL,
    key         TEXT NOT NULL
);
CREATE INDEX conflict_subjects_key ON conflict_subjects (key);
CREATE INDEX conflict_subjects_conflict ON conflict_subjects (conflict_id);

CREATE TABLE corpus_notes (
    id       INTEGER PRIMARY KEY,
    subject  TEXT NOT NULL,
    key      TEXT NOT NULL,
    written  TEXT NOT NULL,
    file     TEXT NOT NULL,
    evidence TEXT NOT NULL,
    note     TEXT NOT NULL
);
CREATE INDEX corpus_notes_key ON corpus_notes (key);
