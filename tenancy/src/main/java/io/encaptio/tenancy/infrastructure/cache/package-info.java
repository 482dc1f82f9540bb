/** Infinispan caches of tenant look-ups. */
package io.encaptio.tenancy.infrastructure.cache;
