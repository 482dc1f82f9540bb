/** The node's Infinispan cache manager and the caches of tenant look-ups. */
package io.encaptio.tenancy.infrastructure.cache;
