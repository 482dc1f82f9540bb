-- The worker that ran a job's last attempt (pid@host/node#n, as in locked_by), kept after the job
-- ends: with several nodes sharing the queue, which node ran what stays visible (ClusterIT reads
-- it to see both nodes take part). Null for jobs that ended before this column.
ALTER TABLE jobs ADD COLUMN ran_by varchar(200);
COMMENT ON COLUMN jobs.ran_by IS 'worker of the last attempt (locked_by when it ended)';
