/** Integration events of the organization, to read by polling until webhooks deliver them. */
package io.encaptio.interfaces.integration.rest;
