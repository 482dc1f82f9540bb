-- The keyword stage of retrieval is BM25, computed in SQL from an inverted index kept in the
-- tenant's schema: one posting per (chunk, lexeme) with its term frequency, the chunk's length and
-- an impact (the BM25 term-frequency part at indexing time) that orders each term's postings, so a
-- query reads only the best postings of each of its terms instead of scoring every match.
-- Lexemes come from the chunk's tsvector (PostgreSQL's English stemmer and stop words).
-- Triggers keep it with the chunks, whatever writes or deletes them (ingestion, re-index, a removed
-- item or capsule, a tenant import); document frequencies and lengths are kept per capsule.
-- The tables are derived (their comments say so): a tenant export leaves them out and the import
-- rebuilds them when the chunks are copied in.

-- Tokens of a tsvector (positions of every lexeme): the chunk's length for BM25.
CREATE FUNCTION keyword_length(document tsvector) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN (SELECT coalesce(sum(coalesce(array_length(t.positions, 1), 1)), 0)::integer
              FROM unnest(document) t);

-- A chunk's words are its heading path's and its text's (as the embedding reads them): a section
-- title names what its chunks are about. The GIN index goes: the postings replace it.
DROP INDEX chunk_tsv;
ALTER TABLE chunk DROP COLUMN tsv;
ALTER TABLE chunk
    ADD COLUMN tsv tsvector GENERATED ALWAYS AS
        (to_tsvector('english', coalesce(heading_path || E'\n', '') || text)) STORED,
    ADD COLUMN term_count integer GENERATED ALWAYS AS
        (keyword_length(to_tsvector('english', coalesce(heading_path || E'\n', '') || text))) STORED;

-- One row per capsule: chunk and token totals for BM25's N and average length, and a generation
-- that grows with every change of the capsule's chunks (cached answers name the generation they
-- were made from). Every change of a capsule's chunks updates its row first, so concurrent writers
-- of one capsule take their turns here (and never deadlock on the term rows below).
CREATE TABLE keyword_stats (
    capsule_id uuid    PRIMARY KEY,
    chunks     integer NOT NULL,
    terms      bigint  NOT NULL,
    generation bigint  NOT NULL DEFAULT 1
);
COMMENT ON TABLE keyword_stats IS 'derived: kept by the chunk triggers';

-- Chunks per embedding model of a capsule: retrieval embeds the question with each model present
-- (a change of model re-indexes item by item).
CREATE TABLE capsule_model_chunks (
    capsule_id uuid        NOT NULL,
    model      varchar(64) NOT NULL,
    chunks     integer     NOT NULL,
    PRIMARY KEY (capsule_id, model)
);
COMMENT ON TABLE capsule_model_chunks IS 'derived: kept by the chunk triggers';

-- Document frequency of each lexeme in a capsule's chunks.
CREATE TABLE keyword_term (
    capsule_id uuid    NOT NULL,
    term       text    NOT NULL,
    chunks     integer NOT NULL,
    PRIMARY KEY (capsule_id, term)
);
COMMENT ON TABLE keyword_term IS 'derived: kept by the chunk triggers';

CREATE TABLE chunk_term (
    capsule_id  uuid     NOT NULL,
    term        text     NOT NULL,
    impact      real     NOT NULL,
    chunk_id    uuid     NOT NULL,
    tf          smallint NOT NULL,
    term_count  integer  NOT NULL
);
COMMENT ON TABLE chunk_term IS 'derived: kept by the chunk triggers';
CREATE INDEX chunk_term_postings ON chunk_term (capsule_id, term, impact DESC)
    INCLUDE (chunk_id, tf, term_count);
CREATE INDEX chunk_term_chunk ON chunk_term (chunk_id);

-- BM25's term-frequency part (k1 1.2, b 0.75), the same expression the query uses.
CREATE FUNCTION keyword_impact(tf integer, term_count integer, average_length double precision)
    RETURNS real LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN (tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * term_count / greatest(average_length, 1))))::real;

