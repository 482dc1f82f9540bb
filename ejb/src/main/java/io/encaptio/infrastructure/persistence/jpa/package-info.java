/** JPA repositories of tenant data, always routed to the current tenant's schema. */
package io.encaptio.infrastructure.persistence.jpa;
