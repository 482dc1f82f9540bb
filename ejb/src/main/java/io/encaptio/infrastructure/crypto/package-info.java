/** Encryption of secrets at rest. */
package io.encaptio.infrastructure.crypto;
