/** Pages for development machines only, off unless their settings are present. */
package io.encaptio.interfaces.dev;
