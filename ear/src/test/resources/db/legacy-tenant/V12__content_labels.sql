-- Labels editors put on content items to narrow retrieval: tags (a JSON array of short words) and
-- the item's language (ISO 639-1). Search and answers can be limited to items with a tag or in a
-- language.
ALTER TABLE content_item
    ADD COLUMN tags     text NOT NULL DEFAULT '[]',
    ADD COLUMN language varchar(8);
