/** The platform's audit log in PostgreSQL. */
package io.encaptio.infrastructure.audit;
