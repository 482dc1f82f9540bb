/** The integrator API, {@code /api/v1}: bearer tokens from Keycloak, JSON in and out. */
package io.encaptio.interfaces.api.rest;
