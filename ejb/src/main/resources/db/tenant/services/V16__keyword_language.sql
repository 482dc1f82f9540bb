-- The keyword index stems each chunk with the text search configuration of its capsule's language
-- (german, french, …; 'simple' for a language PostgreSQL has no stemmer for), set by ingestion in
-- the new column text_search; the capsule's row in keyword_stats keeps the configuration of its
-- latest indexed chunks, and the keyword query reads the question with it. Chunks already stored
-- take their capsule's draft language and go through the triggers once more (same rows, same ids),
-- so their postings are rebuilt with it. Each capsule's index generation is kept as it was: the
-- migration runs when a deployment starts, with the answer caches empty.

ALTER TABLE keyword_stats ADD COLUMN text_search regconfig NOT NULL DEFAULT 'english';

CREATE FUNCTION text_search_of(language text) RETURNS regconfig
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE lower(coalesce(language, 'en'))
        WHEN 'en' THEN 'english' WHEN 'de' THEN 'german' WHEN 'fr' THEN 'french'
        WHEN 'es' THEN 'spanish' WHEN 'it' THEN 'italian' WHEN 'pt' THEN 'portuguese'
        WHEN 'nl' THEN 'dutch' WHEN 'sv' THEN 'swedish' WHEN 'da' THEN 'danish'
        WHEN 'no' THEN 'norwegian' WHEN 'nb' THEN 'norwegian' WHEN 'fi' THEN 'finnish'
        WHEN 'ru' THEN 'russian' WHEN 'tr' THEN 'turkish' WHEN 'hu' THEN 'hungarian'
        WHEN 'ro' THEN 'romanian' ELSE 'simple' END::regconfig;

CREATE TEMPORARY TABLE chunk_before_language ON COMMIT DROP AS
    SELECT c.id, c.content_item_id, c.capsule_id, c.ordinal, c.text, c.heading_path, c.page,
           c.position, c.model, c.embedding, c.sentence_vectors,
           text_search_of(CAST(k.draft_settings AS jsonb) ->> 'language') AS text_search
      FROM chunk c JOIN capsule k ON k.id = c.capsule_id;
CREATE TEMPORARY TABLE keyword_generation ON COMMIT DROP AS
    SELECT capsule_id, generation FROM keyword_stats;
DELETE FROM chunk;

ALTER TABLE chunk DROP COLUMN term_count, DROP COLUMN tsv;
ALTER TABLE chunk ADD COLUMN text_search regconfig NOT NULL DEFAULT 'english';
ALTER TABLE chunk
    ADD COLUMN tsv tsvector GENERATED ALWAYS AS
        (to_tsvector(text_search, coalesce(heading_path || E'\n', '') || text)) STORED,
    ADD COLUMN term_count integer GENERATED ALWAYS AS
        (keyword_length(to_tsvector(text_search, coalesce(heading_path || E'\n', '') || text)))
        STORED;

CREATE OR REPLACE FUNCTION keyword_index_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO keyword_stats AS s (capsule_id, chunks, terms, text_search)
    SELECT capsule_id, count(*), sum(term_count), (array_agg(text_search))[1]
      FROM added GROUP BY capsule_id ORDER BY capsule_id
    ON CONFLICT (capsule_id) DO UPDATE
        SET chunks = s.chunks + excluded.chunks, terms = s.terms + excluded.terms,
            generation = s.generation + 1, text_search = excluded.text_search;
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
ALTER FUNCTION keyword_index_added() SET search_path FROM CURRENT;

INSERT INTO chunk (id, content_item_id, capsule_id, ordinal, text, heading_path, page, position,
                   model, embedding, sentence_vectors, text_search)
SELECT * FROM chunk_before_language ORDER BY capsule_id, content_item_id, ordinal;

UPDATE keyword_stats s SET generation = g.generation
  FROM keyword_generation g WHERE s.capsule_id = g.capsule_id;
