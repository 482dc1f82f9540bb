/**
 * The Flyway runner for the platform schema and each tenant schema; the scripts belong to the
 * modules that own the tables and are handed to it by them.
 */
package io.encaptio.tenancy.infrastructure.migration;
