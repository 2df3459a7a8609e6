-- 013: who speaks in each passage of a republished document whose text marks where the
-- original outlet's words begin: 'publisher' (the republisher's own introduction) or
-- 'original'; NULL where the document's credit speaks for all of it. The queries read the
-- few publisher passages once per generation, by the partial index.

ALTER TABLE passages ADD COLUMN voice TEXT;

CREATE INDEX passages_publisher_voice ON passages (document_id) WHERE voice = 'publisher';
