/** Where this module's platform and tenant migrations are, handed to tenancy's Flyway runner. */
package io.encaptio.infrastructure.migration;
