/** Tenant export and import with PostgreSQL's COPY, as a zip of CSV files and a manifest. */
package io.encaptio.tenancy.infrastructure.archive;
