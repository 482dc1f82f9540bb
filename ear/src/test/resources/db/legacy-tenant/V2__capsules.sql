-- Capsules: the draft an editor works on, and immutable published versions visitors see.
-- Foreign keys are DEFERRABLE so a tenant import (COPY, table by table) checks them at commit.
CREATE TABLE capsule (
    id                uuid         PRIMARY KEY,
    name              varchar(120) NOT NULL CHECK (length(trim(name)) > 0),
    status            varchar(16)  NOT NULL
                      CHECK (status IN ('draft', 'published', 'archived', 'deleted')),
    template          varchar(40)  NOT NULL,
    draft_settings    text         NOT NULL,
    published_version integer,
    published_at      timestamptz,
    created_at        timestamptz  NOT NULL DEFAULT now(),
    updated_at        timestamptz  NOT NULL DEFAULT now(),
    revision          bigint       NOT NULL DEFAULT 0
);
CREATE INDEX capsule_listing ON capsule (created_at DESC) WHERE status <> 'deleted';

CREATE TABLE capsule_version (
    id            uuid         PRIMARY KEY,
    capsule_id    uuid         NOT NULL REFERENCES capsule (id) ON DELETE CASCADE
                              DEFERRABLE INITIALLY IMMEDIATE,
    number        integer      NOT NULL CHECK (number > 0),
    name          varchar(120) NOT NULL,
    settings      text         NOT NULL,
    published_by  varchar(255) NOT NULL,
    published_at  timestamptz  NOT NULL,
    restored_from integer,
    UNIQUE (capsule_id, number)
);

-- What the assistant answers from, as the editor gave it (pasted text, FAQ pairs for now).
CREATE TABLE content_item (
    id         uuid         PRIMARY KEY,
    capsule_id uuid         NOT NULL REFERENCES capsule (id) ON DELETE CASCADE
                              DEFERRABLE INITIALLY IMMEDIATE,
    kind       varchar(16)  NOT NULL CHECK (kind IN ('text', 'faq')),
    title      varchar(200) NOT NULL,
    body       text         NOT NULL,
    created_at timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX content_item_capsule ON content_item (capsule_id, created_at);
