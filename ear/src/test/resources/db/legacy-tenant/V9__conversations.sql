-- Conversations with a capsule's assistant (the editors' playground now; visitors' channels use the
-- same tables), each message with how it was answered, its citations, the model, tokens and cost,
-- and the analytics events the assistant raises (an unanswered question, first of all).
CREATE TABLE conversation (
    id          uuid         PRIMARY KEY,
    capsule_id  uuid         NOT NULL REFERENCES capsule (id) ON DELETE CASCADE
                             DEFERRABLE INITIALLY IMMEDIATE,
    channel     varchar(16)  NOT NULL CHECK (channel IN ('playground', 'share', 'widget', 'api')),
    started_by  varchar(255) NOT NULL,
    started_at  timestamptz  NOT NULL,
    last_at     timestamptz  NOT NULL
);
CREATE INDEX conversation_capsule ON conversation (capsule_id, last_at DESC);

CREATE TABLE message (
    id              uuid         PRIMARY KEY,
    conversation_id uuid         NOT NULL REFERENCES conversation (id) ON DELETE CASCADE
                                 DEFERRABLE INITIALLY IMMEDIATE,
    ordinal         integer      NOT NULL,
    role            varchar(16)  NOT NULL CHECK (role IN ('visitor', 'assistant')),
    text            text         NOT NULL,
    -- visitor messages: the question as retrieval read it (a follow-up made standalone)
    standalone      text,
    -- assistant messages: how it answered and from what
    outcome         varchar(16)  CHECK (outcome IN ('answered', 'hedged', 'refused', 'greeting',
                                                    'small-talk', 'out-of-scope')),
    citations       text,
    model           varchar(160),
    variant         char(1)      CHECK (variant IN ('a', 'b')),
    cached          boolean      NOT NULL DEFAULT false,
    input_tokens    integer      NOT NULL DEFAULT 0,
    output_tokens   integer      NOT NULL DEFAULT 0,
    cost_micros     bigint       NOT NULL DEFAULT 0,
    latency_ms      integer,
    feedback        smallint     CHECK (feedback IN (-1, 1)),
    capsule_version integer,
    created_at      timestamptz  NOT NULL,
    UNIQUE (conversation_id, ordinal)
);

CREATE TABLE analytics_event (
    id              uuid         PRIMARY KEY,
    capsule_id      uuid         NOT NULL REFERENCES capsule (id) ON DELETE CASCADE
                                 DEFERRABLE INITIALLY IMMEDIATE,
    kind            varchar(32)  NOT NULL,
    conversation_id uuid,
    message_id      uuid,
    detail          text,
    created_at      timestamptz  NOT NULL
);
CREATE INDEX analytics_event_capsule ON analytics_event (capsule_id, kind, created_at DESC);
