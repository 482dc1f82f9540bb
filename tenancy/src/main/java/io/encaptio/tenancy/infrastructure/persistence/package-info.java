/** JPA repositories of the platform schema (persistence unit {@code platform}). */
package io.encaptio.tenancy.infrastructure.persistence;
