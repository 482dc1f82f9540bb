-- The trace a job was queued in (W3C traceparent: version, trace id, parent span id, flags), so
-- the worker that runs it, on any node and after any delay, continues that trace: a request's
-- trace shows the jobs it started. Null for periodic jobs, jobs queued outside a trace and jobs
-- queued before this column.
ALTER TABLE jobs ADD COLUMN trace_context varchar(55);
COMMENT ON COLUMN jobs.trace_context IS 'W3C traceparent of the trace that queued the job';
