-- Notifications: what the organization's people are told about (a lead left, a new unanswered
-- question, an item that failed, a source gone stale, a golden question that regressed). Each is
-- raised once (dedupe_key) in the transaction of the change that caused it; the notify job fans it
-- out to the people whose role may see it and whose preferences ask for it (in the portal, by
-- e-mail) and to the organization's Slack and Teams hooks that listen for its kind.
CREATE TABLE notification (
    id          uuid          PRIMARY KEY,
    kind        varchar(32)   NOT NULL,
    capsule_id  uuid          REFERENCES capsule (id) ON DELETE CASCADE,
    dedupe_key  varchar(200)  NOT NULL UNIQUE,
    -- JSON object: the facts the templates show (capsule name, lead's name, the error, ...)
    params      text          NOT NULL,
    created_at  timestamptz   NOT NULL
);

-- Where a notification goes: a person's portal inbox (in_app) or mailbox (email), recipient being
-- the person's subject, or a hook (slack, teams), recipient being the hook's id. E-mail and hook
-- deliveries are sent by jobs (pending until then; failed after the last attempt, with the error
-- and the first bytes of the answer kept); a person's e-mails of one kind are held back into a
-- digest while one of that kind went out within the digest window.
CREATE TABLE notification_delivery (
    id               uuid          PRIMARY KEY,
    notification_id  uuid          NOT NULL REFERENCES notification (id) ON DELETE CASCADE,
    kind             varchar(32)   NOT NULL,
    channel          varchar(16)   NOT NULL CHECK (channel IN ('in_app', 'email', 'slack', 'teams')),
    recipient        varchar(255)  NOT NULL,
    status           varchar(16)   NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
    attempts         integer       NOT NULL DEFAULT 0,
    last_error       varchar(1000),
    created_at       timestamptz   NOT NULL,
    sent_at          timestamptz,
    read_at          timestamptz,
    UNIQUE (notification_id, channel, recipient)
);
CREATE INDEX notification_delivery_inbox
    ON notification_delivery (recipient, created_at DESC) WHERE channel = 'in_app';
CREATE INDEX notification_delivery_unread
    ON notification_delivery (recipient) WHERE channel = 'in_app' AND read_at IS NULL;
CREATE INDEX notification_delivery_digest
    ON notification_delivery (recipient, kind, sent_at) WHERE channel = 'email';
CREATE INDEX notification_delivery_log
    ON notification_delivery (created_at DESC) WHERE channel <> 'in_app';

-- Who wants what: a person's choice per kind and channel (owner: the person's subject) before the
-- organization's default (owner '*', set by admins) before the built-in default.
CREATE TABLE notification_preference (
    owner    varchar(255)  NOT NULL,
    kind     varchar(32)   NOT NULL,
    channel  varchar(16)   NOT NULL CHECK (channel IN ('in_app', 'email')),
    enabled  boolean       NOT NULL,
    PRIMARY KEY (owner, kind, channel)
);

-- The language of a person's notifications (owner '*': the organization's default; English else).
CREATE TABLE notification_language (
    owner     varchar(255)  PRIMARY KEY,
    language  varchar(8)    NOT NULL CHECK (language IN ('en', 'de', 'fr', 'es'))
);

-- The organization's Slack and Microsoft Teams incoming webhooks. Whoever holds a hook's address
-- can post into its channel, so it is a secret: sealed with AES-256-GCM under the node's secrets
-- key like the chat-model keys, shown only by its hint (host and last characters).
CREATE TABLE notification_hook (
    id          uuid          PRIMARY KEY,
    channel     varchar(16)   NOT NULL CHECK (channel IN ('slack', 'teams')),
    name        varchar(100)  NOT NULL,
    sealed_url  text          NOT NULL,
    url_hint    varchar(300)  NOT NULL,
    -- comma-separated kinds the hook is told about
    kinds       varchar(500)  NOT NULL,
    language    varchar(8)    NOT NULL CHECK (language IN ('en', 'de', 'fr', 'es')),
    created_by  varchar(255)  NOT NULL,
    created_at  timestamptz   NOT NULL
);
