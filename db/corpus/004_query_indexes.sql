-- 004: indexes that keep answers fast on a large corpus.

-- A model card reads, per attribute and value, only the first few statements: walking this
-- index in order needs no sort and reads the table only for the rows kept.
CREATE INDEX facts_card ON facts (subject_key, attribute, value, id);

-- The timeline reads an event a document states twice once; finding the earlier twin is a seek.
CREATE INDEX events_twin ON events (document_id, start, end, text);
