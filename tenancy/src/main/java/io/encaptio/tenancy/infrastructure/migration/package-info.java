/** Flyway migrations of the platform schema and of each tenant schema. */
package io.encaptio.tenancy.infrastructure.migration;
