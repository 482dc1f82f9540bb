/** Keycloak as the directory of organizations (one per tenant). */
package io.encaptio.tenancy.infrastructure.keycloak;
