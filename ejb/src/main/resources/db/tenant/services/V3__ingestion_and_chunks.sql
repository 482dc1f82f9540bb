-- Content goes through ingestion (parse, chunk, embed) as a job; each item shows its stage.
-- Files keep their bytes in content_blob; chunks carry the text, where it came from (heading
-- path, page) for citations, the embedding (pgvector, in the public schema) with the model that
-- made it, and a full-text vector.
ALTER TABLE content_item DROP CONSTRAINT content_item_kind_check;
ALTER TABLE content_item ADD CONSTRAINT content_item_kind_check
    CHECK (kind IN ('text', 'faq', 'file'));
ALTER TABLE content_item
    ADD COLUMN media_type  varchar(255),
    ADD COLUMN size_bytes  bigint,
    ADD COLUMN sha256      char(64),
    ADD COLUMN stage       varchar(16) NOT NULL DEFAULT 'queued'
        CHECK (stage IN ('queued', 'parsing', 'chunking', 'embedding', 'ready', 'failed')),
    ADD COLUMN progress    integer     NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    ADD COLUMN error       text,
    ADD COLUMN chunk_count integer     NOT NULL DEFAULT 0,
    ADD COLUMN updated_at  timestamptz NOT NULL DEFAULT now();
-- A file uploaded twice to the same capsule is reported, not stored twice.
CREATE UNIQUE INDEX content_item_same_file ON content_item (capsule_id, sha256) WHERE sha256 IS NOT NULL;

CREATE TABLE content_blob (
    content_item_id uuid  PRIMARY KEY REFERENCES content_item (id) ON DELETE CASCADE
                          DEFERRABLE INITIALLY IMMEDIATE,
    bytes           bytea NOT NULL
);

CREATE TABLE chunk (
    id              uuid         PRIMARY KEY,
    content_item_id uuid         NOT NULL REFERENCES content_item (id) ON DELETE CASCADE
                                 DEFERRABLE INITIALLY IMMEDIATE,
    capsule_id      uuid         NOT NULL,
    ordinal         integer      NOT NULL,
    text            text         NOT NULL,
    heading_path    text,
    page            integer,
    position        varchar(40),
    model           varchar(64)  NOT NULL,
    embedding       public.vector(384) NOT NULL,
    tsv             tsvector     GENERATED ALWAYS AS (to_tsvector('english', text)) STORED,
    UNIQUE (content_item_id, ordinal)
);
CREATE INDEX chunk_capsule ON chunk (capsule_id);
CREATE INDEX chunk_embedding ON chunk USING hnsw (embedding public.vector_cosine_ops);
CREATE INDEX chunk_tsv ON chunk USING gin (tsv);

-- Content added before ingestion existed is indexed by the queue like new content.
INSERT INTO platform.jobs (id, tenant_id, kind, subject_id)
SELECT gen_random_uuid(), t.id, 'ingest-content', c.id
  FROM content_item c
  JOIN platform.tenants t ON t.schema_name = current_schema();
