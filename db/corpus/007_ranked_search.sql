-- 007: search that ranks. Two FTS5 tables over the same rows as passages_fts and quotes_fts,
-- tokenized for ranking rather than exact filtering: the porter stemmer (`collapse` finds
-- "collapsed", `GPU` finds "GPUs"), and Chinese, Japanese and Korean characters indexed one by
-- one (cjk_spaced(), a function every connection of bot.store.database registers), so that a
-- Chinese word inside a longer run (商汤 in 商汤科技) is found as a phrase of its characters.
-- These tables keep their own (spaced) copy of the text; the originals stay in passages/quotes.

CREATE VIRTUAL TABLE passages_words USING fts5 (
    text,
    heading,
    tokenize = 'porter unicode61 remove_diacritics 2'
);

INSERT INTO passages_words (rowid, text, heading)
SELECT id, cjk_spaced(text), cjk_spaced(heading) FROM passages;

CREATE TRIGGER passages_words_insert AFTER INSERT ON passages BEGIN
    INSERT INTO passages_words (rowid, text, heading)
    VALUES (new.id, cjk_spaced(new.text), cjk_spaced(new.heading));
END;

CREATE TRIGGER passages_words_delete AFTER DELETE ON passages BEGIN
    DELETE FROM passages_words WHERE rowid = old.id;
END;

CREATE TRIGGER passages_words_update AFTER UPDATE ON passages BEGIN
    DELETE FROM passages_words WHERE rowid = old.id;
    INSERT INTO passages_words (rowid, text, heading)
    VALUES (new.id, cjk_spaced(new.text), cjk_spaced(new.heading));
END;

CREATE VIRTUAL TABLE quotes_words USING fts5 (
    text,
    question,
    speaker,
    tokenize = 'porter unicode61 remove_diacritics 2'
);

INSERT INTO quotes_words (rowid, text, question, speaker)
SELECT id, cjk_spaced(text), cjk_spaced(question), cjk_spaced(speaker) FROM quotes;

CREATE TRIGGER quotes_words_insert AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_words (rowid, text, question, speaker)
    VALUES (new.id, cjk_spaced(new.text), cjk_spaced(new.question), cjk_spaced(new.speaker));
END;

CREATE TRIGGER quotes_words_delete AFTER DELETE ON quotes BEGIN
    DELETE FROM quotes_words WHERE rowid = old.id;
END;

CREATE TRIGGER quotes_words_update AFTER UPDATE ON quotes BEGIN
    DELETE FROM quotes_words WHERE rowid = old.id;
    INSERT INTO quotes_words (rowid, text, question, speaker)
    VALUES (new.id, cjk_spaced(new.text), cjk_spaced(new.question), cjk_spaced(new.speaker));
END;
