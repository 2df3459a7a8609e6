-- 011: what each passage means, for the optional semantic search (`pip install -e '.[semantic]'`).
-- Vectors are kept by the hash of what was embedded (the embedding model, the passage's heading
-- and text), not by passage: a document indexed again keeps the vectors of its unchanged
-- passages, so only new text is embedded. `passage_vectors` links each passage to its hash and
-- goes with the passage; vectors no passage links to are pruned at the end of an index run.
-- Without the extra both tables stay empty and search is lexical.

CREATE TABLE vectors (
    hash   TEXT PRIMARY KEY,
    model  TEXT NOT NULL,
    vector BLOB NOT NULL     -- float32, little-endian, L2-normalised
) WITHOUT ROWID;

CREATE TABLE passage_vectors (
    passage_id INTEGER PRIMARY KEY REFERENCES passages (id) ON DELETE CASCADE,
    hash       TEXT NOT NULL
);

CREATE INDEX passage_vectors_hash ON passage_vectors (hash);
