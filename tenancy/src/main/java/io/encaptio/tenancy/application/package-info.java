/**
 * What the rest of the product asks of tenancy: register tenants from the identity provider's
 * organizations, migrate their schemas, and resolve the tenant of a request (cached).
 */
package io.encaptio.tenancy.application;
