-- The durable job queue. A job is written in the same transaction as the change that needs it,
-- claimed by a worker on any node with FOR UPDATE SKIP LOCKED under a lease, retried with backoff
-- and dead after max_attempts. A lease that runs out (a node died mid-job) makes the job claimable
-- again; handlers are idempotent, so the work takes effect once.
CREATE TABLE jobs (
    id           uuid         PRIMARY KEY,
    tenant_id    uuid         NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    kind         varchar(40)  NOT NULL,
    subject_id   uuid         NOT NULL,
    state        varchar(16)  NOT NULL DEFAULT 'queued'
                 CHECK (state IN ('queued', 'running', 'succeeded', 'dead', 'cancelled')),
    attempts     integer      NOT NULL DEFAULT 0,
    max_attempts integer      NOT NULL DEFAULT 5,
    run_after    timestamptz  NOT NULL DEFAULT now(),
    locked_by    varchar(200),
    locked_until timestamptz,
    last_error   text,
    created_at   timestamptz  NOT NULL DEFAULT now(),
    updated_at   timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX jobs_claimable ON jobs (run_after) WHERE state IN ('queued', 'running');
CREATE INDEX jobs_of_tenant ON jobs (tenant_id, created_at DESC);
