/** Infinispan caches of the assistant (answers), in the node's shared cache manager. */
package io.encaptio.infrastructure.cache;
