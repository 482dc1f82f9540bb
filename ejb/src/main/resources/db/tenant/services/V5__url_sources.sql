-- Web pages as content: one page, or a site crawled from it (same origin, to a depth, up to a
-- number of pages). A URL source can be fetched again on a schedule (live sync): the hash of what
-- was fetched (fetched_sha256, apart from files' sha256: two addresses may serve the same bytes)
-- decides whether it is indexed again; a source that failed several syncs in a row is
-- flagged stale (its last good chunks stay searchable). A chunk of a crawled site names its page's
-- URL as its position, so position grows to text.
ALTER TABLE content_item DROP CONSTRAINT content_item_kind_check;
ALTER TABLE content_item ADD CONSTRAINT content_item_kind_check
    CHECK (kind IN ('text', 'faq', 'file', 'url'));
ALTER TABLE content_item
    ADD COLUMN source_url      text,
    ADD COLUMN crawl_depth     integer CHECK (crawl_depth BETWEEN 0 AND 5),
    ADD COLUMN crawl_max_pages integer CHECK (crawl_max_pages BETWEEN 1 AND 500),
    ADD COLUMN sync_hours      integer CHECK (sync_hours > 0),
    ADD COLUMN next_sync_at    timestamptz,
    ADD COLUMN last_synced_at  timestamptz,
    ADD COLUMN sync_failures   integer NOT NULL DEFAULT 0,
    ADD COLUMN sync_error      text,
    ADD COLUMN page_count      integer NOT NULL DEFAULT 0,
    ADD COLUMN fetched_sha256  char(64),
    ADD COLUMN indexed_at      timestamptz,
    ADD CONSTRAINT content_item_url_source
        CHECK ((kind = 'url') = (source_url IS NOT NULL AND crawl_depth IS NOT NULL
                                 AND crawl_max_pages IS NOT NULL));
-- The same address twice in a capsule is reported, not fetched twice.
CREATE UNIQUE INDEX content_item_same_url ON content_item (capsule_id, source_url)
    WHERE source_url IS NOT NULL;
UPDATE content_item SET indexed_at = updated_at WHERE stage = 'ready';
ALTER TABLE chunk ALTER COLUMN position TYPE text;
