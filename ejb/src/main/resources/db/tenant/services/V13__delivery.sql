-- Delivery to visitors (share page, widget, public API): which web origins may use a capsule,
-- whether its visitors must bring an embed token signed with the capsule's secret (sealed with
-- AES-256-GCM under the node's secrets key), the visitor behind each conversation, the leads
-- visitors leave, and the events integrations will pick up.
ALTER TABLE capsule
    ADD COLUMN allowed_origins     text    NOT NULL DEFAULT '[]',
    ADD COLUMN require_embed_token boolean NOT NULL DEFAULT false,
    ADD COLUMN embed_secret        text;

-- visitor_id: the random id the widget or share page keeps for its visitor (or the identity a
-- signed token carried); origin: the page's origin when the conversation started.
ALTER TABLE conversation
    ADD COLUMN visitor_id varchar(80),
    ADD COLUMN origin     varchar(255);
-- the inbox counts each conversation's unanswered questions
CREATE INDEX analytics_event_conversation ON analytics_event (conversation_id, kind)
    WHERE conversation_id IS NOT NULL;

-- One lead per e-mail address and capsule (per phone number when a form asks no e-mail); a visitor
-- who leaves details again updates the lead, and each conversation it came from is kept (with its
-- transcript and citations in message).
CREATE TABLE lead (
    id          uuid         PRIMARY KEY,
    capsule_id  uuid         NOT NULL REFERENCES capsule (id) ON DELETE CASCADE
                             DEFERRABLE INITIALLY IMMEDIATE,
    email       varchar(254) CHECK (email = lower(email)),
    name        varchar(200),
    phone       varchar(40),
    company     varchar(200),
    message     text,
    consent     text         NOT NULL,
    submissions integer      NOT NULL DEFAULT 1,
    first_at    timestamptz  NOT NULL,
    last_at     timestamptz  NOT NULL,
    CHECK (email IS NOT NULL OR phone IS NOT NULL),
    UNIQUE (capsule_id, email)
);
CREATE UNIQUE INDEX lead_phone ON lead (capsule_id, phone) WHERE email IS NULL;
CREATE INDEX lead_capsule ON lead (capsule_id, last_at DESC);

CREATE TABLE lead_conversation (
    lead_id         uuid        NOT NULL REFERENCES lead (id) ON DELETE CASCADE
                                DEFERRABLE INITIALLY IMMEDIATE,
    conversation_id uuid        NOT NULL REFERENCES conversation (id) ON DELETE CASCADE
                                DEFERRABLE INITIALLY IMMEDIATE,
    submitted_at    timestamptz NOT NULL,
    PRIMARY KEY (lead_id, conversation_id)
);
CREATE INDEX lead_conversation_conversation ON lead_conversation (conversation_id);

-- Events for integrations (CRM pushes, webhooks), written in the transaction of the change that
-- raised them; delivered by the integrations' jobs.
CREATE TABLE outbox_event (
    id         uuid        PRIMARY KEY,
    kind       varchar(64) NOT NULL,
    capsule_id uuid,
    payload    text        NOT NULL,
    created_at timestamptz NOT NULL
);
CREATE INDEX outbox_event_kind ON outbox_event (kind, created_at DESC);
