/** People of a tenant as Encaptio knows them locally; identity itself stays in Keycloak. */
package io.encaptio.domain.user;
