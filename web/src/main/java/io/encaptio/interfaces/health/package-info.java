/** MicroProfile Health checks: readiness follows PostgreSQL and Keycloak, liveness does not. */
package io.encaptio.interfaces.health;
