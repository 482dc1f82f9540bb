-- Each capsule chooses how its content is indexed: the embedding model and the chunk size (in the
-- model's tokens) with overlap. Capsules made before keep what indexed them (all-MiniLM-L6-v2,
-- 120/24); the application sets them for new capsules, so no column keeps a default.
ALTER TABLE capsule
    ADD COLUMN embedding_model varchar(64) NOT NULL DEFAULT 'all-minilm-l6-v2',
    ADD COLUMN chunk_tokens    integer     NOT NULL DEFAULT 120 CHECK (chunk_tokens > 0),
    ADD COLUMN chunk_overlap   integer     NOT NULL DEFAULT 24 CHECK (chunk_overlap >= 0);
ALTER TABLE capsule
    ALTER COLUMN embedding_model DROP DEFAULT,
    ALTER COLUMN chunk_tokens DROP DEFAULT,
    ALTER COLUMN chunk_overlap DROP DEFAULT;
