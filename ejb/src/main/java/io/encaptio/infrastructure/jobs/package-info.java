/** The job queue on PostgreSQL: FOR UPDATE SKIP LOCKED claims under a lease. */
package io.encaptio.infrastructure.jobs;