CREATE FUNCTION keyword_index_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO keyword_stats AS s (capsule_id, chunks, terms)
    SELECT capsule_id, count(*), sum(term_count) FROM added GROUP BY capsule_id ORDER BY capsule_id
    ON CONFLICT (capsule_id) DO UPDATE
        SET chunks = s.chunks + excluded.chunks, terms = s.terms + excluded.terms,
            generation = s.generation + 1;
    INSERT INTO capsule_model_chunks AS m (capsule_id, model, chunks)
    SELECT capsule_id, model, count(*) FROM added GROUP BY capsule_id, model ORDER BY 1, 2
    ON CONFLICT (capsule_id, model) DO UPDATE SET chunks = m.chunks + excluded.chunks;
    INSERT INTO keyword_term AS k (capsule_id, term, chunks)
    SELECT a.capsule_id, t.lexeme, count(*) FROM added a, unnest(a.tsv) t
     GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (capsule_id, term) DO UPDATE SET chunks = k.chunks + excluded.chunks;
    INSERT INTO chunk_term (capsule_id, term, impact, chunk_id, tf, term_count)
    SELECT a.capsule_id, t.lexeme,
           keyword_impact(coalesce(array_length(t.positions, 1), 1), a.term_count,
                          s.terms::double precision / greatest(s.chunks, 1)),
           a.id, least(coalesce(array_length(t.positions, 1), 1), 32767), a.term_count
      FROM added a JOIN keyword_stats s ON s.capsule_id = a.capsule_id, unnest(a.tsv) t;
    RETURN NULL;
END
$$;

CREATE FUNCTION keyword_index_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO keyword_stats AS s (capsule_id, chunks, terms)
    SELECT capsule_id, -count(*), -sum(term_count) FROM removed GROUP BY capsule_id
     ORDER BY capsule_id
    ON CONFLICT (capsule_id) DO UPDATE
        SET chunks = s.chunks + excluded.chunks, terms = s.terms + excluded.terms,
            generation = s.generation + 1;
    INSERT INTO capsule_model_chunks AS m (capsule_id, model, chunks)
    SELECT capsule_id, model, -count(*) FROM removed GROUP BY capsule_id, model ORDER BY 1, 2
    ON CONFLICT (capsule_id, model) DO UPDATE SET chunks = m.chunks + excluded.chunks;
    INSERT INTO keyword_term AS k (capsule_id, term, chunks)
    SELECT r.capsule_id, t.lexeme, -count(*) FROM removed r, unnest(r.tsv) t
     GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (capsule_id, term) DO UPDATE SET chunks = k.chunks + excluded.chunks;
    DELETE FROM chunk_term c USING removed r WHERE c.chunk_id = r.id;
    -- Terms and models no chunk has any more (a removed item or capsule) leave no rows behind.
    DELETE FROM keyword_term k
     USING (SELECT DISTINCT r.capsule_id, t.lexeme FROM removed r, unnest(r.tsv) t) gone
     WHERE k.capsule_id = gone.capsule_id AND k.term = gone.lexeme AND k.chunks <= 0;
    DELETE FROM capsule_model_chunks m USING (SELECT DISTINCT capsule_id FROM removed) gone
     WHERE m.capsule_id = gone.capsule_id AND m.chunks <= 0;
    RETURN NULL;
END
$$;

-- Unqualified names in the trigger functions mean this tenant's tables, whatever the caller's
-- search path (the SQL-standard bodies above are bound when created).
ALTER FUNCTION keyword_index_added() SET search_path FROM CURRENT;
ALTER FUNCTION keyword_index_removed() SET search_path FROM CURRENT;

CREATE TRIGGER chunk_keywords_added AFTER INSERT ON chunk
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION keyword_index_added();

-- Chunks stored before this migration go through the insert trigger once (same rows, same ids),
-- before the delete trigger exists.
CREATE TEMPORARY TABLE chunk_before_keywords ON COMMIT DROP AS
    SELECT id, content_item_id, capsule_id, ordinal, text, heading_path, page, position, model,
           embedding
      FROM chunk;
DELETE FROM chunk;
INSERT INTO chunk (id, content_item_id, capsule_id, ordinal, text, heading_path, page, position,
                   model, embedding)
SELECT * FROM chunk_before_keywords ORDER BY capsule_id, content_item_id, ordinal;

CREATE TRIGGER chunk_keywords_removed AFTER DELETE ON chunk
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION keyword_index_removed();
