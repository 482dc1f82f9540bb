/** The JAX-RS application: every resource under {@code /api}. */
package io.encaptio.interfaces.api;
