-- Golden questions: what a capsule must keep answering (the facts its answer must contain) or
-- must refuse. The set runs as a job after every publish and re-index and on demand; each run
-- keeps every question's result and how it changed since the run before.
CREATE TABLE golden_question (
    id             uuid        PRIMARY KEY,
    capsule_id     uuid        NOT NULL REFERENCES capsule (id) ON DELETE CASCADE
                               DEFERRABLE INITIALLY IMMEDIATE,
    question       text        NOT NULL CHECK (length(trim(question)) > 0),
    expected_facts text        NOT NULL,
    should_refuse  boolean     NOT NULL,
    created_at     timestamptz NOT NULL
);
CREATE INDEX golden_question_capsule ON golden_question (capsule_id, created_at);

CREATE TABLE golden_run (
    id          uuid        PRIMARY KEY,
    capsule_id  uuid        NOT NULL REFERENCES capsule (id) ON DELETE CASCADE
                            DEFERRABLE INITIALLY IMMEDIATE,
    trigger     varchar(16) NOT NULL CHECK (trigger IN ('publish', 'reindex', 'manual')),
    status      varchar(16) NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
    queued_at   timestamptz NOT NULL,
    finished_at timestamptz,
    passed      integer     NOT NULL DEFAULT 0,
    failed      integer     NOT NULL DEFAULT 0,
    error       text
);
CREATE INDEX golden_run_capsule ON golden_run (capsule_id, queued_at DESC);

CREATE TABLE golden_result (
    id          uuid        PRIMARY KEY,
    run_id      uuid        NOT NULL REFERENCES golden_run (id) ON DELETE CASCADE
                            DEFERRABLE INITIALLY IMMEDIATE,
    question_id uuid        NOT NULL,
    question    text        NOT NULL,
    passed      boolean     NOT NULL,
    outcome     varchar(16) NOT NULL,
    answer      text        NOT NULL,
    missing     text        NOT NULL,
    change      varchar(8)  NOT NULL CHECK (change IN ('new', 'same', 'broke', 'fixed')),
    UNIQUE (run_id, question_id)
);
