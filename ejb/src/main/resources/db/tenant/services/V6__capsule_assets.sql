-- Images of a capsule's brand (logo, the assistant's avatar). An asset never changes once stored:
-- drafts and published versions name assets by id, so a version keeps the images it was published
-- with and a rollback brings them back.
CREATE TABLE capsule_asset (
    id         uuid        PRIMARY KEY,
    capsule_id uuid        NOT NULL REFERENCES capsule (id) ON DELETE CASCADE
                           DEFERRABLE INITIALLY IMMEDIATE,
    kind       varchar(16) NOT NULL CHECK (kind IN ('logo', 'avatar')),
    media_type varchar(64) NOT NULL,
    bytes      bytea       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX capsule_asset_of_capsule ON capsule_asset (capsule_id);
