-- Periodic jobs (the analytics roll-up of each tenant) are queued at most once per tenant: the
-- tenant synchronisation timer of every node queues one where none waits, and this index makes
-- the second node's insert a no-op.
CREATE UNIQUE INDEX jobs_periodic_queued ON jobs (tenant_id, kind)
    WHERE state = 'queued' AND kind IN ('analytics-rollup');
