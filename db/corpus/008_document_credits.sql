-- 008: who a document is by and who published this copy. `outlet` stays the outlet that
-- wrote it (LatePost); `publisher` is set only when another one republished it (Yunqi Capital),
-- and then `published_*` is the republication's date. Authors and editors as JSON lists of the
-- names the byline writes. Documents indexed before this migration read as having none until
-- their next index.

ALTER TABLE documents ADD COLUMN publisher TEXT;
ALTER TABLE documents ADD COLUMN authors TEXT NOT NULL DEFAULT '[]';
ALTER TABLE documents ADD COLUMN editors TEXT NOT NULL DEFAULT '[]';
