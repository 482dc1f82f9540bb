-- Readable addresses of share pages (/c/{slug}): unique across the platform, made from a capsule's
-- name the first time its share link is asked for, each naming one public key (and going with it
-- when the key is revoked). A renamed capsule keeps its slug, so printed links and QR codes work.
CREATE TABLE share_slugs (
    slug       varchar(60)  PRIMARY KEY CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    public_key varchar(27)  NOT NULL UNIQUE REFERENCES public_keys (public_key) ON DELETE CASCADE,
    created_at timestamptz  NOT NULL DEFAULT now()
);
